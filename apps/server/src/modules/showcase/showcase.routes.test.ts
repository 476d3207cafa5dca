import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PublicShowcase, ShowcaseAdmin } from '@meute/contracts';
import {
  buildNetwork,
  buildOrganisation,
  buildPerson,
  buildTestApp,
  grantRole,
  signIn,
} from '../../test/factories.ts';

const ALL_PARTS = {
  showIdentity: true,
  showCompetences: true,
  showCertifications: true,
  showReferences: true,
  territoryLevel: 'commune',
  contactEmail: 'Contact@Usinor.example',
} as const;

/**
 * The showcase end to end: staff publish, companies consent part by part, anyone reads the
 * consented parts and searches them in French; unknown and unpublished networks answer alike.
 */
describe('showcase', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let network: { id: string; slug: string };
  let staff: string;
  let leaderU: string;
  let leaderP: string;
  let employeeU: string;
  let usinor: string;
  let plasti: string;

  before(async () => {
    t = await buildTestApp();
    network = await buildNetwork(t.db, { kind: 'club', name: 'Club Vitrine' });
    const people = {
      staff: await buildPerson(t.db),
      leaderU: await buildPerson(t.db),
      leaderP: await buildPerson(t.db),
      employeeU: await buildPerson(t.db),
    };
    await grantRole(t.db, people.staff.id, network.id, 'staff');
    for (const p of [people.leaderU, people.leaderP])
      await grantRole(t.db, p.id, network.id, 'member_leader');
    await grantRole(t.db, people.employeeU.id, network.id, 'member_employee');
    usinor = (
      await buildOrganisation(t.db, {
        name: 'Usinor Précision',
        networkIds: [network.id],
        communeCode: '76540',
        description: 'Pièces usinées pour l’aéronautique.',
        competences: ['Usinage', 'Tournage'],
        certifications: [
          { name: 'ISO 9001', expiresOn: '2099-12-31' },
          { name: 'EN 9100', expiresOn: '2001-01-01' },
        ],
        leaders: [people.leaderU.id],
        staffMembers: [people.employeeU.id],
      })
    ).id;
    plasti = (
      await buildOrganisation(t.db, {
        name: 'Plasti Normand',
        networkIds: [network.id],
        communeCode: '14118',
        description: 'Injection plastique.',
        competences: ['Injection plastique', 'Usinage'],
        leaders: [people.leaderP.id],
      })
    ).id;
    await t.db
      .insertInto('organisation_references')
      .values({ organisation_id: usinor, title: 'Carters moteur', client: 'Safran', year: 2024 })
      .execute();
    await t.db
      .updateTable('organisations')
      .set({ website: 'https://usinor.example' })
      .where('id', '=', usinor)
      .execute();
    staff = await signIn(t.app, people.staff.email);
    leaderU = await signIn(t.app, people.leaderU.email);
    leaderP = await signIn(t.app, people.leaderP.email);
    employeeU = await signIn(t.app, people.employeeU.email);
  });
  after(() => t.close());

  function call(cookie: string | null, method: 'GET' | 'PUT', path: string, payload?: object) {
    return t.app.inject({
      method,
      url: `/api/networks/${network.slug}/showcase${path}`,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  }
  function publicRead(slug: string, query = '', locale = 'fr') {
    return t.app.inject({
      method: 'GET',
      url: `/api/showcase/${slug}${query}`,
      headers: { 'accept-language': locale },
    });
  }
  const publish = (isPublished: boolean) =>
    call(staff, 'PUT', '', {
      isPublished,
      headlineFr: 'Les industriels de Normandie',
      headlineEn: 'Normandy’s manufacturers',
      descriptionFr: 'Usinage, plasturgie et plus.',
      descriptionEn: 'Machining, plastics and more.',
      contactEmail: 'contact@club-vitrine.example',
    });

  it('is not public by default, and unknown or unpublished networks answer the same 404', async () => {
    const unpublished = await publicRead(network.slug);
    const unknown = await publicRead('no-such-network');
    assert.equal(unpublished.statusCode, 404);
    assert.equal(unknown.statusCode, 404);
    const withoutRequestId = (body: string) => ({ ...(JSON.parse(body) as object), requestId: undefined });
    assert.deepEqual(withoutRequestId(unpublished.body), withoutRequestId(unknown.body));
    assert.match(unknown.json().message, /vitrine/);
    const view = (await call(leaderU, 'GET', '')).json() as ShowcaseAdmin;
    assert.equal(view.settings.isPublished, false);
    assert.equal(view.myOrganisations[0]?.consent.showIdentity, false);
  });

  it('shows nothing of a company until it consents, then only the parts it chose', async () => {
    const published = await publish(true);
    assert.equal(published.statusCode, 200, published.body);
    assert.equal((published.json() as ShowcaseAdmin).stats?.consentingCount, 0);
    let body = (await publicRead(network.slug)).json() as PublicShowcase;
    assert.equal(body.headline.fr, 'Les industriels de Normandie');
    assert.equal(body.contactEmail, 'contact@club-vitrine.example');
    assert.equal(body.companyCount, 0);
    assert.deepEqual(body.companies, []);
    assert.deepEqual(body.competences, []);

    const consented = await call(leaderU, 'PUT', `/consents/${usinor}`, ALL_PARTS);
    assert.equal(consented.statusCode, 200, consented.body);
    // Plasti shows its competences and its département only: no card, but it counts.
    const partial = await call(leaderP, 'PUT', `/consents/${plasti}`, {
      showIdentity: false,
      showCompetences: true,
      showCertifications: false,
      showReferences: false,
      territoryLevel: 'departement',
    });
    assert.equal(partial.statusCode, 200, partial.body);

    body = (await publicRead(network.slug)).json() as PublicShowcase;
    assert.equal(body.companyCount, 2);
    assert.deepEqual(
      body.companies.map((c) => c.name),
      ['Usinor Précision'],
    );
    const card = body.companies[0]!;
    assert.equal(card.contactEmail, 'contact@usinor.example');
    assert.equal(card.website, 'https://usinor.example');
    assert.deepEqual(card.certifications, ['ISO 9001'], 'an expired certification is never shown');
    assert.equal(card.references[0]?.client, 'Safran');
    assert.equal(card.commune?.code, '76540');
    assert.ok(card.point);
    assert.deepEqual(body.competences[0], { label: 'Usinage', companyCount: 2 });
    assert.deepEqual(
      body.departements.map((d) => [d.code, d.companyCount]),
      [
        ['14', 1],
        ['76', 1],
      ],
    );
    assert.equal(body.departements[0]?.name, 'Calvados');
    assert.deepEqual(body.groupingsWon, []);
    const json = JSON.stringify(body);
    assert.ok(!json.includes('Plasti Normand'), 'a company without identity consent is never named');
    assert.ok(!json.includes('Injection plastique.'));
    assert.ok(!json.includes('14118'), 'a département-level company shows no commune');
  });

  it('searches the consented parts in French, with competence and département filters', async () => {
    const names = async (query: string) =>
      ((await publicRead(network.slug, query)).json() as PublicShowcase).companies.map((c) => c.name);
    assert.deepEqual(await names('?q=usinées'), ['Usinor Précision']);
    assert.deepEqual(await names('?q=USINAGE'), ['Usinor Précision']);
    assert.deepEqual(await names('?q=aeronautique'), ['Usinor Précision']);
    assert.deepEqual(await names('?q=carter'), ['Usinor Précision'], 'references are searched');
    assert.deepEqual(await names('?q=chaudronnerie'), []);
    assert.deepEqual(await names('?competence=tournage'), ['Usinor Précision']);
    assert.deepEqual(await names('?departement=76'), ['Usinor Précision']);
    assert.deepEqual(await names('?departement=14'), []);
    assert.deepEqual(await names('?q=le'), ['Usinor Précision'], 'stop words alone filter nothing');
    const bad = await publicRead(network.slug, '?departement=xyz');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().field, 'querystring.departement');
  });

  it('lets only the leaders of a company decide, and withdraws a company at once', async () => {
    const byEmployee = await call(employeeU, 'PUT', `/consents/${usinor}`, ALL_PARTS);
    assert.equal(byEmployee.statusCode, 403);
    const byStaff = await call(staff, 'PUT', `/consents/${usinor}`, ALL_PARTS);
    assert.equal(byStaff.statusCode, 403);
    const otherCompany = await call(leaderU, 'PUT', `/consents/${plasti}`, ALL_PARTS);
    assert.equal(otherCompany.statusCode, 403);
    const badEmail = await call(leaderU, 'PUT', `/consents/${usinor}`, {
      ...ALL_PARTS,
      contactEmail: 'nope',
    });
    assert.equal(badEmail.statusCode, 400);
    assert.equal(badEmail.json().field, 'body.contactEmail');

    const withdrawn = await call(leaderU, 'PUT', `/consents/${usinor}`, {
      ...ALL_PARTS,
      showIdentity: false,
      showCompetences: false,
      showCertifications: false,
      showReferences: false,
      territoryLevel: 'none',
    });
    assert.equal(withdrawn.statusCode, 200);
    const body = (await publicRead(network.slug)).json() as PublicShowcase;
    assert.equal(body.companyCount, 1);
    assert.ok(!JSON.stringify(body).includes('Usinor'));
    await call(leaderU, 'PUT', `/consents/${usinor}`, ALL_PARTS);
  });

  it('shows only web addresses as a company’s website', async () => {
    await t.db
      .updateTable('organisations')
      .set({ website: 'javascript:alert(1)' })
      .where('id', '=', usinor)
      .execute();
    const body = (await publicRead(network.slug)).json() as PublicShowcase;
    assert.equal(body.companies[0]?.website, '');
    await t.db
      .updateTable('organisations')
      .set({ website: 'https://usinor.example' })
      .where('id', '=', usinor)
      .execute();
  });

  it('lists the groupings won together, without their members', async () => {
    const tender = await t.db
      .insertInto('tenders')
      .values({
        network_id: network.id,
        title: 'Maintenance des ateliers',
        buyer: 'Région Normandie',
        source: 'manual',
        body: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const status of ['won', 'lost'] as const) {
      const groupement = await t.db
        .insertInto('groupements')
        .values({
          tender_id: tender.id,
          network_id: network.id,
          kind: 'conjoint',
          mandataire_id: plasti,
          status,
          outcome_at: new Date('2026-06-30T10:00:00Z'),
          outcome_value_cents: 123_456_789,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.db
        .insertInto('groupement_members')
        .values([
          { groupement_id: groupement.id, organisation_id: plasti, work_share_bp: 6000 },
          { groupement_id: groupement.id, organisation_id: usinor, work_share_bp: 4000 },
        ])
        .execute();
    }
    const body = (await publicRead(network.slug)).json() as PublicShowcase;
    assert.deepEqual(body.groupingsWon, [
      { title: 'Maintenance des ateliers', buyer: 'Région Normandie', year: 2026, companyCount: 2 },
    ]);
    assert.ok(!JSON.stringify(body).includes('Plasti Normand'), 'the members of a grouping stay unnamed');
    assert.ok(!JSON.stringify(body).includes('1234567'), 'nor its value');
  });

  it('unpublishing hides everything again', async () => {
    assert.equal((await publish(false)).statusCode, 200);
    assert.equal((await publicRead(network.slug)).statusCode, 404);
    // Staff still preview it as it would appear; a signed-in staff on the public route does not.
    const preview = await call(staff, 'GET', '/preview?q=usinage');
    assert.equal(preview.statusCode, 200, preview.body);
    assert.deepEqual(
      (preview.json() as PublicShowcase).companies.map((c) => c.name),
      ['Usinor Précision'],
    );
    const asStaff = await t.app.inject({
      method: 'GET',
      url: `/api/showcase/${network.slug}`,
      headers: { cookie: staff },
    });
    assert.equal(asStaff.statusCode, 404);
    const english = await publicRead(network.slug, '', 'en');
    assert.equal(english.json().message, 'This showcase does not exist or is not published.');
    assert.equal((await publish(true)).statusCode, 200);
    assert.equal((await publicRead(network.slug)).statusCode, 200);
  });
});
