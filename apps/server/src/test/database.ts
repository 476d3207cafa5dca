import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Database } from '../db/database.ts';
import { loadDemo } from '../db/seed/demo.ts';

function testEnvironment() {
  const adminUrl = process.env.MEUTE_TEST_ADMIN_URL;
  const template = process.env.MEUTE_TEST_TEMPLATE;
  const prefix = process.env.MEUTE_TEST_PREFIX;
  if (!adminUrl || !template || !prefix) {
    throw new Error('Integration tests need a database: run them through `npm test` (scripts/test.ts).');
  }
  return { adminUrl, template, prefix };
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The migrated template with the demo data loaded, made once per `npm test` run by the first test
 * file that asks for it (an advisory lock keeps the parallel test processes from making it twice):
 * browser tests then clone it in a fraction of a second instead of loading the demo each time.
 */
async function demoTemplate(adminUrl: string, template: string): Promise<string> {
  const name = `${template}_demo`;
  await withAdmin(adminUrl, async (client) => {
    await client.query('select pg_advisory_lock(hashtext($1))', [name]);
    try {
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (rowCount) return;
      const building = `${name}_building`;
      await client.query(`drop database if exists "${building}" with (force)`);
      await client.query(`create database "${building}" template "${template}"`);
      const url = databaseUrl(adminUrl, building);
      const db = connect(url, 2);
      try {
        await loadDemo({ db, url });
      } finally {
        await db.destroy();
      }
      await client.query(`alter database "${building}" rename to "${name}"`);
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
  return name;
}

/**
 * A fresh, migrated database of its own for one test file, cloned from the template that
 * `npm test` (scripts/test.ts) prepared on the embedded PostgreSQL or on TEST_DATABASE_URL —
 * with the demo data already loaded when `withDemo` is set.
 */
export async function createTestDatabase(options: { withDemo?: boolean } = {}): Promise<Database> {
  const { adminUrl, template, prefix } = testEnvironment();
  const source = options.withDemo ? await demoTemplate(adminUrl, template) : template;
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`create database "${name}" template "${source}"`));
  const url = databaseUrl(adminUrl, name);
  const db = connect(url, 5);
  return {
    db,
    kind: process.env.TEST_DATABASE_URL ? 'server' : 'embedded',
    url,
    close: async () => {
      await db.destroy();
      await withAdmin(adminUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}
