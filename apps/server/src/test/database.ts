import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Database } from '../db/database.ts';

/**
 * A fresh, migrated database of its own for one test file, cloned from the template that
 * `npm test` (scripts/test.ts) prepared on the embedded PostgreSQL or on TEST_DATABASE_URL.
 */
export async function createTestDatabase(): Promise<Database> {
  const adminUrl = process.env.MEUTE_TEST_ADMIN_URL;
  const template = process.env.MEUTE_TEST_TEMPLATE;
  const prefix = process.env.MEUTE_TEST_PREFIX;
  if (!adminUrl || !template || !prefix) {
    throw new Error('Integration tests need a database: run them through `npm test` (scripts/test.ts).');
  }
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const adminClient = new pg.Client({ connectionString: adminUrl });
  await adminClient.connect();
  try {
    await adminClient.query(`create database "${name}" template "${template}"`);
  } finally {
    await adminClient.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = connect(url.toString(), 5);
  return {
    db,
    kind: process.env.TEST_DATABASE_URL ? 'server' : 'embedded',
    url: url.toString(),
    close: async () => {
      await db.destroy();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}
