import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { asPerson } from '../../db/database.ts';
import { buildOrganisation, buildTestApp } from '../../test/factories.ts';
import { readPdf } from '../../test/pdf-text.ts';
import { buildRoleCast, CAST_ROLES, type CastRole, expectStatuses } from '../../test/role-cast.ts';

/**
 * Who sees which savings, for every role, in the three forms the ledger takes (JSON, XLSX, the
 * purchase orders as PDF): staff see every company, the people of a member company their own,
 * a partner's delegate and a member of another network nothing.
 *
 *   federation Nord ── club Alpha: companies A (leader, employee), B, C; partner P
 *   cluster Gamma: company G (a member of another network)
 */
describe('purchasing savings: who sees what', () => {
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
    await cast.person('leaderD', alpha.id, 'member_leader');
    ids.B = (
      await buildOrganisation(t.db, { name: 'Alpha Bêta', networkIds: [alpha.id], leaders: [ids.leaderB!] })
    ).id;
    ids.C = (
      await buildOrganisation(t.db, { name: 'Alpha Gamma', networkIds: [alpha.id], leaders: [ids.leaderC!] })
    ).id;
    await buildOrganisation(t.db, { name: 'Alpha Delta', networkIds: [alpha.id], leaders: [ids.leaderD!] });

    const created = await call('staff', 'POST', '', {
      title: 'Gaz naturel 2027',
      unit: 'MWh',
      commitmentDeadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      allocationRule: 'equal-unit-price',
    });
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
    const offer = await call('staff', 'POST', `/${campaignId}/offers`, {
      supplierName: 'Énergie Nord',
      schedule: { kind: 'all-units', tiers: [{ fromQuantity: 0, unitPriceCents: 8_000 }] },
    });
    await t.db
      .updateTable('purchase_campaigns')
      .set({ commitment_deadline: new Date(Date.now() - 60_000) })
      .where('id', '=', campaignId)
      .execute();
    const awarded = await call('staff', 'POST', `/${campaignId}/award`, { offerId: offer.json().id });
    assert.equal(awarded.statusCode, 200, awarded.body);
  });
  after(() => t.close());

  function call(who: string, method: 'GET' | 'POST', path: string, payload?: object) {
    const cookie = cookies[who];
    return t.app.inject({
      method,
      url: `/api/networks/${alpha.slug}/purchasing${path}`,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  }

  const READERS = {
    staff: 200,
    fedStaff: 200,
    leader: 200,
    employee: 200,
    partner: 403,
    otherMember: 404,
    anonymous: 401,
  } as const;

  it('shows the savings ledger to staff and to the people of member companies only', async () => {
    await expectStatuses((who) => call(who, 'GET', '/savings'), READERS);
  });

  it('exports the workbook to the same people', async () => {
    await expectStatuses((who) => call(who, 'GET', '/savings.xlsx'), READERS);
  });

  it('prints the purchase orders for staff and for the participating companies only', async () => {
    await expectStatuses((who) => call(who, 'GET', `/${campaignId}/purchase-orders.pdf`), READERS);
  });

  /** Every text a person gets in each of the three forms. */
  async function everythingSeenBy(who: CastRole) {
    const json = await call(who, 'GET', '/savings');
    const xlsx = await call(who, 'GET', '/savings.xlsx');
    const pdf = await call(who, 'GET', `/${campaignId}/purchase-orders.pdf`);
    let workbookText = '';
    if (xlsx.statusCode === 200) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      for (const sheet of workbook.worksheets) {
        sheet.eachRow((row) => {
          workbookText += `${JSON.stringify(row.values)}\n`;
        });
      }
    }
    const pdfText = pdf.statusCode === 200 ? readPdf(pdf.rawPayload).pages.join('\n') : pdf.body;
    return { json: json.body, xlsx: workbookText, pdf: pdfText };
  }

  it('never shows a member another company’s name or figures, in any of the three forms', async () => {
    for (const who of ['leader', 'employee'] as const) {
      const seen = await everythingSeenBy(who);
      for (const [form, text] of Object.entries(seen)) {
        assert.ok(text.includes('Alpha A'), `${who} sees its own company in the ${form}`);
        for (const other of ['Alpha Bêta', 'Alpha Gamma', 'Banque P', 'Gamma G']) {
          assert.ok(!text.includes(other), `${who} never sees ${other} in the ${form}`);
        }
        assert.ok(!text.includes(ids.B!) && !text.includes(ids.C!), `no other company's id in the ${form}`);
      }
      const ledger = JSON.parse(seen.json);
      assert.equal(ledger.scope, 'own');
      // Equal unit price: 100 MWh at 80 € = 8,000 €, against 9,000 € before.
      assert.deepEqual(
        ledger.organisations.map((o: Record<string, unknown>) => [
          o.organisationName,
          o.paidCents,
          o.savingsVsCurrentCents,
        ]),
        [['Alpha A', 800_000, 100_000]],
      );
      assert.equal(
        readPdf((await call(who, 'GET', `/${campaignId}/purchase-orders.pdf`)).rawPayload).pageCount,
        1,
      );
      // The raw bytes of the files do not carry the others' names either.
      const raw = Buffer.concat([
        (await call(who, 'GET', '/savings.xlsx')).rawPayload,
        (await call(who, 'GET', `/${campaignId}/purchase-orders.pdf`)).rawPayload,
      ]).toString('latin1');
      assert.ok(!raw.includes('Alpha B') && !raw.includes(ids.B ?? 'no-id'));
    }
  });

  it('shows staff every company in the three forms', async () => {
    for (const who of ['staff', 'fedStaff'] as const) {
      const seen = await everythingSeenBy(who);
      for (const [form, text] of Object.entries(seen)) {
        for (const name of ['Alpha A', 'Alpha Bêta', 'Alpha Gamma']) {
          assert.ok(text.includes(name), `${who} sees ${name} in the ${form}`);
        }
        assert.ok(!text.includes('Gamma G'), 'nothing of another network');
      }
      assert.equal(
        readPdf((await call(who, 'GET', `/${campaignId}/purchase-orders.pdf`)).rawPayload).pageCount,
        3,
      );
    }
  });

  it('tells a partner, a member of another network and a visitor nothing about the savings', async () => {
    for (const who of ['partner', 'otherMember', 'anonymous'] as const) {
      const seen = await everythingSeenBy(who);
      for (const text of Object.values(seen)) {
        for (const name of ['Alpha A', 'Alpha Bêta', 'Alpha Gamma', 'Énergie Nord', '800000']) {
          assert.ok(!text.includes(name), `${who} never sees ${name}`);
        }
      }
    }
  });

  it('gives a company that did not take part no purchase order, and an empty ledger of its own', async () => {
    const pdf = await call('leaderD', 'GET', `/${campaignId}/purchase-orders.pdf`);
    assert.equal(pdf.statusCode, 403);
    const ledger = (await call('leaderD', 'GET', '/savings')).json();
    assert.deepEqual([ledger.campaigns, ledger.organisations, ledger.months], [[], [], []]);
    assert.equal(ledger.network.paidCents, 2_400_000, 'the network total is released to every member');
  });

  it('enforces it in the database: the totals function answers nothing outside the network', async () => {
    const totals = (personId: string) =>
      asPerson(t.db, personId, async (trx) =>
        (
          await sql<{
            paid_cents: string | null;
          }>`select * from meute_purchase_savings_totals(${alpha.id})`.execute(trx)
        ).rows.map((row) => row.paid_cents),
      );
    assert.deepEqual(await totals(ids.otherMember!), []);
    assert.deepEqual(await totals(ids.leader!), ['2400000']);
    const shares = await asPerson(t.db, ids.leader!, (trx) =>
      trx.selectFrom('purchase_allocations').select('organisation_id').execute(),
    );
    assert.deepEqual(
      shares.map((row) => row.organisation_id),
      [ids.A],
    );
  });

  it('gives a member the network totals once 3 companies make each of them, none above 85 %', async () => {
    const seen: Record<string, unknown> = {};
    for (const who of CAST_ROLES) {
      const response = await call(who, 'GET', '/savings');
      seen[who] =
        response.statusCode === 200
          ? [response.json().network.paidCents, response.json().network.savingsVsCurrentCents]
          : response.statusCode;
    }
    // 300 MWh at 80 € = 24,000 €, against 27,000 € before.
    assert.deepEqual(seen, {
      staff: [2_400_000, 300_000],
      fedStaff: [2_400_000, 300_000],
      leader: [2_400_000, 300_000],
      employee: [2_400_000, 300_000],
      partner: 403,
      otherMember: 404,
      anonymous: 401,
    });
  });
});
