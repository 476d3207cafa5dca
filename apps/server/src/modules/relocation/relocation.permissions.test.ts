import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildOrganisation, buildTestApp } from '../../test/factories.ts';
import { buildRoleCast, type CastRole, expectStatuses } from '../../test/role-cast.ts';

/**
 * Who sees and does what in the relocation challenge, for every role. A supplier list reveals a
 * member's purchasing: the buying company's people and the network's staff see it, nobody else —
 * not another member of the network, not through the proposals made to it, not through totals.
 *
 *   federation Nord ── club Alpha: companies A (leader, employee), B, C, D; partner P
 *   cluster Gamma: company G (a member of another network)
 */
describe('relocation: who sees and does what', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookies: Record<string, string | null>;
  let ids: Record<string, string>;
  let alpha: { id: string; slug: string };
  const MARKER = 'QUIXOTIC-FOURNISSEUR-7781';

  function call(who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) {
    const cookie = cookies[who];
    return t.app.inject({
      method,
      url: `/api/networks/${alpha.slug}/relocation${path}`,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  }

  async function list(who: string, line: object) {
    const response = await call(who, 'POST', '/suppliers', line);
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id as string;
  }

  before(async () => {
    t = await buildTestApp();
    const cast = await buildRoleCast(t, {
      companyA: {
        description: 'Usinage de pièces en inox',
        nafCode: '25.62B',
        communeCode: '14118',
        certifications: [{ name: 'ISO 9001', expiresOn: null }],
      },
    });
    ({ cookies, ids, alpha } = cast);
    for (const name of ['B', 'C', 'D']) {
      await cast.person(`leader${name}`, alpha.id, 'member_leader');
    }
    ids.B = (
      await buildOrganisation(t.db, {
        name: 'Alpha B',
        networkIds: [alpha.id],
        leaders: [ids.leaderB!],
        description: 'Usinage de précision et fraisage de pièces en inox',
        competences: ['Usinage CN'],
        nafCode: '25.62B',
        communeCode: '61169',
      })
    ).id;
    ids.C = (
      await buildOrganisation(t.db, { name: 'Alpha C', networkIds: [alpha.id], leaders: [ids.leaderC!] })
    ).id;
    ids.D = (
      await buildOrganisation(t.db, { name: 'Alpha D', networkIds: [alpha.id], leaders: [ids.leaderD!] })
    ).id;

    // Company A's confidential line, the marker in its supplier's name and place.
    ids.lineA = await list('leader', {
      what: 'Usinage de pièces inox',
      nafCode: '25.62B',
      supplierName: `Usinage Lointain ${MARKER}`,
      supplierPlace: `Shenzhen ${MARKER}`,
      yearlyAmountCents: 12_000_000,
    });
    // Company B buys machining too: A is proposed to B, and B must learn nothing of A's list.
    ids.lineB = await list('leaderB', { what: 'Usinage de pièces inox', yearlyAmountCents: 1_000_000 });
  });
  after(() => t.close());

  it('lets only the leaders and employees of a member company list a supplier', async () => {
    await expectStatuses(
      (who) => call(who, 'POST', '/suppliers', { what: `Achat de ${who}`, yearlyAmountCents: 100 }),
      {
        staff: 403,
        fedStaff: 403,
        leader: 201,
        employee: 201,
        partner: 403,
        otherMember: 404,
        anonymous: 401,
      },
    );
  });

  it('opens the page to every person of the network', async () => {
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

  it("shows a company's line to its people and the staff only", async () => {
    await expectStatuses((who) => call(who, 'GET', `/suppliers/${ids.lineA}`), {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 404,
      otherMember: 404,
      anonymous: 401,
    });
    assert.equal((await call('leaderB', 'GET', `/suppliers/${ids.lineA}`)).statusCode, 404);
  });

  it('lets only the buying company change a line; staff read it', async () => {
    await expectStatuses(
      (who) => call(who, 'PATCH', `/suppliers/${ids.lineA}`, { supplierPlace: `Shenzhen ${MARKER}` }),
      {
        staff: 403,
        fedStaff: 403,
        leader: 200,
        employee: 200,
        partner: 404,
        otherMember: 404,
        anonymous: 401,
      },
    );
    assert.equal(
      (await call('leaderB', 'PATCH', `/suppliers/${ids.lineA}`, { yearlyAmountCents: 1 })).statusCode,
      404,
    );
  });

  it('lets only the buying company mark a line in talks, replaced or dropped', async () => {
    await expectStatuses(
      (who) => call(who, 'POST', `/suppliers/${ids.lineA}/status`, { status: 'in-talks' }),
      {
        staff: 403,
        fedStaff: 403,
        leader: 200,
        employee: 200,
        partner: 404,
        otherMember: 404,
        anonymous: 401,
      },
    );
    assert.equal(
      (await call('leaderB', 'POST', `/suppliers/${ids.lineA}/status`, { status: 'dropped' })).statusCode,
      404,
    );
  });

  it('lets only the buying company delete a line', async () => {
    await expectStatuses(
      async (who: CastRole) => {
        const id = await list('leader', { what: 'Cartons', yearlyAmountCents: 500 });
        return call(who, 'DELETE', `/suppliers/${id}`);
      },
      {
        staff: 403,
        fedStaff: 403,
        leader: 200,
        employee: 200,
        partner: 404,
        otherMember: 404,
        anonymous: 401,
      },
    );
  });

  it('proposes member companies for a line to whoever sees the line', async () => {
    await expectStatuses((who) => call(who, 'GET', `/suppliers/${ids.lineA}/candidates`), {
      staff: 200,
      fedStaff: 200,
      leader: 200,
      employee: 200,
      partner: 404,
      otherMember: 404,
      anonymous: 401,
    });
    assert.equal((await call('leaderB', 'GET', `/suppliers/${ids.lineA}/candidates`)).statusCode, 404);
  });

  it('opens the dashboard to the staff only', async () => {
    await expectStatuses((who) => call(who, 'GET', '/dashboard'), {
      staff: 200,
      fedStaff: 200,
      leader: 403,
      employee: 403,
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
  });

  it('never shows a line of mine to another member, not even through the proposals made to it', async () => {
    const proposals = await call('leaderB', 'GET', `/suppliers/${ids.lineB}/candidates`);
    assert.equal(proposals.statusCode, 200);
    // A is proposed to B (it machines stainless steel), as the directory shows it, nothing more.
    assert.ok(proposals.json().proposals.some((p: { organisationId: string }) => p.organisationId === ids.A));
    for (const who of ['leaderB', 'leaderC', 'partner', 'otherMember', 'anonymous']) {
      for (const path of [
        '',
        '/dashboard',
        `/suppliers/${ids.lineA}`,
        `/suppliers/${ids.lineB}/candidates`,
      ]) {
        const response = await call(who, 'GET', path);
        assert.ok(!response.body.includes(MARKER), `${who} ${path}: ${response.body}`);
        assert.ok(!response.body.includes(ids.lineA!), `${who} ${path}`);
      }
    }
    const overview = (await call('leaderB', 'GET', '')).json();
    assert.deepEqual(
      overview.lines.map((line: { id: string }) => line.id),
      [ids.lineB],
    );
    // The marker is there for those who may see it.
    assert.ok((await call('staff', 'GET', '')).body.includes(MARKER));
    assert.ok((await call('employee', 'GET', '')).body.includes(MARKER));
  });

  it("gives members the network's totals only from 3 companies, none above 85 %", async () => {
    // A and B list suppliers: too few for a total that would not reveal the other.
    let overview = (await call('leaderB', 'GET', '')).json();
    assert.equal(overview.networkTotals, null);
    assert.equal(overview.hiddenReason, 'TOO_FEW_ORGANISATIONS');
    assert.ok(!JSON.stringify(overview).includes('12000000'));

    // C lists a small one: three companies, but A weighs more than 85 % of the amount.
    const lineC = await list('leaderC', { what: 'Étiquettes', yearlyAmountCents: 200_000 });
    overview = (await call('leaderB', 'GET', '')).json();
    assert.equal(overview.networkTotals, null);
    assert.equal(overview.hiddenReason, 'DOMINANT_ORGANISATION');

    // D lists a large one: no company above 85 % any more, the totals are released.
    await list('leaderD', { what: 'Transport', yearlyAmountCents: 9_000_000 });
    overview = (await call('leaderB', 'GET', '')).json();
    assert.equal(overview.hiddenReason, null);
    assert.equal(overview.networkTotals.organisationCount, 4);
    assert.ok(overview.networkTotals.listedCents > 0);
    // Still only B's own lines.
    assert.deepEqual(
      overview.lines.map((line: { id: string }) => line.id),
      [ids.lineB],
    );

    // Staff always see the figures, whatever the threshold.
    await call('leaderC', 'DELETE', `/suppliers/${lineC}`);
    const staff = (await call('staff', 'GET', '')).json();
    assert.equal(staff.hiddenReason, null);
    assert.ok(staff.networkTotals.lineCount >= 3);
  });
});
