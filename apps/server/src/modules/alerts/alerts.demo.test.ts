import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AlertAcknowledgements, AlertList, NotificationList, PendingAlerts } from '@meute/contracts';
import { DEMO_PASSWORD, loadDemoData } from '../../db/seed/demo.ts';
import { buildTestApp, signIn } from '../../test/factories.ts';

describe('demo: the club’s ransomware alert in progress', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const base = '/api/networks/club-eti-normandie/alerts';

  before(async () => {
    t = await buildTestApp();
    await loadDemoData(t.db);
  });
  after(() => t.close());

  const get = async (email: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: await signIn(t.app, email, DEMO_PASSWORD) } });

  it('shows Plastiflex’s leader the banner and an unread alert notification', async () => {
    const pending = (await get('dirigeant@demo.meute.fr', '/api/alerts/pending')).json<PendingAlerts>();
    assert.equal(pending.alerts.length, 1);
    assert.match(pending.alerts[0]?.title ?? '', /rançongiciel/);
    assert.deepEqual(
      pending.alerts[0]?.organisations.map((o) => o.name),
      ['Plastiflex'],
    );
    const notifications = (
      await get('dirigeant@demo.meute.fr', '/api/notifications')
    ).json<NotificationList>();
    assert.ok(notifications.unreadCount >= 1);
    assert.equal(notifications.notifications[0]?.kind, 'alert');
  });

  it('shows the staff who acknowledged and who has not, Plastiflex among the latter', async () => {
    const list = (await get('animatrice@demo.meute.fr', base)).json<AlertList>();
    const open = list.alerts.find((a) => a.closedAt === null);
    assert.ok(open);
    assert.equal(list.alerts.length, 2);
    const detail = (
      await get('animatrice@demo.meute.fr', `${base}/${open.id}/acknowledgements`)
    ).json<AlertAcknowledgements>();
    assert.ok(detail.acknowledged.length > 0);
    assert.ok(detail.pending.some((o) => o.name === 'Plastiflex'));
    assert.equal(detail.acknowledged.length + detail.pending.length, open.organisationCount);
  });
});
