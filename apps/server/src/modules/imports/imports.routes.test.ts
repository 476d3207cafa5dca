import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LA_POSTE_SIREN, lambert93ToWgs84, luhnCheckDigit, wgs84ToLambert93 } from '@meute/domain';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { getCommune } from '../../reference/reference.ts';
import {
  buildNetwork,
  buildOrganisation,
  buildPerson,
  buildTestApp,
  grantRole,
  signIn,
} from '../../test/factories.ts';
import {
  breakSiret,
  etablissement,
  makeSiret,
  multipart,
  sireneCsv,
  uniteLegaleCsv,
  windows1252,
} from './test-files.ts';

/** A La Poste SIRET valid by its own rule (digit sum a multiple of 5) but not by Luhn. */
function laPosteSiret(): string {
  for (let nic = 1; ; nic++) {
    const siret = LA_POSTE_SIREN + String(nic).padStart(5, '0');
    const digitSum = [...siret].reduce((sum, d) => sum + Number(d), 0);
    const luhnOk = luhnCheckDigit(siret.slice(0, 13)) === siret[13];
    if (digitSum % 5 === 0 && !luhnOk) return siret;
  }
}

describe('imports: SIRENE and member spreadsheets, all or nothing', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const cookies: Record<string, string> = {};
  let club: { id: string; slug: string };
  let other: { id: string; slug: string };

  before(async () => {
    t = await buildTestApp();
    club = await buildNetwork(t.db, { kind: 'club', name: 'Club Bocage' });
    other = await buildNetwork(t.db, { kind: 'cluster', name: 'Cluster Rhône' });
    const people = {
      staff: await buildPerson(t.db),
      member: await buildPerson(t.db),
      outsider: await buildPerson(t.db, { displayName: 'Outsider', email: 'outsider@example.test' }),
      english: await buildPerson(t.db),
    };
    await grantRole(t.db, people.staff.id, club.id, 'staff');
    await grantRole(t.db, people.english.id, club.id, 'staff');
    await grantRole(t.db, people.member.id, club.id, 'member_leader');
    await grantRole(t.db, people.outsider.id, other.id, 'staff');
    await t.db.updateTable('people').set({ locale: 'en' }).where('id', '=', people.english.id).execute();
    for (const [name, person] of Object.entries(people)) cookies[name] = await signIn(t.app, person.email);
  });
  after(() => t.close());

  type Files = Parameters<typeof multipart>[0];
  async function upload(who: string | null, slug: string, query: string, files: Files) {
    const body = await multipart(files);
    return t.app.inject({
      method: 'POST',
      url: `/api/networks/${slug}/imports?${query}`,
      headers: { ...body.headers, ...(who ? { cookie: cookies[who]! } : {}) },
      payload: body.payload,
    });
  }
  const sirene = (who: string | null, csv: string | Buffer, extra = '', files: Files = {}) =>
    upload(who, club.slug, `kind=sirene&members=true${extra}`, {
      file: { content: csv, filename: 'StockEtablissement.csv' },
      ...files,
    });
  const members = (
    who: string | null,
    content: string | Buffer,
    filename = 'membres.csv',
    type = 'text/csv',
  ) => upload(who, club.slug, 'kind=members', { file: { content, filename, type } });

  async function snapshot() {
    const organisations = await t.db
      .selectFrom('organisations')
      .selectAll()
      .orderBy('siret')
      .orderBy('name')
      .execute();
    const links = await t.db
      .selectFrom('network_organisations')
      .selectAll()
      .orderBy('organisation_id')
      .execute();
    const competences = await t.db.selectFrom('organisation_competences').selectAll().execute();
    return JSON.stringify({ organisations, links, competences });
  }
  const bySiret = (siret: string) =>
    t.db.selectFrom('organisations').selectAll().where('siret', '=', siret).executeTakeFirst();

  it('lets the staff import (201), refuses a member (403), hides the network from others (404), asks anonymous people to sign in (401)', async () => {
    const csv = sireneCsv([
      etablissement(makeSiret(900), { denominationUsuelleEtablissement: 'PERMISSIONS SA' }),
    ]);
    const before = await snapshot();
    const member = await sirene('member', csv);
    assert.equal(member.statusCode, 403, member.body);
    const outsider = await sirene('outsider', csv);
    assert.equal(outsider.statusCode, 404, outsider.body);
    assert.equal(outsider.json().code, 'NETWORK_NOT_FOUND');
    const anonymous = await sirene(null, csv);
    assert.equal(anonymous.statusCode, 401, anonymous.body);
    assert.equal(await snapshot(), before, 'nothing written by a refused request');
    const staff = await sirene('staff', csv);
    assert.equal(staff.statusCode, 201, staff.body);
    assert.equal(staff.json().status, 'imported');
    const again = await upload('outsider', other.slug, 'kind=sirene&members=true', {
      file: { content: csv, filename: 'a.csv' },
    });
    assert.equal(again.statusCode, 201, 'the staff of the other network import into theirs');
  });

  it('imports active establishments: places them (Lambert-93, arrondissement, former commune, overseas), reads [ND] as unknown, skips closed ones', async () => {
    const flers = getCommune('61169')!;
    const near = wgs84ToLambert93({ lon: flers.point!.lon + 0.01, lat: flers.point!.lat + 0.005 });
    const laPoste = laPosteSiret();
    const csv = sireneCsv([
      etablissement(makeSiret(1), {
        denominationUsuelleEtablissement: 'ATELIERS DU BOCAGE',
        enseigne1Etablissement: 'ADB',
        coordonneeLambertAbscisseEtablissement: near.x.toFixed(1),
        coordonneeLambertOrdonneeEtablissement: near.y.toFixed(1),
      }),
      etablissement(makeSiret(2), {
        enseigne1Etablissement: 'CHEZ PAUL, BISTROT',
        codeCommuneEtablissement: '75108',
        trancheEffectifsEtablissement: '01',
        activitePrincipaleEtablissement: '56.10A',
      }),
      etablissement(makeSiret(3), {
        statutDiffusionEtablissement: 'P',
        enseigne1Etablissement: '[ND]',
        denominationUsuelleEtablissement: '[ND]',
        coordonneeLambertAbscisseEtablissement: '[ND]',
        coordonneeLambertOrdonneeEtablissement: '[ND]',
        trancheEffectifsEtablissement: '[ND]',
        codeCommuneEtablissement: '14118',
      }),
      etablissement(makeSiret(4), {
        etatAdministratifEtablissement: 'F',
        denominationUsuelleEtablissement: 'FERMEE',
      }),
      etablissement(laPoste, {
        denominationUsuelleEtablissement: 'BUREAU DE POSTE',
        trancheEffectifsEtablissement: 'NN',
      }),
      etablissement(makeSiret(5), { codeCommuneEtablissement: '01039', trancheEffectifsEtablissement: '' }),
      etablissement(makeSiret(6), {
        codeCommuneEtablissement: '97411',
        coordonneeLambertAbscisseEtablissement: '338000',
        coordonneeLambertOrdonneeEtablissement: '7690000',
        activitePrincipaleEtablissement: '',
      }),
    ]);
    const response = await sirene('staff', csv);
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual(response.json(), {
      status: 'imported',
      rows: 7,
      created: 6,
      register: 6,
      updated: 0,
      skipped: 1,
      errors: [],
      errorCount: 0,
    });

    const a = (await bySiret(makeSiret(1)))!;
    assert.equal(a.name, 'ATELIERS DU BOCAGE', 'denominationUsuelle before enseigne');
    assert.equal(a.siren, makeSiret(1).slice(0, 9));
    assert.equal(a.naf_code, '25.62A');
    assert.equal(a.headcount_band, '12');
    assert.equal(a.category, 'PME');
    assert.equal(a.commune_code, '61169');
    assert.equal(a.departement_code, '61');
    assert.equal(a.region_code, '28');
    assert.equal(a.epci_code, flers.epci!.code);
    const expected = lambert93ToWgs84(near.x, near.y);
    assert.ok(
      Math.abs(a.lon! - expected.lon) < 1e-6 && Math.abs(a.lat! - expected.lat) < 1e-6,
      `${a.lon} ${a.lat}`,
    );
    assert.equal(a.is_active, true);

    const paul = (await bySiret(makeSiret(2)))!;
    assert.equal(paul.name, 'CHEZ PAUL, BISTROT');
    assert.equal(paul.commune_code, '75056', 'an arrondissement is placed in its commune');
    assert.equal(paul.category, 'TPE');
    const paris = getCommune('75056')!;
    assert.deepEqual(
      [paul.lon, paul.lat],
      [paris.point!.lon, paris.point!.lat],
      'no coordinates: the commune centroid',
    );

    const hidden = (await bySiret(makeSiret(3)))!;
    assert.equal(hidden.name, `SIRET ${makeSiret(3)}`, '[ND] names are unknown');
    assert.equal(hidden.headcount_band, null);
    assert.equal(hidden.category, null);
    assert.equal(hidden.commune_code, '14118');
    assert.deepEqual(
      [hidden.lon, hidden.lat],
      [getCommune('14118')!.point!.lon, getCommune('14118')!.point!.lat],
    );

    assert.equal(await bySiret(makeSiret(4)), undefined, 'closed establishments are skipped');
    assert.equal((await bySiret(laPoste))?.name, 'BUREAU DE POSTE', 'La Poste SIRETs follow their own rule');
    assert.equal(
      (await bySiret(makeSiret(5)))?.commune_code,
      '01138',
      'a former commune is placed in its current one',
    );
    const reunion = (await bySiret(makeSiret(6)))!;
    assert.equal(reunion.departement_code, '974');
    assert.equal(reunion.lat, getCommune('97411')!.point!.lat, 'overseas coordinates are not Lambert-93');
    assert.equal(reunion.naf_code, null);

    const linked = await t.db
      .selectFrom('network_organisations')
      .select(['organisation_id', 'charter_version'])
      .where('network_id', '=', club.id)
      .where('organisation_id', '=', a.id)
      .execute();
    assert.deepEqual(linked, [{ organisation_id: a.id, charter_version: null }]);
    const found = await sql<{ name: string }>`select name from organisations
      where search_vector @@ meute_search_query('bocage') and siret is not null`.execute(t.db);
    assert.deepEqual(
      found.rows.map((r) => r.name),
      ['ATELIERS DU BOCAGE'],
    );
  });

  it('takes names and categories from StockUniteLegale when given, and closed establishments when asked', async () => {
    const [s1, s2, s3] = [makeSiret(20), makeSiret(21), makeSiret(22)];
    const csv = sireneCsv([
      etablissement(s1, {
        denominationUsuelleEtablissement: 'USINE DE FLERS',
        trancheEffectifsEtablissement: '03',
      }),
      etablissement(s2, { trancheEffectifsEtablissement: '03' }),
      etablissement(s3, { etatAdministratifEtablissement: 'F', trancheEffectifsEtablissement: '21' }),
    ]);
    const ul = uniteLegaleCsv([
      {
        siren: s1.slice(0, 9),
        denominationUniteLegale: 'GROUPE NORMAND DE MECANIQUE',
        categorieEntreprise: 'ETI',
      },
      { siren: s2.slice(0, 9), denominationUniteLegale: 'PETITE BOITE', categorieEntreprise: 'PME' },
      { siren: s3.slice(0, 9), denominationUniteLegale: 'ANCIENNE SA', categorieEntreprise: '' },
      { siren: '999999999', denominationUniteLegale: 'SANS ETABLISSEMENT' },
    ]);
    const response = await sirene('staff', csv, '&includeClosed=true', {
      uniteLegale: { content: ul, filename: 'StockUniteLegale.csv' },
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().created, 3);
    assert.equal(response.json().skipped, 0);
    const one = (await bySiret(s1))!;
    assert.equal(one.name, 'GROUPE NORMAND DE MECANIQUE', 'the legal unit’s name first');
    assert.equal(one.category, 'ETI', 'the legal unit’s category over the establishment’s band');
    assert.equal((await bySiret(s2))!.category, 'TPE', 'a PME by INSEE with under 10 staff stays a TPE');
    const closed = (await bySiret(s3))!;
    assert.equal(closed.is_active, false);
    assert.equal(closed.category, 'PME');
    assert.equal(
      (await t.db.selectFrom('organisations').select('id').where('name', '=', 'SANS ETABLISSEMENT').execute())
        .length,
      0,
    );
  });

  it('reads the legal units whichever part comes first, and reports a broken legal-unit file as such', async () => {
    const siret = makeSiret(25);
    const ul = uniteLegaleCsv([{ siren: siret.slice(0, 9), denominationUniteLegale: 'ORDRE INVERSE SAS' }]);
    const first = await upload('staff', club.slug, 'kind=sirene&members=true', {
      uniteLegale: { content: ul, filename: 'StockUniteLegale.csv' },
      file: { content: sireneCsv([etablissement(siret)]), filename: 'StockEtablissement.csv' },
    });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal((await bySiret(siret))!.name, 'ORDRE INVERSE SAS');

    const before = await snapshot();
    const broken = await sirene('english', sireneCsv([etablissement(makeSiret(26))]), '', {
      uniteLegale: { content: 'siren,nom\n123,x\n', filename: 'StockUniteLegale.csv' },
    });
    assert.equal(broken.statusCode, 200, broken.body);
    assert.deepEqual(broken.json().errors, [
      {
        line: 1,
        column: 'uniteLegale.denominationUniteLegale',
        reason:
          'Legal units file: Required column missing: denominationUniteLegale (delimiter read: « , », columns read: siren, nom).',
      },
    ]);
    assert.equal(await snapshot(), before);
  });

  it('rejects a file with bad rows, lists every bad row with its line and column, and writes nothing', async () => {
    const good = makeSiret(30);
    const csv = sireneCsv([
      etablissement(good), // line 2
      etablissement(breakSiret(makeSiret(31))), // 3
      etablissement(makeSiret(32), { activitePrincipaleEtablissement: '99.99Z' }), // 4
      etablissement(makeSiret(33), { trancheEffectifsEtablissement: '77' }), // 5
      etablissement(makeSiret(34), { codeCommuneEtablissement: '99999' }), // 6
      etablissement(good), // 7: the same SIRET as line 2
      etablissement(makeSiret(35), { etatAdministratifEtablissement: 'X' }), // 8
      etablissement(makeSiret(36), { coordonneeLambertAbscisseEtablissement: 'abc' }), // 9
      etablissement(makeSiret(37), { siret: '123', siren: '', nic: '', codeCommuneEtablissement: '61000' }), // 10
      etablissement(breakSiret(makeSiret(38)), { etatAdministratifEtablissement: 'F' }), // 11: closed, not checked
      etablissement(makeSiret(39), { siren: '111111111' }), // 12
    ]);
    const before = await snapshot();
    const response = await sirene('staff', csv);
    assert.equal(response.statusCode, 200, response.body);
    const report = response.json();
    assert.equal(report.status, 'rejected');
    assert.deepEqual(
      report.errors.map((e: { line: number; column: string }) => [e.line, e.column]),
      [
        [3, 'siret'],
        [4, 'activitePrincipaleEtablissement'],
        [5, 'trancheEffectifsEtablissement'],
        [6, 'codeCommuneEtablissement'],
        [7, 'siret'],
        [8, 'etatAdministratifEtablissement'],
        [9, 'coordonneeLambertAbscisseEtablissement'],
        [10, 'siret'],
        [10, 'codeCommuneEtablissement'],
        [12, 'siret'],
      ],
    );
    assert.equal(report.errorCount, 10);
    assert.deepEqual([report.rows, report.created, report.updated, report.skipped], [11, 0, 0, 1]);
    const reasons = report.errors.map((e: { reason: string }) => e.reason);
    assert.match(reasons[0], /clé de contrôle/);
    assert.match(reasons[1], /Code NAF inconnu « 99\.99Z »/);
    assert.match(reasons[4], /en double .*déjà ligne 2/);
    assert.match(reasons[7], /14 chiffres/);
    assert.equal(await snapshot(), before, 'the database is unchanged');
  });

  it('re-importing updates by SIRET, never duplicates, and keeps the profile the members wrote', async () => {
    const siret = makeSiret(40);
    const first = sireneCsv([etablissement(siret, { denominationUsuelleEtablissement: 'MECA 61' })]);
    assert.equal((await sirene('staff', first)).statusCode, 201);
    const org = (await bySiret(siret))!;
    await t.db
      .updateTable('organisations')
      .set({
        description: 'Usinage de précision, 5 axes',
        website: 'https://meca61.example',
        free_competences: ['Tournage'],
      })
      .where('id', '=', org.id)
      .execute();
    await sql`select meute_refresh_organisation_search(${org.id})`.execute(t.db);

    const second = sireneCsv([
      etablissement(siret, {
        denominationUsuelleEtablissement: 'MECA 61 PRECISION',
        trancheEffectifsEtablissement: '21',
        activitePrincipaleEtablissement: '25.62B',
        codeCommuneEtablissement: '61001',
      }),
    ]);
    const response = await sirene('staff', second);
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual([response.json().created, response.json().updated], [0, 1]);
    const rows = await t.db.selectFrom('organisations').selectAll().where('siret', '=', siret).execute();
    assert.equal(rows.length, 1, 'one organisation per SIRET');
    const updated = rows[0]!;
    assert.equal(updated.id, org.id);
    assert.equal(updated.name, 'MECA 61 PRECISION');
    assert.equal(updated.naf_code, '25.62B');
    assert.equal(updated.headcount_band, '21');
    assert.equal(updated.commune_code, '61001');
    assert.equal(updated.description, 'Usinage de précision, 5 axes', 'profile text is never erased');
    assert.equal(updated.website, 'https://meca61.example');
    assert.deepEqual(updated.free_competences, ['Tournage']);
    const links = await t.db
      .selectFrom('network_organisations')
      .selectAll()
      .where('organisation_id', '=', org.id)
      .execute();
    assert.equal(links.length, 1);
    const search = await sql<{
      hit: boolean;
    }>`select search_vector @@ meute_search_query('usinage précision tournage') as hit
      from organisations where id = ${org.id}`.execute(t.db);
    assert.equal(search.rows[0]!.hit, true, 'the search text keeps the profile and takes the new name');

    // The same file once more changes nothing and still reports the row as updated.
    const again = await sirene('staff', second);
    assert.deepEqual([again.json().created, again.json().updated], [0, 1]);
    assert.equal(
      (await bySiret(siret))!.updated_at.getTime(),
      updated.updated_at.getTime(),
      'an unchanged row is not rewritten',
    );
  });

  it('re-importing marks the organisation of a closed establishment inactive, and adds none for a new closed one', async () => {
    const [open, closing, reopened, neverSeen] = [makeSiret(45), makeSiret(46), makeSiret(47), makeSiret(48)];
    const first = await sirene(
      'staff',
      sireneCsv([etablissement(open), etablissement(closing), etablissement(reopened)]),
    );
    assert.equal(first.statusCode, 201, first.body);
    const before = (await bySiret(closing))!;
    assert.equal(before.is_active, true);
    const versionBefore = await t.db
      .selectFrom('directory_version')
      .select('version')
      .executeTakeFirstOrThrow();

    const second = await sirene(
      'staff',
      sireneCsv([
        etablissement(open),
        etablissement(closing, { etatAdministratifEtablissement: 'F' }),
        // Listed closed, then open again in the same file: it stays active.
        etablissement(reopened, { etatAdministratifEtablissement: 'F' }),
        etablissement(reopened),
        etablissement(neverSeen, { etatAdministratifEtablissement: 'F' }),
      ]),
    );
    assert.equal(second.statusCode, 201, second.body);
    const report = second.json();
    assert.deepEqual(
      [report.rows, report.created, report.updated, report.skipped],
      [5, 0, 3, 2],
      'the closed establishment that existed is updated; the unknown one, and the closed line of the reopened one, skipped',
    );
    const after = (await bySiret(closing))!;
    assert.equal(after.id, before.id);
    assert.equal(after.is_active, false, 'the organisation of a closed establishment is inactive');
    assert.equal(after.name, before.name, 'the rest of it is kept');
    assert.ok(
      Number(after.directory_change) > Number(versionBefore.version),
      'the directory sees the change',
    );
    assert.equal((await bySiret(open))!.is_active, true);
    assert.equal((await bySiret(reopened))!.is_active, true);
    assert.equal(await bySiret(neverSeen), undefined, 'a closed establishment is not created');
    // Again: nothing more to change, the same counts.
    const again = (
      await sirene('staff', sireneCsv([etablissement(closing, { etatAdministratifEtablissement: 'F' })]))
    ).json();
    assert.deepEqual([again.created, again.updated, again.skipped], [0, 1, 0]);
    assert.equal((await bySiret(closing))!.updated_at.getTime(), after.updated_at.getTime(), 'not rewritten');
  });

  it('imports a member spreadsheet in CSV « ; » Windows-1252 with accents, as French Excel writes it', async () => {
    const [s1, s2] = [makeSiret(50), makeSiret(51)];
    await t.db
      .insertInto('competences')
      .values({ label: 'Électricité générale', network_id: null })
      .execute();
    const text = [
      'SIRET;Nom;Code NAF;Tranche d’effectifs;Code commune;Site web;Description;Compétences',
      `${s1};Électricité Générale Flérienne;4321A;12;61169;www.egf.example.fr;Installations électriques « clés en main »;electricite generale|Domotique`,
      `${s2};Menuiserie Côté Bocage;16.23Z;2;1053;;"Escaliers; fenêtres";Menuiserie bois, Agencement`,
      ';;;;;;;',
      '',
    ].join('\r\n');
    const response = await members('staff', windows1252(text));
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual([response.json().rows, response.json().created], [2, 2]);
    const egf = (await bySiret(s1))!;
    assert.equal(egf.name, 'Électricité Générale Flérienne');
    assert.equal(egf.naf_code, '43.21A');
    assert.equal(egf.category, 'PME');
    assert.equal(egf.website, 'https://www.egf.example.fr');
    assert.equal(egf.description, 'Installations électriques « clés en main »');
    assert.deepEqual(egf.free_competences, ['Domotique']);
    const taxonomy = await t.db
      .selectFrom('organisation_competences as oc')
      .innerJoin('competences as c', 'c.id', 'oc.competence_id')
      .select('c.label')
      .where('oc.organisation_id', '=', egf.id)
      .execute();
    assert.deepEqual(
      taxonomy,
      [{ label: 'Électricité générale' }],
      'matched to the taxonomy ignoring case and accents',
    );
    const menuiserie = (await bySiret(s2))!;
    assert.equal(menuiserie.headcount_band, '02', '« 2 » as a spreadsheet writes 02');
    assert.equal(menuiserie.commune_code, '01053', '« 1053 » as a spreadsheet writes 01053');
    assert.equal(menuiserie.description, 'Escaliers; fenêtres');
    assert.deepEqual(menuiserie.free_competences, ['Menuiserie bois', 'Agencement']);
    const hit = await sql<{ name: string }>`select name from organisations
      where search_vector @@ meute_search_query('electricite') and siret = ${s1}`.execute(t.db);
    assert.equal(hit.rows.length, 1, 'searchable by its competences');
    const network = await t.db
      .selectFrom('network_organisations')
      .select('organisation_id')
      .where('network_id', '=', club.id)
      .where('organisation_id', 'in', [egf.id, menuiserie.id])
      .execute();
    assert.equal(network.length, 2);
  });

  it('imports a CSV « , » in UTF-8 with BOM and English headers, and re-imports it without duplicates or erasing', async () => {
    const siret = makeSiret(60);
    const csv = [
      'siret,name,naf_code,headcount_band,commune_code,website,description,competences',
      `${siret},"Rhône Usinage, SARL",25.62A,11,69123,https://rhone-usinage.example,"Usinage ""5 axes""",Usinage|Tournage`,
    ].join('\n');
    const response = await members(
      'staff',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]),
    );
    assert.equal(response.statusCode, 201, response.body);
    const org = (await bySiret(siret))!;
    assert.equal(org.name, 'Rhône Usinage, SARL');
    assert.equal(org.description, 'Usinage "5 axes"');
    assert.deepEqual(org.free_competences, ['Usinage', 'Tournage']);

    const update = [
      'siret,name,naf_code,headcount_band,commune_code,website,description,competences',
      `${siret},Rhône Usinage,,,,,,usinage|Fraisage`,
    ].join('\n');
    const again = await members('staff', update);
    assert.equal(again.statusCode, 201, again.body);
    assert.deepEqual([again.json().created, again.json().updated], [0, 1]);
    const rows = await t.db.selectFrom('organisations').selectAll().where('siret', '=', siret).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.name, 'Rhône Usinage');
    assert.equal(rows[0]!.description, 'Usinage "5 axes"', 'an empty cell keeps the value');
    assert.equal(rows[0]!.naf_code, '25.62A');
    assert.deepEqual(
      rows[0]!.free_competences,
      ['Usinage', 'Tournage', 'Fraisage'],
      'competences are added, once each',
    );
  });

  it('imports a member spreadsheet in XLSX, numbers and all', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Membres');
    sheet.addRow([
      'siret',
      'nom',
      'code_naf',
      'tranche_effectifs',
      'code_commune',
      'site_web',
      'description',
      'competences',
    ]);
    const siret = makeSiret(70);
    sheet.addRow([
      Number(siret),
      'Plasturgie de l’Orne',
      '22.29A',
      21,
      61169,
      'plasturgie.example',
      'Injection',
      'Injection plastique',
    ]);
    sheet.addRow([]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await members(
      'staff',
      xlsx,
      'membres.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    assert.equal(response.statusCode, 201, response.body);
    const org = (await bySiret(siret))!;
    assert.equal(org.name, 'Plasturgie de l’Orne');
    assert.equal(org.headcount_band, '21');
    assert.equal(org.commune_code, '61169');
    assert.equal(org.website, 'https://plasturgie.example');

    const bad = new ExcelJS.Workbook();
    const badSheet = bad.addWorksheet('Membres');
    badSheet.addRow(['siret', 'nom']);
    badSheet.addRow([breakSiret(siret), 'Erreur']);
    const rejected = await members('staff', Buffer.from(await bad.xlsx.writeBuffer()), 'bad.xlsx');
    assert.equal(rejected.statusCode, 200);
    assert.deepEqual(
      rejected.json().errors.map((e: { line: number; column: string }) => [e.line, e.column]),
      [[2, 'siret']],
    );
  });

  it('rejects a member file with one bad row, every bad cell listed, in the caller’s language', async () => {
    const before = await snapshot();
    const csv = [
      'siret;nom;code_naf;tranche_effectifs;code_commune;site_web;description;competences',
      `${makeSiret(80)};Bonne Entreprise;62.01Z;11;61169;;;`,
      `${makeSiret(81)};;6201;99;75000;pas une url;;`,
      `"${makeSiret(82)}";Doublon;;;;;;`,
      `${makeSiret(82)};Doublon encore;;;;;;`,
    ].join('\n');
    const response = await members('english', csv);
    assert.equal(response.statusCode, 200, response.body);
    const report = response.json();
    assert.equal(report.status, 'rejected');
    assert.deepEqual(
      report.errors.map((e: { line: number; column: string }) => [e.line, e.column]),
      [
        [3, 'nom'],
        [3, 'code_naf'],
        [3, 'tranche_effectifs'],
        [3, 'code_commune'],
        [3, 'site_web'],
        [5, 'siret'],
      ],
    );
    assert.match(report.errors[0].reason, /^Missing name/);
    assert.match(report.errors[3].reason, /not the postal code/);
    assert.match(report.errors[5].reason, /already line 4/);
    assert.equal(report.errorCount, 6);
    assert.equal(await snapshot(), before);
  });

  it('answers every file a person can upload with a clear report, never a 500', async () => {
    const valid = sireneCsv([etablissement(makeSiret(90))]);
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const cases: {
      name: string;
      kind: 'sirene' | 'members';
      content: Buffer | string;
      filename?: string;
      expect: RegExp;
      line?: number;
    }[] = [
      { name: 'empty', kind: 'members', content: '', expect: /vide/ },
      { name: 'only a BOM and blank lines', kind: 'sirene', content: '\ufeff\n\n', expect: /vide/ },
      { name: 'header only', kind: 'sirene', content: valid.split('\n')[0]!, expect: /aucune ligne/ },
      { name: 'header and newline only', kind: 'members', content: 'siret;nom\n', expect: /aucune ligne/ },
      {
        name: 'wrong header',
        kind: 'members',
        content: 'foo;bar\n1;2\n',
        expect: /Colonne obligatoire absente : siret/,
      },
      {
        name: 'wrong header (sirene)',
        kind: 'sirene',
        content: 'siret;nom\n1;2\n',
        expect: /etatAdministratifEtablissement/,
      },
      { name: 'binary garbage', kind: 'members', content: garbage, expect: /binaire/ },
      { name: 'a PDF', kind: 'sirene', content: '%PDF-1.7\n%âãÏÓ\n1 0 obj\n', expect: /binaire/ },
      {
        name: 'wrong delimiter',
        kind: 'members',
        content: 'siret|nom\n1|2\n',
        expect: /séparateur lu : « , »/,
      },
      {
        name: 'truncated quote (members)',
        kind: 'members',
        content: `siret;nom\n${makeSiret(91)};"Sans fin\n${makeSiret(92)};Autre\n`,
        expect: /Guillemet/,
        line: 2,
      },
      {
        name: 'truncated quote (sirene)',
        kind: 'sirene',
        content: `${valid}${valid.split('\n')[1]!.replace(',A,', ',"A,')}\n`,
        expect: /Guillemet/,
        line: 3,
      },
      {
        name: 'a row with too many columns (sirene)',
        kind: 'sirene',
        content: `${valid}${valid.split('\n')[1]},extra\n`,
        expect: /Plus de colonnes/,
        line: 3,
      },
      {
        name: 'a row with too few columns (sirene)',
        kind: 'sirene',
        content: `${valid}${makeSiret(93)},x\n`,
        expect: /Moins de colonnes/,
        line: 3,
      },
      {
        name: 'UTF-16',
        kind: 'members',
        content: Buffer.from('\ufeffsiret;nom\n', 'utf16le'),
        expect: /UTF-16/,
      },
      {
        name: 'a workbook for SIRENE',
        kind: 'sirene',
        content: Buffer.from('PK\u0003\u0004garbage'),
        expect: /pas un classeur/,
      },
      {
        name: 'a broken workbook',
        kind: 'members',
        content: Buffer.from('PK\u0003\u0004garbage'),
        filename: 'x.xlsx',
        expect: /XLSX illisible/,
      },
      {
        name: 'a NUL in a row',
        kind: 'sirene',
        content: `${valid}${valid.split('\n')[1]!.replace('FLERS', 'FL\u0000ERS')}\n`,
        expect: /NUL/,
        line: 3,
      },
    ];
    const before = await snapshot();
    for (const c of cases) {
      const response = await upload('staff', club.slug, `kind=${c.kind}`, {
        file: { content: c.content, filename: c.filename ?? 'fichier.csv' },
      });
      assert.equal(response.statusCode, 200, `${c.name}: ${response.body}`);
      const report = response.json();
      assert.equal(report.status, 'rejected', c.name);
      assert.ok(report.errors.length > 0 && report.errorCount >= report.errors.length, c.name);
      assert.match(report.errors.map((e: { reason: string }) => e.reason).join(' | '), c.expect, c.name);
      if (c.line) assert.equal(report.errors[0].line, c.line, c.name);
    }
    assert.equal(await snapshot(), before);

    // A Windows-1252 byte after the first MiB of a UTF-8 SIRENE file: COPY reports its line.
    const rows = Array.from({ length: 12000 }, (_, i) =>
      etablissement(makeSiret(1000 + i), { libelleVoieEtablissement: 'RUE DE LA REPUBLIQUE PROLONGEE' }),
    );
    const big = Buffer.concat([
      Buffer.from(sireneCsv(rows)),
      Buffer.from(sireneCsv([etablissement(makeSiret(9999))]).split('\n')[1]!),
      Buffer.from('\n'),
    ]);
    assert.ok(big.length > 1.2 * 2 ** 20, 'the bad byte comes after the first MiB');
    const latin = Buffer.from(big);
    latin[latin.lastIndexOf(Buffer.from('FLERS'))] = 0xe9;
    const encoding = await sirene('staff', latin);
    assert.equal(encoding.statusCode, 200, encoding.body);
    assert.match(encoding.json().errors[0].reason, /encodage UTF-8/);
    assert.equal(encoding.json().errors[0].line, 12002);

    const noFile = await upload('staff', club.slug, 'kind=members', {
      other: { content: 'x', filename: 'x.csv' },
    });
    assert.equal(noFile.statusCode, 400, noFile.body);
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${club.slug}/imports?kind=members`,
      headers: { cookie: cookies.staff! },
      payload: { file: 'siret;nom' },
    });
    assert.equal(json.statusCode, 400, json.body);
    const badKind = await upload('staff', club.slug, 'kind=excel', {
      file: { content: valid, filename: 'a.csv' },
    });
    assert.equal(badKind.statusCode, 400);
  });

  it('keeps multipart for this route only: other routes refuse it, and keep their 1 MB JSON limit', async () => {
    const body = await multipart({ file: { content: 'x', filename: 'x.csv' } });
    const elsewhere = await t.app.inject({
      method: 'PATCH',
      url: `/api/networks/${club.slug}/settings`,
      headers: { ...body.headers, cookie: cookies.staff! },
      payload: body.payload,
    });
    assert.equal(elsewhere.statusCode, 415, elsewhere.body);
    const big = await t.app.inject({
      method: 'PATCH',
      url: `/api/networks/${club.slug}/settings`,
      headers: { cookie: cookies.staff!, 'content-type': 'application/json' },
      payload: JSON.stringify({ description: 'x'.repeat(1024 * 1024 + 10) }),
    });
    assert.equal(big.statusCode, 413, big.body);
  });

  it('stores the search text meute_refresh_organisation_search would compute', async () => {
    const rows = await sql<{
      id: string;
      search_vector: string;
    }>`select id, search_vector::text from organisations
      where siret is not null`.execute(t.db);
    assert.ok(rows.rows.length > 10);
    for (const row of rows.rows) await sql`select meute_refresh_organisation_search(${row.id})`.execute(t.db);
    const after = await sql<{
      id: string;
      search_vector: string;
    }>`select id, search_vector::text from organisations
      where siret is not null`.execute(t.db);
    const byId = new Map(after.rows.map((r) => [r.id, r.search_vector]));
    for (const row of rows.rows) assert.equal(row.search_vector, byId.get(row.id), row.id);
  });

  it('lists at most 1,000 errors and counts them all', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => etablissement(breakSiret(makeSiret(5000 + i))));
    const response = await sirene('staff', sireneCsv(rows));
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().errors.length, 1000);
    assert.equal(response.json().errorCount, 1500);
    assert.equal(response.json().errors[999].line, 1001);

    // The first ones by line, whichever check found them (a duplicate is found after the rows).
    const siret = makeSiret(6000);
    const lines = ['siret;nom', `${siret};Premier`, `${siret};Doublon`];
    for (let i = 0; i < 1101; i++) lines.push(`${makeSiret(6001 + i)};`);
    const members = await upload('staff', club.slug, 'kind=members', {
      file: { content: lines.join('\n'), filename: 'm.csv' },
    });
    const report = members.json();
    assert.equal(report.errorCount, 1102);
    assert.equal(report.errors.length, 1000);
    assert.deepEqual(
      [report.errors[0].line, report.errors[0].column, report.errors[1].line, report.errors[999].line],
      [3, 'siret', 4, 1002],
    );
  });

  it('does not let an organisation be imported twice into the network, whatever its source', async () => {
    const siret = makeSiret(95);
    await buildOrganisation(t.db, {
      name: 'Déjà membre',
      networkIds: [club.id],
      siret,
      description: 'Écrit par le membre',
    });
    const response = await sirene(
      'staff',
      sireneCsv([etablissement(siret, { denominationUsuelleEtablissement: 'DEJA MEMBRE SAS' })]),
    );
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual([response.json().created, response.json().updated], [0, 1]);
    const org = (await bySiret(siret))!;
    assert.equal(org.description, 'Écrit par le membre');
    const links = await t.db
      .selectFrom('network_organisations')
      .selectAll()
      .where('organisation_id', '=', org.id)
      .execute();
    assert.equal(links.length, 1);
  });

  it('puts the organisations in the network’s federation too, so that its staff see them', async () => {
    const federation = await buildNetwork(t.db, { kind: 'federation' });
    const member = await buildNetwork(t.db, { kind: 'club', parentId: federation.id });
    await grantRole(
      t.db,
      (
        await t.db
          .selectFrom('people')
          .select('id')
          .where('email', '=', 'outsider@example.test')
          .executeTakeFirstOrThrow()
      ).id,
      member.id,
      'staff',
    );
    const siret = makeSiret(96);
    const existing = makeSiret(1); // already in the club since an earlier import
    const response = await upload('outsider', member.slug, 'kind=sirene&members=true', {
      file: { content: sireneCsv([etablissement(siret), etablissement(existing)]), filename: 'a.csv' },
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual([response.json().created, response.json().updated], [1, 1]);
    const arrays = async (value: string) =>
      (
        await sql<{ network_ids: string[]; federation_ids: string[] }>`select network_ids, federation_ids
          from organisations where siret = ${value}`.execute(t.db)
      ).rows[0]!;
    assert.deepEqual(await arrays(siret), { network_ids: [member.id], federation_ids: [federation.id] });
    const both = await arrays(existing);
    assert.deepEqual([...both.network_ids].sort(), [club.id, member.id].sort());
    assert.deepEqual(both.federation_ids, [federation.id]);
  });
});
