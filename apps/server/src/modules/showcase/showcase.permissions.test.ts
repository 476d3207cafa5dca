import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PublicShowcase } from '@meute/contracts';
import { asPerson } from '../../db/database.ts';
import { buildOrganisation, buildPerson, buildTestApp, grantRole, signIn } from '../../test/factories.ts';
import { buildRoleCast, type CastRole, expectStatuses } from '../../test/role-cast.ts';

const SETTINGS = {
  isPublished: true,
  headlineFr: 'Vitrine Alpha',
  headlineEn: 'Alpha showcase',
  descriptionFr: '',
  descriptionEn: '',
  contactEmail: '',
};
const ALL_PARTS = {
  showIdentity: true,
  showCompetences: true,
  showCertifications: true,
  showReferences: true,
  territoryLevel: 'commune',
  contactEmail: 'contact@alpha-a.example',
};
// Words of a member that did not consent: they must never reach the public JSON.
const MARKER = 'zorglubium';

/**
 * Who may do what with the showcase, for every role of the cast:
 *
 *   federation Nord ── club Alpha: company « Alpha A » (its leader and an employee), staff,
 *                      a partner's delegate (who leads « Banque P »), Nord's federation staff
 *   cluster Gamma: company « Gamma G » and its leader (a member of another network)
 *
 * Managing the showcase is for the network's staff (and its federation's); a company's consent
 * is its leaders' only; the public page is anyone's, signed in or not, and shows only what
 * consenting companies chose to show.
 */
describe('showcase permissions', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookies: Record<string, string | null>;
  let ids: Record<string, string>;
  let alpha: { id: string; slug: string };
  let gamma: { id: string; slug: string };
  let silent: string;

  before(async () => {
    t = await buildTestApp();
    const cast = await buildRoleCast(t, {
      companyA: { communeCode: '76540', competences: ['Usinage'], description: 'Pièces usinées' },
    });
    ({ cookies, ids, alpha, gamma } = cast);
    // A member that never consents, whose every word carries the marker.
    await cast.person('silentLeader', alpha.id, 'member_leader');
    silent = (
      await buildOrganisation(t.db, {
        name: `Société ${MARKER}`,
        networkIds: [alpha.id],
        communeCode: '14118',
        description: `Spécialiste ${MARKER} de l’usinage`,
        competences: [`Usinage ${MARKER}`],
        certifications: [{ name: `Label ${MARKER}`, expiresOn: null }],
        leaders: [ids.silentLeader!],
      })
    ).id;
    await t.db
      .insertInto('organisation_references')
      .values({ organisation_id: silent, title: `Chantier ${MARKER}`, client: `Client ${MARKER}` })
      .execute();
  });
  after(() => t.close());

  function call(who: CastRole | string, method: 'GET' | 'PUT', url: string, payload?: object) {
    const cookie = cookies[who];
    return t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  }

  it('reading the showcase settings: the network’s people only', async () => {
    await expectStatuses((who) => call(who, 'GET', `/api/networks/${alpha.slug}/showcase`), {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 200,
      otherMember: 404,
      anonymous: 401,
    });
    const staffView = (await call('staff', 'GET', `/api/networks/${alpha.slug}/showcase`)).json();
    const leaderView = (await call('leader', 'GET', `/api/networks/${alpha.slug}/showcase`)).json();
    assert.ok(staffView.stats, 'staff see how many companies take part');
    assert.equal(leaderView.stats, null, 'members do not');
    assert.deepEqual(
      leaderView.myOrganisations.map((o: { name: string; canEdit: boolean }) => [o.name, o.canEdit]),
      [['Alpha A', true]],
    );
    const employeeView = (await call('employee', 'GET', `/api/networks/${alpha.slug}/showcase`)).json();
    assert.equal(employeeView.myOrganisations[0].canEdit, false);
  });

  it('publishing and editing the showcase: staff only', async () => {
    await expectStatuses((who) => call(who, 'PUT', `/api/networks/${alpha.slug}/showcase`, SETTINGS), {
      staff: 200,
      fedStaff: 200,
      leader: 403,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('previewing the showcase before it is published: staff only', async () => {
    await expectStatuses((who) => call(who, 'GET', `/api/networks/${alpha.slug}/showcase/preview`), {
      staff: 200,
      fedStaff: 200,
      leader: 403,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('another network’s staff cannot edit it', async () => {
    const gammaStaff = 'gammaStaff';
    const person = await buildPerson(t.db);
    await grantRole(t.db, person.id, gamma.id, 'staff');
    cookies[gammaStaff] = await signIn(t.app, person.email);
    const edit = await call(gammaStaff, 'PUT', `/api/networks/${alpha.slug}/showcase`, SETTINGS);
    assert.equal(edit.statusCode, 404);
    const consent = await call(
      gammaStaff,
      'PUT',
      `/api/networks/${alpha.slug}/showcase/consents/${ids.A}`,
      ALL_PARTS,
    );
    assert.equal(consent.statusCode, 404);
  });

  it('consenting for Alpha A: its leader only', async () => {
    await expectStatuses(
      (who) => call(who, 'PUT', `/api/networks/${alpha.slug}/showcase/consents/${ids.A}`, ALL_PARTS),
      {
        staff: 403,
        fedStaff: 403,
        leader: 200,
        employee: 403,
        partner: 403,
        otherMember: 404,
        anonymous: 401,
      },
    );
    // A leader cannot consent for its company in a network the company does not belong to.
    const elsewhere = await call(
      'otherMember',
      'PUT',
      `/api/networks/${gamma.slug}/showcase/consents/${ids.A}`,
      ALL_PARTS,
    );
    assert.equal(elsewhere.statusCode, 403);
  });

  it('the public page: anyone, signed in or not; and no other network is opened by it', async () => {
    await expectStatuses((who) => call(who, 'GET', `/api/showcase/${alpha.slug}`), {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 200,
      otherMember: 200,
      anonymous: 200,
    });
    await expectStatuses((who) => call(who, 'GET', `/api/showcase/${gamma.slug}`), {
      staff: 404,
      fedStaff: 404,
      leader: 404,
      employee: 404,
      partner: 404,
      otherMember: 404,
      anonymous: 404,
    });
  });

  it('never shows a member that did not consent, nor any person, whatever the search', async () => {
    const queries = [
      '',
      `?q=${MARKER}`,
      '?q=usinage',
      '?competence=Usinage',
      '?departement=14',
      '?departement=76',
    ];
    const people = await t.db.selectFrom('people').select(['email', 'display_name']).execute();
    for (const query of queries) {
      const response = await call('anonymous', 'GET', `/api/showcase/${alpha.slug}${query}`);
      assert.equal(response.statusCode, 200, response.body);
      assert.ok(!response.body.toLowerCase().includes(MARKER), `the marker leaked with ${query}`);
      for (const person of people) {
        assert.ok(!response.body.includes(person.email), `a person's e-mail leaked with ${query}`);
        assert.ok(!response.body.includes(person.display_name), `a person's name leaked with ${query}`);
      }
    }
    const body = (
      await call('anonymous', 'GET', `/api/showcase/${alpha.slug}?q=usinage`)
    ).json() as PublicShowcase;
    assert.deepEqual(
      body.companies.map((c) => c.name),
      ['Alpha A'],
    );
    assert.equal(body.companyCount, 1);
    assert.deepEqual(
      body.departements.map((d) => d.code),
      ['76'],
    );
    assert.deepEqual(Object.keys(body).sort(), [
      'certifications',
      'companies',
      'companyCount',
      'competences',
      'contactEmail',
      'departements',
      'description',
      'groupingsWon',
      'headline',
      'network',
    ]);
  });

  it('the public path reads no table directly: the app role sees no consent without a person', async () => {
    const rows = await asPerson(t.db, null, (trx) =>
      trx.selectFrom('showcase_consents').select('organisation_id').execute(),
    );
    assert.deepEqual(rows, []);
    const showcases = await asPerson(t.db, null, (trx) =>
      trx.selectFrom('network_showcases').select('network_id').execute(),
    );
    assert.deepEqual(showcases, []);
  });
});
