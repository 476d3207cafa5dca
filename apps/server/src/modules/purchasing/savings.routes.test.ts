import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import {
  buildNetwork,
  buildOrganisation,
  buildPerson,
  buildTestApp,
  grantRole,
  signIn,
} from '../../test/factories.ts';
import { readPdf } from '../../test/pdf-text.ts';

/**
 * The savings ledger on one campaign awarded through the real endpoint: 350 reams, Papeterie
 * Normande at 400 a ream from 200 (450 below) plus 3,000 of fixed costs, split proportionally
 * with the fixed costs in equal parts.
 *
 *   company  quantity  current price  share    stand-alone           baseline  vs current  vs alone
 *   A        150       450            61,000   150 × 450 + 3,000     67,500    6,500       9,500
 *   B        120       420            49,000   120 × 450 + 3,000     50,400    1,400       8,000
 *   C         80       —              33,000    80 × 450 + 3,000     —         —           6,000
 */
describe('purchasing: the savings ledger, its workbook and the purchase orders', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const cookies: Record<string, string> = {};
  const orgs: Record<string, string> = {};
  let club: { id: string; slug: string };
  let campaignId: string;
  let openCampaignId: string;

  before(async () => {
    t = await buildTestApp();
    club = await buildNetwork(t.db, { kind: 'club', name: 'Club Achats' });
    const people: Record<string, { id: string; email: string }> = {};
    for (const who of ['staff', 'leaderA', 'leaderB', 'leaderC', 'leaderD']) {
      people[who] = await buildPerson(t.db);
    }
    await grantRole(t.db, people.staff!.id, club.id, 'staff');
    for (const name of ['A', 'B', 'C']) {
      await grantRole(t.db, people[`leader${name}`]!.id, club.id, 'member_leader');
      orgs[name] = (
        await buildOrganisation(t.db, {
          name: name === 'C' ? '=Entreprise C' : `Entreprise ${name}`,
          networkIds: [club.id],
          leaders: [people[`leader${name}`]!.id],
        })
      ).id;
    }
    await grantRole(t.db, people.leaderD!.id, club.id, 'member_leader');
    orgs.D = (
      await buildOrganisation(t.db, {
        name: 'Entreprise D',
        networkIds: [club.id],
        leaders: [people.leaderD!.id],
      })
    ).id;
    for (const [who, person] of Object.entries(people)) cookies[who] = await signIn(t.app, person.email);

    const campaign = {
      title: 'Papier A4 recyclé',
      category: 'Fournitures',
      specification: 'Ramettes de 500 feuilles, 80 g',
      unit: 'ramette',
      commitmentDeadline: new Date(Date.now() + 86_400_000).toISOString(),
      allocationRule: 'proportional-with-fixed-costs',
    };
    campaignId = (await call('staff', 'POST', '', campaign)).json().id;
    openCampaignId = (await call('staff', 'POST', '', { ...campaign, title: 'Toner' })).json().id;
    for (const [who, quantity, currentUnitPriceCents] of [
      ['leaderA', 150, 450],
      ['leaderB', 120, 420],
      ['leaderC', 80, null],
    ] as const) {
      const committed = await call(who, 'POST', `/${campaignId}/commitments`, {
        quantity,
        currentUnitPriceCents,
      });
      assert.equal(committed.statusCode, 200, committed.body);
    }
    const offer = await call('staff', 'POST', `/${campaignId}/offers`, {
      supplierName: 'Papeterie Normande',
      schedule: {
        kind: 'all-units',
        tiers: [
          { fromQuantity: 0, unitPriceCents: 450 },
          { fromQuantity: 200, unitPriceCents: 400 },
        ],
        fixedCostCents: 3_000,
      },
    });
    await t.db
      .updateTable('purchase_campaigns')
      .set({ commitment_deadline: new Date(Date.now() - 60_000) })
      .where('id', '=', campaignId)
      .execute();
    const awarded = await call('staff', 'POST', `/${campaignId}/award`, { offerId: offer.json().id });
    assert.equal(awarded.statusCode, 200, awarded.body);
    // An award late on 31 May in UTC is in June in Paris.
    await t.db
      .updateTable('purchase_campaigns')
      .set({ awarded_at: new Date('2026-05-31T22:30:00Z') })
      .where('id', '=', campaignId)
      .execute();
  });
  after(() => t.close());

  function call(who: string, method: 'GET' | 'POST', path: string, payload?: object, lang = 'fr') {
    return t.app.inject({
      method,
      url: `/api/networks/${club.slug}/purchasing${path}`,
      headers: { cookie: `${cookies[who]!}; meute_lang=${lang}` },
      ...(payload ? { payload } : {}),
    });
  }

  it('records each company’s savings against its current price and against buying alone, in cents', async () => {
    const response = await call('staff', 'GET', '/savings');
    assert.equal(response.statusCode, 200, response.body);
    const ledger = response.json();
    assert.equal(ledger.scope, 'network');
    assert.deepEqual(
      ledger.organisations.map((o: Record<string, unknown>) => [
        o.organisationName,
        o.campaignCount,
        o.paidCents,
        o.baselineCents,
        o.savingsVsCurrentCents,
        o.savingsVsStandAloneCents,
      ]),
      [
        ['=Entreprise C', 1, 33_000, null, null, 6_000],
        ['Entreprise A', 1, 61_000, 67_500, 6_500, 9_500],
        ['Entreprise B', 1, 49_000, 50_400, 1_400, 8_000],
      ],
    );
    assert.equal(ledger.organisations[0].savingsRate, null, 'no rate without a current price');
    assert.equal(ledger.organisations[1].savingsRate, 6_500 / 67_500);
    assert.deepEqual(ledger.campaigns, [
      {
        campaignId,
        title: 'Papier A4 recyclé',
        supplierName: 'Papeterie Normande',
        awardedAt: '2026-05-31T22:30:00.000Z',
        participantCount: 3,
        paidCents: 143_000,
        baselineCents: 117_900,
        savingsVsCurrentCents: 7_900,
        savingsVsStandAloneCents: 23_500,
        savingsRate: 7_900 / 117_900,
      },
    ]);
    assert.deepEqual(ledger.months, [
      { month: '2026-06', savingsCents: 7_900, savingsVsStandAloneCents: 23_500, paidCents: 143_000 },
    ]);
    assert.deepEqual(ledger.network, {
      campaignCount: 1,
      organisationCount: 3,
      paidCents: 143_000,
      baselineCents: 117_900,
      savingsVsCurrentCents: 7_900,
      savingsVsStandAloneCents: 23_500,
      savingsRate: 7_900 / 117_900,
      hidden: {
        paidCents: null,
        baselineCents: 'TOO_FEW_ORGANISATIONS',
        savingsVsCurrentCents: 'TOO_FEW_ORGANISATIONS',
        savingsVsStandAloneCents: null,
      },
    });
    assert.deepEqual(ledger.visibleTotals, {
      paidCents: 143_000,
      baselineCents: 117_900,
      savingsVsCurrentCents: 7_900,
      savingsVsStandAloneCents: 23_500,
      savingsRate: 7_900 / 117_900,
    });
  });

  it('gives a member its own lines, and each network total only when 3 companies make it', async () => {
    const ledger = (await call('leaderA', 'GET', '/savings')).json();
    assert.equal(ledger.scope, 'own');
    assert.deepEqual(
      ledger.organisations.map((o: { organisationName: string }) => o.organisationName),
      ['Entreprise A'],
    );
    assert.equal(ledger.campaigns[0].paidCents, 61_000);
    assert.equal(ledger.campaigns[0].savingsVsCurrentCents, 6_500);
    assert.equal(ledger.campaigns[0].participantCount, 3);
    assert.deepEqual(ledger.months, [
      { month: '2026-06', savingsCents: 6_500, savingsVsStandAloneCents: 9_500, paidCents: 61_000 },
    ]);
    // Only A and B stated a current price: the savings against it would give B's away to A.
    assert.equal(ledger.network.savingsVsCurrentCents, null);
    assert.equal(ledger.network.baselineCents, null);
    assert.equal(ledger.network.savingsRate, null);
    assert.equal(ledger.network.hidden.savingsVsCurrentCents, 'TOO_FEW_ORGANISATIONS');
    assert.equal(ledger.network.paidCents, 143_000);
    assert.equal(ledger.network.savingsVsStandAloneCents, 23_500);
    assert.equal(ledger.network.organisationCount, 3);
  });

  it('exports the ledger as a workbook with euros as numbers, French or English', async () => {
    const response = await call('staff', 'GET', '/savings.xlsx');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /spreadsheetml/);
    assert.match(String(response.headers['content-disposition']), /meute-economies-.*\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(
      workbook.worksheets.map((sheet) => sheet.name),
      ['Par campagne', 'Par entreprise', 'Par mois'],
    );
    const campaigns = workbook.getWorksheet('Par campagne')!;
    assert.equal(campaigns.getCell('A1').value, 'Campagne');
    assert.equal(campaigns.getCell('A2').value, 'Papier A4 recyclé');
    assert.equal(campaigns.getCell('E2').value, 1_430);
    assert.equal(campaigns.getCell('G2').value, 79);
    assert.match(String(campaigns.getCell('E2').numFmt), /€/);
    const companies = workbook.getWorksheet('Par entreprise')!;
    assert.equal(companies.getCell('A2').value, "'=Entreprise C", 'a name is never run as a formula');
    assert.equal(companies.getCell('C2').value, 330);
    assert.equal(companies.getCell('E2').value, null);
    assert.equal(companies.getCell('A5').value, 'Total');
    assert.equal(workbook.getWorksheet('Par mois')!.getCell('A2').value, '2026-06');

    const english = await call('staff', 'GET', '/savings.xlsx', undefined, 'en');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(english.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(
      book.worksheets.map((sheet) => sheet.name),
      ['By campaign', 'By company', 'By month'],
    );
    assert.equal(book.getWorksheet('By campaign')!.getCell('A1').value, 'Campaign');
  });

  it('prints one purchase order per company, with its amount in euros and cents', async () => {
    const response = await call('staff', 'GET', `/${campaignId}/purchase-orders.pdf`);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/pdf');
    const { pageCount, pages } = readPdf(response.rawPayload);
    assert.equal(pageCount, 3);
    assert.equal(pages.length, 3);
    assert.match(pages[0]!, /=Entreprise C/);
    assert.match(pages[1]!, /Entreprise A/);
    assert.match(pages[1]!, /Bon de commande/);
    assert.match(pages[1]!, /Papeterie Normande/);
    // 150 reams for 610.00 €: 4.0667 € a ream. French digits are separated by no-break spaces
    // that the standard fonts can print.
    assert.match(pages[1]!, /610,00\u00A0€/);
    assert.match(pages[1]!, /4,0667\u00A0€/);
    assert.match(pages[1]!, /Proportionnel, frais fixes partagés/);
    assert.match(pages[1]!, /BC-2026-[0-9A-F]{8}-[0-9A-F]{4}/);
    assert.match(pages[2]!, /Entreprise B/);
    assert.ok(!pages.join('').includes('\u202F'));

    const english = readPdf(
      (await call('leaderB', 'GET', `/${campaignId}/purchase-orders.pdf`, undefined, 'en')).rawPayload,
    );
    assert.equal(english.pageCount, 1);
    assert.match(english.pages[0]!, /Purchase order/);
    assert.match(english.pages[0]!, /€490\.00/);
  });

  it('hides a network total from members as soon as one company weighs more than 85 % of it', async () => {
    const second = await call('staff', 'POST', '', {
      title: 'Gaz 2027',
      unit: 'MWh',
      commitmentDeadline: new Date(Date.now() + 86_400_000).toISOString(),
      allocationRule: 'equal-unit-price',
    });
    const id = second.json().id;
    for (const [who, quantity] of [
      ['leaderA', 1],
      ['leaderB', 1],
      ['leaderC', 1],
      ['leaderD', 1_000],
    ] as const) {
      const committed = await call(who, 'POST', `/${id}/commitments`, {
        quantity,
        currentUnitPriceCents: 9_000,
      });
      assert.equal(committed.statusCode, 200, committed.body);
    }
    const offer = await call('staff', 'POST', `/${id}/offers`, {
      supplierName: 'Gaz Nord',
      schedule: { kind: 'all-units', tiers: [{ fromQuantity: 0, unitPriceCents: 8_000 }] },
    });
    await t.db
      .updateTable('purchase_campaigns')
      .set({ commitment_deadline: new Date(Date.now() - 60_000) })
      .where('id', '=', id)
      .execute();
    assert.equal((await call('staff', 'POST', `/${id}/award`, { offerId: offer.json().id })).statusCode, 200);

    // D pays 8,000,000 of 8,167,000 in all (98 %), and saves 1,000,000 of 1,010,900 (99 %).
    const member = (await call('leaderA', 'GET', '/savings')).json().network;
    assert.deepEqual(
      [member.paidCents, member.savingsVsCurrentCents, member.organisationCount, member.campaignCount],
      [null, null, 4, 2],
    );
    assert.equal(member.hidden.paidCents, 'DOMINANT_ORGANISATION');
    assert.equal(member.hidden.savingsVsCurrentCents, 'DOMINANT_ORGANISATION');
    const staff = (await call('staff', 'GET', '/savings')).json().network;
    assert.deepEqual(
      [staff.paidCents, staff.savingsVsCurrentCents, staff.hidden.paidCents],
      [143_000 + 1_003 * 8_000, 7_900 + 1_003 * 1_000, 'DOMINANT_ORGANISATION'],
    );
    const staffLedger = (await call('staff', 'GET', '/savings')).json();
    assert.equal(
      staffLedger.network.paidCents,
      staffLedger.visibleTotals.paidCents,
      'the function and the lines agree',
    );
    assert.equal(staffLedger.network.savingsVsCurrentCents, staffLedger.visibleTotals.savingsVsCurrentCents);
  });

  it('says clearly that a campaign not yet awarded has no purchase order', async () => {
    const response = await call('staff', 'GET', `/${openCampaignId}/purchase-orders.pdf`);
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().code, 'PURCHASE_ORDERS_NOT_READY');
    assert.match(response.json().message, /pas encore attribuée/);
    const english = await call('leaderA', 'GET', `/${openCampaignId}/purchase-orders.pdf`, undefined, 'en');
    assert.match(english.json().message, /not been awarded yet/);
    const badId = await call('staff', 'GET', '/not-a-uuid/purchase-orders.pdf');
    assert.equal(badId.statusCode, 400);
    assert.equal(badId.json().field, 'params.id');
    const unknown = await call('staff', 'GET', `/${crypto.randomUUID()}/purchase-orders.pdf`);
    assert.equal(unknown.statusCode, 404);
  });
});
