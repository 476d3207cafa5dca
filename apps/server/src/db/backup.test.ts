import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { createTestDatabase } from '../test/database.ts';
import { buildNetwork, buildPerson, grantRole } from '../test/factories.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import type { Database } from './database.ts';
import { type DB, TABLES_IN_DEPENDENCY_ORDER } from './schema.ts';

/** One fingerprint per table: the md5 of every row's text, in a stable order. */
async function fingerprint(db: Kysely<DB>): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES_IN_DEPENDENCY_ORDER) {
    const { rows } = await sql<{ digest: string | null }>`
      select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.table(table)} t`.execute(
      db,
    );
    result[table] = rows[0]?.digest ?? '';
  }
  return result;
}

describe('backup and restore', () => {
  let database: Database;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meute-backup-'));
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives back exactly the same data, tricky text included', async () => {
    const { db } = database;
    const person = await buildPerson(db, { displayName: 'Zoé « L’Hôte »\ttab\\backslash\nnewline \\. 🐺' });
    const network = await buildNetwork(db, { name: '\\.', kind: 'club' });
    await grantRole(db, person.id, network.id, 'staff');
    await db.insertInto('sign_in_failures').values({ email: 'x@example.test', ip: '127.0.0.1' }).execute();
    await db
      .insertInto('outbox_emails')
      .values({
        network_id: network.id,
        recipient: 'a@example.test',
        subject: 'Objet',
        body_text: 'ligne 1\r\nligne 2',
      })
      .execute();
    const before = await fingerprint(db);
    const file = path.join(dir, 'snapshot.meute.gz');
    const counts = await backupDatabase(database.url, file);
    assert.equal(counts.find((c) => c.table === 'people')?.rows, 1);

    await db.deleteFrom('memberships').execute();
    await buildPerson(db);
    await db.updateTable('networks').set({ name: 'changed' }).execute();
    assert.notDeepEqual(await fingerprint(db), before);

    await restoreDatabase(database.url, file);
    assert.deepEqual(await fingerprint(db), before);
    // Identity columns continue after the restored rows.
    await db.insertInto('sign_in_failures').values({ email: 'y@example.test', ip: '127.0.0.1' }).execute();
  });

  it('changes nothing when the backup file is damaged', async () => {
    const { db } = database;
    const good = path.join(dir, 'good.meute.gz');
    await backupDatabase(database.url, good);
    const before = await fingerprint(db);
    const damaged = path.join(dir, 'damaged.meute.gz');
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    await assert.rejects(restoreDatabase(database.url, damaged));
    assert.deepEqual(await fingerprint(db), before);
    const notABackup = path.join(dir, 'text.gz');
    fs.writeFileSync(notABackup, (await import('node:zlib')).gzipSync('hello\n'));
    await assert.rejects(restoreDatabase(database.url, notABackup), /not a Meute backup/);
  });
});
