import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
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
} from './harness.ts';

const skip = browserSkipReason();
const CLUSTER = 'cluster-batiment-rhone';
const TITLE = 'Peinture des ateliers 2027';

describe('S6 step 4: seven members repaint their premises together, 15 % cheaper', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('reserves the campaign to the Rhône and the Ain, and gives each of the seven its 15 % off', async () => {
    const { db } = app.database;
    // Staff open the campaign, reserved to companies of the Rhône (69) and the Ain (01).
    const staff = await newSession(browser, app.url);
    const desk = staff.page;
    await signIn(desk, 'federation@demo.meute.fr', DEMO_PASSWORD, { landing: /\/n\/|\/$/ });
    await desk.goto(`/n/${CLUSTER}/purchasing`);
    await desk.getByRole('button', { name: 'Nouvelle campagne' }).click();
    await desk.getByLabel('Intitulé').fill(TITLE);
    await desk.getByLabel('Catégorie').fill('Travaux');
    await desk.getByLabel('Unité').fill('seau de 15 L');
    await desk.getByLabel('Date limite des engagements').fill('2030-03-31T18:00');
    await desk.getByLabel('Départements').selectOption(['01', '69']);
    await checkScreen(desk, 'purchasing-new-eligibility');
    await guideImage(desk, 'achats-eligibilite', '.eligibility-fields');
    await desk.getByRole('button', { name: 'Ouvrir la campagne' }).click();
    await desk.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await desk.getByText('Départements : Ain (01), Rhône (69)').waitFor();
    const campaignId = desk.url().split('/').at(-1)!;

    // Plastiflex, in the Orne, may read the campaign but not join it, and is told why.
    const outsider = await newSession(browser, app.url);
    await signIn(outsider.page, 'dirigeant@demo.meute.fr');
    await outsider.page.goto(`/n/${CLUSTER}/purchasing/${campaignId}`);
    await outsider.page.getByText(/Plastiflex ne remplit pas la condition \(département\)/).waitFor();
    assert.equal(await outsider.page.getByRole('button', { name: 'M’engager' }).isDisabled(), true);
    const refused = await (await apiAs(app, 'dirigeant@demo.meute.fr', DEMO_PASSWORD))(
      'POST',
      `/api/networks/${CLUSTER}/purchasing/${campaignId}/commitments`,
      { quantity: 10 },
    );
    assert.equal(refused.status, 403);
    assert.match(refused.body.message, /Plastiflex ne remplit pas la condition : département/);

    // Bâtisseurs Villeurbannais commits on screen; six other companies of the Rhône commit too.
    const member = await newSession(browser, app.url);
    const page = member.page;
    await signIn(page, 'batisseur@demo.meute.fr');
    await page.goto(`/n/${CLUSTER}/purchasing/${campaignId}`);
    await page.getByLabel('Quantité (seau de 15 L)').fill('30');
    await page.getByLabel('Prix unitaire actuel (€)').fill('98');
    await page.getByRole('button', { name: 'M’engager' }).click();
    await page.getByText('Engagement enregistré.').waitFor();
    const others = await db
      .selectFrom('network_organisations as no')
      .innerJoin('networks as n', 'n.id', 'no.network_id')
      .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
      .select(['o.id', 'n.id as network_id'])
      .where('n.slug', '=', CLUSTER)
      .where('o.departement_code', '=', '69')
      .where('o.name', '!=', 'Bâtisseurs Villeurbannais')
      .orderBy('o.name')
      .limit(6)
      .execute();
    for (const [index, other] of others.entries()) {
      await db
        .insertInto('purchase_commitments')
        .values({
          campaign_id: campaignId,
          network_id: other.network_id,
          organisation_id: other.id,
          quantity: [40, 25, 18, 22, 12, 15][index]!,
          current_unit_price_cents: 9_800,
        })
        .execute();
    }

    // The painter offers 15 % off from 150 buckets; the seven reach 162.
    const staffApi = await apiAs(app, 'federation@demo.meute.fr', DEMO_PASSWORD);
    const offered = await staffApi('POST', `/api/networks/${CLUSTER}/purchasing/${campaignId}/offers`, {
      supplierName: 'Couleurs du Lyonnais',
      schedule: {
        kind: 'all-units',
        tiers: [
          { fromQuantity: 0, unitPriceCents: 9_800 },
          { fromQuantity: 150, unitPriceCents: 8_330 },
        ],
        fixedCostCents: 0,
      },
    });
    assert.equal(offered.status, 201, JSON.stringify(offered.body));
    await db
      .updateTable('purchase_campaigns')
      .set({ commitment_deadline: new Date(Date.now() - 60_000) })
      .where('id', '=', campaignId)
      .execute();
    await desk.reload();
    await desk.getByRole('button', { name: 'Attribuer' }).click();
    await desk.getByText(/^Attribuée à Couleurs du Lyonnais le/).waitFor();
    const shares = desk.locator('section:has(#campaign-award) .purchasing-table tbody tr');
    assert.equal(await shares.count(), 7);

    // Each pays 83.30 € a bucket instead of 98 €: 30 buckets, 2,499 € instead of 2,940 €.
    await page.reload();
    await page.getByText(/^Attribuée à Couleurs du Lyonnais le/).waitFor();
    const mine = page.locator('section:has(#campaign-award) .purchasing-table tbody tr');
    assert.equal(await mine.count(), 1);
    await mine.getByText(/^2\u202f499(,00)?\s€$/).waitFor();
    await mine.getByText(/^2\u202f940(,00)?\s€$/).waitFor();
    await page.getByText(/soit 83,30\s€ l’unité/).waitFor();
    const rows = await db
      .selectFrom('purchase_allocations')
      .select(['quantity', 'share_cents', 'stand_alone_cost_cents'])
      .where('campaign_id', '=', campaignId)
      .execute();
    for (const row of rows) {
      assert.equal(Number(row.share_cents), row.quantity * 8_330);
      assert.equal(Number(row.stand_alone_cost_cents), row.quantity * 9_800);
    }
    assert.deepEqual([...staff.problems, ...outsider.problems, ...member.problems], []);
  });
});
