import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SIRENE_TAKE_IN_MAX } from '@meute/contracts';
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
import { etablissement, makeSiret, multipart, sireneCsv } from '../imports/test-files.ts';

describe('SIRENE register: import, search, take members in (staff only)', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let federation: { id: string; slug: string };
  let club: { id: string; slug: string };
  let other: { id: string; slug: string };
  let known: string;

  const sirets = {
    fonderie: makeSiret(1),
    electricite: makeSiret(2),
    closedDown: makeSiret(3),
    known: makeSiret(4),
    caen: makeSiret(5),
  };

  before(async () => {
    t = await buildTestApp();
    federation = await buildNetwork(t.db, { kind: 'federation', name: 'Fédération' });
    club = await buildNetwork(t.db, { kind: 'club', name: 'Club Bocage', parentId: federation.id });
    other = await buildNetwork(t.db, { kind: 'cluster', name: 'Cluster Rhône' });
    const people = {
      staff: await buildPerson(t.db),
      federationStaff: await buildPerson(t.db),
      admin: await buildPerson(t.db, { isInstanceAdmin: true }),
      member: await buildPerson(t.db),
      otherStaff: await buildPerson(t.db),
    };
    await grantRole(t.db, people.staff.id, club.id, 'staff');
    await grantRole(t.db, people.federationStaff.id, federation.id, 'federation_staff');
    await grantRole(t.db, people.member.id, club.id, 'member_leader');
    await grantRole(t.db, people.otherStaff.id, other.id, 'staff');
    for (const [name, person] of Object.entries(people)) {
      ids[name] = person.id;
      cookies[name] = await signIn(t.app, person.email);
    }
    // An organisation the directory already holds, member of another network.
    known = (
      await buildOrganisation(t.db, {
        name: 'Ancien nom',
        networkIds: [other.id],
        siret: sirets.known,
        communeCode: '61169',
      })
    ).id;
  });
  after(() => t.close());

  async function importSirene(who: string, slug: string, csv: string, query = '') {
    const body = await multipart({ file: { content: csv, filename: 'StockEtablissement.csv' } });
    return t.app.inject({
      method: 'POST',
      url: `/api/networks/${slug}/imports?kind=sirene${query}`,
      headers: { ...body.headers, cookie: cookies[who]! },
      payload: body.payload,
    });
  }
  const register = (who: string | null, slug: string, query = '') =>
    t.app.inject({
      method: 'GET',
      url: `/api/networks/${slug}/sirene-register${query}`,
      headers: who ? { cookie: cookies[who]! } : {},
    });
  const takeIn = (who: string | null, slug: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/networks/${slug}/sirene-register/members`,
      headers: who ? { cookie: cookies[who]! } : {},
      payload,
    });
  const members = async (networkId: string) =>
    (
      await t.db
        .selectFrom('network_organisations')
        .innerJoin('organisations', 'organisations.id', 'network_organisations.organisation_id')
        .select('organisations.siret')
        .where('network_id', '=', networkId)
        .orderBy('organisations.siret')
        .execute()
    ).map((row) => row.siret);

  it('imports a SIRENE file into the register: no new member, the known organisation refreshed', async () => {
    const before = await t.db.selectFrom('organisations').select('id').execute();
    const response = await importSirene(
      'staff',
      club.slug,
      sireneCsv([
        etablissement(sirets.fonderie, { denominationUsuelleEtablissement: 'FONDERIE DU BOCAGE' }),
        etablissement(sirets.electricite, {
          enseigne1Etablissement: 'ÉLECTRICITÉ GÉNÉRALE',
          activitePrincipaleEtablissement: '43.21A',
        }),
        etablissement(sirets.closedDown, { etatAdministratifEtablissement: 'F' }),
        etablissement(sirets.known, { denominationUsuelleEtablissement: 'NOUVEAU NOM' }),
        etablissement(sirets.caen, {
          codeCommuneEtablissement: '14118',
          denominationUsuelleEtablissement: 'ATELIER CAENNAIS',
        }),
      ]),
    );
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual(response.json(), {
      status: 'imported',
      rows: 5,
      created: 0,
      updated: 1,
      skipped: 1,
      register: 4,
      errors: [],
      errorCount: 0,
    });
    assert.equal((await t.db.selectFrom('organisations').select('id').execute()).length, before.length);
    const refreshed = await t.db
      .selectFrom('organisations')
      .select(['name'])
      .where('id', '=', known)
      .executeTakeFirstOrThrow();
    assert.equal(refreshed.name, 'NOUVEAU NOM', 'SIRENE’s fields refresh the directory');
    assert.deepEqual(await members(club.id), [], 'the register is not the membership');
  });

  it('lets the staff search the register by name (accents ignored), SIRET, département, and new ones only', async () => {
    const all = await register('staff', club.slug);
    assert.equal(all.statusCode, 200, all.body);
    const page = all.json();
    assert.equal(page.register.establishments, 4);
    assert.equal(page.register.active, 4);
    assert.equal(page.total, 4);
    assert.deepEqual(
      page.items.map((item: { name: string }) => item.name),
      ['ATELIER CAENNAIS', 'ÉLECTRICITÉ GÉNÉRALE', 'FONDERIE DU BOCAGE', 'NOUVEAU NOM'],
    );
    const electricite = page.items[1];
    assert.equal(electricite.nafCode, '43.21A');
    assert.match(electricite.nafLabel, /installation électrique/);
    assert.equal(electricite.communeName, 'Flers');
    assert.equal(electricite.memberOrganisationId, null);

    const names = async (query: string) =>
      (await register('staff', club.slug, query)).json().items.map((item: { name: string }) => item.name);
    assert.deepEqual(await names('?q=electricite'), ['ÉLECTRICITÉ GÉNÉRALE']);
    assert.deepEqual(await names(`?q=${sirets.fonderie.slice(0, 9)}`), ['FONDERIE DU BOCAGE']);
    assert.deepEqual(await names('?departement=14'), ['ATELIER CAENNAIS']);
    assert.deepEqual(await names('?q=zzz'), []);
    const bad = await register('staff', club.slug, '?departement=XYZ');
    assert.equal(bad.statusCode, 400);
  });

  it('answers each role: staff, federation staff and administrators; 403 to members; 404 to another network; 401 to anonymous', async () => {
    const expected: [string | null, number][] = [
      ['staff', 200],
      ['federationStaff', 200],
      ['admin', 200],
      ['member', 403],
      ['otherStaff', 404],
      [null, 401],
    ];
    for (const [who, status] of expected) {
      const read = await register(who, club.slug);
      assert.equal(read.statusCode, status, `GET as ${who}: ${read.body}`);
      if (status !== 200) assert.doesNotMatch(read.body, /FONDERIE|ÉLECTRICITÉ/);
      // A SIRET that is in the register: only those who may read may take it in.
      const write = await takeIn(who, club.slug, { sirets: [sirets.caen] });
      assert.equal(write.statusCode, status, `POST as ${who}: ${write.body}`);
    }
    // The row-level security says the same whatever the route does: a member reads no row.
    for (const who of ['member', 'otherStaff']) {
      const rows = await asPerson(t.db, ids[who]!, (trx) =>
        sql`select siret from sirene_establishments union all select network_id::text from sirene_registers`.execute(
          trx,
        ),
      );
      assert.deepEqual(rows.rows, [], who);
    }
    // Another network's own register is its own, and empty.
    const own = await register('otherStaff', other.slug);
    assert.deepEqual(own.json(), {
      register: null,
      total: 0,
      totalCap: 10000,
      page: 1,
      pageSize: 50,
      items: [],
    });
  });

  it('takes chosen establishments in as members, creating their organisations once', async () => {
    const first = await takeIn('staff', club.slug, { sirets: [sirets.fonderie, sirets.known] });
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json(), { added: 2, created: 1 });
    const again = await takeIn('staff', club.slug, { sirets: [sirets.fonderie] });
    assert.deepEqual(again.json(), { added: 0, created: 0 }, 'taking in twice changes nothing');
    const unknown = await takeIn('staff', club.slug, { sirets: [makeSiret(99)] });
    assert.deepEqual(unknown.json(), { added: 0, created: 0 }, 'a SIRET outside the register is ignored');
    // The role loop of the previous test took the Caen workshop in too.
    assert.deepEqual(await members(club.id), [sirets.fonderie, sirets.known, sirets.caen].sort());
    const created = await t.db
      .selectFrom('organisations')
      .select(['name', 'naf_code', 'commune_code', 'network_ids'])
      .where('siret', '=', sirets.fonderie)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [created.name, created.naf_code, created.commune_code, created.network_ids.includes(club.id)],
      ['FONDERIE DU BOCAGE', '25.62A', '61169', true],
    );
    const page = (await register('staff', club.slug, '?newOnly=true')).json();
    assert.deepEqual(
      page.items.map((item: { name: string }) => item.name),
      ['ÉLECTRICITÉ GÉNÉRALE'],
    );
    const marked = (await register('staff', club.slug, '?q=fonderie')).json().items[0];
    assert.ok(marked.memberOrganisationId, 'a member links to its organisation');
    const bad = await takeIn('staff', club.slug, { sirets: ['123'] });
    assert.equal(bad.statusCode, 400);
  });

  it('takes in every active establishment a search finds, and refuses a search that finds too many', async () => {
    const response = await takeIn('staff', club.slug, { search: { q: 'électricité' } });
    assert.deepEqual(response.json(), { added: 1, created: 1 });
    assert.equal((await members(club.id)).length, 4);

    const large = await buildNetwork(t.db, { kind: 'cluster', name: 'Grand registre' });
    await grantRole(t.db, ids.staff!, large.id, 'staff');
    const rows = Array.from({ length: SIRENE_TAKE_IN_MAX + 1 }, (_, i) => etablissement(makeSiret(1000 + i)));
    const imported = await importSirene('staff', large.slug, sireneCsv(rows));
    assert.equal(imported.statusCode, 201, imported.body);
    const tooMany = await takeIn('staff', large.slug, { search: {} });
    assert.equal(tooMany.statusCode, 400, tooMany.body);
    assert.match(tooMany.json().message, /plus de 5\s000 établissements/u);
    assert.deepEqual(await members(large.id), [], 'nothing taken in');
    const page = (await register('staff', large.slug)).json();
    assert.equal(page.total, 5001, 'counted up to 10,000');
  });

  it('replaces the register with each new file', async () => {
    const response = await importSirene('staff', club.slug, sireneCsv([etablissement(sirets.caen)]));
    assert.equal(response.statusCode, 201, response.body);
    const page = (await register('staff', club.slug)).json();
    assert.equal(page.register.establishments, 1);
    assert.deepEqual(
      page.items.map((item: { siret: string }) => item.siret),
      [sirets.caen],
    );
    assert.equal((await members(club.id)).length, 4, 'members stay members');
  });
});
