import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { asPerson } from '../../db/database.ts';
import { buildNetwork, buildPerson, buildTestApp, grantRole, signIn } from '../../test/factories.ts';

/**
 * The permission matrix of networks: every role × every route, including "a member of another
 * network gets nothing" and the anonymous visitor.
 */
type Who =
  | 'admin'
  | 'fedStaff'
  | 'staff'
  | 'board'
  | 'leader'
  | 'employee'
  | 'partner'
  | 'otherNetwork'
  | 'outsider'
  | 'anonymous';
const WHO: Who[] = [
  'admin',
  'fedStaff',
  'staff',
  'board',
  'leader',
  'employee',
  'partner',
  'otherNetwork',
  'outsider',
  'anonymous',
];
const MANAGERS: Who[] = ['admin', 'fedStaff', 'staff'];
const MEMBERS: Who[] = ['board', 'leader', 'employee', 'partner'];

describe('networks: permission matrix', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const cookies = new Map<Who, string>();
  const ids = new Map<Who, string>();
  let federation: { id: string; slug: string };
  let network: { id: string; slug: string };
  let otherNetwork: { id: string; slug: string };
  let invitationId: string;

  before(async () => {
    t = await buildTestApp();
    federation = await buildNetwork(t.db, { kind: 'federation', name: 'Fédération' });
    network = await buildNetwork(t.db, { kind: 'club', parentId: federation.id, name: 'Club A' });
    otherNetwork = await buildNetwork(t.db, { kind: 'cluster', name: 'Cluster B (another federation)' });
    const people: Record<Exclude<Who, 'anonymous'>, Awaited<ReturnType<typeof buildPerson>>> = {
      admin: await buildPerson(t.db, { isInstanceAdmin: true }),
      fedStaff: await buildPerson(t.db),
      staff: await buildPerson(t.db),
      board: await buildPerson(t.db),
      leader: await buildPerson(t.db),
      employee: await buildPerson(t.db),
      partner: await buildPerson(t.db),
      otherNetwork: await buildPerson(t.db),
      outsider: await buildPerson(t.db),
    };
    await grantRole(t.db, people.fedStaff.id, federation.id, 'federation_staff');
    await grantRole(t.db, people.staff.id, network.id, 'staff');
    await grantRole(t.db, people.board.id, network.id, 'board');
    await grantRole(t.db, people.leader.id, network.id, 'member_leader');
    await grantRole(t.db, people.employee.id, network.id, 'member_employee');
    await grantRole(t.db, people.partner.id, network.id, 'partner_delegate');
    await grantRole(t.db, people.otherNetwork.id, otherNetwork.id, 'staff');
    for (const [who, person] of Object.entries(people) as [Who, { id: string; email: string }][]) {
      ids.set(who, person.id);
      cookies.set(who, await signIn(t.app, person.email));
    }
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${network.slug}/invitations`,
      headers: { cookie: cookies.get('staff')! },
      payload: { email: 'newcomer@example.test', role: 'member_leader' },
    });
    assert.equal(created.statusCode, 201, created.body);
    invitationId = created.json().id;
  });
  after(() => t.close());

  const call = (who: Who, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: who === 'anonymous' ? {} : { cookie: cookies.get(who)! },
    });

  const expected = (who: Who, whenManager: number, whenMember: number) =>
    who === 'anonymous'
      ? 401
      : MANAGERS.includes(who)
        ? whenManager
        : MEMBERS.includes(who)
          ? whenMember
          : 404;

  for (const who of WHO) {
    it(`${who}: sees exactly the networks it belongs to`, async () => {
      const response = await call(who, 'GET', '/api/networks');
      if (who === 'anonymous') return assert.equal(response.statusCode, 401);
      const slugs = (response.json().networks as { slug: string }[]).map((n) => n.slug).sort();
      const expectedSlugs = {
        admin: [federation.slug, network.slug, otherNetwork.slug],
        fedStaff: [federation.slug, network.slug],
        staff: [network.slug],
        board: [network.slug],
        leader: [network.slug],
        employee: [network.slug],
        partner: [network.slug],
        otherNetwork: [otherNetwork.slug],
        outsider: [],
      }[who].sort();
      assert.deepEqual(slugs, expectedSlugs);
    });

    it(`${who}: reads the network and its people only as a member or manager`, async () => {
      assert.equal(
        (await call(who, 'GET', `/api/networks/${network.slug}`)).statusCode,
        expected(who, 200, 200),
      );
      const people = await call(who, 'GET', `/api/networks/${network.slug}/people`);
      assert.equal(people.statusCode, expected(who, 200, 200));
      if (people.statusCode === 200) {
        const others = (people.json().people as { personId: string; email: string | null }[]).filter(
          (p) => p.personId !== ids.get(who),
        );
        const seesEmails = others.every((p) => p.email !== null);
        const hidesEmails = others.every((p) => p.email === null);
        assert.ok(
          MANAGERS.includes(who) ? seesEmails : hidesEmails,
          'only those who run the network see e-mails',
        );
      }
    });

    it(`${who}: lists, sends and revokes invitations only as a manager`, async () => {
      assert.equal(
        (await call(who, 'GET', `/api/networks/${network.slug}/invitations`)).statusCode,
        expected(who, 200, 403),
      );
      const sent = await call(who, 'POST', `/api/networks/${network.slug}/invitations`, {
        email: `invitee-${who}@example.test`,
        role: 'member_employee',
      });
      assert.equal(sent.statusCode, expected(who, 201, 403), sent.body);
      const target = sent.statusCode === 201 ? sent.json().id : invitationId;
      const revoked = await call(who, 'DELETE', `/api/networks/${network.slug}/invitations/${target}`);
      assert.equal(revoked.statusCode, expected(who, 200, 403), revoked.body);
    });

    it(`${who}: reads the outbox mails of its networks only`, async () => {
      const response = await call(who, 'GET', '/api/outbox');
      if (who === 'anonymous') return assert.equal(response.statusCode, 401);
      assert.equal(response.statusCode, 200);
      const recipients = (response.json().messages as { to: string }[]).map((m) => m.to);
      assert.equal(
        recipients.includes('newcomer@example.test'),
        MANAGERS.includes(who),
        recipients.join(','),
      );
    });
  }

  it('never shows another federation’s network, even by its address', async () => {
    for (const who of ['fedStaff', 'staff', 'leader', 'outsider'] as const) {
      const response = await call(who, 'GET', `/api/networks/${otherNetwork.slug}`);
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().code, 'NETWORK_NOT_FOUND');
    }
  });

  it('enforces the boundary in the database itself, as a role that is neither superuser nor owner', async () => {
    const rows = await asPerson(t.db, ids.get('otherNetwork')!, async (trx) => {
      const role = await sql<{ rolsuper: boolean; owns: boolean }>`
        select r.rolsuper,
               exists (select 1 from pg_tables where tableowner = current_user and schemaname = 'public') as owns
          from pg_roles r where r.rolname = current_user`.execute(trx);
      return {
        role: role.rows[0],
        networks: await trx.selectFrom('networks').select('slug').execute(),
        memberships: await trx.selectFrom('memberships').select('network_id').execute(),
        invitations: await trx.selectFrom('invitations').select('id').execute(),
        outbox: await trx.selectFrom('outbox_emails').select('id').execute(),
        people: await trx.selectFrom('people').select('id').execute(),
      };
    });
    assert.deepEqual(rows.role, { rolsuper: false, owns: false });
    assert.deepEqual(
      rows.networks.map((n) => n.slug),
      [otherNetwork.slug],
    );
    assert.ok(rows.memberships.every((m) => m.network_id === otherNetwork.id));
    assert.deepEqual(rows.invitations, []);
    assert.deepEqual(rows.outbox, []);
    assert.deepEqual(
      rows.people.map((p) => p.id),
      [ids.get('otherNetwork')],
    );
  });

  it('keeps the app role away from sessions and password hashes', async () => {
    await assert.rejects(
      asPerson(t.db, ids.get('admin')!, (trx) => trx.selectFrom('people').select('password_hash').execute()),
      /permission denied/,
    );
    const sessions = await asPerson(t.db, ids.get('admin')!, (trx) =>
      trx.selectFrom('sessions').selectAll().execute(),
    ).catch((error: Error) => error);
    assert.ok(sessions instanceof Error || sessions.length === 0);
  });

  it('refuses an invitation to a role the network kind does not have', async () => {
    const response = await call('staff', 'POST', `/api/networks/${network.slug}/invitations`, {
      email: 'x@example.test',
      role: 'federation_staff',
    });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().code, 'ROLE_NOT_INVITABLE');
  });
});
