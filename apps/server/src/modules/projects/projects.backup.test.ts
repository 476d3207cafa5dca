import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { backupDatabase, restoreDatabase } from '../../db/backup.ts';
import type { Database } from '../../db/database.ts';
import { createTestDatabase } from '../../test/database.ts';
import { buildNetwork } from '../../test/factories.ts';

/** A project's documents are bytes (bytea): a backup gives every byte back, NUL and 0xff included. */
describe('projects: backup and restore of documents', () => {
  let database: Database;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meute-projects-backup-'));
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores a document byte for byte', async () => {
    const { db } = database;
    const network = await buildNetwork(db, { kind: 'club' });
    const project = await db
      .insertInto('projects')
      .values({ network_id: network.id, title: 'Projet sauvegardé', created_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const bytes = Buffer.concat([Buffer.from([0, 255, 92, 10, 13, 9]), randomBytes(200_000)]);
    await db
      .insertInto('project_documents')
      .values({
        project_id: project.id,
        name: 'données\tbrutes.bin',
        content_type: 'application/octet-stream',
        size_bytes: bytes.length,
        bytes,
        uploaded_by: null,
      })
      .execute();
    const file = path.join(dir, 'snapshot.meute.gz');
    const counts = await backupDatabase(database.url, file);
    assert.equal(counts.find((c) => c.table === 'project_documents')?.rows, 1);
    await db.deleteFrom('project_documents').execute();
    await restoreDatabase(database.url, file);
    const restored = await db
      .selectFrom('project_documents')
      .select(['name', 'bytes'])
      .executeTakeFirstOrThrow();
    assert.equal(restored.name, 'données\tbrutes.bin');
    assert.ok(restored.bytes.equals(bytes));
  });
});
