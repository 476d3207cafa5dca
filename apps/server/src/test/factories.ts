import { randomBytes } from 'node:crypto';
import { categoryForHeadcountBand } from '@meute/domain';
import { type Kysely, sql } from 'kysely';
import { buildApp } from '../app.ts';
import { createContext } from '../context.ts';
import type { Database } from '../db/database.ts';
import type { DB, MembershipsTable, NetworksTable } from '../db/schema.ts';
import { hashPassword } from '../modules/accounts/secrets.ts';
import { placeColumns } from '../modules/directory/directory.service.ts';
import { referenceLookups } from '../modules/directory/reference-lookups.ts';
import { createTestDatabase } from './database.ts';

export const TEST_PASSWORD = 'correct horse battery';
let cachedHash: Promise<string> | undefined;

/** The whole app on a fresh database of its own, mails kept in the outbox. */
export async function buildTestApp(options: { withDemo?: boolean } = {}) {
  const database: Database = await createTestDatabase(options);
  const context = createContext(
    { publicUrl: 'http://meute.test', smtpUrl: undefined, mailFrom: 'test@meute.test' },
    database,
  );
  const app = await buildApp(context, {
    serveWeb: false,
    logger: process.env.MEUTE_TEST_LOG ? { level: 'error' } : false,
  });
  return {
    app,
    context,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

const unique = () => randomBytes(4).toString('hex');

export async function buildPerson(
  db: Kysely<DB>,
  values: { email?: string; displayName?: string; isInstanceAdmin?: boolean } = {},
) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return db
    .insertInto('people')
    .values({
      email: values.email ?? `person-${unique()}@example.test`,
      display_name: values.displayName ?? `Person ${unique()}`,
      password_hash: await cachedHash,
      is_instance_admin: values.isInstanceAdmin ?? false,
    })
    .returning(['id', 'email', 'display_name'])
    .executeTakeFirstOrThrow();
}

export async function buildNetwork(
  db: Kysely<DB>,
  values: { kind?: NetworksTable['kind']; parentId?: string; name?: string } = {},
) {
  const suffix = unique();
  return db
    .insertInto('networks')
    .values({
      slug: `network-${suffix}`,
      name: values.name ?? `Network ${suffix}`,
      kind: values.kind ?? 'cluster',
      parent_id: values.parentId ?? null,
    })
    .returning(['id', 'slug', 'name', 'kind'])
    .executeTakeFirstOrThrow();
}

export async function grantRole(
  db: Kysely<DB>,
  personId: string,
  networkId: string,
  role: MembershipsTable['role'],
) {
  await db.insertInto('memberships').values({ person_id: personId, network_id: networkId, role }).execute();
}

type InjectableApp = Awaited<ReturnType<typeof buildTestApp>>['app'];

/** Signs in through the API and returns the Cookie header to send with later requests. */
export async function signIn(app: InjectableApp, email: string, password = TEST_PASSWORD): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'meute_session');
  if (!cookie) throw new Error('no session cookie');
  return `meute_session=${cookie.value}`;
}

/** An organisation with a profile, member of the given networks, its search text up to date. */
export async function buildOrganisation(
  db: Kysely<DB>,
  values: {
    name: string;
    networkIds: string[];
    communeCode?: string;
    nafCode?: string;
    headcountBand?: string;
    description?: string;
    competences?: string[];
    certifications?: { name: string; expiresOn: string | null }[];
    leaders?: string[];
    staffMembers?: string[];
    siret?: string;
  },
) {
  const commune = values.communeCode ? referenceLookups().commune(values.communeCode) : null;
  const org = await db
    .insertInto('organisations')
    .values({
      name: values.name,
      siret: values.siret ?? null,
      naf_code: values.nafCode ?? null,
      headcount_band: values.headcountBand ?? null,
      category: categoryForHeadcountBand(values.headcountBand ?? null),
      description: values.description ?? '',
      ...placeColumns(commune),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const networkId of values.networkIds) {
    await db
      .insertInto('network_organisations')
      .values({ network_id: networkId, organisation_id: org.id })
      .execute();
  }
  for (const label of values.competences ?? []) {
    const competence =
      (await db
        .selectFrom('competences')
        .select('id')
        .where('label', '=', label)
        .where('network_id', 'is', null)
        .executeTakeFirst()) ??
      (await db
        .insertInto('competences')
        .values({ label, network_id: null })
        .returning('id')
        .executeTakeFirstOrThrow());
    await db
      .insertInto('organisation_competences')
      .values({ organisation_id: org.id, competence_id: competence.id })
      .execute();
  }
  for (const certification of values.certifications ?? []) {
    await db
      .insertInto('organisation_certifications')
      .values({ organisation_id: org.id, name: certification.name, expires_on: certification.expiresOn })
      .execute();
  }
  for (const personId of values.leaders ?? []) {
    await db
      .insertInto('person_organisations')
      .values({ person_id: personId, organisation_id: org.id, is_leader: true })
      .execute();
  }
  for (const personId of values.staffMembers ?? []) {
    await db
      .insertInto('person_organisations')
      .values({ person_id: personId, organisation_id: org.id, is_leader: false })
      .execute();
  }
  await sql`select meute_refresh_organisation_search(${org.id})`.execute(db);
  return org;
}
