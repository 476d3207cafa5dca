import assert from 'node:assert/strict';
import type { MembershipsTable } from '../db/schema.ts';
import {
  buildNetwork,
  buildOrganisation,
  buildPerson,
  type buildTestApp,
  grantRole,
  signIn,
} from './factories.ts';

/** The roles every permission matrix covers, anonymous visitors included. */
export const CAST_ROLES = [
  'staff',
  'fedStaff',
  'leader',
  'employee',
  'partner',
  'otherMember',
  'anonymous',
] as const;
export type CastRole = (typeof CAST_ROLES)[number];

type TestApp = Awaited<ReturnType<typeof buildTestApp>>;
type OrganisationValues = Omit<Parameters<typeof buildOrganisation>[1], 'name' | 'networkIds'>;

/**
 * The cast of a permission matrix, one person per role:
 *
 *   federation Nord ── club Alpha: company « Alpha A » (its leader and an employee), staff,
 *                      a partner's delegate (who leads « Banque P »), Nord's federation staff
 *   cluster Gamma: company « Gamma G » and its leader (a member of another network)
 *
 * `companyA` adds profile fields to Alpha A. `person()` adds more people with a role.
 */
export async function buildRoleCast(t: TestApp, options: { companyA?: OrganisationValues } = {}) {
  const cookies: Record<string, string | null> = { anonymous: null };
  const ids: Record<string, string> = {};
  const nord = await buildNetwork(t.db, { kind: 'federation', name: 'Fédération Nord' });
  const alpha = await buildNetwork(t.db, { kind: 'club', parentId: nord.id, name: 'Club Alpha' });
  const gamma = await buildNetwork(t.db, { kind: 'cluster', name: 'Cluster Gamma' });

  /** A person with a role in a network, signed in; their id and cookie under `name`. */
  async function person(name: string, networkId: string, role: MembershipsTable['role']) {
    const built = await buildPerson(t.db);
    ids[name] = built.id;
    cookies[name] = await signIn(t.app, built.email);
    await grantRole(t.db, built.id, networkId, role);
    return built.id;
  }

  await person('staff', alpha.id, 'staff');
  await person('fedStaff', nord.id, 'federation_staff');
  await person('leader', alpha.id, 'member_leader');
  await person('employee', alpha.id, 'member_employee');
  await person('partner', alpha.id, 'partner_delegate');
  await person('otherMember', gamma.id, 'member_leader');
  ids.A = (
    await buildOrganisation(t.db, {
      ...options.companyA,
      name: 'Alpha A',
      networkIds: [alpha.id],
      leaders: [ids.leader!],
      staffMembers: [ids.employee!],
    })
  ).id;
  // A partner organisation in the network, and a company of another network.
  await buildOrganisation(t.db, { name: 'Banque P', networkIds: [alpha.id], leaders: [ids.partner!] });
  await buildOrganisation(t.db, { name: 'Gamma G', networkIds: [gamma.id], leaders: [ids.otherMember!] });
  return { nord, alpha, gamma, ids, cookies, person };
}

/** Runs an action as every role and compares the status codes with the expected ones, at once. */
export async function expectStatuses(
  action: (who: CastRole) => Promise<{ statusCode: number }>,
  expected: Record<CastRole, number>,
) {
  const actual: Record<string, number> = {};
  for (const who of CAST_ROLES) actual[who] = (await action(who)).statusCode;
  assert.deepEqual(actual, expected);
}
