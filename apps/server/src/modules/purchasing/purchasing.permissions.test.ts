import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { asPerson } from '../../db/database.ts';
import { buildOrganisation, buildTestApp } from '../../test/factories.ts';
import { buildRoleCast, CAST_ROLES, type CastRole, expectStatuses } from '../../test/role-cast.ts';

/**
 * Who may do what with a purchase campaign, for every role: the staff of the network, the
 * federation staff of its parent, a leader and an employee of a member company, a partner's
 * delegate, a member of another network and an anonymous visitor.
 *
 *   federation Nord ── club Alpha: companies A (leader, employee), B, C; partner P
 *   cluster Gamma: company G (a member of another network)
 */
describe('purchasing: who sees and does what', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookies: Record<string, string | null>;
  let ids: Record<string, string>;
  let alpha: { id: string; slug: string };
  let campaignId: string;

  before(async () => {
    t = await buildTestApp();
    const cast = await buildRoleCast(t);
    ({ cookies, ids, alpha } = cast);
    await cast.person('leaderB', alpha.id, 'member_leader');
    await cast.person('leaderC', alpha.id, 'member_leader');
    ids.B = (
      await buildOrganisation(t.db, { name: 'Alpha B', networkIds: [alpha.id], leaders: [ids.leaderB!] })
    ).id;
    ids.C = (
      await buildOrganisation(t.db, { name: 'Alpha C', networkIds: [alpha.id], leaders: [ids.leaderC!] })
    ).id;

    const created = await call('staff', 'POST', '', {
      title: 'Gaz naturel 2027',
      unit: 'MWh',
      commitmentDeadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      allocationRule: 'shapley',
    });
    assert.equal(created.statusCode, 201, created.body);
    campaignId = created.json().id;
    for (const [who, quantity] of [
      ['leader', 100],
      ['leaderB', 120],
      ['leaderC', 80],
    ] as const) {
      const committed = await call(who, 'POST', `/${campaignId}/commitments`, {
        quantity,
        currentUnitPriceCents: 9_000,
      });
      assert.equal(committed.statusCode, 200, committed.body);
    }
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

  it('lists the campaigns for every person of the network', async () => {
    await expectStatuses((who) => call(who, 'GET', ''), {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 200,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('shows a campaign to every person of the network', async () => {
    await expectStatuses((who) => call(who, 'GET', `/${campaignId}`), {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 200,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('lets only those who run the network open a campaign', async () => {
    await expectStatuses(
      (who) =>
        call(who, 'POST', '', {
          title: `Campagne de ${who}`,
          unit: 'kg',
          commitmentDeadline: new Date(Date.now() + 86_400_000).toISOString(),
          allocationRule: 'equal-unit-price',
        }),
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

  it('lets only the leaders and employees of a member company commit', async () => {
    await expectStatuses((who) => call(who, 'POST', `/${campaignId}/commitments`, { quantity: 100 }), {
      staff: 403,
      fedStaff: 403,
      leader: 200,
      employee: 200,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
    const explicit = await call('leader', 'POST', `/${campaignId}/commitments`, {
      quantity: 1,
      organisationId: ids.A,
    });
    assert.equal(explicit.statusCode, 200);
  });

  it('shows every company’s commitment to staff only, a member its own company’s', async () => {
    const seen: Record<string, unknown> = {};
    for (const who of CAST_ROLES) {
      const response = await call(who, 'GET', `/${campaignId}`);
      if (response.statusCode !== 200) {
        seen[who] = response.statusCode;
        continue;
      }
      const body = response.json();
      seen[who] = {
        all: body.commitments?.map((c: { organisationName: string }) => c.organisationName) ?? null,
        mine: body.myCommitments.map((c: { organisationName: string }) => c.organisationName),
      };
    }
    assert.deepEqual(seen, {
      staff: { all: ['Alpha A', 'Alpha B', 'Alpha C'], mine: [] },
      fedStaff: { all: ['Alpha A', 'Alpha B', 'Alpha C'], mine: [] },
      leader: { all: null, mine: ['Alpha A'] },
      employee: { all: null, mine: ['Alpha A'] },
      partner: { all: null, mine: [] },
      otherMember: 404,
      anonymous: 401,
    });
    const answer = (await call('leader', 'GET', `/${campaignId}`)).body;
    assert.ok(!answer.includes('Alpha B') && !answer.includes(ids.B!), 'nothing of B reaches A');
  });

  it('shows the aggregate to everyone of the network once 3 companies contribute', async () => {
    const seen: Record<string, unknown> = {};
    for (const who of CAST_ROLES) {
      const response = await call(who, 'GET', `/${campaignId}`);
      seen[who] = response.statusCode === 200 ? response.json().aggregate : response.statusCode;
    }
    const shown = { organisationCount: 3, totalQuantity: 201, hiddenReason: null };
    assert.deepEqual(seen, {
      staff: shown,
      fedStaff: shown,
      leader: shown,
      employee: shown,
      partner: shown,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('keeps the offers to those who run the network', async () => {
    await expectStatuses(
      (who) =>
        call(who, 'POST', `/${campaignId}/offers`, {
          supplierName: 'Énergie Nord',
          schedule: { kind: 'all-units', tiers: [{ fromQuantity: 0, unitPriceCents: 8_000 }] },
        }),
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
    await expectStatuses((who) => call(who, 'GET', `/${campaignId}/offers`), {
      staff: 200,
      fedStaff: 200,
      leader: 403,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('lets only those who run the network award, and shows each company its own share only', async () => {
    await t.db
      .updateTable('purchase_campaigns')
      .set({ commitment_deadline: new Date(Date.now() - 60_000) })
      .where('id', '=', campaignId)
      .execute();
    const offerId = (await call('staff', 'GET', `/${campaignId}/offers`)).json().offers[0].id;
    const award = (who: CastRole) => call(who, 'POST', `/${campaignId}/award`, { offerId });
    const refused: Record<string, number> = {};
    for (const who of ['leader', 'employee', 'partner', 'otherMember', 'anonymous'] as const) {
      refused[who] = (await award(who)).statusCode;
    }
    assert.deepEqual(refused, { leader: 403, employee: 403, partner: 403, otherMember: 404, anonymous: 401 });
    const awarded = await award('fedStaff');
    assert.equal(awarded.statusCode, 200, awarded.body);
    assert.equal((await award('staff')).json().code, 'CAMPAIGN_AWARDED');

    // Shapley value of the purchasing game, computed in a worker: shares add up to the total.
    const staffView = (await call('staff', 'GET', `/${campaignId}`)).json().award;
    assert.equal(
      staffView.shares.reduce((sum: number, share: { shareCents: number }) => sum + share.shareCents, 0),
      staffView.totalCostCents,
    );
    assert.equal(staffView.shares.length, 3);
    const seen: Record<string, unknown> = {};
    for (const who of CAST_ROLES) {
      const response = await call(who, 'GET', `/${campaignId}`);
      seen[who] =
        response.statusCode === 200
          ? response.json().award.shares.map((share: { organisationName: string }) => share.organisationName)
          : response.statusCode;
    }
    assert.deepEqual(seen, {
      staff: ['Alpha A', 'Alpha B', 'Alpha C'],
      fedStaff: ['Alpha A', 'Alpha B', 'Alpha C'],
      leader: ['Alpha A'],
      employee: ['Alpha A'],
      partner: [],
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('lets only the people of a company opt it out after the award, and back in', async () => {
    const optOut = (method: 'POST' | 'DELETE') => (who: CastRole) =>
      call(who, method, `/${campaignId}/commitments/${ids.A}/opt-out`);
    const statuses = {
      staff: 403,
      fedStaff: 403,
      leader: 200,
      employee: 200,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    } as const;
    await expectStatuses(optOut('POST'), statuses);
    const staffView = (await call('staff', 'GET', `/${campaignId}`)).json();
    assert.deepEqual(
      staffView.award.shares.map((share: { organisationName: string }) => share.organisationName),
      ['Alpha B', 'Alpha C'],
    );
    const leaderView = (await call('leader', 'GET', `/${campaignId}`)).json();
    assert.deepEqual(leaderView.award.shares, [], 'A is out: no share');
    assert.ok(leaderView.myCommitments[0].optedOutAt);
    // B cannot take A out, nor A take B out.
    assert.equal(
      (await call('leaderB', 'DELETE', `/${campaignId}/commitments/${ids.A}/opt-out`)).statusCode,
      403,
    );
    assert.equal(
      (await call('leader', 'POST', `/${campaignId}/commitments/${ids.B}/opt-out`)).statusCode,
      403,
    );
    await expectStatuses(optOut('DELETE'), statuses);
    assert.equal((await call('staff', 'GET', `/${campaignId}`)).json().award.shares.length, 3);
  });

  it('enforces it in the database: row-level security hides the other companies’ rows', async () => {
    const rows = (personId: string | null) =>
      asPerson(t.db, personId, async (trx) => ({
        commitments: (await trx.selectFrom('purchase_commitments').select('organisation_id').execute())
          .length,
        offers: (await trx.selectFrom('purchase_offers').select('id').execute()).length,
        campaigns: (await trx.selectFrom('purchase_campaigns').select('id').execute()).length,
        shares: (await trx.selectFrom('purchase_allocations').select('organisation_id').execute()).length,
      }));
    assert.deepEqual(await rows(ids.leader!), { commitments: 1, offers: 0, campaigns: 3, shares: 1 });
    assert.deepEqual(await rows(ids.partner!), { commitments: 0, offers: 0, campaigns: 3, shares: 0 });
    assert.deepEqual(await rows(ids.otherMember!), { commitments: 0, offers: 0, campaigns: 0, shares: 0 });
    assert.deepEqual(await rows(null), { commitments: 0, offers: 0, campaigns: 0, shares: 0 });
    assert.deepEqual(await rows(ids.staff!), { commitments: 3, offers: 2, campaigns: 3, shares: 3 });
    const aggregate = await asPerson(
      t.db,
      ids.otherMember!,
      async (trx) => (await sql`select * from meute_purchase_aggregate(${campaignId})`.execute(trx)).rows,
    );
    assert.deepEqual(aggregate, [], 'no aggregate of a campaign one cannot see');
  });
});
