import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { wgs84ToLambert93 } from '@meute/domain';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../../db/database.ts';
import { createTestDatabase } from '../../test/database.ts';
import { createNetworksRepository } from '../networks/networks.repository.ts';
import { createImportsService, type ImportOptions, type ImportStep } from './imports.service.ts';
import { etablissement, makeSiret, sireneCsv } from './test-files.ts';

/**
 * The write of a large first import: the secondary indexes of organisations dropped and built
 * again inside the import's transaction, new organisations linked to the network in one insert
 * without per-row triggers. Each database gets the same networks and file; one is written row by
 * row and linked through the triggers (an extra trigger on network_organisations closes the fast
 * path, as for an owner that is no superuser), the other in bulk.
 */
describe('imports: bulk write', () => {
  let rows: Database;
  let bulk: Database;

  const communes = ['61169', '75108', '69381', '13055', '14118', '35238', '2A004', '97411'];
  const file = sireneCsv(
    Array.from({ length: 240 }, (_, i) => {
      const { x, y } = wgs84ToLambert93({ lon: -0.57 + (i % 17) / 100, lat: 48.75 + (i % 13) / 100 });
      return etablissement(makeSiret(100 + i, 1 + (i % 3)), {
        denominationUsuelleEtablissement: i % 5 === 0 ? '' : `FONDERIE ÉLECTRIQUE ${i} DU BOCAGE`,
        enseigne1Etablissement: i % 5 === 0 ? `Atelier ${i}` : '',
        codeCommuneEtablissement: i % 29 === 0 ? '[ND]' : communes[i % communes.length]!,
        trancheEffectifsEtablissement: ['NN', '00', '03', '12', '21', '32', '53'][i % 7]!,
        activitePrincipaleEtablissement: ['25.62A', '43.21A', '62.01Z', '10.71C'][i % 4]!,
        etatAdministratifEtablissement: i % 11 === 0 ? 'F' : 'A',
        coordonneeLambertAbscisseEtablissement: i % 4 === 0 ? '' : x.toFixed(1),
        coordonneeLambertOrdonneeEtablissement: i % 4 === 0 ? '' : y.toFixed(1),
      });
    }),
  );
  const existingSiret = makeSiret(100 + 7, 2);

  async function prepare(database: Database) {
    const { db } = database;
    const federation = await db
      .insertInto('networks')
      .values({ slug: 'federation', name: 'Fédération', kind: 'federation' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('networks')
      .values({ slug: 'club', name: 'Club', kind: 'club', parent_id: federation.id })
      .execute();
    const other = await db
      .insertInto('networks')
      .values({ slug: 'other', name: 'Autre', kind: 'cluster' })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Already in the directory, in another network, with a profile its members wrote.
    const org = await db
      .insertInto('organisations')
      .values({ name: 'Ancien nom', siret: existingSiret, description: 'Écrit par le membre' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('network_organisations')
      .values({ network_id: other.id, organisation_id: org.id })
      .execute();
  }

  const service = (database: Database) =>
    createImportsService({
      db: database.db,
      databaseUrl: database.url,
      networks: createNetworksRepository(),
    });

  async function run(database: Database, csv: string, options: Partial<ImportOptions>) {
    const steps: ImportStep[] = [];
    const report = await service(database).importAsOperator(
      'club',
      { kind: 'sirene', members: true, locale: 'en', onStep: (step) => steps.push(step), ...options },
      (async function* () {
        yield { role: 'file', stream: Readable.from([Buffer.from(csv)]) };
      })(),
    );
    return { report, steps };
  }

  /** What the directory holds, with networks by slug so that two databases compare. */
  async function directory(database: Database) {
    const { rows: organisations } = await sql<{
      siret: string;
      description: string;
      networks: string[];
      federations: string[];
    }>`
      select o.siret, o.siren, o.name, o.naf_code, o.naf_version, o.headcount_band, o.category,
             o.commune_code, o.epci_code, o.departement_code, o.region_code, o.lon, o.lat, o.is_active,
             o.description, o.search_vector::text as search_vector,
             array(select n.slug from networks n where n.id = any(o.network_ids) order by n.slug) as networks,
             array(select n.slug from networks n where n.id = any(o.federation_ids) order by n.slug) as federations,
             array(select n.slug from network_organisations no join networks n on n.id = no.network_id
                    where no.organisation_id = o.id order by n.slug) as memberships
        from organisations o order by o.siret`.execute(database.db);
    return organisations;
  }

  const indexes = async (database: Database) =>
    (
      await sql<{ indexname: string; indexdef: string; usable: boolean }>`
        select i.indexname, i.indexdef, x.indisvalid and x.indisready as usable
          from pg_indexes i join pg_index x on x.indexrelid = format('%I.%I', i.schemaname, i.indexname)::regclass
         where i.tablename = 'organisations' order by i.indexname`.execute(database.db)
    ).rows;

  before(async () => {
    rows = await createTestDatabase();
    bulk = await createTestDatabase();
    await prepare(rows);
    await prepare(bulk);
    await sql`create function noop() returns trigger language plpgsql as $$ begin return null; end $$`.execute(
      rows.db,
    );
    await sql`create trigger network_organisations_noop after insert on network_organisations
      for each statement execute function noop()`.execute(rows.db);
  });
  after(async () => {
    await rows.close();
    await bulk.close();
  });

  it('writes the same directory as row by row, and builds the indexes of organisations again as they were', async () => {
    const indexesBefore = await indexes(bulk);
    assert.ok(indexesBefore.length >= 7, JSON.stringify(indexesBefore));

    const one = await run(rows, file, { writeMode: 'rows' });
    const other = await run(bulk, file, { writeMode: 'bulk' });
    assert.equal(one.report.status, 'imported', JSON.stringify(one.report.errors));
    assert.deepEqual(other.report, one.report);
    assert.deepEqual([one.report.created, one.report.updated], [217, 1]);
    assert.ok(!one.steps.includes('index'));
    assert.ok(other.steps.includes('index'));

    assert.deepEqual(await directory(bulk), await directory(rows));
    assert.deepEqual(await indexes(bulk), indexesBefore);
    const existing = (await directory(bulk)).find((o) => o.siret === existingSiret)!;
    assert.deepEqual([existing.networks, existing.federations], [['club', 'other'], ['federation']]);
    assert.equal(existing.description, 'Écrit par le membre');

    // New organisations have time-ordered ids (UUID version 7), in the order of their SIRETs.
    const { rows: ids } = await sql<{ id: string; siret: string }>`
      select id::text, siret from organisations where siret <> ${existingSiret} order by id`.execute(bulk.db);
    assert.equal(ids.length, 217);
    assert.ok(ids.every((row) => row.id[14] === '7' && '89ab'.includes(row.id[19]!)));
    assert.deepEqual(
      ids.map((row) => row.siret),
      ids.map((row) => row.siret).sort(),
    );

    // The rebuilt indexes answer the directory's questions.
    const { rows: found } = await sql<{ n: number }>`
      select count(*)::int as n from organisations where search_vector @@ meute_search_query('électrique')`.execute(
      bulk.db,
    );
    assert.equal(found[0]!.n, await countNamed(bulk, '%ÉLECTRIQUE%'));

    const again = await run(bulk, file, { writeMode: 'bulk' });
    assert.deepEqual([again.report.created, again.report.updated], [0, 218]);
    assert.deepEqual(await directory(bulk), await directory(rows));
  });

  const countNamed = async (database: Database, pattern: string) =>
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from organisations where name like ${pattern}`.execute(database.db)
    ).rows[0]!.n;

  it('makes the reads of other sessions wait for the commit, then see the whole import', async () => {
    const before = await countNamed(bulk, '%');
    const reader = new pg.Client({ connectionString: bulk.url });
    await reader.connect();
    try {
      const reading: { count?: Promise<number> } = {};
      const csv = sireneCsv(Array.from({ length: 50 }, (_, i) => etablissement(makeSiret(2000 + i))));
      const { report } = await run(bulk, csv, {
        writeMode: 'bulk',
        onStep: (step) => {
          // The write is done, the indexes are not built again yet: a reader comes.
          if (step === 'write') {
            reading.count = reader
              .query<{ n: number }>('select count(*)::int as n from organisations')
              .then((r) => r.rows[0]!.n);
          }
        },
      });
      assert.equal(report.created, 50);
      assert.ok(reading.count, 'the reader started during the import');
      assert.equal(await reading.count, before + 50);
    } finally {
      await reader.end();
    }
  });

  it('writes row by row when other sessions keep organisations busy, without waiting for them', async () => {
    const indexesBefore = await indexes(bulk);
    const reader = new pg.Client({ connectionString: bulk.url });
    await reader.connect();
    try {
      await reader.query('begin');
      const seen = await reader.query<{ n: number }>('select count(*)::int as n from organisations');
      const csv = sireneCsv(Array.from({ length: 20 }, (_, i) => etablissement(makeSiret(3000 + i))));
      const { report, steps } = await run(bulk, csv, { writeMode: 'bulk', bulkLockWaitMs: 200 });
      assert.equal(report.created, 20);
      assert.ok(!steps.includes('index'));
      assert.deepEqual(await indexes(bulk), indexesBefore);
      const now = await reader.query<{ n: number }>('select count(*)::int as n from organisations');
      assert.equal(now.rows[0]!.n, seen.rows[0]!.n + 20);
      await reader.query('commit');
    } finally {
      await reader.end();
    }
  });
});
