import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  LA_POSTE_SIREN,
  lambert93ToWgs84,
  luhnCheckDigit,
  siretError,
  wgs84ToLambert93,
} from '@meute/domain';
import fc from 'fast-check';
import { getCommune } from '../../reference/reference.ts';
import { communePlaceByCode, nafSubclassByCompact } from './import-lookups.ts';
import { SIRENE_ETABLISSEMENT_COLUMNS } from './sirene-format.ts';
import {
  REGISTER_COLUMNS,
  SIRENE_FIELDS,
  type SireneFieldIndex,
  SireneFileError,
  type SireneReadResult,
  type SireneRowProblem,
  sireneRegisterRows,
} from './sirene-reader.ts';
import { breakSiret, etablissement, makeSiret, sireneCsv } from './test-files.ts';

type Problem = Parameters<Parameters<typeof sireneRegisterRows>[1]['onProblem']>[0];

/** Reads `bytes` as the import does (in chunks of `chunk` bytes): the register rows and problems. */
async function read(
  bytes: string | Buffer,
  { chunk = 1 << 20, includeClosed = false, encoding = 'utf-8', delimiter = ',' } = {},
) {
  const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  const names = data.subarray(0, data.indexOf(10)).toString('latin1').replace(/\r$/, '').split(delimiter);
  const fields = {} as SireneFieldIndex;
  for (const field of SIRENE_FIELDS) fields[field] = names.indexOf(field);
  const problems: Problem[] = [];
  const result: SireneReadResult = {
    rows: 0,
    skipped: 0,
    closedSirets: [],
    written: 0,
    active: 0,
    failed: false,
  };
  async function* chunks() {
    for (let i = 0; i < data.length; i += chunk) yield data.subarray(i, i + chunk);
  }
  let text = '';
  for await (const out of sireneRegisterRows(
    chunks(),
    { names, fields, delimiter, encoding, includeClosed, onProblem: (p) => problems.push(p) },
    result,
  )) {
    text += out.toString('utf8');
  }
  const rows = text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const cells = line.split('\t');
      return Object.fromEntries(REGISTER_COLUMNS.map((column, i) => [column, cells[i]]));
    });
  return { rows, problems, result };
}

const codes = (problems: Problem[]) =>
  problems.map((p) => ['code' in p ? p.code : p.reason.code, p.line, p.column]);

describe('SIRENE reader', () => {
  it('writes one register row per active establishment, with its place and point', async () => {
    const flers = getCommune('61169')!;
    const near = wgs84ToLambert93({ lon: flers.point!.lon + 0.01, lat: flers.point!.lat + 0.005 });
    const { rows, problems, result } = await read(
      sireneCsv([
        etablissement(makeSiret(1), {
          denominationUsuelleEtablissement: 'Fonderie « L’Étoile »',
          coordonneeLambertAbscisseEtablissement: near.x.toFixed(2),
          coordonneeLambertOrdonneeEtablissement: near.y.toFixed(2),
        }),
        etablissement(makeSiret(2), { enseigne1Etablissement: 'Atelier, du "Bocage"' }),
        etablissement(makeSiret(3), { etatAdministratifEtablissement: 'F' }),
        etablissement(makeSiret(4), {
          codeCommuneEtablissement: '75108',
          trancheEffectifsEtablissement: '[ND]',
        }),
      ]),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(result, {
      rows: 4,
      skipped: 1,
      closedSirets: [makeSiret(3)],
      written: 3,
      active: 3,
      failed: false,
    });
    assert.equal(rows.length, 3);
    const [first, second, paris] = rows;
    assert.equal(first!.siret, makeSiret(1));
    assert.equal(first!.siren, makeSiret(1).slice(0, 9));
    assert.equal(first!.name, 'Fonderie « L’Étoile »');
    assert.deepEqual(
      [first!.naf_code, first!.naf_version, first!.headcount_band, first!.category, first!.is_active],
      ['25.62A', 'NAFRev2', '12', 'PME', 't'],
    );
    assert.deepEqual(
      [first!.commune_code, first!.epci_code, first!.departement_code, first!.region_code],
      ['61169', flers.epci!.code, '61', '28'],
    );
    const expected = lambert93ToWgs84(near.x, near.y);
    assert.ok(Math.abs(Number(first!.lon) - expected.lon) < 1e-7, first!.lon);
    assert.ok(Math.abs(Number(first!.lat) - expected.lat) < 1e-7, first!.lat);
    assert.equal(second!.name, 'Atelier, du "Bocage"', 'a quoted field');
    assert.equal(second!.lon, String(flers.point!.lon), 'no coordinates: the commune’s centre');
    assert.equal(paris!.commune_code, '75056', 'an arrondissement is its city');
    assert.equal(paris!.headcount_band, '\\N', '[ND] is unknown');
    assert.equal(paris!.name, `SIRET ${makeSiret(4)}`);
  });

  it('reports every bad field, duplicates with their first line, and then writes nothing', async () => {
    const { rows, problems, result } = await read(
      sireneCsv([
        etablissement(makeSiret(10)), // 2
        etablissement(breakSiret(makeSiret(11))), // 3
        etablissement(makeSiret(12), { activitePrincipaleEtablissement: '99.99Z' }), // 4
        etablissement(makeSiret(13), { trancheEffectifsEtablissement: '77' }), // 5
        etablissement(makeSiret(14), { codeCommuneEtablissement: '99999' }), // 6
        etablissement(makeSiret(10)), // 7
        etablissement(makeSiret(15), { etatAdministratifEtablissement: 'X' }), // 8
        etablissement(makeSiret(16), { coordonneeLambertOrdonneeEtablissement: '6 800 000' }), // 9
        etablissement(makeSiret(17), { siren: '111111111' }), // 10
        etablissement(breakSiret(makeSiret(18)), { etatAdministratifEtablissement: 'F' }), // 11: not checked
        etablissement(makeSiret(19), {
          activitePrincipaleEtablissement: '12.34',
          nomenclatureActivitePrincipaleEtablissement: 'NAFRev1',
        }), // 12
      ]),
    );
    assert.deepEqual(codes(problems), [
      ['siret.checksum', 3, 'siret'],
      ['naf.unknown', 4, 'activitePrincipaleEtablissement'],
      ['band.unknown', 5, 'trancheEffectifsEtablissement'],
      ['commune.unknown', 6, 'codeCommuneEtablissement'],
      ['siret.duplicate', 7, 'siret'],
      ['state.unknown', 8, 'etatAdministratifEtablissement'],
      ['coordinate.invalid', 9, 'coordonneeLambertOrdonneeEtablissement'],
      ['siret.mismatch', 10, 'siret'],
    ]);
    assert.equal((problems[4] as SireneRowProblem).first, 2);
    assert.equal((problems[6] as SireneRowProblem).value, '6 800 000');
    assert.equal(result.failed, true);
    assert.equal(rows.length, 1, 'rows stop at the first bad one');
  });

  it('checks SIRETs as siretError does: Luhn, and La Poste’s digit sum (property)', async () => {
    const digits = (length: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
    const siret = fc.oneof(
      digits(14),
      digits(13).map((body) => body + luhnCheckDigit(body)),
      digits(5).map((nic) => LA_POSTE_SIREN + nic),
      digits(13),
      digits(14).map((s) => `${s.slice(0, 5)}a${s.slice(6)}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(siret, { minLength: 1, maxLength: 30 }), async (sirets) => {
        const { problems } = await read(
          sireneCsv(sirets.map((s) => etablissement(s, { siren: '', nic: '' }))),
        );
        const bad = new Set(problems.map((p) => p.line));
        sirets.forEach((s, i) => {
          assert.equal(bad.has(i + 2), siretError(s) !== null || !/^\d{14}$/.test(s), s);
        });
      }),
      { numRuns: 50 },
    );
  });

  it('places Lambert-93 points as lambert93ToWgs84 does, to 1e-7 degree (property)', async () => {
    const point = fc.record({
      lon: fc.double({ min: -4.5, max: 8, noNaN: true }),
      lat: fc.double({ min: 42.5, max: 51, noNaN: true }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(point, { minLength: 1, maxLength: 20 }), async (points) => {
        const lambert = points.map((p) => wgs84ToLambert93(p));
        const { rows } = await read(
          sireneCsv(
            lambert.map((p, i) =>
              etablissement(makeSiret(100 + i), {
                coordonneeLambertAbscisseEtablissement: p.x.toFixed(3),
                coordonneeLambertOrdonneeEtablissement: p.y.toFixed(3),
              }),
            ),
          ),
        );
        rows.forEach((row, i) => {
          const expected = lambert93ToWgs84(
            Number(lambert[i]!.x.toFixed(3)),
            Number(lambert[i]!.y.toFixed(3)),
          );
          assert.ok(Math.abs(Number(row.lon) - expected.lon) <= 0.6e-7, `${row.lon} ${expected.lon}`);
          assert.ok(Math.abs(Number(row.lat) - expected.lat) <= 0.6e-7, `${row.lat} ${expected.lat}`);
        });
      }),
      { numRuns: 30 },
    );
  });

  it('reads the same rows whatever the chunks: quotes, line breaks in quotes, CRLF, escapes', async () => {
    const csv = sireneCsv([
      etablissement(makeSiret(30), { enseigne1Etablissement: 'Deux\nlignes' }),
      etablissement(makeSiret(31), { enseigne1Etablissement: 'Barre \\ oblique\tet tabulation' }),
      etablissement(makeSiret(32), { enseigne1Etablissement: '"Guillemets"' }),
      etablissement(makeSiret(33)),
    ])
      .replaceAll('\n', '\r\n')
      .replace('Deux\r\nlignes', 'Deux\nlignes');
    const whole = await read(csv);
    assert.deepEqual(whole.problems, []);
    assert.deepEqual(
      whole.rows.map((r) => r.name),
      ['Deux\\nlignes', 'Barre \\\\ oblique\\tet tabulation', '"Guillemets"', `SIRET ${makeSiret(33)}`],
    );
    for (const chunk of [1, 7, 100, 1000]) {
      assert.deepEqual((await read(csv, { chunk })).rows, whole.rows, `chunks of ${chunk}`);
    }
  });

  it('reads « ; » and Windows-1252 names', async () => {
    const csv = sireneCsv([
      etablissement(makeSiret(40), { enseigne1Etablissement: 'Électricité Gérard' }),
    ]).replaceAll(',', ';');
    const { rows, problems } = await read(Buffer.from(csv, 'latin1'), {
      delimiter: ';',
      encoding: 'windows-1252',
    });
    assert.deepEqual(problems, []);
    assert.equal(rows[0]!.name, 'Électricité Gérard');
  });

  it('reports rows of the wrong width, and stops at a broken quote, a NUL or invalid UTF-8', async () => {
    const valid = sireneCsv([etablissement(makeSiret(50))]);
    const row = valid.split('\n')[1]!;
    const width = await read(`${valid}${row},extra\n${makeSiret(51)},x\n`);
    assert.deepEqual(codes(width.problems), [
      ['csv.extraColumns', 3, ''],
      ['csv.missingColumns', 4, ''],
    ]);
    const stops: [string | Buffer, string, number][] = [
      [`${valid}${row.replace(',A,', ',"A,')}\n`, 'csv.quote', 3],
      [`${valid}${row.replace('FLERS', 'FL\u0000ERS')}\n`, 'csv.nul', 3],
      [
        Buffer.concat([
          Buffer.from(valid),
          Buffer.from(row.replace('FLERS', 'FL?RS')),
          Buffer.from('\n'),
        ]).map((b) => (b === 0x3f ? 0xe9 : b)) as Buffer,
        'csv.encoding',
        3,
      ],
    ];
    for (const [bytes, code, line] of stops) {
      await assert.rejects(read(bytes), (error: unknown) => {
        assert.ok(error instanceof SireneFileError);
        assert.deepEqual([error.reason.code, error.line], [code, line]);
        return true;
      });
    }
  });

  it('knows every commune code SIRENE writes and every NAF sub-class', () => {
    const places = communePlaceByCode();
    assert.ok(places.size > 37_000, String(places.size));
    assert.equal(places.get('75108')?.communeCode, '75056');
    assert.equal(places.get('97411')?.mainland, false);
    assert.equal(places.get('61169')?.departementCode, '61');
    const naf = nafSubclassByCompact();
    assert.equal(naf.size, 732);
    assert.equal(naf.get('6201Z'), '62.01Z');
    assert.equal(SIRENE_ETABLISSEMENT_COLUMNS.length, 54);
  });
});
