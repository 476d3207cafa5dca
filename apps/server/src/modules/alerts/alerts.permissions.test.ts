import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  Alert,
  AlertAcknowledgements,
  AlertList,
  NotificationList,
  PendingAlerts,
} from '@meute/contracts';
import { buildTestApp } from '../../test/factories.ts';
import { buildRoleCast, type CastRole, expectStatuses } from '../../test/role-cast.ts';

/**
 * Who may see and do what with alerts and notifications, for every role of the cast: staff of
 * club Alpha, federation staff of its parent, the leader and an employee of member company A, a
 * partner's delegate, a member of another network (cluster Gamma) and an anonymous visitor.
 */
describe('alerts and notifications: who sees and does what', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookies: Record<string, string | null>;
  let ids: Record<string, string>;
  let alpha: { id: string; slug: string };

  function call(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
    const cookie = cookies[who];
    return t.app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : method === 'GET' ? {} : { payload: {} }),
    });
  }
  const alerts = (path = '') => `/api/networks/${alpha.slug}/alerts${path}`;
  async function raise(who: string, extra: object = {}) {
    const response = await call(who, 'POST', alerts(), {
      title: `Rançongiciel ${Math.random()}`,
      description: 'Une campagne vise nos entreprises.\nVérifiez vos sauvegardes.',
      checklist: ['Sauvegardes hors ligne', 'Comptes VPN'],
      ...extra,
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<Alert>();
  }

  before(async () => {
    t = await buildTestApp();
    ({ cookies, ids, alpha } = await buildRoleCast(t));
  });
  after(() => t.close());

  it('lets the people of the network read its alerts, nobody else', async () => {
    const alert = await raise('staff');
    const expected: Record<CastRole, number> = {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 200,
      otherMember: 404,
      anonymous: 401,
    };
    await expectStatuses((who) => call(who, 'GET', alerts()), expected);
    await expectStatuses((who) => call(who, 'GET', alerts(`/${alert.id}`)), expected);
  });

  it('lets members and staff raise an alert, not a partner nor outsiders', async () => {
    await expectStatuses(
      (who) =>
        call(who, 'POST', alerts(), {
          title: `Alerte de ${who}`,
          description: 'Quelque chose est arrivé.',
          checklist: [],
        }),
      {
        staff: 201,
        fedStaff: 201,
        leader: 201,
        employee: 201,
        partner: 403,
        otherMember: 404,
        anonymous: 401,
      },
    );
  });

  it('lets only the people of a member company acknowledge, for their company', async () => {
    const alert = await raise('staff');
    await expectStatuses((who) => call(who, 'POST', alerts(`/${alert.id}/acknowledge`), {}), {
      staff: 403,
      fedStaff: 403,
      leader: 200,
      employee: 200,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
    // One acknowledgement per organisation: the leader's, the employee's click changed nothing.
    const seen = (await call('employee', 'GET', alerts(`/${alert.id}`))).json<Alert>();
    assert.equal(seen.acknowledgedCount, 1);
    assert.equal(seen.myOrganisations[0]?.id, ids.A);
    assert.ok(seen.myOrganisations[0]?.acknowledgedAt);
    // Acknowledging for a company one does not speak for is refused.
    const other = await raise('staff');
    const bank = await t.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Banque P')
      .executeTakeFirstOrThrow();
    const refused = await call('leader', 'POST', alerts(`/${other.id}/acknowledge`), {
      organisationId: bank.id,
    });
    assert.equal(refused.statusCode, 403);
  });

  it('shows who acknowledged and who has not to staff only, and lets only staff remind and close', async () => {
    const alert = await raise('staff');
    const staffOnly: Record<CastRole, number> = {
      staff: 200,
      fedStaff: 200,
      leader: 403,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    };
    await expectStatuses((who) => call(who, 'GET', alerts(`/${alert.id}/acknowledgements`)), staffOnly);
    const detail = (
      await call('staff', 'GET', alerts(`/${alert.id}/acknowledgements`))
    ).json<AlertAcknowledgements>();
    assert.deepEqual(
      detail.pending.map((p) => p.name),
      ['Alpha A', 'Banque P'],
    );
    await expectStatuses((who) => call(who, 'POST', alerts(`/${alert.id}/remind`)), staffOnly);
    await expectStatuses((who) => call(who, 'POST', alerts(`/${alert.id}/close`)), staffOnly);
  });

  it('hides an anonymous raiser from the other members, not from staff', async () => {
    const alert = await raise('leader', { isAnonymous: true });
    const names: Record<string, string | null | undefined> = {};
    for (const who of ['staff', 'fedStaff', 'leader', 'employee', 'partner']) {
      const seen = (await call(who, 'GET', alerts(`/${alert.id}`))).json<Alert>();
      names[who] = seen.raisedBy?.organisationName ?? null;
    }
    assert.deepEqual(names, {
      staff: 'Alpha A',
      fedStaff: 'Alpha A',
      leader: 'Alpha A',
      employee: null,
      partner: null,
    });
    const named = await raise('leader', { isAnonymous: false });
    const seen = (await call('partner', 'GET', alerts(`/${named.id}`))).json<Alert>();
    assert.equal(seen.raisedBy?.organisationName, 'Alpha A');
  });

  it('shows the banner to the people of companies that have not acknowledged, in their networks only', async () => {
    const alert = await raise('staff', { title: 'Bannière' });
    const pending = async (who: string) => {
      const response = await call(who, 'GET', '/api/alerts/pending');
      return response.statusCode === 200
        ? response.json<PendingAlerts>().alerts.map((a) => a.title)
        : response.statusCode;
    };
    assert.ok(((await pending('leader')) as string[]).includes('Bannière'));
    assert.deepEqual(await pending('otherMember'), []);
    assert.deepEqual(await pending('partner'), []);
    assert.equal(await pending('anonymous'), 401);
    await call('employee', 'POST', alerts(`/${alert.id}/acknowledge`), {});
    assert.ok(!((await pending('leader')) as string[]).includes('Bannière'));
  });

  it('notifies everyone of the network but the raiser, and nobody outside it', async () => {
    const before = (await call('otherMember', 'GET', '/api/notifications')).json<NotificationList>()
      .unreadCount;
    const alert = await raise('employee', { title: 'Notifiée' });
    const count: Record<string, number> = {};
    for (const who of ['staff', 'leader', 'employee', 'partner', 'otherMember']) {
      const list = (await call(who, 'GET', '/api/notifications')).json<NotificationList>();
      count[who] = list.notifications.filter((n) => n.link.endsWith(alert.id)).length;
    }
    assert.deepEqual(count, { staff: 1, leader: 1, employee: 0, partner: 1, otherMember: 0 });
    assert.equal(
      (await call('otherMember', 'GET', '/api/notifications')).json<NotificationList>().unreadCount,
      before,
    );
    await expectStatuses((who) => call(who, 'GET', '/api/notifications'), {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 200,
      otherMember: 200,
      anonymous: 401,
    });
  });

  it('lets each person mark only their own notifications read', async () => {
    await raise('staff', { title: 'À lire' });
    const mine = (await call('leader', 'GET', '/api/notifications')).json<NotificationList>()
      .notifications[0];
    assert.ok(mine);
    await expectStatuses((who) => call(who, 'POST', `/api/notifications/${mine.id}/read`), {
      staff: 404,
      fedStaff: 404,
      leader: 200,
      employee: 404,
      partner: 404,
      otherMember: 404,
      anonymous: 401,
    });
    const after = (await call('leader', 'GET', '/api/notifications')).json<NotificationList>();
    assert.ok(after.notifications.find((n) => n.id === mine.id)?.readAt);
    await expectStatuses((who) => call(who, 'GET', '/api/notifications/preferences'), {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 200,
      otherMember: 200,
      anonymous: 401,
    });
  });

  it('hides a notification about a group from the moment its recipient leaves the group', async () => {
    const group = await t.db
      .insertInto('working_groups')
      .values({ network_id: alpha.id, slug: 'cyber', name: 'Cyber', theme: 'Cyber' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('group_charters')
      .values({ group_id: group.id, version: 1, body: 'Charte' })
      .execute();
    await t.db
      .insertInto('group_members')
      .values({
        group_id: group.id,
        person_id: ids.employee as string,
        status: 'active',
        charter_version: 1,
        charter_accepted_at: new Date(),
      })
      .execute();
    await t.context.notifier.notify(t.db, [
      {
        personId: ids.employee as string,
        networkId: alpha.id,
        groupId: group.id,
        kind: 'post',
        subjectId: null,
        link: '/n/alpha/groups/cyber',
        title: 'Retour d’expérience confidentiel',
      },
    ]);
    const titles = async () =>
      (await call('employee', 'GET', '/api/notifications'))
        .json<NotificationList>()
        .notifications.map((n) => n.title);
    assert.ok((await titles()).includes('Retour d’expérience confidentiel'));
    const unread = (await call('employee', 'GET', '/api/notifications/unread-count')).json<{
      unreadCount: number;
    }>();
    const line = await t.db
      .selectFrom('notifications')
      .select('id')
      .where('group_id', '=', group.id)
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('group_members')
      .set({ status: 'left', left_at: new Date() })
      .where('group_id', '=', group.id)
      .execute();
    assert.ok(!(await titles()).includes('Retour d’expérience confidentiel'));
    const after = (await call('employee', 'GET', '/api/notifications/unread-count')).json<{
      unreadCount: number;
    }>();
    assert.equal(after.unreadCount, unread.unreadCount - 1);
    assert.equal((await call('employee', 'POST', `/api/notifications/${line.id}/read`)).statusCode, 404);
    // Staff of the network never see it either.
    assert.equal((await call('staff', 'POST', `/api/notifications/${line.id}/read`)).statusCode, 404);
  });

  it('keeps an alert list to its network', async () => {
    const list = (await call('leader', 'GET', alerts())).json<AlertList>();
    assert.ok(list.alerts.length > 0);
    assert.equal(list.canManage, false);
    assert.equal(list.canRaise, true);
  });
});
