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
import { createPurchasingService } from './purchasing.service.ts';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('purchasing: a campaign from opening to award', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const cookies: Record<string, string> = {};
  const orgs: Record<string, string> = {};
  let club: { id: string; slug: string };
  let campaignId: string;
  const offers: Record<string, string> = {};

  before(async () => {
    t = await buildTestApp();
    club = await buildNetwork(t.db, { kind: 'club', name: 'Club Achats' });
    const people: Record<string, { id: string; email: string }> = {};
    for (const who of ['staff', 'leaderA', 'employeeA', 'leaderB', 'leaderC', 'leaderD', 'twoHats']) {
      people[who] = await buildPerson(t.db);
    }
    await grantRole(t.db, people.staff!.id, club.id, 'staff');
    for (const who of ['leaderA', 'leaderB', 'leaderC', 'leaderD', 'twoHats']) {
      await grantRole(t.db, people[who]!.id, club.id, 'member_leader');
    }
    await grantRole(t.db, people.employeeA!.id, club.id, 'member_employee');
    for (const name of ['A', 'B', 'C', 'D']) {
      const org = await buildOrganisation(t.db, {
        name: `Entreprise ${name}`,
        networkIds: [club.id],
        leaders: [people[`leader${name}`]!.id, ...(name === 'A' || name === 'B' ? [people.twoHats!.id] : [])],
        staffMembers: name === 'A' ? [people.employeeA!.id] : [],
      });
      orgs[name] = org.id;
    }
    for (const [who, person] of Object.entries(people)) cookies[who] = await signIn(t.app, person.email);
  });
  after(() => t.close());

  const call = (who: string, method: 'GET' | 'POST' | 'DELETE', path: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/networks/${club.slug}/purchasing${path}`,
      headers: { cookie: cookies[who]! },
      ...(payload ? { payload } : {}),
    });
  const detail = async (who: string) => (await call(who, 'GET', `/${campaignId}`)).json();
  const commit = (who: string, quantity: number, extra: object = {}) =>
    call(who, 'POST', `/${campaignId}/commitments`, { quantity, ...extra });

  it('lets staff open a campaign with its rule, and says which field is wrong', async () => {
    const campaign = {
      title: 'Papier A4 recyclé',
      category: 'Fournitures',
      specification: 'Ramettes de 500 feuilles, 80 g, Ecolabel',
      unit: 'ramette',
      commitmentDeadline: inDays(14),
      allocationRule: 'proportional-with-fixed-costs',
    };
    const past = await call('staff', 'POST', '', { ...campaign, commitmentDeadline: inDays(-1) });
    assert.equal(past.statusCode, 400);
    assert.equal(past.json().field, 'body.commitmentDeadline');
    assert.match(past.json().message, /futur/);
    const badRule = await call('staff', 'POST', '', { ...campaign, allocationRule: 'random' });
    assert.equal(badRule.statusCode, 400);
    assert.equal(badRule.json().field, 'body.allocationRule');

    const created = await call('staff', 'POST', '', campaign);
    assert.equal(created.statusCode, 201, created.body);
    campaignId = created.json().id;
    const list = (await call('leaderA', 'GET', '')).json();
    assert.deepEqual(
      list.campaigns.map((c: { title: string; status: string; allocationRule: string }) => [
        c.title,
        c.status,
        c.allocationRule,
      ]),
      [['Papier A4 recyclé', 'open', 'proportional-with-fixed-costs']],
    );
    assert.equal(list.canManage, false);
  });

  it('hides the aggregate below 3 companies, and says why', async () => {
    const first = await commit('leaderA', 100, { currentUnitPriceCents: 450, ceilingUnitPriceCents: 420 });
    assert.equal(first.statusCode, 200, first.body);
    const mine = first.json();
    assert.deepEqual(
      mine.myCommitments.map((c: { organisationName: string; quantity: number }) => [
        c.organisationName,
        c.quantity,
      ]),
      [['Entreprise A', 100]],
    );
    assert.equal(mine.myCommitments[0].currentUnitPriceCents, 450);
    assert.equal(mine.commitments, null, 'a member never gets the list of commitments');
    assert.deepEqual(mine.aggregate, {
      organisationCount: null,
      totalQuantity: null,
      hiddenReason: 'TOO_FEW_ORGANISATIONS',
    });
    assert.equal((await commit('leaderB', 120)).statusCode, 200);
    assert.equal((await detail('leaderB')).aggregate.hiddenReason, 'TOO_FEW_ORGANISATIONS');
  });

  it('shows the total and the count from 3 companies, none above 85 %', async () => {
    assert.equal((await commit('leaderC', 80)).statusCode, 200);
    assert.deepEqual((await detail('leaderA')).aggregate, {
      organisationCount: 3,
      totalQuantity: 300,
      hiddenReason: null,
    });
  });

  it('hides it again when one company weighs more than 85 %', async () => {
    assert.equal((await commit('leaderD', 5000)).statusCode, 200);
    const seen = (await detail('leaderA')).aggregate;
    assert.deepEqual(seen, {
      organisationCount: null,
      totalQuantity: null,
      hiddenReason: 'DOMINANT_ORGANISATION',
    });
    const staffView = (await detail('staff')).aggregate;
    assert.deepEqual(staffView, {
      organisationCount: 4,
      totalQuantity: 5300,
      hiddenReason: 'DOMINANT_ORGANISATION',
    });
    const withdrawn = await call('leaderD', 'DELETE', `/${campaignId}/commitments/${orgs.D}`);
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.deepEqual(withdrawn.json().myCommitments, []);
    assert.equal((await detail('leaderA')).aggregate.totalQuantity, 300);
  });

  it('lets an employee change the company’s commitment, never another company’s', async () => {
    const changed = await commit('employeeA', 150, { currentUnitPriceCents: 450 });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().myCommitments[0].quantity, 150);
    assert.equal(changed.json().myCommitments[0].ceilingUnitPriceCents, null);
    const other = await commit('leaderA', 10, { organisationId: orgs.B });
    assert.equal(other.statusCode, 403);
    assert.equal(other.json().code, 'NOT_A_MEMBER_ORGANISATION');
    const withdrawOther = await call('leaderA', 'DELETE', `/${campaignId}/commitments/${orgs.B}`);
    assert.equal(withdrawOther.statusCode, 403);
  });

  it('asks a person of two companies which one commits', async () => {
    const unclear = await commit('twoHats', 10);
    assert.equal(unclear.statusCode, 400);
    assert.equal(unclear.json().field, 'body.organisationId');
    const both = (await detail('twoHats')).myCommitments.map((c: { quantity: number }) => c.quantity);
    assert.deepEqual(both, [150, 120], 'they see both of their companies’ commitments');
  });

  it('shows staff every commitment', async () => {
    const seen = await detail('staff');
    assert.deepEqual(
      seen.commitments.map((c: { organisationName: string; quantity: number }) => [
        c.organisationName,
        c.quantity,
      ]),
      [
        ['Entreprise A', 150],
        ['Entreprise B', 120],
        ['Entreprise C', 80],
      ],
    );
    assert.equal(seen.canManage, true);
  });

  it('takes suppliers’ offers, naming the field of a wrong price schedule', async () => {
    const offer = (supplierName: string, tiers: [number, number][], fixedCostCents = 0, kind = 'all-units') =>
      call('staff', 'POST', `/${campaignId}/offers`, {
        supplierName,
        schedule: {
          kind,
          tiers: tiers.map(([fromQuantity, unitPriceCents]) => ({ fromQuantity, unitPriceCents })),
          fixedCostCents,
        },
      });
    const notAtZero = await offer('Bad', [[10, 400]]);
    assert.equal(notAtZero.statusCode, 400);
    assert.equal(notAtZero.json().field, 'body.schedule.tiers.0.fromQuantity');
    assert.match(notAtZero.json().message, /premier palier/);
    const notAscending = await offer('Bad', [
      [0, 400],
      [200, 380],
      [100, 350],
    ]);
    assert.equal(notAscending.json().field, 'body.schedule.tiers.2.fromQuantity');
    const negative = await offer('Bad', [[0, -1]]);
    assert.equal(negative.statusCode, 400);
    assert.equal(negative.json().field, 'body.schedule.tiers.0.unitPriceCents');
    const english = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${club.slug}/purchasing/${campaignId}/offers`,
      headers: { cookie: `${cookies.staff}; meute_lang=en` },
      payload: {
        supplierName: 'Bad',
        schedule: { kind: 'all-units', tiers: [{ fromQuantity: 5, unitPriceCents: 1 }] },
      },
    });
    assert.match(english.json().message, /first tier must start at 0/);

    const papeterie = await offer(
      'Papeterie Normande',
      [
        [0, 450],
        [200, 400],
        [500, 350],
      ],
      3_000,
    );
    assert.equal(papeterie.statusCode, 201, papeterie.body);
    offers.papeterie = papeterie.json().id;
    const bureau = await offer(
      'Bureau Plus',
      [
        [0, 420],
        [300, 390],
      ],
      0,
      'incremental',
    );
    offers.bureau = bureau.json().id;
    assert.equal((await call('leaderA', 'POST', `/${campaignId}/offers`, {})).statusCode, 400);
    const member = await call('leaderA', 'POST', `/${campaignId}/offers`, {
      supplierName: 'Moi',
      schedule: { kind: 'all-units', tiers: [{ fromQuantity: 0, unitPriceCents: 1 }] },
    });
    assert.equal(member.statusCode, 403);
  });

  it('compares the offers at the committed volume, cheapest first', async () => {
    const response = await call('staff', 'GET', `/${campaignId}/offers`);
    assert.equal(response.statusCode, 200, response.body);
    const compared = response.json().offers;
    // 350 units: Papeterie 350 × 400 + 3,000 = 143,000; Bureau 300 × 420 + 50 × 390 = 145,500.
    assert.deepEqual(
      compared.map((o: { supplierName: string; comparison: { totalCostCents: number; rank: number } }) => [
        o.supplierName,
        o.comparison.totalCostCents,
        o.comparison.rank,
      ]),
      [
        ['Papeterie Normande', 143_000],
        ['Bureau Plus', 145_500],
      ].map(([name, total], index) => [name, total, index + 1]),
    );
    assert.equal(compared[0].comparison.reachedTierIndex, 1);
    assert.equal((await call('leaderA', 'GET', `/${campaignId}/offers`)).statusCode, 403);
  });

  it('awards only after the deadline, which closes the commitments with a clear message', async () => {
    const early = await call('staff', 'POST', `/${campaignId}/award`, { offerId: offers.papeterie });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().code, 'CAMPAIGN_STILL_OPEN');
    await t.db
      .updateTable('purchase_campaigns')
      .set({ commitment_deadline: new Date(Date.now() - 60_000) })
      .where('id', '=', campaignId)
      .execute();
    assert.equal((await detail('leaderA')).status, 'closed');
    const late = await commit('leaderA', 999);
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().code, 'COMMITMENTS_CLOSED');
    assert.match(late.json().message, /clos/);
    const lateEnglish = await t.app.inject({
      method: 'POST',
      url: `/api/networks/${club.slug}/purchasing/${campaignId}/commitments`,
      headers: { cookie: `${cookies.leaderA}; meute_lang=en` },
      payload: { quantity: 1 },
    });
    assert.match(lateEnglish.json().message, /closed on/);
    assert.equal((await call('leaderC', 'DELETE', `/${campaignId}/commitments/${orgs.C}`)).statusCode, 409);
  });

  it('stops an allocation that exceeds its time limit, and records nothing', async () => {
    const hurried = createPurchasingService({
      db: t.db,
      purchasing: t.context.repositories.purchasing,
      networks: t.context.repositories.networks,
      allocationTimeoutMs: 1,
    });
    const staff = await t.db
      .selectFrom('memberships')
      .select('person_id')
      .where('network_id', '=', club.id)
      .where('role', '=', 'staff')
      .executeTakeFirstOrThrow();
    const person = {
      personId: staff.person_id,
      sessionId: '',
      locale: 'fr' as const,
      isInstanceAdmin: false,
    };
    await assert.rejects(hurried.award(person, club.slug, campaignId, { offerId: offers.papeterie! }, 'fr'), {
      code: 'COMPUTATION_TIMEOUT',
    });
    assert.equal((await detail('staff')).award, null);
  });

  it('splits the awarded offer by the rule, shares in cents adding up to the total', async () => {
    const awarded = await call('staff', 'POST', `/${campaignId}/award`, { offerId: offers.papeterie });
    assert.equal(awarded.statusCode, 200, awarded.body);
    const award = awarded.json().award;
    assert.equal(awarded.json().status, 'awarded');
    assert.equal(award.supplierName, 'Papeterie Normande');
    assert.equal(award.totalCostCents, 143_000);
    const shares = award.shares as {
      organisationName: string;
      shareCents: number;
      standAloneCostCents: number;
    }[];
    assert.equal(
      shares.reduce((sum, share) => sum + share.shareCents, 0),
      143_000,
    );
    // Proportional with fixed costs: 400 a unit, and the 3,000 of fixed costs in equal parts.
    assert.deepEqual(
      shares.map((s) => [s.organisationName, s.shareCents]),
      [
        ['Entreprise A', 61_000],
        ['Entreprise B', 49_000],
        ['Entreprise C', 33_000],
      ],
    );
    assert.equal(award.isIndividuallyRational, true);
    assert.equal(award.coreStatus, 'in-core');
    assert.deepEqual(award.objectingOrganisations, []);

    const memberView = (await detail('leaderA')).award;
    assert.equal(memberView.totalCostCents, null, 'the group total would reveal the volume');
    assert.deepEqual(
      memberView.shares.map((s: { organisationName: string }) => s.organisationName),
      ['Entreprise A'],
    );
    assert.equal(memberView.isIndividuallyRational, true);
    const again = await call('staff', 'POST', `/${campaignId}/award`, { offerId: offers.bureau });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'CAMPAIGN_AWARDED');
  });
});
