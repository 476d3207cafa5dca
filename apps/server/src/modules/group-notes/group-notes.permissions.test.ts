import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { GroupNote } from '@meute/contracts';
import { asPerson } from '../../db/database.ts';
import { buildPerson, buildTestApp, signIn } from '../../test/factories.ts';
import { buildRoleCast, type CastRole, expectStatuses } from '../../test/role-cast.ts';
import { buildGroup, leaveGroup } from './test-groups.ts';

/**
 * Who sees and writes a group's notes, for every role: only the group's active members on its
 * current charter. In club Alpha the leader of company A and the partner's delegate are members
 * of the group « Cyber »; the employee of A is only invited; the network's staff, the federation
 * staff, an instance administrator and a member of another network are not members.
 */
describe('group notes: who sees and does what', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookies: Record<string, string | null>;
  let ids: Record<string, string>;
  let slug: string;
  let groupId: string;
  let noteId: string;
  let version = 1;
  const SECRET = 'NOTE-CONFIDENTIELLE-4411';

  function call(who: string, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) {
    const cookie = cookies[who];
    return t.app.inject({
      method,
      url: `/api/networks/${slug}/groups/cyber/notes${path}`,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  }

  before(async () => {
    t = await buildTestApp();
    const cast = await buildRoleCast(t);
    ({ cookies, ids } = cast);
    slug = cast.alpha.slug;
    const admin = await buildPerson(t.db, { isInstanceAdmin: true });
    cookies.admin = await signIn(t.app, admin.email);
    const group = await buildGroup(t.db, {
      networkId: cast.alpha.id,
      slug: 'cyber',
      name: 'Cyber',
      active: [ids.leader!, ids.partner!],
      invited: [ids.employee!],
    });
    groupId = group.id;
    const created = await call('leader', 'POST', '', { title: 'Note blanche', body: SECRET });
    assert.equal(created.statusCode, 201, created.body);
    noteId = (created.json() as GroupNote).id;
  });
  after(() => t.close());

  const readers = { leader: 200, partner: 200 } as const;
  const others = { staff: 403, fedStaff: 403, employee: 403, otherMember: 404, anonymous: 401 } as const;
  const expected: Record<CastRole, number> = { ...others, ...readers };

  it('lists the notes for the group’s members only', async () => {
    await expectStatuses((who) => call(who, 'GET', ''), expected);
    assert.equal((await call('admin', 'GET', '')).statusCode, 403);
  });

  it('shows a note, its history and a version with its diff to the group’s members only', async () => {
    for (const path of [`/${noteId}`, `/${noteId}/versions`, `/${noteId}/versions/1`]) {
      await expectStatuses((who) => call(who, 'GET', path), expected);
      const staff = await call('staff', 'GET', path);
      assert.ok(!staff.body.includes(SECRET));
    }
  });

  it('lets only the group’s members start, save and restore a note', async () => {
    await expectStatuses((who) => call(who, 'POST', '', { title: `Note de ${who}`, body: 'texte' }), {
      ...others,
      leader: 201,
      partner: 201,
    });
    await expectStatuses(async (who) => {
      const response = await call(who, 'PUT', `/${noteId}`, {
        title: 'Note blanche',
        body: `${SECRET} ${who}`,
        baseVersion: version,
      });
      if (response.statusCode === 200) version += 1;
      return response;
    }, expected);
    await expectStatuses(async (who) => {
      const response = await call(who, 'POST', `/${noteId}/versions/1/restore`, { baseVersion: version });
      if (response.statusCode === 200) version += 1;
      return response;
    }, expected);
    assert.equal(version, 5);
  });

  it('hides the notes from the database for anyone outside the group, staff and administrators included', async () => {
    for (const who of ['staff', 'fedStaff', 'employee', 'otherMember']) {
      const rows = await asPerson(t.db, ids[who]!, (trx) =>
        Promise.all([
          trx.selectFrom('group_notes').selectAll().execute(),
          trx.selectFrom('group_note_versions').selectAll().execute(),
        ]),
      );
      assert.deepEqual(rows, [[], []], who);
    }
    const member = await asPerson(t.db, ids.leader!, (trx) =>
      trx.selectFrom('group_note_versions').select('body').execute(),
    );
    assert.ok(member.some((row) => row.body === SECRET));
  });

  it('closes the notes to a member who leaves the group, at once', async () => {
    await leaveGroup(t.db, groupId, ids.partner!);
    assert.equal((await call('partner', 'GET', '')).statusCode, 403);
    assert.equal((await call('partner', 'GET', `/${noteId}`)).statusCode, 403);
    const save = await call('partner', 'PUT', `/${noteId}`, { title: 'x', body: 'y', baseVersion: version });
    assert.equal(save.statusCode, 403);
    // Their notifications about the group's notes vanish with their access.
    const lines = await asPerson(t.db, ids.partner!, (trx) =>
      trx.selectFrom('notifications').select('id').where('kind', '=', 'note').execute(),
    );
    assert.deepEqual(lines, []);
    const before = await t.db
      .selectFrom('notifications')
      .select('id')
      .where('person_id', '=', ids.partner!)
      .where('kind', '=', 'note')
      .execute();
    assert.ok(before.length > 0);
  });
});
