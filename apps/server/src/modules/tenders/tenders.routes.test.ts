import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  buildNetwork,
  buildOrganisation,
  buildPerson,
  buildTestApp,
  grantRole,
  signIn,
} from '../../test/factories.ts';

const fixture = (name: string) =>
  fs.readFileSync(
    new URL(`../../../../../packages/domain/src/tenders/fixtures/${name}`, import.meta.url),
    'utf8',
  );

/** Tenders end to end over HTTP: entry, eForms import and its errors, the consortium builder. */
describe('tenders: entry, import and the consortium builder', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookie: string;
  let slug: string;
  const competence: Record<string, string> = {};

  before(async () => {
    t = await buildTestApp();
    const network = await buildNetwork(t.db, { kind: 'club', name: 'Club Bâtiment' });
    slug = network.slug;
    const staff = await buildPerson(t.db);
    await grantRole(t.db, staff.id, network.id, 'staff');
    cookie = await signIn(t.app, staff.email);
    await buildOrganisation(t.db, {
      name: 'Élec Paris',
      networkIds: [network.id],
      communeCode: '75056',
      competences: ['Électricité'],
      certifications: [{ name: 'Qualifelec', expiresOn: null }],
    });
    const plumber = await buildOrganisation(t.db, {
      name: 'Plomberie Boulogne',
      networkIds: [network.id],
      communeCode: '92012',
      competences: ['Plomberie'],
    });
    await t.db
      .insertInto('organisation_capacities')
      .values({ organisation_id: plumber.id, label: 'Plomberie', quantity: 200, free_percent: null })
      .execute();
    await buildOrganisation(t.db, {
      name: 'Menuiserie Lyon',
      networkIds: [network.id],
      communeCode: '69123',
      competences: ['Menuiserie'],
    });
    for (const row of await t.db.selectFrom('competences').select(['id', 'label']).execute()) {
      competence[row.label] = row.id;
    }
  });
  after(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/networks/${slug}/tenders${path}`,
      headers: { cookie },
      ...(payload ? { payload } : {}),
    });

  const countTenders = async () => (await t.db.selectFrom('tenders').select('id').execute()).length;

  it('proposes the grouping that covers every requirement, and explains who covers what', async () => {
    const created = await call('POST', '', {
      title: 'Rénovation école',
      buyer: 'Ville de Paris',
      submissionDeadline: '2027-03-01T12:00:00+01:00',
      communeCode: '75056',
      lots: [
        {
          title: 'Lot 1',
          requirements: [
            { kind: 'competence', code: competence.Électricité },
            { kind: 'competence', code: competence.Plomberie, quantity: 120 },
            { kind: 'certification', code: 'Qualifelec' },
          ],
        },
      ],
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    const detail = (await call('GET', `/${id}`)).json();
    assert.deepEqual(
      detail.lots[0].requirements.map((r: { label: string }) => r.label),
      ['Électricité', 'Plomberie', 'Qualifelec'],
    );
    const run = await call('POST', `/${id}/consortium`, { minMembers: 2, maxMembers: 5, maxDistanceKm: 50 });
    assert.equal(run.statusCode, 200, run.body);
    const result = run.json();
    assert.equal(result.status, 'optimal');
    const best = result.groupings[0];
    assert.deepEqual(best.members.map((m: { name: string }) => m.name).sort(), [
      'Plomberie Boulogne',
      'Élec Paris',
    ]);
    const plumbing = best.coverage.find((c: { label: string }) => c.label === 'Plomberie');
    assert.deepEqual(
      plumbing.providers.map((p: { name: string; amount: number }) => [p.name, p.amount]),
      [['Plomberie Boulogne', 120]],
    );
    // The last result is kept with the tender.
    assert.equal((await call('GET', `/${id}`)).json().lastRun.status, 'optimal');
  });

  it('says what is missing within the distance, with the nearest holders', async () => {
    const created = await call('POST', '', {
      title: 'Menuiseries mairie',
      communeCode: '75056',
      lots: [{ title: 'Menuiserie', requirements: [{ kind: 'competence', code: competence.Menuiserie }] }],
    });
    const run = await call('POST', `/${created.json().id}/consortium`, {
      minMembers: 1,
      maxMembers: 3,
      maxDistanceKm: 50,
    });
    assert.equal(run.statusCode, 200, run.body);
    const result = run.json();
    assert.equal(result.status, 'infeasible');
    const missing = result.infeasibility.uncovered[0];
    assert.equal(missing.label, 'Menuiserie');
    assert.equal(missing.nearest[0].name, 'Menuiserie Lyon');
    assert.ok(missing.nearest[0].distanceKm > 300);
  });

  it('refuses an unknown competence, naming the field', async () => {
    const response = await call('POST', '', {
      title: 'X',
      lots: [
        { title: 'L', requirements: [{ kind: 'competence', code: '00000000-0000-4000-8000-000000000000' }] },
      ],
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().field, 'body.lots.0.requirements.0.code');
  });

  it('imports an eForms notice with the CPV mapping, lot by lot', async () => {
    const saved = await call('PUT', '/cpv-mapping', {
      rules: [{ cpv: '45000000', competences: [competence.Électricité] }],
    });
    assert.equal(saved.statusCode, 200, saved.body);
    for (const name of ['cn_24_minimal.xml', 'cn_24_open.xml', 'cn_24_FRA_comments.xml']) {
      const imported = await call('POST', '/import', { xml: fixture(name) });
      assert.equal(imported.statusCode, 201, `${name}: ${imported.body}`);
      const detail = (await call('GET', `/${imported.json().id}`)).json();
      assert.equal(detail.source, 'eforms');
      assert.ok(detail.lots.length >= 1, name);
    }
    // The French notice's place (NUTS FRD22, Seine-Maritime) gets the département's point: the
    // builder measures distances from around Rouen.
    const french = await call('POST', '/import', { xml: fixture('cn_24_FRA_comments.xml') });
    const stored = await t.db
      .selectFrom('tenders')
      .select('body')
      .where('id', '=', french.json().id)
      .executeTakeFirstOrThrow();
    const place = (stored.body as { place: { nuts: string; point: { lon: number; lat: number } | null } })
      .place;
    assert.equal(place.nuts, 'FRD22');
    assert.ok(place.point, 'a point for FRD22');
    assert.ok(
      Math.abs(place.point.lon - 1.0) < 0.5 && Math.abs(place.point.lat - 49.6) < 0.3,
      JSON.stringify(place),
    );
  });

  it('refuses a broken XML file whole, naming the line and column', async () => {
    const before = await countTenders();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${slug}/tenders/import`,
      headers: { cookie, 'accept-language': 'fr' },
      payload: { xml: '<?xml version="1.0"?>\n<ContractNotice>\n  <cbc:ID>1</cbc:Oops>\n</ContractNotice>' },
    });
    assert.equal(response.statusCode, 400, response.body);
    assert.equal(response.json().code, 'TENDER_XML_INVALID');
    assert.match(response.json().message, /ligne 3/);
    assert.equal(await countTenders(), before, 'nothing half-imported');
  });

  it('refuses XML that is not an eForms notice, naming the element', async () => {
    const before = await countTenders();
    const response = await call('POST', '/import', { xml: '<Invoice><ID>1</ID></Invoice>' });
    assert.equal(response.statusCode, 400, response.body);
    assert.equal(response.json().code, 'TENDER_NOTICE_INVALID');
    assert.equal(await countTenders(), before);
  });

  it('imports a BOAMP notice of the open data: its fields, or the eForms notice inside', async () => {
    const record = {
      idweb: '26-104512',
      objet: 'Rénovation électrique de la mairie',
      nomacheteur: 'Ville de Lyon',
      datelimitereponse: '2030-01-15T12:00:00+01:00',
      code_departement: ['69'],
      descripteur_libelle: ['Électricité', 'Peinture (travaux)'],
    };
    const imported = await call('POST', '/import-boamp', { boamp: JSON.stringify({ results: [record] }) });
    assert.equal(imported.statusCode, 201, imported.body);
    // « Peinture » names no competence of the network: staff see it, to add by hand.
    assert.deepEqual(imported.json().unmappedCpv, { 'LOT-1': ['Peinture (travaux)'] });
    const detail = (await call('GET', `/${imported.json().id}`)).json();
    assert.deepEqual(
      [detail.source, detail.title, detail.buyer, detail.noticeId],
      ['boamp', 'Rénovation électrique de la mairie', 'Ville de Lyon', '26-104512'],
    );
    assert.equal(detail.submissionDeadline, '2030-01-15T11:00:00.000Z');
    assert.deepEqual(
      detail.lots[0].requirements.map((r: { label: string }) => r.label),
      ['Électricité'],
    );
    // The Rhône's centre is the place: Menuiserie Lyon is near, Élec Paris far.
    const run = await call('POST', `/${imported.json().id}/consortium`, {
      minMembers: 1,
      maxMembers: 1,
      maxDistanceKm: 100,
    });
    assert.equal(run.statusCode, 200, run.body);
    assert.ok(run.json().place, 'a place to measure from');

    const eforms = await call('POST', '/import-boamp', {
      boamp: JSON.stringify({
        ...record,
        donnees: JSON.stringify({ EFORMS: { xml: fixture('cn_24_minimal.xml') } }),
      }),
    });
    assert.equal(eforms.statusCode, 201, eforms.body);
    const fromEForms = (await call('GET', `/${eforms.json().id}`)).json();
    assert.equal(fromEForms.source, 'boamp');
    assert.ok(fromEForms.lots.length >= 1 && fromEForms.lots[0].cpvCodes.length > 0);
  });

  it('refuses a broken BOAMP file whole, naming where', async () => {
    const before = await countTenders();
    const broken = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${slug}/tenders/import-boamp`,
      headers: { cookie, 'accept-language': 'fr' },
      payload: { boamp: '{\n  "objet": "Toiture",\n  "idweb": }' },
    });
    assert.equal(broken.statusCode, 400, broken.body);
    assert.equal(broken.json().code, 'TENDER_BOAMP_INVALID');
    assert.match(broken.json().message, /ligne 3, colonne 12 — ce n’est pas du JSON valide/);
    const two = await call('POST', '/import-boamp', {
      boamp: JSON.stringify([
        { objet: 'a', idweb: '1' },
        { objet: 'b', idweb: '2' },
      ]),
    });
    assert.match(two.json().message, /un avis à la fois : le fichier en contient 2/);
    const department = await call('POST', '/import-boamp', {
      boamp: JSON.stringify({ objet: 'a', idweb: '1', code_departement: '99' }),
    });
    assert.equal(department.statusCode, 400);
    assert.match(department.json().message, /code_departement/);
    assert.equal(await countTenders(), before, 'nothing half-imported');
  });
});
