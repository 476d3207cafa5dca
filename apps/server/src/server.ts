import type { FastifyServerOptions } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { createContext } from './context.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo } from './db/seed/demo.ts';
import { startNotificationJobs } from './modules/notifications/job-queue.ts';
import { preloadReferenceData } from './reference/reference.ts';

export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  if (config.logLevel === 'silent') return false;
  const pretty = config.env === 'development' && process.stdout.isTTY;
  return {
    level: config.logLevel,
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
}

/** Opens the database, migrates it, loads the demo on a fresh embedded database, and listens. */
export async function startServer(config: Config) {
  const startedAt = Date.now();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    // Load communes and NAF now rather than on the first request that needs them.
    preloadReferenceData();
    const context = createContext(config, database);
    const app = await buildApp(context, {
      logger: loggerOptions(config),
      secureCookies: config.publicUrl.startsWith('https:'),
    });
    const log = (message: string) => app.log.info(message);

    const isFirstEmbeddedStart =
      database.kind === 'embedded' &&
      (await database.db.selectFrom('networks').select('id').limit(1).execute()).length === 0;
    if (config.demo === 'always' || (config.demo === 'auto' && isFirstEmbeddedStart)) {
      const { loaded } = await loadDemo(database);
      if (loaded) log('Demo data loaded');
    }
    // Notification e-mails and digests: a job queue on the same PostgreSQL (pg-boss, its own
    // schema), started before the server says it is ready so that a stop signal finds it running.
    const jobs = await startNotificationJobs({
      databaseUrl: database.url,
      delivery: context.services.notificationDelivery,
      notifier: context.notifier,
      log,
    });
    try {
      await app.listen({ host: config.host, port: config.port });
    } catch (error) {
      await jobs.stop();
      throw error;
    }
    log(`Meute is ready on ${config.publicUrl} (database: ${database.kind}) in ${Date.now() - startedAt} ms`);
    if (await hasDemoAccounts(database)) printDemoAccounts(config.publicUrl);
    // Build the directory's search index now, not on the first search (seconds at 80,000 members).
    context.services.directory.warmUp().catch((error: unknown) => app.log.error(error));

    let closing: Promise<void> | undefined;
    const close = () => {
      // Finish the requests in flight, then stop the embedded database cleanly.
      closing ??= (async () => {
        await app.close();
        await jobs.stop();
        await database.close();
      })();
      return closing;
    };
    return { app, database, close };
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function hasDemoAccounts(database: Awaited<ReturnType<typeof openDatabase>>) {
  const row = await database.db
    .selectFrom('people')
    .select('id')
    .where('is_demo', '=', true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

function printDemoAccounts(publicUrl: string) {
  const lines = [
    '',
    `  Meute — comptes de démonstration / demo accounts (mot de passe / password: ${DEMO_PASSWORD})`,
    ...DEMO_ACCOUNTS.map((account) => `    ${account.email.padEnd(28)} ${account.what.fr}`),
    `  Ouvrez / open ${publicUrl}`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
