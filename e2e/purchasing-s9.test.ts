import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  addOrganisation,
  addPerson,
  apiAs,
  browserSkipReason,
  checkScreen,
  DEMO_PASSWORD,
  guideImage,
  launchBrowser,
  newSession,
  type RunningApp,
  signIn,
  startApp,
  TEST_PASSWORD,
} from './harness.ts';

const skip = browserSkipReason();
const CLUB = 'club-eti-normandie';

/** Yearly consumption (MWh) and current price (cents per MWh) of the 21 firms: 34 GWh in all. */
const FIRMS: [number, number][] = [
  [3_200, 15_200],
  [3_100, 15_400],
  [2_800, 15_900],
  [2_500, 16_100],
  [2_300, 16_300],
  [2_100, 16_000],
  [1_900, 16_600],
  [1_800, 16_800],
  [1_700, 16_500],
  [1_600, 17_000],
  [1_500, 17_200],
  [1_400, 16_900],
  [1_300, 17_400],
  [1_200, 17_600],
  [1_100, 17_100],
  [1_000, 17_800],
  [900, 18_000],
  [800, 18_200],
  [700, 17_900],
  [600, 18_400],
  [500, 18_600],
];

describe('S9: a group energy purchase of 21 firms around Bayonne', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('21 firms commit, 5 suppliers quote through their links, the best wins, 4 opt out, savings are reported', async () => {
    const { db } = app.database;
    assert.equal(
      FIRMS.reduce((total, [mwh]) => total + mwh, 0),
      34_000,
    );
    const staffApi = await apiAs(app, 'animatrice@demo.meute.fr', DEMO_PASSWORD);
    const opened = await staffApi('POST', `/api/networks/${CLUB}/purchasing`, {
      title: 'Électricité 2027 — Pays basque',
      category: 'Énergie',
      specification: 'Fourniture d’électricité, sites en moyenne et basse tension, année 2027.',
      unit: 'MWh',
      commitmentDeadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      allocationRule: 'equal-unit-price',
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    const campaignId: string = opened.body.id;
    const campaignPath = `/api/networks/${CLUB}/purchasing/${campaignId}`;

    // 21 firms: the demo leader's Plastiflex commits on screen, twenty others through the API.
    const leaders: string[] = [];
    const communes = ['64102', '64024', '64122'];
    for (let index = 1; index < FIRMS.length; index += 1) {
      const email = `dirigeant${index}@pays-basque.example`;
      await addPerson(app, {
        email,
        displayName: `Dirigeant ${index}`,
        roles: [{ network: CLUB, role: 'member_leader' }],
      });
      await addOrganisation(app, {
        name: `Entreprise basque ${String(index).padStart(2, '0')}`,
        networks: [CLUB],
        leaders: [email],
        communeCode: communes[index % communes.length]!,
        headcountBand: '21',
      });
      leaders.push(email);
    }
    const member = await newSession(browser, app.url);
    const page = member.page;
    await signIn(page, 'dirigeant@demo.meute.fr');
    await page.goto(`/n/${CLUB}/purchasing/${campaignId}`);
    await page.getByLabel('Quantité (MWh)').fill(String(FIRMS[0]![0]));
    await page.getByLabel('Prix unitaire actuel (€)').fill('152');
    await page.getByRole('button', { name: 'M’engager' }).click();
    await page.getByText('Engagement enregistré.').waitFor();
    const apis = new Map<string, Awaited<ReturnType<typeof apiAs>>>();
    for (const [index, email] of leaders.entries()) {
      const api = await apiAs(app, email);
      apis.set(email, api);
      const [quantity, current] = FIRMS[index + 1]!;
      const committed = await api('POST', `${campaignPath}/commitments`, {
        quantity,
        currentUnitPriceCents: current,
      });
      assert.equal(committed.status, 200, JSON.stringify(committed.body));
    }
    // Each firm sees its own figures and the total of 21, never another firm's figure.
    await page.reload();
    await page.getByText(/^21 entreprises engagées, 34\u202f000 MWh au total\.$/).waitFor();
    assert.equal(await page.getByText('Entreprise basque 01').count(), 0);

    // Five suppliers are invited; each answers through its own link, without an account.
    const suppliers: [string, number, number][] = [
      // name, unit price (cents per MWh) from 0, then from 25,000 MWh
      ['Énergies de l’Adour', 15_600, 14_650],
      ['Soleil Basque', 15_300, 14_900],
      ['Hydro Pyrénées', 15_900, 14_400],
      ['Atlantique Électricité', 15_100, 14_980],
      ['Courant Vert Aquitaine', 16_200, 14_700],
    ];
    const links: string[] = [];
    for (const [name] of suppliers) {
      const invited = await staffApi('POST', `${campaignPath}/rfq-invitations`, { supplierName: name });
      assert.equal(invited.status, 201, JSON.stringify(invited.body));
      links.push(invited.body.link);
    }
    for (const [index, [, fromZero, fromVolume]] of suppliers.entries()) {
      const token = links[index]!.split('/rfq/')[1]!;
      const answered = await fetch(`${app.url}/api/rfq/${token}/offer`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', origin: app.url },
        body: JSON.stringify({
          schedule: {
            kind: 'all-units',
            tiers: [
              { fromQuantity: 0, unitPriceCents: fromZero },
              { fromQuantity: 25_000, unitPriceCents: fromVolume },
            ],
            fixedCostCents: 250_000,
          },
        }),
      });
      assert.ok(answered.ok, await answered.text());
    }

    // After the deadline, staff compare the five offers and award the cheapest at 34 GWh.
    await db
      .updateTable('purchase_campaigns')
      .set({ commitment_deadline: new Date(Date.now() - 60_000) })
      .where('id', '=', campaignId)
      .execute();
    const staff = await newSession(browser, app.url);
    const desk = staff.page;
    await signIn(desk, 'animatrice@demo.meute.fr');
    await desk.goto(`/n/${CLUB}/purchasing/${campaignId}`);
    const offerRows = desk.locator('section:has(#staff-offers) .purchasing-table tbody tr');
    await offerRows.nth(4).waitFor();
    assert.equal(await offerRows.count(), 5);
    // At 34,000 MWh: 34,000 × 144 € + 2,500 € is the cheapest.
    const best = offerRows.first().getByRole('rowheader');
    assert.match(await best.innerText(), /^Hydro Pyrénées/);
    await best.getByText('Reçue par lien').waitFor();
    await desk.getByLabel('Délai de retrait après l’attribution').selectOption('14');
    await offerRows.first().getByRole('button', { name: 'Attribuer' }).click();
    await desk.getByText(/^Attribuée à Hydro Pyrénées le/).waitFor();
    await desk.getByText(/^Les entreprises peuvent se retirer jusqu’au/).waitFor();

    // The demo leader sees its price and opts out after confirming; three more opt out by API.
    await page.reload();
    await page.getByRole('heading', { name: 'Mon prix et ma décision' }).waitFor();
    await page.getByText(/^À payer : .* pour 3\u202f200 MWh/).waitFor();
    await page.getByRole('button', { name: 'Me retirer' }).click();
    await page.getByRole('dialog').getByText('Le volume du groupe baisse').waitFor();
    await checkScreen(page, 'purchasing-opt-out-confirm', { fullPage: false });
    await page.getByRole('dialog').getByRole('button', { name: 'Me retirer' }).click();
    await page.getByText('Plastiflex est retirée de l’achat groupé.').waitFor();
    await page.getByRole('button', { name: 'Revenir dans le groupe' }).waitFor();
    await checkScreen(page, 'purchasing-opted-out');
    for (const email of leaders.slice(17, 20)) {
      const api = apis.get(email)!;
      const organisation = (await api('GET', campaignPath)).body.myOrganisations[0].id;
      const out = await api('POST', `${campaignPath}/commitments/${organisation}/opt-out`);
      assert.equal(out.status, 200, JSON.stringify(out.body));
    }

    // 17 firms stay: 34,000 − 3,200 − 1,800 MWh = 29,000 MWh still reach the 25,000 MWh tier.
    await desk.reload();
    const shares = desk.locator('section:has(#campaign-award) .purchasing-table tbody tr');
    await desk.getByText(/^Coût du groupe/).waitFor();
    assert.equal(await shares.count(), 17);
    const stored = await db
      .selectFrom('purchase_allocations')
      .select(({ fn }) => [fn.countAll<string>().as('n'), fn.sum<string>('share_cents').as('total')])
      .where('campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(stored.n), 17);
    assert.equal(Number(stored.total), 29_000 * 14_400 + 250_000);
    await checkScreen(desk, 'purchasing-s9-staff');
    await guideImage(desk, 'achats-retraits', 'section:has(#staff-commitments)');

    // The savings report: against each firm's previous contract, per firm and in total.
    const staying = FIRMS.slice(1, 18);
    const paid = 29_000 * 14_400 + 250_000;
    const expectedSavings = staying.reduce((total, [mwh, current]) => total + mwh * current, 0) - paid;
    const ledger = (await staffApi('GET', `/api/networks/${CLUB}/purchasing/savings`)).body;
    assert.equal(ledger.organisations.length, 17);
    assert.equal(ledger.network.paidCents, paid);
    assert.equal(ledger.network.savingsVsCurrentCents, expectedSavings);
    await desk.goto(`/n/${CLUB}/purchasing`);
    await desk.getByRole('link', { name: 'Économies réalisées' }).click();
    await desk.getByRole('heading', { level: 1, name: 'Économies des achats groupés' }).waitFor();
    const byCompany = desk.locator('section:has(#savings-by-company) tbody tr');
    await byCompany.first().waitFor();
    assert.equal(await byCompany.count(), 17);
    await checkScreen(desk, 'purchasing-savings-staff');
    await guideImage(desk, 'achats-economies');
    // A firm that stayed sees its own line, not the others'.
    const firm = await newSession(browser, app.url);
    await signIn(firm.page, leaders[0]!, TEST_PASSWORD, { landing: /\/n\/|\/$/ });
    await firm.page.goto(`/n/${CLUB}/purchasing/savings`);
    await firm.page.getByRole('heading', { level: 1, name: 'Économies des achats groupés' }).waitFor();
    await firm.page.getByText('Entreprise basque 01').first().waitFor();
    assert.equal(await firm.page.getByText('Entreprise basque 02').count(), 0);
    await checkScreen(firm.page, 'purchasing-savings-member');
    assert.deepEqual(firm.problems, []);
    await firm.context.close();

    assert.deepEqual([...member.problems, ...staff.problems], []);
    await member.context.close();
    await staff.context.close();
  });
});
