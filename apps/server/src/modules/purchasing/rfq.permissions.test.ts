import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asPerson } from '../../db/database.ts';
import { buildOrganisation, buildTestApp } from '../../test/factories.ts';
import { buildRoleCast, type CastRole, expectStatuses } from '../../test/role-cast.ts';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * Who may invite suppliers to quote, for every role, and what a supplier's token opens: its own
 * campaign and its own offer, never a member's name or figure, never another campaign.
 *
 *   federation Nord ── club Alpha: companies A (leader, employee), B, C; partner P
 *   cluster Gamma: company G (a member of another network)
 */
describe('requests for quotation: who invites, and what a token sees', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookies: Record<string, string | null>;
  let ids: Record<string, string>;
  let alpha: { id: string; slug: string };
  let campaignA: string;
  let campaignB: string;
  let tokenA: string;
  let tokenB: string;
  // Figures no supplier may read: each company's own quantity.
  const QUANTITIES = { leader: 123.25, leaderB: 234.5, leaderC: 345.75 } as const;

  before(async () => {
    t = await buildTestApp();
    const cast = await buildRoleCast(t);
    ({ cookies, ids, alpha } = cast);
    await cast.person('leaderB', alpha.id, 'member_leader');
    await cast.person('leaderC', alpha.id, 'member_leader');
    await buildOrganisation(t.db, { name: 'Alpha B', networkIds: [alpha.id], leaders: [ids.leaderB!] });
    await buildOrganisation(t.db, { name: 'Alpha C', networkIds: [alpha.id], leaders: [ids.leaderC!] });
    campaignA = await openCampaign('Fioul domestique');
    campaignB = await openCampaign('Cartouches d’encre');
    for (const [who, quantity] of Object.entries(QUANTITIES)) {
      const committed = await call(who, 'POST', `/${campaignA}/commitments`, {
        quantity,
        currentUnitPriceCents: 987_654,
      });
      assert.equal(committed.statusCode, 200, committed.body);
    }
    tokenA = await invite(campaignA, 'Fournisseur A');
    tokenB = await invite(campaignB, 'Fournisseur B');
    const theirs = await supplier(tokenB, 'PUT', {
      schedule: {
        kind: 'all-units',
        tiers: [{ fromQuantity: 0, unitPriceCents: 77_777 }],
        fixedCostCents: 0,
      },
    });
    assert.equal(theirs.statusCode, 200, theirs.body);
  });
  after(() => t.close());

  function call(who: string, method: 'GET' | 'POST' | 'DELETE', path: string, payload?: object) {
    const cookie = cookies[who];
    return t.app.inject({
      method,
      url: `/api/networks/${alpha.slug}/purchasing${path}`,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  }
  function supplier(token: string, method: 'GET' | 'PUT' = 'GET', payload?: object, who?: CastRole) {
    const cookie = who ? cookies[who] : null;
    return t.app.inject({
      method,
      url: method === 'GET' ? `/api/rfq/${token}` : `/api/rfq/${token}/offer`,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  }
  async function openCampaign(title: string) {
    const created = await call('staff', 'POST', '', {
      title,
      unit: 'litre',
      commitmentDeadline: inDays(7),
      allocationRule: 'equal-unit-price',
    });
    assert.equal(created.statusCode, 201, created.body);
    return created.json().id as string;
  }
  async function invite(campaignId: string, supplierName: string) {
    const created = await call('staff', 'POST', `/${campaignId}/rfq-invitations`, { supplierName });
    assert.equal(created.statusCode, 201, created.body);
    return (created.json().link as string).split('/rfq/')[1]!;
  }

  it('lists the invitations to those who run the network only', async () => {
    await expectStatuses((who) => call(who, 'GET', `/${campaignA}/rfq-invitations`), {
      staff: 200,
      fedStaff: 200,
      leader: 403,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('lets only those who run the network invite a supplier', async () => {
    await expectStatuses(
      (who) => call(who, 'POST', `/${campaignA}/rfq-invitations`, { supplierName: `Invité par ${who}` }),
      {
        staff: 201,
        fedStaff: 201,
        leader: 403,
        employee: 403,
        partner: 403,
        otherMember: 404,
        anonymous: 401,
      },
    );
  });

  it('lets only those who run the network revoke a link', async () => {
    const target = await call('staff', 'POST', `/${campaignA}/rfq-invitations`, {
      supplierName: 'À révoquer',
    });
    const invitationId = target.json().invitation.id as string;
    await expectStatuses((who) => call(who, 'DELETE', `/${campaignA}/rfq-invitations/${invitationId}`), {
      staff: 200,
      fedStaff: 200,
      leader: 403,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
    // An invitation of another campaign is not found through this one.
    const [ofB] = (await call('staff', 'GET', `/${campaignB}/rfq-invitations`)).json().invitations;
    const crossed = await call('staff', 'DELETE', `/${campaignA}/rfq-invitations/${ofB.id}`);
    assert.equal(crossed.statusCode, 404);
    assert.equal((await supplier(tokenB)).statusCode, 200, 'campaign B’s link still opens');
  });

  it('keeps the invitations in the data layer for the network’s staff only', async () => {
    const visible = async (who: string) =>
      asPerson(t.db, ids[who]!, (trx) => trx.selectFrom('purchase_rfq_invitations').select('id').execute());
    assert.ok((await visible('staff')).length > 0);
    for (const who of ['leader', 'employee', 'partner', 'otherMember']) {
      assert.deepEqual(await visible(who), [], `${who} sees no invitation`);
    }
  });

  it('opens the link to anyone holding the token, whoever is signed in', async () => {
    await expectStatuses((who) => supplier(tokenA, 'GET', undefined, who), {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 200,
      otherMember: 200,
      anonymous: 200,
    });
  });

  it('shows the token the pooled volume and its own offer, no member’s name nor figure', async () => {
    const sent = await supplier(tokenA, 'PUT', {
      schedule: { kind: 'incremental', tiers: [{ fromQuantity: 0, unitPriceCents: 111 }], fixedCostCents: 0 },
    });
    assert.equal(sent.statusCode, 200, sent.body);
    const response = await supplier(tokenA);
    const view = response.json();
    assert.deepEqual(view.pooledVolume, { organisationCount: 3, totalQuantity: 703.5 });
    assert.equal(view.offer.schedule.tiers[0].unitPriceCents, 111);
    const text = response.body;
    for (const name of ['Alpha A', 'Alpha B', 'Alpha C', 'Banque P', 'Gamma G']) {
      assert.equal(text.includes(name), false, `no organisation name (${name})`);
    }
    for (const quantity of Object.values(QUANTITIES)) {
      assert.equal(text.includes(String(quantity)), false, `no individual quantity (${quantity})`);
    }
    assert.equal(text.includes('987654'), false, 'no member’s current price');
    assert.equal(text.includes('77777'), false, 'no other supplier’s price');
    assert.equal(text.includes('Fournisseur B'), false, 'no other supplier’s name');
    for (const forbidden of ['organisationId', 'organisationName', 'commitments', 'offers', 'shares']) {
      assert.equal(forbidden in view, false, `no ${forbidden} field`);
    }
  });

  it('keeps a token to its own campaign: A’s token never reads nor changes B', async () => {
    const viewA = (await supplier(tokenA)).json();
    assert.equal(viewA.campaign.title, 'Fioul domestique');
    const revised = await supplier(tokenA, 'PUT', {
      schedule: { kind: 'all-units', tiers: [{ fromQuantity: 0, unitPriceCents: 222 }], fixedCostCents: 0 },
    });
    assert.equal(revised.statusCode, 200, revised.body);
    const offersB = (await call('staff', 'GET', `/${campaignB}/offers`)).json().offers as {
      supplierName: string;
      schedule: { tiers: { unitPriceCents: number }[] };
    }[];
    assert.deepEqual(
      offersB.map((o) => [o.supplierName, o.schedule.tiers[0]!.unitPriceCents]),
      [['Fournisseur B', 77_777]],
    );
    const offersA = (await call('staff', 'GET', `/${campaignA}/offers`)).json().offers as {
      supplierName: string;
      source: string;
    }[];
    assert.deepEqual(
      offersA.map((o) => [o.supplierName, o.source]),
      [['Fournisseur A', 'supplier-link']],
    );
    // The offers list stays the staff's: a member of the network, or a supplier, gets nothing.
    await expectStatuses((who) => call(who, 'GET', `/${campaignA}/offers`), {
      staff: 200,
      fedStaff: 200,
      leader: 403,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
  });
});
