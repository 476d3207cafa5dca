import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  LA_POSTE_SIREN,
  lambert93ToWgs84,
  luhnCheckDigit,
  siretError,
  wgs84ToLambert93,
} from '@meute/domain';
import fc from 'fast-check';
import pg from 'pg';
import type { Database } from '../../db/database.ts';
import { createTestDatabase } from '../../test/database.ts';
import { beginImport, canLinkWithoutTriggers } from './imports.repository.ts';

/** The SQL the import validates and places a million rows with agrees with the domain's functions. */
describe('import SQL functions', () => {
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

  const digits = (length: number) =>
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
  const validSiret = digits(13).map((body) => body + luhnCheckDigit(body));
  const laPoste = digits(5).map((nic) => LA_POSTE_SIREN + nic);
  const anything = fc.oneof(
    digits(14),
    validSiret,
    laPoste,
    fc.string({ maxLength: 16 }),
    digits(14).map((s) => `${s.slice(0, 5)}a${s.slice(6)}`),
    digits(13),
    digits(15),
  );

  it('checks SIRETs as siretError does: Luhn, and La Poste’s digit sum (property)', async () => {
    const samples = fc.sample(anything, 3000);
    samples.push('35600000000048', '35600000049837', '73282932000074', '73282932000075');
    const { rows } = await client.query<{ s: string; ok: boolean }>(
      'select s, pg_temp.meute_siret_ok(s) as ok from unnest($1::text[]) as s',
      [samples],
    );
    for (const row of rows) {
      // siretError strips spaces, dots and hyphens; the SQL checks raw SIREN file values.
      const expected = /^\d{14}$/.test(row.s) && siretError(row.s) === null;
      assert.equal(row.ok, expected, row.s);
    }
  });

  it('converts Lambert-93 as lambert93ToWgs84 does, to the micrometre (property)', async () => {
    const points = fc.sample(
      fc.record({
        lon: fc.double({ min: -5.2, max: 9.6, noNaN: true }),
        lat: fc.double({ min: 41.3, max: 51.1, noNaN: true }),
      }),
      500,
    );
    const xy = points.map((p) => wgs84ToLambert93(p));
    const { rows } = await client.query<{ i: number; lon: number; lat: number }>(
      `select i::int, l.lon, l.lat
         from unnest($1::float8[], $2::float8[]) with ordinality as p(x, y, i),
              pg_temp.meute_lambert93(p.x, p.y) l`,
      [xy.map((p) => p.x), xy.map((p) => p.y)],
    );
    assert.equal(rows.length, points.length);
    for (const row of rows) {
      const { x, y } = xy[row.i - 1]!;
      const expected = lambert93ToWgs84(x, y);
      assert.ok(Math.abs(row.lon - expected.lon) < 1e-9, `${x} ${y}: lon ${row.lon} vs ${expected.lon}`);
      assert.ok(Math.abs(row.lat - expected.lat) < 1e-9, `${x} ${y}: lat ${row.lat} vs ${expected.lat}`);
    }
  });

  it('has the reference lookups: NAF sub-classes, communes with arrondissements and former codes, headcount bands', async () => {
    const naf = await client.query('select count(*)::int as n from imp_naf');
    assert.equal(naf.rows[0].n, 732);
    const commune = await client.query(
      `select code, commune_code, departement_code, mainland from imp_commune where code in ('75108', '01039', '97411') order by code`,
    );
    assert.deepEqual(commune.rows, [
      { code: '01039', commune_code: '01138', departement_code: '01', mainland: true },
      { code: '75108', commune_code: '75056', departement_code: '75', mainland: true },
      { code: '97411', commune_code: '97411', departement_code: '974', mainland: false },
    ]);
    const bands = await client.query(
      `select code, category from imp_band where code in ('NN', '11', '32', '53') order by code`,
    );
    assert.deepEqual(bands.rows, [
      { code: '11', category: 'PME' },
      { code: '32', category: 'ETI' },
      { code: '53', category: 'GE' },
      { code: 'NN', category: null },
    ]);
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
