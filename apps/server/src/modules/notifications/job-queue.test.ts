import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOutboxMailer } from '../../mail/mailer.ts';
import { buildNetwork, buildPerson, buildTestApp, grantRole } from '../../test/factories.ts';
import { createNotificationDelivery } from './delivery.ts';
import { DIGEST_QUEUE, startNotificationJobs, URGENT_QUEUE } from './job-queue.ts';
import { createNotifier } from './notifier.ts';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The job queue itself (pg-boss on the test database): jobs survive a restart, and run. */
describe('notification job queue', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;

  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('runs a job enqueued before a restart after it, end to end, and is woken by urgent lines', async () => {
    const network = await buildNetwork(t.db, { name: 'Club Queue' });
    const person = await buildPerson(t.db);
    await grantRole(t.db, person.id, network.id, 'member_leader');
    const delivery = createNotificationDelivery({
      db: t.db,
      mailer: createOutboxMailer(t.db, () => undefined),
      publicUrl: 'http://meute.test',
    });
    const notifier = createNotifier();
    const url = t.context.database.url;

    // First instance: enqueues only, then stops (a restart).
    const first = await startNotificationJobs({ databaseUrl: url, delivery, work: false, schedule: false });
    await first.runDigestSoon('daily');
    await first.stop();
    const queued = await t.db
      .selectFrom('pgboss.job' as never)
      .select(['name' as never, 'state' as never])
      .execute();
    assert.deepEqual(queued, [{ name: DIGEST_QUEUE, state: 'created' }]);

    // A line written while no instance runs.
    await notifier.notify(t.db, [
      {
        personId: person.id,
        networkId: network.id,
        groupId: null,
        kind: 'post',
        subjectId: null,
        link: `/n/${network.slug}`,
        title: 'Écrit pendant l’arrêt',
      },
    ]);
    await t.db
      .updateTable('notifications')
      .set({ created_at: new Date(Date.now() - 3600_000) } as never)
      .execute();

    // Second instance: works, and runs the job left by the first.
    const second = await startNotificationJobs({
      databaseUrl: url,
      delivery,
      notifier,
      schedule: true,
      pollingIntervalSeconds: 0.5,
    });
    try {
      const digest = await waitFor('the digest mail', async () => {
        const row = await t.db
          .selectFrom('outbox_emails')
          .selectAll()
          .where('recipient', '=', person.email)
          .executeTakeFirst();
        return row ?? undefined;
      });
      assert.match(digest.body_text, /Écrit pendant l’arrêt/);
      const schedules = await second.boss.getSchedules();
      assert.deepEqual(
        schedules.map((s) => [s.name, s.key, s.cron, s.timezone]).sort(),
        [
          [DIGEST_QUEUE, 'daily', '0 7 * * *', 'Europe/Paris'],
          [DIGEST_QUEUE, 'weekly', '0 7 * * 1', 'Europe/Paris'],
          [URGENT_QUEUE, '', '* * * * *', 'Europe/Paris'],
        ].sort(),
      );

      // An urgent line wakes the queue, which e-mails it within seconds.
      await notifier.notify(t.db, [
        {
          personId: person.id,
          networkId: network.id,
          groupId: null,
          kind: 'mention',
          subjectId: null,
          link: `/n/${network.slug}`,
          title: 'On vous cite',
          urgent: true,
        },
      ]);
      const urgent = await waitFor('the urgent mail', async () => {
        const row = await t.db
          .selectFrom('outbox_emails')
          .selectAll()
          .where('recipient', '=', person.email)
          .where('subject', 'like', '%On vous cite%')
          .executeTakeFirst();
        return row ?? undefined;
      });
      assert.equal(urgent.confidential, true);
    } finally {
      await second.stop();
    }
  });
});
