import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  buildNetwork,
  buildOrganisation,
  buildPerson,
  buildTestApp,
  grantRole,
  signIn,
} from '../../test/factories.ts';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const sum = (shares: { shareCents: number }[]) => shares.reduce((total, s) => total + s.shareCents, 0);

/**
 * A campaign reserved to some companies, then the members' last word once they see their price:
 * opting out (S9: "17 firms commit, 4 opt out") and back in, until the opt-out deadline.
 */
describe('purchasing: eligibility and opting out after the award', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const cookies: Record<string, string> = {};
  const orgs: Record<string, string> = {};
  let club: { id: string; slug: string };
  let campaignId: string;

  before(async () => {
    t = await buildTestApp();
    club = await buildNetwork(t.db, { kind: 'cluster', name: 'Cluster Énergie' });
    const staff = await buildPerson(t.db);
    await grantRole(t.db, staff.id, club.id, 'staff');
    cookies.staff = await signIn(t.app, staff.email);
    // Four SMEs in the Rhône, one mid-size firm, one SME in Normandy, one without a known size.
    const companies = [
      { key: 'A', headcountBand: '12', communeCode: '69123', nafCode: '25.62A' },
      { key: 'B', headcountBand: '12', communeCode: '69123', nafCode: '43.21A' },
      { key: 'C', headcountBand: '11', communeCode: '69266', nafCode: '22.29A' },
      { key: 'D', headcountBand: '21', communeCode: '69123', nafCode: '25.62A' },
      { key: 'Big', headcountBand: '32', communeCode: '69123', nafCode: '25.62A' },
      { key: 'Far', headcountBand: '12', communeCode: '76540', nafCode: '25.62A' },
      { key: 'Unknown', communeCode: '69123', nafCode: '25.62A' },
    ];
    for (const { key, ...profile } of companies) {
      const leader = await buildPerson(t.db);
      await grantRole(t.db, leader.id, club.id, 'member_leader');
      orgs[key] = (
        await buildOrganisation(t.db, {
          name: `Société ${key}`,
          networkIds: [club.id],
          leaders: [leader.id],
          ...profile,
        })
      ).id;
      cookies[key] = await signIn(t.app, leader.email);
    }
  });
  after(() => t.close());

  const call = (
    who: string,
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    payload?: object,
    lang = 'fr',
  ) =>
    t.app.inject({
      method,
      url: `/api/networks/${club.slug}/purchasing${path}`,
      headers: { cookie: `${cookies[who]!}; meute_lang=${lang}` },
      ...(payload ? { payload } : {}),
    });
  const detail = async (who: string) => (await call(who, 'GET', `/${campaignId}`)).json();
  const optOut = (who: string, method: 'POST' | 'DELETE' = 'POST') =>
    call(who, method, `/${campaignId}/commitments/${orgs[who]}/opt-out`);

  const campaign = {
    title: 'Électricité 2027',
    unit: 'MWh',
    commitmentDeadline: inDays(10),
    allocationRule: 'equal-unit-price',
    eligibility: { categories: ['TPE', 'PME'], nafSections: ['c', 'F'], departements: ['69'] },
  };

  it('names the eligibility value staff typed wrong, and where', async () => {
    const wrong = await call('staff', 'POST', '', {
      ...campaign,
      eligibility: { ...campaign.eligibility, departements: ['69', '99'] },
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().field, 'body.eligibility.departements.1');
    assert.match(wrong.json().message, /département inconnu/);
    const section = await call('staff', 'POST', '', { ...campaign, eligibility: { nafSections: ['Z'] } });
    assert.equal(section.json().field, 'body.eligibility.nafSections.0');
    const category = await call('staff', 'POST', '', { ...campaign, eligibility: { categories: ['SME'] } });
    assert.equal(category.statusCode, 400);
    assert.equal(category.json().field, 'body.eligibility.categories.0');
  });

  it('shows the rule to everyone and tells each company whether it may join, and why not', async () => {
    const created = await call('staff', 'POST', '', campaign);
    assert.equal(created.statusCode, 201, created.body);
    campaignId = created.json().id;
    const seen = await detail('A');
    assert.deepEqual(seen.eligibility, {
      categories: ['PME', 'TPE'],
      nafSections: ['C', 'F'],
      departements: ['69'],
    });
    assert.deepEqual(seen.myOrganisations[0].failedEligibility, []);
    assert.deepEqual((await detail('Big')).myOrganisations[0].failedEligibility, ['category']);
    assert.deepEqual((await detail('Far')).myOrganisations[0].failedEligibility, ['departement']);
    assert.deepEqual((await detail('Unknown')).myOrganisations[0].failedEligibility, ['category']);

    const refused = await call('Big', 'POST', `/${campaignId}/commitments`, { quantity: 900 });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'NOT_ELIGIBLE');
    assert.match(refused.json().message, /Société Big ne remplit pas la condition : catégorie d’entreprise/);
    const english = await call('Far', 'POST', `/${campaignId}/commitments`, { quantity: 10 }, 'en');
    assert.match(english.json().message, /Société Far does not meet the condition: département/);
    assert.equal((await detail('staff')).commitments.length, 0, 'nothing written for a refused company');
  });

  it('recomputes the others’ shares when a company opts out, and again when it comes back', async () => {
    for (const [who, quantity, current] of [
      ['A', 400, 16_000],
      ['B', 300, 15_500],
      ['C', 200, 17_000],
      ['D', 100, 18_000],
    ] as const) {
      const committed = await call(who, 'POST', `/${campaignId}/commitments`, {
        quantity,
        currentUnitPriceCents: current,
      });
      assert.equal(committed.statusCode, 200, committed.body);
    }
    // Opting out means nothing before there is a price.
    const early = await optOut('A');
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().code, 'CAMPAIGN_NOT_AWARDED');

    await t.db
      .updateTable('purchase_campaigns')
      .set({ commitment_deadline: new Date(Date.now() - 60_000) })
      .where('id', '=', campaignId)
      .execute();
    const offer = await call('staff', 'POST', `/${campaignId}/offers`, {
      supplierName: 'Énergies du Rhône',
      schedule: {
        kind: 'all-units',
        tiers: [
          { fromQuantity: 0, unitPriceCents: 15_000 },
          { fromQuantity: 900, unitPriceCents: 14_000 },
        ],
        fixedCostCents: 0,
      },
    });
    const offerId = offer.json().id;
    const tooLate = await call('staff', 'POST', `/${campaignId}/award`, {
      offerId,
      optOutDeadline: inDays(90),
    });
    assert.equal(tooLate.statusCode, 400);
    assert.equal(tooLate.json().field, 'body.optOutDeadline');
    const awarded = await call('staff', 'POST', `/${campaignId}/award`, {
      offerId,
      optOutDeadline: inDays(5),
    });
    assert.equal(awarded.statusCode, 200, awarded.body);
    const before = awarded.json().award;
    assert.equal(before.isFinal, false);
    assert.equal(before.totalCostCents, 1_000 * 14_000);
    assert.equal(before.shares.length, 4);

    // D leaves: 900 MWh still reach the 140 € tier, and D pays nothing.
    const out = await optOut('D');
    assert.equal(out.statusCode, 200, out.body);
    assert.deepEqual(out.json().award.shares, []);
    assert.ok(out.json().myCommitments[0].optedOutAt);
    let staffView = (await detail('staff')).award;
    assert.deepEqual(
      staffView.shares.map((s: { organisationName: string; shareCents: number }) => [
        s.organisationName,
        s.shareCents,
      ]),
      [
        ['Société A', 400 * 14_000],
        ['Société B', 300 * 14_000],
        ['Société C', 200 * 14_000],
      ],
    );
    assert.equal(staffView.totalCostCents, 900 * 14_000);
    assert.equal(sum(staffView.shares), staffView.totalCostCents);
    assert.deepEqual((await detail('A')).aggregate, {
      organisationCount: 3,
      totalQuantity: 900,
      hiddenReason: null,
    });

    // C leaves too: 700 MWh fall back to the 150 € tier, for everyone who stays.
    assert.equal((await optOut('C')).statusCode, 200);
    staffView = (await detail('staff')).award;
    assert.equal(staffView.totalCostCents, 700 * 15_000);
    assert.equal((await detail('A')).award.shares[0].shareCents, 400 * 15_000);
    assert.equal((await detail('A')).aggregate.hiddenReason, 'TOO_FEW_ORGANISATIONS');

    // C changes its mind: back in, back to the 140 € tier.
    assert.equal((await optOut('C', 'DELETE')).statusCode, 200);
    staffView = (await detail('staff')).award;
    assert.equal(staffView.totalCostCents, 900 * 14_000);
    assert.equal(staffView.shares.length, 3);
  });

  it('keeps the split when every company opts out, and closes at the opt-out deadline', async () => {
    for (const who of ['A', 'B', 'C']) assert.equal((await optOut(who)).statusCode, 200);
    const empty = (await detail('staff')).award;
    assert.deepEqual([empty.totalCostCents, empty.shares.length], [0, 0]);
    for (const who of ['A', 'B', 'C']) assert.equal((await optOut(who, 'DELETE')).statusCode, 200);

    await t.db
      .updateTable('purchase_campaigns')
      .set({ opt_out_deadline: new Date(Date.now() - 60_000) })
      .where('id', '=', campaignId)
      .execute();
    const closed = await optOut('A');
    assert.equal(closed.statusCode, 409);
    assert.equal(closed.json().code, 'OPT_OUT_CLOSED');
    assert.match(closed.json().message, /la répartition est définitive/);
    const final = (await detail('staff')).award;
    assert.equal(final.isFinal, true);
    assert.equal(final.shares.length, 3);
    // A company that never committed has nothing to opt out of.
    await t.db
      .updateTable('purchase_campaigns')
      .set({ opt_out_deadline: new Date(Date.now() + 86_400_000) })
      .where('id', '=', campaignId)
      .execute();
    assert.equal((await optOut('Far')).statusCode, 404);
  });
});
