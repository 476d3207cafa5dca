import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import {
  buildNetwork,
  buildOrganisation,
  buildPerson,
  buildTestApp,
  grantRole,
  signIn,
} from '../../test/factories.ts';

describe('directory: search, profiles, exports', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const cookies: Record<string, string> = {};
  let clubSlug: string;
  const orgs: Record<string, { id: string }> = {};

  before(async () => {
    t = await buildTestApp();
    const federation = await buildNetwork(t.db, { kind: 'federation' });
    const club = await buildNetwork(t.db, { kind: 'club', parentId: federation.id, name: 'Club Normandie' });
    const cluster = await buildNetwork(t.db, { kind: 'cluster', name: 'Cluster Rhône' });
    clubSlug = club.slug;
    const people = {
      staff: await buildPerson(t.db),
      leader: await buildPerson(t.db),
      colleague: await buildPerson(t.db),
      otherLeader: await buildPerson(t.db),
      fedStaff: await buildPerson(t.db),
      partner: await buildPerson(t.db),
    };
    await grantRole(t.db, people.staff.id, club.id, 'staff');
    await grantRole(t.db, people.leader.id, club.id, 'member_leader');
    await grantRole(t.db, people.colleague.id, club.id, 'member_employee');
    await grantRole(t.db, people.otherLeader.id, cluster.id, 'member_leader');
    await grantRole(t.db, people.fedStaff.id, federation.id, 'federation_staff');
    await grantRole(t.db, people.partner.id, club.id, 'partner_delegate');
    for (const [name, person] of Object.entries(people)) cookies[name] = await signIn(t.app, person.email);

    orgs.plastiflex = await buildOrganisation(t.db, {
      name: 'Plastiflex',
      networkIds: [club.id],
      communeCode: '61169',
      nafCode: '22.29A',
      headcountBand: '32',
      description: 'Pièces plastiques injectées et usinées pour l’automobile.',
      competences: ['Usinage de précision', 'Injection plastique'],
      certifications: [{ name: 'ISO 9001', expiresOn: '2030-01-01' }],
      leaders: [people.leader.id],
      staffMembers: [people.colleague.id],
    });
    orgs.elec = await buildOrganisation(t.db, {
      name: 'Normandie Élec',
      networkIds: [club.id],
      communeCode: '14118',
      nafCode: '43.21A',
      headcountBand: '12',
      competences: ['Électricité générale'],
      certifications: [{ name: 'Qualifelec', expiresOn: '2020-01-01' }],
    });
    orgs.formula = await buildOrganisation(t.db, {
      name: '=HYPERLINK("http://evil.example")',
      networkIds: [club.id],
    });
    orgs.lyon = await buildOrganisation(t.db, {
      name: 'Rhône Usinage',
      networkIds: [cluster.id],
      communeCode: '69266',
      nafCode: '25.62A',
      competences: ['Usinage'],
      leaders: [people.otherLeader.id],
    });
    // Contact details as each person chose to show them.
    await t.db
      .updateTable('people')
      .set({ phone: '02 33 00 00 00', phone_visibility: 'members', email_visibility: 'nobody' })
      .where('id', '=', people.leader.id)
      .execute();
    await t.db
      .updateTable('people')
      .set({ email_visibility: 'staff' })
      .where('id', '=', people.colleague.id)
      .execute();
  });
  after(() => t.close());

  const get = (who: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
  const names = (body: { results: { name: string }[] }) => body.results.map((r) => r.name).sort();

  it('finds « usiné » and « usinage » alike, accents or not, and says why it matched', async () => {
    const response = await get('leader', `/api/directory?network=${clubSlug}&q=usiné`);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(names(response.json()), ['Plastiflex']);
    const reasons = response.json().results[0].matched as { kind: string; detail: string }[];
    assert.ok(
      reasons.some((r) => r.kind === 'competence' && r.detail === 'Usinage de précision'),
      JSON.stringify(reasons),
    );
    assert.ok(reasons.some((r) => r.kind === 'description'));
    const plain = await get('leader', `/api/directory?network=${clubSlug}&q=electricite`);
    assert.deepEqual(names(plain.json()), ['Normandie Élec']);
  });

  it('filters by facet and counts the facets of the matches', async () => {
    const all = (await get('leader', `/api/directory?network=${clubSlug}`)).json();
    assert.equal(all.total, 3);
    const sections = all.facets.nafSections as { value: string; count: number }[];
    assert.deepEqual(sections.map((s) => [s.value, s.count]).sort(), [
      ['C', 1],
      ['F', 1],
    ]);
    assert.deepEqual(
      all.facets.certifications,
      [{ value: 'ISO 9001', label: 'ISO 9001', count: 1 }],
      'expired certifications do not count',
    );
    const building = (await get('leader', `/api/directory?network=${clubSlug}&nafSection=F`)).json();
    assert.deepEqual(names(building), ['Normandie Élec']);
    const eti = (await get('leader', `/api/directory?network=${clubSlug}&category=ETI`)).json();
    assert.deepEqual(names(eti), ['Plastiflex']);
  });

  it('finds members within N km of a commune, nearest first', async () => {
    const near = (await get('leader', `/api/directory?network=${clubSlug}&near=61169&km=30`)).json();
    assert.deepEqual(names(near), ['Plastiflex']);
    assert.equal(near.near.name, 'Flers');
    const wider = (await get('leader', `/api/directory?network=${clubSlug}&near=61169&km=100`)).json();
    assert.deepEqual(
      wider.results.map((r: { name: string }) => r.name),
      ['Plastiflex', 'Normandie Élec'],
    );
    const caen = wider.results[1];
    assert.ok(caen.distanceKm > 40 && caen.distanceKm < 70, String(caen.distanceKm));
    assert.ok(caen.matched.some((m: { kind: string }) => m.kind === 'distance'));
  });

  it('answers a bad query with the field at fault', async () => {
    const response = await get('leader', `/api/directory?near=99999`);
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().field, 'querystring.near');
    const unknown = await get('leader', `/api/directory?colour=blue`);
    assert.equal(unknown.statusCode, 400);
  });

  it('shows a member of another network nothing of this one: search, profile, map, export', async () => {
    assert.equal((await get('otherLeader', `/api/directory?network=${clubSlug}`)).statusCode, 404);
    const everywhere = (await get('otherLeader', '/api/directory?q=usinage')).json();
    assert.deepEqual(names(everywhere), ['Rhône Usinage']);
    assert.equal((await get('otherLeader', `/api/organisations/${orgs.plastiflex!.id}`)).statusCode, 404);
    const map = (await get('otherLeader', '/api/directory/map')).json();
    assert.deepEqual(
      map.points.map((p: { name: string }) => p.name),
      ['Rhône Usinage'],
    );
    const csv = (await get('otherLeader', '/api/directory/export?format=csv')).body;
    assert.ok(!csv.includes('Plastiflex'));
    assert.equal((await get('otherLeader', `/api/networks/${clubSlug}/stats`)).statusCode, 404);
  });

  it('lets federation staff search across their federation’s networks only', async () => {
    const all = (await get('fedStaff', '/api/directory?q=usinage')).json();
    assert.deepEqual(names(all), ['Plastiflex']);
  });

  it('shows each person’s contact details only as they chose', async () => {
    const byMember = (await get('colleague', `/api/organisations/${orgs.plastiflex!.id}`)).json();
    const leader = byMember.people.find((p: { isLeader: boolean }) => p.isLeader);
    assert.equal(leader.email, null, 'e-mail shown to nobody');
    assert.equal(leader.phone, '02 33 00 00 00', 'phone shown to members');
    const colleagueSeenByLeader = (await get('leader', `/api/organisations/${orgs.plastiflex!.id}`))
      .json()
      .people.find((p: { isLeader: boolean }) => !p.isLeader);
    assert.equal(colleagueSeenByLeader.email, null, 'e-mail shown to staff only');
    const byStaff = (await get('staff', `/api/organisations/${orgs.plastiflex!.id}`)).json();
    assert.ok(byStaff.people.find((p: { isLeader: boolean }) => !p.isLeader).email);
    assert.equal(byStaff.people.find((p: { isLeader: boolean }) => p.isLeader).email, null);
  });

  it('lets leaders and staff edit a profile, and nobody else', async () => {
    const patch = (who: string, id: string, payload: object) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/organisations/${id}`,
        headers: { cookie: cookies[who]! },
        payload,
      });
    const edited = await patch('leader', orgs.plastiflex!.id, {
      description: 'Usinage et chaudronnerie fine.',
      capacities: [{ label: 'CNC 5 axes', quantity: 2, freePercent: 30 }],
      references: [{ title: 'Carters moteur', client: 'Renault', year: 2024, description: '' }],
      communeCode: '61001',
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().commune.code, '61001');
    assert.deepEqual(edited.json().capacities, [{ label: 'CNC 5 axes', quantity: 2, freePercent: 30 }]);
    const search = (await get('colleague', `/api/directory?network=${clubSlug}&q=chaudronnerie`)).json();
    assert.deepEqual(names(search), ['Plastiflex'], 'the search sees the change at once');
    assert.equal((await patch('leader', orgs.elec!.id, { description: 'x' })).statusCode, 403);
    assert.equal((await patch('colleague', orgs.plastiflex!.id, { description: 'x' })).statusCode, 403);
    assert.equal((await patch('staff', orgs.elec!.id, { website: 'https://elec.example' })).statusCode, 200);
    assert.equal((await patch('otherLeader', orgs.plastiflex!.id, { description: 'x' })).statusCode, 404);
  });

  it('refuses a wrong SIRET, NAF code or commune with the field at fault', async () => {
    const patch = (payload: object) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/organisations/${orgs.plastiflex!.id}`,
        headers: { cookie: cookies.leader! },
        payload,
      });
    const siret = await patch({ siret: '12345678901234' });
    assert.equal(siret.statusCode, 400);
    assert.equal(siret.json().field, 'body.siret');
    assert.match(siret.json().detail, /clé de contrôle/);
    assert.equal((await patch({ nafCode: '99.99Z' })).json().field, 'body.nafCode');
    assert.equal((await patch({ communeCode: '00000' })).json().field, 'body.communeCode');
  });

  it('exports CSV and XLSX with formula cells neutralised', async () => {
    const csv = await get('staff', `/api/directory/export?network=${clubSlug}&format=csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.ok(csv.body.includes(`"'=HYPERLINK(""http://evil.example"")"`), csv.body);
    assert.ok(csv.body.split('\r\n')[0]!.includes('Nom;SIRET'));
    const xlsx = await get('staff', `/api/directory/export?network=${clubSlug}&format=xlsx`);
    assert.equal(xlsx.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values = sheet.getColumn(1).values.filter(Boolean).map(String);
    assert.deepEqual(values, ['Nom', '\'=HYPERLINK("http://evil.example")', 'Normandie Élec', 'Plastiflex']);
  });

  it('lets territorial partners search the directory but not export it', async () => {
    assert.equal((await get('partner', `/api/directory?network=${clubSlug}&q=usinage`)).statusCode, 200);
    const csv = await get('partner', `/api/directory/export?network=${clubSlug}&format=csv`);
    assert.equal(csv.statusCode, 403);
    assert.equal(
      (await get('colleague', `/api/directory/export?network=${clubSlug}&format=csv`)).statusCode,
      200,
    );
  });

  it('counts a network’s members by sector, size and département', async () => {
    const stats = (await get('colleague', `/api/networks/${clubSlug}/stats`)).json();
    assert.equal(stats.memberCount, 3);
    assert.deepEqual(stats.byDepartement.map((d: { value: string }) => d.value).sort(), ['14', '61']);
  });
});
