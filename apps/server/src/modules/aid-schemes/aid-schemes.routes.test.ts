import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadDemoAidSchemes } from '../../db/seed/demo-aid-schemes.ts';
import {
  buildNetwork,
  buildOrganisation,
  buildPerson,
  buildTestApp,
  grantRole,
  signIn,
} from '../../test/factories.ts';

/**
 * The aid-scheme catalogue end to end: staff add, change, archive and restore schemes; members
 * see which schemes their companies and their projects may claim, criterion by criterion; bad
 * input names the field in the caller's language.
 */
describe('aid schemes', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let staff: string;
  let leader: string;
  let network: { id: string; slug: string };
  let projectId: string;
  const ids: Record<string, string> = {};

  function call(
    cookie: string | null,
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    payload?: object,
    lang = 'fr',
  ) {
    return t.app.inject({
      method,
      url: `/api/networks/${network.slug}${path}`,
      headers: { ...(cookie ? { cookie } : {}), 'accept-language': lang },
      ...(payload ? { payload } : {}),
    });
  }

  async function create(payload: object) {
    const response = await call(staff, 'POST', '/aid-schemes', payload);
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  }

  before(async () => {
    t = await buildTestApp();
    network = await buildNetwork(t.db, { kind: 'club', name: 'Club ETI' });
    const staffPerson = await buildPerson(t.db);
    await grantRole(t.db, staffPerson.id, network.id, 'staff');
    staff = await signIn(t.app, staffPerson.email);
    const leaderPerson = await buildPerson(t.db);
    await grantRole(t.db, leaderPerson.id, network.id, 'member_leader');
    leader = await signIn(t.app, leaderPerson.email);
    // A metalworking PME of Rouen (Normandie), and a company with an empty profile.
    ids.rouen = (
      await buildOrganisation(t.db, {
        name: 'Usinage Rouen',
        networkIds: [network.id],
        communeCode: '76540',
        nafCode: '25.62A',
        headcountBand: '12',
        leaders: [leaderPerson.id],
      })
    ).id;
    ids.blank = (
      await buildOrganisation(t.db, {
        name: 'Atelier sans profil',
        networkIds: [network.id],
        leaders: [leaderPerson.id],
      })
    ).id;
    const project = await t.db
      .insertInto('projects')
      .values({
        network_id: network.id,
        title: 'Ligne pilote mutualisée',
        stage: 'pilot',
        lead_organisation_id: ids.rouen,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    projectId = project.id;
    await t.db
      .insertInto('project_members')
      .values({ project_id: projectId, organisation_id: ids.rouen, network_id: network.id, status: 'joined' })
      .execute();
  });
  after(() => t.close());

  it('lets staff add a scheme with a rule, cleaned, and everyone read it', async () => {
    const scheme = await create({
      name: 'AD Normandie Impulsion (exemple)',
      funder: 'AD Normandie',
      level: 'territorial',
      description: 'Exemple de dispositif régional.',
      url: 'https://adnormandie.fr',
      categories: ['pme', 'TPE'],
      nafSections: ['c'],
      regions: ['28'],
      projectStages: ['pilot', 'project'],
      amountMinCents: 1_000_000,
      amountMaxCents: 50_000_000,
      closesOn: '2099-12-31',
    });
    ids.normandie = scheme.id;
    assert.deepEqual(scheme.categories, ['PME', 'TPE']);
    assert.deepEqual(scheme.nafSections, ['C']);
    assert.equal(scheme.isClosed, false);
    assert.equal(scheme.canEdit, true);
    const list = await call(leader, 'GET', '/aid-schemes');
    assert.equal(list.statusCode, 200);
    assert.equal(list.json().canManage, false);
    assert.deepEqual(
      list.json().schemes.map((s: { name: string; canEdit: boolean }) => [s.name, s.canEdit]),
      [['AD Normandie Impulsion (exemple)', false]],
    );
  });

  it('tells each of my companies which schemes it may claim, and why', async () => {
    await create({ name: 'Appel breton (exemple)', level: 'territorial', regions: ['53'] });
    await create({ name: 'Dispositif clos (exemple)', level: 'national', closesOn: '2020-01-01' });
    const response = await call(leader, 'GET', '/aid-schemes/for-me');
    assert.equal(response.statusCode, 200, response.body);
    const { organisations } = response.json();
    assert.deepEqual(
      organisations.map((o: { name: string }) => o.name),
      ['Atelier sans profil', 'Usinage Rouen'],
    );
    const rouen = organisations.find((o: { name: string }) => o.name === 'Usinage Rouen');
    // The closed scheme is left out; the Breton one is not eligible; the Normandy one may be.
    assert.deepEqual(
      rouen.matches.map((m: { scheme: { name: string }; verdict: string }) => [m.scheme.name, m.verdict]),
      [
        ['AD Normandie Impulsion (exemple)', 'unknown'],
        ['Appel breton (exemple)', 'not-eligible'],
      ],
    );
    const normandie = rouen.matches[0];
    const byCriterion = Object.fromEntries(
      normandie.checks.map((c: { criterion: string }) => [c.criterion, c]),
    );
    assert.equal(byCriterion.category.status, 'matched');
    assert.deepEqual(byCriterion.category.params, { value: 'PME', allowed: 'PME, TPE' });
    assert.equal(byCriterion.naf.reason, 'NAF_SECTION_IN');
    assert.equal(byCriterion.territory.reason, 'REGION_IN');
    assert.equal(byCriterion.stage.status, 'unknown');
    const blank = organisations.find((o: { name: string }) => o.name === 'Atelier sans profil');
    const blankCategory = blank.matches[0].checks.find(
      (c: { criterion: string }) => c.criterion === 'category',
    );
    assert.equal(blankCategory.reason, 'CATEGORY_MISSING');
  });

  it('checks a project against the schemes, with the amount it would ask for', async () => {
    const response = await call(leader, 'GET', `/projects/${projectId}/aid-schemes?amountCents=2000000`);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.project.stage, 'pilot');
    assert.equal(body.requestedAmountCents, 2_000_000);
    const normandie = body.matches.find((m: { scheme: { id: string } }) => m.scheme.id === ids.normandie);
    assert.equal(normandie.verdict, 'eligible');
    const territory = normandie.checks.find((c: { criterion: string }) => c.criterion === 'territory');
    assert.deepEqual(territory.organisation, { id: ids.rouen, name: 'Usinage Rouen' });
    const tooMuch = await call(leader, 'GET', `/projects/${projectId}/aid-schemes?amountCents=900000000`);
    const above = tooMuch
      .json()
      .matches.find((m: { scheme: { id: string } }) => m.scheme.id === ids.normandie);
    assert.equal(above.verdict, 'not-eligible');
    assert.equal(
      above.checks.find((c: { criterion: string }) => c.criterion === 'amount').reason,
      'AMOUNT_ABOVE_MAX',
    );
  });

  it('archives a scheme out of the members’ sight, and brings it back', async () => {
    const archived = await call(staff, 'POST', `/aid-schemes/${ids.normandie}/archive`);
    assert.equal(archived.statusCode, 200, archived.body);
    assert.ok(archived.json().archivedAt);
    const names = async (cookie: string, query = '') =>
      (await call(cookie, 'GET', `/aid-schemes${query}`)).json().schemes.map((s: { name: string }) => s.name);
    assert.ok(!(await names(leader)).includes('AD Normandie Impulsion (exemple)'));
    assert.ok(!(await names(leader, '?archived=1')).includes('AD Normandie Impulsion (exemple)'));
    assert.ok((await names(staff, '?archived=1')).includes('AD Normandie Impulsion (exemple)'));
    assert.equal((await call(leader, 'GET', `/aid-schemes/${ids.normandie}`)).statusCode, 404);
    const restored = await call(staff, 'POST', `/aid-schemes/${ids.normandie}/restore`);
    assert.equal(restored.json().archivedAt, null);
    assert.ok((await names(leader)).includes('AD Normandie Impulsion (exemple)'));
  });

  it('changes a scheme and checks the rule as it will be', async () => {
    const changed = await call(staff, 'PATCH', `/aid-schemes/${ids.normandie}`, {
      departements: ['76', '14'],
      funder: 'Région Normandie',
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(changed.json().departements, ['14', '76']);
    assert.equal(changed.json().funder, 'Région Normandie');
    // The stored minimum (10,000 €) is above the new maximum.
    const bad = await call(staff, 'PATCH', `/aid-schemes/${ids.normandie}`, { amountMaxCents: 100 });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().field, 'body.amountMinCents');
  });

  it('names the field at fault, in French and in English, never a 500', async () => {
    const cases: [object, string, string][] = [
      [{ amountMinCents: 500, amountMaxCents: 100 }, 'body.amountMinCents', 'montant minimum'],
      [{ opensOn: '2026-06-01', closesOn: '2026-05-01' }, 'body.closesOn', 'clôture'],
      [{ nafSections: ['C', 'Z'] }, 'body.nafSections.1', 'section NAF'],
      [{ nafDivisions: ['04'] }, 'body.nafDivisions.0', 'division NAF'],
      [{ departements: ['99'] }, 'body.departements.0', 'département'],
      [{ regions: ['99'] }, 'body.regions.0', 'région'],
      [{ projectStages: ['dream'] }, 'body.projectStages.0', 'étape'],
      [{ categories: ['XXL'] }, 'body.categories.0', 'catégorie'],
    ];
    for (const [payload, field, words] of cases) {
      const response = await call(staff, 'POST', '/aid-schemes', {
        name: 'X',
        level: 'national',
        ...payload,
      });
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.json().field, field);
      assert.match(response.json().message, new RegExp(words));
    }
    // A person's language is their profile's unless they chose another one (the cookie).
    const english = await call(
      `${staff}; meute_lang=en`,
      'POST',
      '/aid-schemes',
      { name: 'X', level: 'national', amountMinCents: 500, amountMaxCents: 100 },
      'en',
    );
    assert.match(english.json().message, /minimum amount is above the maximum/);
    const level = await call(staff, 'POST', '/aid-schemes', { name: 'X', level: 'galactic' });
    assert.equal(level.statusCode, 400);
    assert.equal(level.json().field, 'body.level');
    const date = await call(staff, 'POST', '/aid-schemes', {
      name: 'X',
      level: 'national',
      closesOn: '2026-02-30',
    });
    assert.equal(date.statusCode, 400);
    assert.equal(date.json().field, 'body.closesOn');
    const unknown = await call(staff, 'PATCH', '/aid-schemes/00000000-0000-4000-8000-000000000000', {
      name: 'Y',
    });
    assert.equal(unknown.statusCode, 404);
  });
  it('loads the demo schemes', async () => {
    const demo = await buildNetwork(t.db, { kind: 'club', name: 'Démo' });
    await loadDemoAidSchemes(t.db, new Map([['club-eti-normandie', demo.id]]));
    const rows = await t.db
      .selectFrom('aid_schemes')
      .select(['name', 'closes_on'])
      .where('network_id', '=', demo.id)
      .execute();
    assert.equal(rows.length, 4);
    assert.ok(rows.some((row) => row.name.includes('Impulsion')));
  });
});
