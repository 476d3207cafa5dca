import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { asPerson } from '../../db/database.ts';
import {
  buildNetwork,
  buildOrganisation,
  buildPerson,
  buildTestApp,
  grantRole,
  signIn,
} from '../../test/factories.ts';

/**
 * Who sees which organisation through every read path of the directory: the search (its page,
 * its total and its facet counts), the map and the export, for every role, in one network, in
 * a federation, in another network and in another federation. The search index decides counts
 * and order in memory: these tests prove it applies the same rule as row-level security.
 *
 *   federation Nord ── club Alpha (alpha-1, alpha-2, shared, dormant: inactive)
 *                  └── club Beta  (beta-1, shared)
 *   cluster Gamma (gamma-1), no federation
 *   federation Sud ── club Delta (delta-1)
 *   applicant: an organisation applying to Alpha, member of nothing
 */
describe('directory: who sees what (search, facets, map, export)', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const cookies: Record<string, string> = {};
  const slugs: Record<string, string> = {};
  const personIds: Record<string, string> = {};
  const everyone = ['alpha-1', 'alpha-2', 'beta-1', 'delta-1', 'gamma-1', 'shared'];
  const alphaMembers = ['alpha-1', 'alpha-2', 'shared'];

  /** Every active organisation a person sees in their directory, by the rule of the policy. */
  const expected: Record<string, string[]> = {
    alphaStaff: alphaMembers,
    alphaBoard: alphaMembers,
    alphaLeader: alphaMembers,
    alphaEmployee: alphaMembers,
    alphaPartner: alphaMembers,
    nordStaff: ['alpha-1', 'alpha-2', 'beta-1', 'shared'],
    betaLeader: ['beta-1', 'shared'],
    gammaLeader: ['gamma-1'],
    deltaStaff: ['delta-1'],
    applicant: [],
    nobody: [],
    // The instance's administrator sees every active organisation, members of no network too.
    admin: [...everyone, 'applying'].sort(),
  };

  before(async () => {
    t = await buildTestApp();
    const nord = await buildNetwork(t.db, { kind: 'federation', name: 'Fédération Nord' });
    const sud = await buildNetwork(t.db, { kind: 'federation', name: 'Fédération Sud' });
    const alpha = await buildNetwork(t.db, { kind: 'club', parentId: nord.id, name: 'Club Alpha' });
    const beta = await buildNetwork(t.db, { kind: 'club', parentId: nord.id, name: 'Club Beta' });
    const gamma = await buildNetwork(t.db, { kind: 'cluster', name: 'Cluster Gamma' });
    const delta = await buildNetwork(t.db, { kind: 'club', parentId: sud.id, name: 'Club Delta' });
    Object.assign(slugs, { alpha: alpha.slug, beta: beta.slug, gamma: gamma.slug, delta: delta.slug });

    const people: Record<string, { id: string; email: string }> = {};
    for (const who of Object.keys(expected)) {
      people[who] = await buildPerson(t.db, { isInstanceAdmin: who === 'admin' });
    }
    await grantRole(t.db, people.alphaStaff!.id, alpha.id, 'staff');
    await grantRole(t.db, people.alphaBoard!.id, alpha.id, 'board');
    await grantRole(t.db, people.alphaLeader!.id, alpha.id, 'member_leader');
    await grantRole(t.db, people.alphaEmployee!.id, alpha.id, 'member_employee');
    await grantRole(t.db, people.alphaPartner!.id, alpha.id, 'partner_delegate');
    await grantRole(t.db, people.nordStaff!.id, nord.id, 'federation_staff');
    await grantRole(t.db, people.betaLeader!.id, beta.id, 'member_leader');
    await grantRole(t.db, people.gammaLeader!.id, gamma.id, 'member_leader');
    await grantRole(t.db, people.deltaStaff!.id, delta.id, 'staff');

    // Every organisation answers the same words, has a place, a sector and a certification, so
    // that each read path has something to show or to count.
    const profile = (name: string, networkIds: string[]) =>
      buildOrganisation(t.db, {
        name,
        networkIds,
        communeCode: '61169',
        nafCode: '25.62A',
        headcountBand: '12',
        description: 'Mécanique de précision',
        competences: ['Usinage'],
        certifications: [{ name: 'ISO 9001', expiresOn: null }],
      });
    await profile('alpha-1', [alpha.id]);
    await profile('alpha-2', [alpha.id]);
    await profile('shared', [alpha.id, beta.id]);
    await profile('beta-1', [beta.id]);
    await profile('gamma-1', [gamma.id]);
    await profile('delta-1', [delta.id]);
    const dormant = await profile('dormant', [alpha.id]);
    await t.db.updateTable('organisations').set({ is_active: false }).where('id', '=', dormant.id).execute();
    const applying = await profile('applying', []);
    await t.db
      .insertInto('person_organisations')
      .values({ person_id: people.applicant!.id, organisation_id: applying.id, is_leader: true })
      .execute();
    await sql`insert into membership_applications (network_id, organisation_id, applicant_id)
              values (${alpha.id}, ${applying.id}, ${people.applicant!.id})`.execute(t.db);

    for (const [who, person] of Object.entries(people)) {
      cookies[who] = await signIn(t.app, person.email);
      personIds[who] = person.id;
    }
  });
  after(() => t.close());

  const get = (who: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });

  it('keeps the app role away from what the index reads with the owner’s rights', async () => {
    const anyone = personIds.nobody!;
    // Asking as someone else, or reading text matches past row-level security, is the owner's.
    await assert.rejects(
      asPerson(t.db, anyone, (trx) =>
        sql`select * from meute_directory_viewer(${anyone}, null)`.execute(trx),
      ),
      /permission denied/,
    );
    const matches = await asPerson(t.db, anyone, (trx) =>
      sql<{
        id: string;
      }>`select id from organisations where search_vector @@ meute_search_query('mécanique')`.execute(trx),
    );
    assert.deepEqual(matches.rows, [], 'a person in no network matches nothing through the app role');
  });

  for (const who of [
    'alphaStaff',
    'alphaBoard',
    'alphaLeader',
    'alphaEmployee',
    'alphaPartner',
    'nordStaff',
    'betaLeader',
    'gammaLeader',
    'deltaStaff',
    'applicant',
    'nobody',
    'admin',
  ]) {
    it(`${who}: search, words, facets and map show exactly its networks' members`, async () => {
      const sees = expected[who]!;
      for (const url of ['/api/directory?pageSize=100', '/api/directory?q=usinage&pageSize=100']) {
        const body = (await get(who, url)).json();
        assert.deepEqual(body.results.map((r: { name: string }) => r.name).sort(), sees, url);
        assert.equal(body.total, sees.length, `${url}: total`);
        const count = (facet: { count: number }[]) => facet.reduce((sum, f) => sum + f.count, 0);
        assert.equal(count(body.facets.nafSections), sees.length, `${url}: sector counts`);
        assert.equal(count(body.facets.certifications), sees.length, `${url}: certification counts`);
        assert.equal(count(body.facets.competences), sees.length, `${url}: competence counts`);
        assert.equal(count(body.facets.departements), sees.length, `${url}: département counts`);
      }
      const near = (await get(who, '/api/directory?near=61169&km=10&pageSize=100')).json();
      assert.deepEqual(near.results.map((r: { name: string }) => r.name).sort(), sees, 'within 10 km');
      const map = (await get(who, '/api/directory/map')).json();
      assert.deepEqual(map.points.map((p: { name: string }) => p.name).sort(), sees, 'map');
    });

    it(`${who}: exports exactly what it sees, unless it is only a partner`, async () => {
      const response = await get(who, '/api/directory/export?format=csv');
      if (who === 'alphaPartner') {
        assert.equal(response.statusCode, 403);
        return;
      }
      assert.equal(response.statusCode, 200, response.body);
      const exported = response.body
        .split('\r\n')
        .slice(1)
        .filter((line) => line !== '')
        .map((line) => line.split(';')[0]!.replace(/^"|"$/g, ''));
      assert.deepEqual(exported.sort(), expected[who]!);
    });

    it(`${who}: one network's directory only if it sees that network`, async () => {
      const response = await get(who, `/api/directory?network=${slugs.alpha}&pageSize=100`);
      const seesAlpha = ['alphaStaff', 'alphaBoard', 'alphaLeader', 'alphaEmployee', 'alphaPartner'].includes(
        who,
      );
      if (seesAlpha || who === 'nordStaff' || who === 'admin') {
        assert.equal(response.statusCode, 200, response.body);
        assert.deepEqual(
          response
            .json()
            .results.map((r: { name: string }) => r.name)
            .sort(),
          alphaMembers,
        );
        assert.equal(response.json().total, alphaMembers.length);
      } else {
        assert.equal(response.statusCode, 404, `${who} must not see Club Alpha`);
      }
    });
  }
});

describe('directory: the search index follows every change at once', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookie: string;
  let clubId: string;
  let otherId: string;
  let orgId: string;

  before(async () => {
    t = await buildTestApp();
    const club = await buildNetwork(t.db, { kind: 'club' });
    const other = await buildNetwork(t.db, { kind: 'club' });
    clubId = club.id;
    otherId = other.id;
    const staff = await buildPerson(t.db);
    await grantRole(t.db, staff.id, club.id, 'staff');
    cookie = await signIn(t.app, staff.email);
    orgId = (
      await buildOrganisation(t.db, { name: 'Forge Martin', networkIds: [club.id], competences: ['Forge'] })
    ).id;
  });
  after(() => t.close());

  const search = async (query = '') =>
    (await t.app.inject({ method: 'GET', url: `/api/directory?${query}`, headers: { cookie } })).json();
  const names = (body: { results: { name: string }[] }) => body.results.map((r) => r.name).sort();

  it('sees a profile edited through the API: name, place, competences', async () => {
    assert.deepEqual(names(await search()), ['Forge Martin']);
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${orgId}`,
      headers: { cookie },
      payload: { name: 'Forges Martin et fils', communeCode: '61169' },
    });
    assert.equal(edit.statusCode, 200, edit.body);
    assert.deepEqual(names(await search('near=61169&km=5')), ['Forges Martin et fils']);
    assert.deepEqual(names(await search('q=fils')), ['Forges Martin et fils']);
  });

  it('sees organisations written by anyone else: new members, departures, deactivation', async () => {
    const newcomer = await buildOrganisation(t.db, { name: 'Atelier Neuf', networkIds: [clubId] });
    assert.deepEqual(names(await search()), ['Atelier Neuf', 'Forges Martin et fils']);
    await t.db.deleteFrom('network_organisations').where('organisation_id', '=', newcomer.id).execute();
    assert.deepEqual(names(await search()), ['Forges Martin et fils']);
    await t.db
      .insertInto('network_organisations')
      .values({ network_id: otherId, organisation_id: newcomer.id })
      .execute();
    assert.deepEqual(names(await search()), ['Forges Martin et fils'], 'a member of another club only');
    await t.db.updateTable('organisations').set({ is_active: false }).where('id', '=', orgId).execute();
    assert.deepEqual(names(await search()), []);
    await t.db.updateTable('organisations').set({ is_active: true }).where('id', '=', orgId).execute();
  });

  it('counts a certification added directly in the database', async () => {
    await t.db
      .insertInto('organisation_certifications')
      .values({ organisation_id: orgId, name: 'Qualibat', expires_on: null })
      .execute();
    const body = await search();
    assert.deepEqual(body.facets.certifications, [{ value: 'Qualibat', label: 'Qualibat', count: 1 }]);
    assert.deepEqual(names(await search('certification=qualibat')), ['Forges Martin et fils']);
  });
});
