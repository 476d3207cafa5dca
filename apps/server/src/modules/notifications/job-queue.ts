import PgBoss from 'pg-boss';
import type { NotificationDelivery } from './delivery.ts';
import type { Notifier } from './notifier.ts';

export const URGENT_QUEUE = 'notifications-urgent';
export const DIGEST_QUEUE = 'notifications-digest';
const TIME_ZONE = 'Europe/Paris';

export interface NotificationJobsOptions {
  databaseUrl: string;
  delivery: NotificationDelivery;
  notifier?: Notifier;
  /** Run the jobs here (false: only enqueue, as a second instance or a test may). */
  work?: boolean;
  /** Install the schedules (daily digest 07:00, weekly Monday 07:00, the urgent sweep). */
  schedule?: boolean;
  /** How often a worker looks for jobs, in seconds (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  log?: (message: string) => void;
}

/**
 * The background job queue: pg-boss on the same PostgreSQL (embedded or server), in its own schema
 * `pgboss` that it creates and migrates at start. Jobs are rows, so a job enqueued before a
 * restart runs after it, and several instances share the work without doing it twice.
 */
export async function startNotificationJobs(options: NotificationJobsOptions) {
  const log = options.log ?? (() => undefined);
  const boss = new PgBoss({ connectionString: options.databaseUrl, schema: 'pgboss', max: 3 });
  boss.on('error', (error) => log(`Job queue: ${error.message}`));
  await boss.start();
  await boss.createQueue(URGENT_QUEUE, { retryLimit: 5, retryDelay: 30, retryBackoff: true });
  await boss.createQueue(DIGEST_QUEUE, { retryLimit: 3, retryDelay: 300, expireInSeconds: 3600 });

  if (options.schedule !== false) {
    await boss.schedule(DIGEST_QUEUE, '0 7 * * *', { frequency: 'daily' }, { tz: TIME_ZONE, key: 'daily' });
    await boss.schedule(DIGEST_QUEUE, '0 7 * * 1', { frequency: 'weekly' }, { tz: TIME_ZONE, key: 'weekly' });
    // Catches urgent lines written while no instance was up, or whose wake-up was lost.
    await boss.schedule(URGENT_QUEUE, '* * * * *', {}, { tz: TIME_ZONE });
  }

  if (options.work !== false) {
    const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
    await boss.work(URGENT_QUEUE, polling, async () => {
      const { mails } = await options.delivery.sendUrgent();
      if (mails > 0) log(`Urgent notifications e-mailed: ${mails}`);
    });
    await boss.work<{ frequency: 'daily' | 'weekly' }>(DIGEST_QUEUE, polling, async ([job]) => {
      if (!job) return;
      const result = await options.delivery.runDigest(job.data.frequency);
      if (!result.skipped)
        log(`Digest ${job.data.frequency}: ${result.mails} mails to ${result.people} people`);
    });
    options.notifier?.onUrgent(() => {
      boss.send(URGENT_QUEUE, {}).catch((error: unknown) => log(`Job queue: ${String(error)}`));
    });
  }

  return {
    boss,
    /** Enqueues the urgent mailer now (it also runs every minute). */
    sendUrgentSoon: () => boss.send(URGENT_QUEUE, {}),
    /** Enqueues a digest run (it also runs on its schedule). */
    runDigestSoon: (frequency: 'daily' | 'weekly') => boss.send(DIGEST_QUEUE, { frequency }),
    /** Lets running jobs finish, then closes the queue's connections. */
    async stop() {
      options.notifier?.onUrgent(null);
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
}

export type NotificationJobs = Awaited<ReturnType<typeof startNotificationJobs>>;
