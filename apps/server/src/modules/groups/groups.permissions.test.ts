import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { GroupDetail, GroupList } from '@meute/contracts';
import { asPerson } from '../../db/database.ts';
import { buildOrganisation, buildPerson, buildTestApp, signIn } from '../../test/factories.ts';
import { buildRoleCast, type CastRole, expectStatuses } from '../../test/role-cast.ts';
import { multipart } from '../imports/test-files.ts';

/**
 * Who sees and does what with a working group and its content. The cast (club Alpha's staff, its
 * federation's staff, company A's leader — here a member of the group — and employee, a
 * partner's delegate, a member of another network, an anonymous visitor) plus an instance
 * administrator, a member who left, and a member who has not accepted the new charter version.
 * The network's staff see the group, its charter and its members — never a word of its content.
 */
describe('working groups: who sees and does what', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookies: Record<string, string | null>;
  let ids: Record<string, string>;
  let alpha: { id: string; slug: string };
  let groupId: string;
  let threadId: string;
  let fileId: string;
  const SECRET = 'RANCON-CONFIDENTIEL-4471';
  const G = '/groups/cercle';
  const EXTRA = ['admin', 'left', 'pending'] as const;

  function call(
    who: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    payload?: object,
  ) {
    const cookie = cookies[who];
    return t.app.inject({
      method,
      url: `/api/networks/${alpha.slug}${path}`,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  }
  async function ok<T>(response: { statusCode: number; body: string; json: () => unknown }) {
    assert.ok(response.statusCode < 300, response.body);
    return response.json() as T;
  }
  async function upload(who: string) {
    const body = await multipart({
      file: { content: Buffer.from(SECRET), filename: 'note.txt', type: 'text/plain' },
    });
    const cookie = cookies[who];
    return t.app.inject({
      method: 'POST',
      url: `/api/networks/${alpha.slug}${G}/files`,
      headers: { ...body.headers, ...(cookie ? { cookie } : {}) },
      payload: body.payload,
    });
  }
  /** The statuses of the extra people, for an action run as each. */
  async function extraStatuses(action: (who: string) => Promise<{ statusCode: number }>) {
    const statuses: Record<string, number> = {};
    for (const who of EXTRA) statuses[who] = (await action(who)).statusCode;
    return statuses;
  }
  /** Content: only the group's active member who accepted the current charter. */
  const onlyMember = (success: number): Record<CastRole, number> => ({
    staff: 403,
    fedStaff: 403,
    leader: success,
    employee: 403,
    partner: 403,
    otherMember: 404,
    anonymous: 401,
  });
  const noExtra = { admin: 403, left: 403, pending: 403 };

  before(async () => {
    t = await buildTestApp();
    const cast = await buildRoleCast(t);
    ({ cookies, ids, alpha } = cast);
    const admin = await buildPerson(t.db, { isInstanceAdmin: true });
    cookies.admin = await signIn(t.app, admin.email);
    // Two more company leaders of the club: one will leave, one will not accept the new charter.
    for (const name of ['left', 'pending']) {
      const id = await cast.person(name, alpha.id, 'member_leader');
      await buildOrganisation(t.db, { name: `Société ${name}`, networkIds: [alpha.id], leaders: [id] });
    }
    await ok(
      await call('staff', 'POST', '/groups', {
        name: 'Cercle',
        theme: 'Cybersécurité',
        charter: 'Version 1',
        leaderIds: [ids.leader],
      }),
    );
    groupId = (
      await t.db
        .selectFrom('working_groups')
        .select('id')
        .where('slug', '=', 'cercle')
        .executeTakeFirstOrThrow()
    ).id;
    for (const who of ['leader', 'left', 'pending']) {
      await ok(await call(who, 'POST', `${G}/join`, { charterVersion: 1 }));
    }
    fileId = (await ok<{ id: string }>(await upload('leader'))).id;
    threadId = (
      await ok<{ id: string }>(
        await call('leader', 'POST', `${G}/posts`, {
          kind: 'report',
          title: 'Incident',
          body: SECRET,
          chatham: true,
          fileIds: [fileId],
        }),
      )
    ).id;
    await ok(await call('left', 'POST', `${G}/leave`));
    await ok(await call('leader', 'POST', `${G}/charter`, { body: 'Version 2' }));
  });
  after(async () => t?.close());

  it('shows the groups of a network to its people only', async () => {
    await expectStatuses((who) => call(who, 'GET', '/groups'), {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 200,
      otherMember: 404,
      anonymous: 401,
    });
    assert.deepEqual(await extraStatuses((who) => call(who, 'GET', '/groups')), {
      admin: 200,
      left: 200,
      pending: 200,
    });
    const seen = await ok<GroupList>(await call('pending', 'GET', '/groups'));
    assert.equal(seen.groups[0]?.myStatus, 'charter-pending');
  });

  it('shows a group’s name, charter and standing to the network; content rights to its reading members only', async () => {
    await expectStatuses((who) => call(who, 'GET', G), {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 200,
      otherMember: 404,
      anonymous: 401,
    });
    for (const who of ['staff', 'fedStaff', 'admin', 'employee', 'left', 'pending']) {
      const detail = await ok<GroupDetail>(await call(who, 'GET', G));
      assert.equal(detail.canSeeContent, false, who);
      assert.equal(JSON.stringify(detail).includes(SECRET), false, who);
    }
    assert.equal((await ok<GroupDetail>(await call('leader', 'GET', G))).canSeeContent, true);
  });

  it('shows the members list to the group’s members and the network’s staff', async () => {
    await expectStatuses((who) => call(who, 'GET', `${G}/members`), {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
    assert.deepEqual(await extraStatuses((who) => call(who, 'GET', `${G}/members`)), {
      admin: 200,
      left: 403,
      pending: 403,
    });
  });

  it('lets only the network’s staff create groups, edit them and their themes', async () => {
    await expectStatuses(
      (who) => call(who, 'POST', '/groups', { name: `Groupe ${who}`, theme: 'RSE', charter: 'C' }),
      {
        staff: 201,
        fedStaff: 201,
        leader: 403,
        employee: 403,
        partner: 403,
        otherMember: 404,
        anonymous: 401,
      },
    );
    await expectStatuses((who) => call(who, 'PATCH', G, { description: `par ${who}` }), {
      staff: 200,
      fedStaff: 200,
      leader: 403,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
    await expectStatuses((who) => call(who, 'PUT', '/group-themes', { themes: ['RSE'] }), {
      staff: 200,
      fedStaff: 200,
      leader: 403,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('lets eligible people join: company leaders, not employees nor partners nor staff', async () => {
    await expectStatuses((who) => call(who, 'POST', `${G}/join`, { charterVersion: 2 }), {
      staff: 403,
      fedStaff: 403,
      leader: 200,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('shows threads, posts and files to the reading members only', async () => {
    await expectStatuses((who) => call(who, 'GET', `${G}/posts`), onlyMember(200));
    await expectStatuses((who) => call(who, 'GET', `${G}/posts/${threadId}`), onlyMember(200));
    await expectStatuses((who) => call(who, 'GET', `${G}/files/${fileId}`), onlyMember(200));
    for (const path of [`${G}/posts`, `${G}/posts/${threadId}`, `${G}/files/${fileId}`]) {
      assert.deepEqual(await extraStatuses((who) => call(who, 'GET', path)), noExtra, path);
    }
  });

  it('lets the reading members only post, reply, react and upload', async () => {
    await expectStatuses(
      (who) => call(who, 'POST', `${G}/posts`, { title: 't', body: `par ${who}` }),
      onlyMember(201),
    );
    await expectStatuses(
      (who) => call(who, 'POST', `${G}/posts/${threadId}/replies`, { body: `par ${who}` }),
      onlyMember(201),
    );
    await expectStatuses(
      (who) => call(who, 'PUT', `${G}/posts/${threadId}/reactions/thanks`),
      onlyMember(200),
    );
    await expectStatuses((who) => upload(who), onlyMember(201));
    for (const action of [
      (who: string) => call(who, 'POST', `${G}/posts`, { title: 't', body: 'b' }),
      (who: string) => call(who, 'POST', `${G}/posts/${threadId}/replies`, { body: 'b' }),
      (who: string) => call(who, 'PUT', `${G}/posts/${threadId}/reactions/thanks`),
      (who: string) => upload(who),
    ]) {
      assert.deepEqual(await extraStatuses(action), noExtra);
    }
  });

  it('lets the group’s leaders (not the staff, who do not read it) moderate', async () => {
    await expectStatuses(
      (who) => call(who, 'POST', `${G}/posts/${threadId}/hide`, { reason: 'test' }),
      onlyMember(200),
    );
    await ok(await call('leader', 'POST', `${G}/posts/${threadId}/unhide`));
  });

  it('lets staff and leaders invite; staff only name leaders', async () => {
    await expectStatuses((who) => call(who, 'POST', `${G}/members`, { personId: ids.partner }), {
      staff: 400, // a partner's delegate is not eligible
      fedStaff: 400,
      leader: 400,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
    await expectStatuses((who) => call(who, 'POST', `${G}/members`, { personId: ids.left, role: 'leader' }), {
      staff: 201,
      fedStaff: 201,
      leader: 403,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('keeps every content row away from anyone but the reading members, in the database itself', async () => {
    const people = [ids.staff!, ids.fedStaff!, ids.employee!, ids.otherMember!, ids.left!, ids.pending!];
    const admin = await t.db
      .selectFrom('people')
      .select('id')
      .where('is_instance_admin', '=', true)
      .executeTakeFirstOrThrow();
    for (const personId of [...people, admin.id]) {
      const seen = await asPerson(t.db, personId, async (trx) => ({
        posts: (await trx.selectFrom('group_posts').select('id').execute()).length,
        files: (await trx.selectFrom('group_post_files').select('id').execute()).length,
        reactions: (await trx.selectFrom('group_post_reactions').select('post_id').execute()).length,
      }));
      assert.deepEqual(seen, { posts: 0, files: 0, reactions: 0 }, personId);
    }
    const member = await asPerson(t.db, ids.leader!, (trx) =>
      trx.selectFrom('group_posts').select('id').where('group_id', '=', groupId).execute(),
    );
    assert.ok(member.length > 0);
  });

  it('tells nobody outside the group about its posts, and names no Chatham House author in any notification', async () => {
    const outsiders = [ids.staff!, ids.fedStaff!, ids.employee!, ids.partner!, ids.otherMember!];
    const lines = await t.db
      .selectFrom('notifications')
      .selectAll()
      .where('kind', 'in', ['post', 'reply', 'mention'])
      .execute();
    assert.ok(lines.length > 0);
    assert.equal(lines.filter((n) => outsiders.includes(n.person_id)).length, 0);
    const leaderName = (
      await t.db
        .selectFrom('people')
        .select('display_name')
        .where('id', '=', ids.leader!)
        .executeTakeFirstOrThrow()
    ).display_name;
    const about = lines.filter((n) => n.subject_id === threadId);
    assert.ok(about.length > 0);
    for (const line of about)
      assert.ok(!line.title.includes(leaderName) && !line.excerpt.includes(leaderName));
  });
});
