import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { Database } from '../../db/database.ts';
import { createTestDatabase } from '../../test/database.ts';
import { beginImport, canLinkWithoutTriggers } from './imports.repository.ts';

/** What the import's SQL relies on in the schema. */
describe('import SQL', () => {
  let database: Database;
  let client: pg.Client;

  before(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await beginImport(client);
  });
  after(async () => {
    await client.query('rollback');
    await client.end();
    await database.close();
  });

  it('links new organisations without per-row triggers only while network_organisations has the triggers and foreign keys the import accounts for', async () => {
    // Tests run as a superuser: the fast path is open. A new trigger or foreign key on
    // network_organisations closes it until NETWORK_ORGANISATIONS_INSERT says what to do instead.
    assert.equal(await canLinkWithoutTriggers(client), true);
    await client.query('savepoint extra_trigger');
    await client.query(
      `create function pg_temp.noop() returns trigger language plpgsql as $$ begin return null; end $$`,
    );
    await client.query(`create trigger network_organisations_noop after insert on network_organisations
      for each statement execute function pg_temp.noop()`);
    assert.equal(await canLinkWithoutTriggers(client), false);
    await client.query('rollback to savepoint extra_trigger');
    assert.equal(await canLinkWithoutTriggers(client), true);
  });
});
