import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { asPerson } from '../../db/database.ts';
import { buildNetwork, buildOrganisation, buildTestApp } from '../../test/factories.ts';
import { buildRoleCast, expectStatuses } from '../../test/role-cast.ts';

const FIXTURE = new URL(
  '../../../../../packages/domain/src/tenders/fixtures/cn_24_minimal.xml',
  import.meta.url,
);

/**
 * Who may do what with a tender, for every role: the staff of the network, the federation staff
 * of its parent, a leader and an employee of a member company, a partner's delegate, a member of
 * another network and an anonymous visitor.
 *
 *   federation Nord ── club Alpha: companies A (leader, employee), B; partner P
 *   cluster Gamma: company G (a member of another network)
 */
describe('tenders: who sees and does what', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookies: Record<string, string | null>;
  let ids: Record<string, string>;
  let alpha: { id: string; slug: string };
  let tenderId: string;
  let electricity: string;
  let cast: Awaited<ReturnType<typeof buildRoleCast>>;

  before(async () => {
    t = await buildTestApp();
    cast = await buildRoleCast(t, { companyA: { communeCode: '75056', competences: ['Électricité'] } });
    ({ cookies, ids, alpha } = cast);
    ids.B = (
      await buildOrganisation(t.db, {
        name: 'Alpha B',
        networkIds: [alpha.id],
        communeCode: '92012',
        competences: ['Plomberie'],
      })
    ).id;
    electricity = (
      await t.db
        .selectFrom('competences')
        .select('id')
        .where('label', '=', 'Électricité')
        .executeTakeFirstOrThrow()
    ).id;
    const plumbing = (
      await t.db
        .selectFrom('competences')
        .select('id')
        .where('label', '=', 'Plomberie')
        .executeTakeFirstOrThrow()
    ).id;
    const created = await call('staff', 'POST', '', {
      title: 'Rénovation du gymnase',
      buyer: 'Ville de Paris',
      communeCode: '75056',
      lots: [
        {
          title: 'Électricité et plomberie',
          requirements: [
            { kind: 'competence', code: electricity },
            { kind: 'competence', code: plumbing },
          ],
        },
      ],
    });
    assert.equal(created.statusCode, 201, created.body);
    tenderId = created.json().id;
  });
  after(() => t.close());

  function call(who: string, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) {
    const cookie = cookies[who];
    return t.app.inject({
      method,
      url: `/api/networks/${alpha.slug}/tenders${path}`,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  }

  const everyoneOfTheNetwork = {
    staff: 200,
    fedStaff: 200,
    leader: 200,
    employee: 200,
    partner: 200,
    otherMember: 404,
    anonymous: 401,
  };
  const staffOnly = {
    staff: 200,
    fedStaff: 200,
    leader: 403,
    employee: 403,
    partner: 403,
    otherMember: 404,
    anonymous: 401,
  };
  const enterers = {
    staff: 201,
    fedStaff: 201,
    leader: 201,
    employee: 201,
    partner: 403,
    otherMember: 404,
    anonymous: 401,
  };

  it('lists the tenders for every person of the network', async () => {
    await expectStatuses((who) => call(who, 'GET', ''), everyoneOfTheNetwork);
  });

  it('shows a tender to every person of the network', async () => {
    await expectStatuses((who) => call(who, 'GET', `/${tenderId}`), everyoneOfTheNetwork);
  });

  it('lets staff and member companies enter a tender by hand', async () => {
    await expectStatuses(
      (who) =>
        call(who, 'POST', '', {
          title: `Marché de ${who}`,
          lots: [{ title: 'Lot unique', requirements: [{ kind: 'competence', code: electricity }] }],
        }),
      enterers,
    );
  });

  it('lets staff and member companies import an eForms notice', async () => {
    const xml = fs.readFileSync(FIXTURE, 'utf8');
    await expectStatuses((who) => call(who, 'POST', '/import', { xml }), enterers);
  });

  it('lets only those who run the network run the consortium builder', async () => {
    await expectStatuses(
      (who) => call(who, 'POST', `/${tenderId}/consortium`, { minMembers: 2, maxMembers: 3 }),
      staffOnly,
    );
  });

  it('lets only those who run the network edit the CPV mapping', async () => {
    await expectStatuses(
      (who) => call(who, 'PUT', '/cpv-mapping', { rules: [{ cpv: '45310000', competences: [electricity] }] }),
      staffOnly,
    );
    await expectStatuses((who) => call(who, 'GET', '/cpv-mapping'), everyoneOfTheNetwork);
  });

  it('enforces it in the database: another network’s member sees no tender', async () => {
    const rows = (personId: string | null) =>
      asPerson(t.db, personId, async (trx) => ({
        tenders: (await trx.selectFrom('tenders').select('id').execute()).length > 0,
        mappings: (await trx.selectFrom('tender_cpv_mappings').select('network_id').execute()).length,
      }));
    assert.deepEqual(await rows(ids.partner!), { tenders: true, mappings: 1 });
    assert.deepEqual(await rows(ids.otherMember!), { tenders: false, mappings: 0 });
    assert.deepEqual(await rows(null), { tenders: false, mappings: 0 });
  });

  it('names candidates outside the network only from the directory the person may read', async () => {
    // Roofing: nobody in Alpha; a company of Beta (same federation) and one of Gamma (another) have it.
    const beta = await buildNetwork(t.db, { kind: 'club', parentId: cast.nord.id, name: 'Club Beta' });
    await buildOrganisation(t.db, {
      name: 'Beta Toiture',
      networkIds: [beta.id],
      communeCode: '92012',
      competences: ['Couverture'],
    });
    await buildOrganisation(t.db, {
      name: 'Gamma Couvreurs',
      networkIds: [cast.gamma.id],
      communeCode: '75056',
      competences: ['Couverture'],
    });
    const roofing = (
      await t.db
        .selectFrom('competences')
        .select('id')
        .where('label', '=', 'Couverture')
        .executeTakeFirstOrThrow()
    ).id;
    const created = await call('staff', 'POST', '', {
      title: 'Réfection de la toiture',
      buyer: 'Ville de Paris',
      communeCode: '75056',
      lots: [{ title: 'Couverture', requirements: [{ kind: 'competence', code: roofing }] }],
    });
    assert.equal(created.statusCode, 201, created.body);
    const run = async (who: string) => {
      const response = await call(who, 'POST', `/${created.json().id}/consortium`, {
        minMembers: 1,
        maxMembers: 2,
      });
      assert.equal(response.statusCode, 200, response.body);
      return response.json();
    };
    // The federation's staff read Beta's directory: Beta Toiture is named, with its network and distance.
    const fromFederation = await run('fedStaff');
    assert.equal(fromFederation.status, 'infeasible');
    const outside = fromFederation.infeasibility.uncovered[0].outside;
    assert.deepEqual(
      outside.map((o: { name: string; networkName: string }) => [o.name, o.networkName]),
      [['Beta Toiture', 'Club Beta']],
    );
    assert.ok(outside[0].distanceKm > 0 && outside[0].distanceKm < 20);
    assert.deepEqual(fromFederation.place, { lon: fromFederation.place.lon, lat: fromFederation.place.lat });
    // Alpha's staff do not read Beta's directory, nor Gamma's: nobody is named.
    const fromAlpha = await run('staff');
    assert.deepEqual(fromAlpha.infeasibility.uncovered[0].outside, []);
    assert.ok(!JSON.stringify(fromAlpha).includes('Gamma Couvreurs'));
  });
});
