import { loadConfig } from './config.ts';
import { DataDirectoryInUseError } from './db/embedded.ts';
import { startServer } from './server.ts';

/** Listen, and shut down gracefully on SIGTERM / SIGINT. */
try {
  const server = await startServer(loadConfig());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      server.app.log.info(`${signal} received: finishing requests in flight, then stopping`);
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
} catch (error) {
  if (error instanceof DataDirectoryInUseError) {
    console.error(`Meute: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
