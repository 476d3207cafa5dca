/**
 * `npm test`: every test of the project — unit, integration on a real PostgreSQL, browser.
 *
 * Integration tests need a PostgreSQL cluster where they can create databases. Without
 * TEST_DATABASE_URL this script starts the embedded PostgreSQL in a temporary directory;
 * with it (a database on a server, e.g. in CI), it works on that server. Either way it migrates a
 * template database once, and each test file clones its own database from it.
 *
 * Arguments are passed to `node --test` (e.g. `npm test -- apps/server/src/modules/**`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect } from '../apps/server/src/db/database.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';

const DEFAULT_PATTERNS = ['packages/**/*.test.ts', 'apps/**/*.test.ts', 'e2e/**/*.test.ts'];

const prefix = `meute_t${process.pid}`;
let adminUrl: string;
let stopEmbedded: (() => Promise<void>) | undefined;
let tempDir: string | undefined;

if (process.env.TEST_DATABASE_URL) {
  adminUrl = process.env.TEST_DATABASE_URL;
  console.log(`Integration tests on the PostgreSQL server of TEST_DATABASE_URL`);
} else {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meute-test-'));
  fs.chmodSync(tempDir, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir: tempDir, database: 'postgres' });
  adminUrl = embedded.url;
  stopEmbedded = embedded.stop;
  console.log('Integration tests on the embedded PostgreSQL');
}

const template = `${prefix}_template`;
async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let exitCode = 1;
try {
  await admin((client) => client.query(`create database "${template}"`));
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  const db = connect(templateUrl.toString(), 1);
  await migrateToLatest(db);
  await db.destroy();

  const args = process.argv.slice(2);
  // A folder stands for every test file below it.
  const patterns = args
    .filter((arg) => !arg.startsWith('-'))
    .map((arg) =>
      fs.existsSync(arg) && fs.statSync(arg).isDirectory() ? `${arg.replace(/\/$/, '')}/**/*.test.ts` : arg,
    );
  const flags = args.filter((arg) => arg.startsWith('-'));
  exitCode = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--test', '--test-concurrency=2', ...flags, ...(patterns.length > 0 ? patterns : DEFAULT_PATTERNS)],
      {
        stdio: 'inherit',
        env: {
          ...process.env,
          MEUTE_TEST_ADMIN_URL: adminUrl,
          MEUTE_TEST_TEMPLATE: template,
          MEUTE_TEST_PREFIX: prefix,
        },
      },
    );
    child.on('exit', (code) => resolve(code ?? 1));
  });
} finally {
  await admin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`${prefix}%`],
    );
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  }).catch((error: unknown) => console.error('Could not drop the test databases:', error));
  await stopEmbedded?.();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
}
process.exit(exitCode);
