import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserSkipReason,
  checkScreen,
  launchBrowser,
  newSession,
  type RunningApp,
  signIn,
  startApp,
} from './harness.ts';

const skip = browserSkipReason();
const CLUB = 'club-eti-normandie';
const TITLE = 'Gants de protection nitrile';

async function openPurchasing(page: Page) {
  await page
    .getByRole('navigation', { name: 'Navigation du réseau' })
    .getByRole('link', { name: 'Achats groupés' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Achats groupés' }).waitFor();
}

describe('group purchasing: open, commit, hidden aggregate, offers, award', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('runs a campaign from the staff’s opening to each member’s share', async () => {
    const { db } = app.database;
    // Staff open a campaign from an empty list.
    const staff = await newSession(browser, app.url);
    const desk = staff.page;
    await signIn(desk, 'animatrice@demo.meute.fr');
    await openPurchasing(desk);
    await desk.getByText('Aucune campagne d’achat groupé pour l’instant').waitFor();
    await checkScreen(desk, 'purchasing-empty');
    await desk.getByRole('button', { name: 'Nouvelle campagne' }).click();
    await desk.getByLabel('Intitulé').fill(TITLE);
    await desk.getByLabel('Catégorie').fill('Équipements de protection');
    await desk.getByLabel('Unité').fill('boîte');
    await desk.getByLabel('Cahier des charges').fill('Boîtes de 100 gants, taille M, EN 374.');
    await desk.getByLabel('Date limite des engagements').fill('2030-06-30T18:00');
    await desk.getByLabel(/^Proportionnel, frais fixes partagés/).check();
    await checkScreen(desk, 'purchasing-new');
    await desk.getByRole('button', { name: 'Ouvrir la campagne' }).click();
    await desk.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await desk.getByText('Engagements ouverts').waitFor();
    const campaignUrl = desk.url();
    const campaignId = campaignUrl.split('/').at(-1)!;

    // A member commits; alone, the group's total is hidden.
    const member = await newSession(browser, app.url);
    const page = member.page;
    await signIn(page, 'dirigeant@demo.meute.fr');
    await openPurchasing(page);
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Pour Plastiflex').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Offres des fournisseurs' }).count(), 0);
    await page.getByLabel('Quantité (boîte)').fill('120');
    await page.getByLabel('Prix unitaire actuel (€)').fill('9,50');
    await page.getByRole('button', { name: 'M’engager' }).click();
    await page.getByText('Engagement enregistré.').waitFor();
    await page.getByText(/^Masqué : moins de 3 entreprises engagées/).waitFor();
    await checkScreen(page, 'purchasing-member-hidden');

    // Two other members commit: the total shows, without any company's figure.
    const others = await db
      .selectFrom('network_organisations as no')
      .innerJoin('networks as n', 'n.id', 'no.network_id')
      .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
      .select(['o.id', 'n.id as network_id'])
      .where('n.slug', '=', CLUB)
      .where('o.name', '!=', 'Plastiflex')
      .orderBy('o.name')
      .limit(2)
      .execute();
    for (const [index, other] of others.entries()) {
      await db
        .insertInto('purchase_commitments')
        .values({
          campaign_id: campaignId,
          network_id: other.network_id,
          organisation_id: other.id,
          quantity: 100 + index * 80,
        })
        .execute();
    }
    await page.reload();
    await page.getByText('3 entreprises engagées, 400 boîte au total.').waitFor();
    await checkScreen(page, 'purchasing-member');

    // Staff see every commitment, enter two offers and compare them.
    await desk.reload();
    await desk.getByRole('heading', { name: '3 engagements (vue de l’équipe)' }).waitFor();
    await desk.getByRole('rowheader', { name: 'Plastiflex' }).waitFor();
    const addOffer = async (supplier: string, tiers: [string, string][], fixed: string) => {
      await desk.getByLabel('Fournisseur', { exact: true }).fill(supplier);
      await desk.getByLabel('Frais fixes (€)').fill(fixed);
      for (const [index, [from, price]] of tiers.entries()) {
        if (index > 0) await desk.getByRole('button', { name: 'Ajouter un palier' }).click();
        await desk.getByLabel('À partir de (quantité totale)').nth(index).fill(from);
        await desk.getByLabel('Prix unitaire (€)').nth(index).fill(price);
      }
      await desk.getByRole('button', { name: 'Enregistrer l’offre' }).click();
      await desk.getByRole('rowheader', { name: supplier }).waitFor();
    };
    // A wrong schedule is refused with the field named.
    await desk.getByLabel('Fournisseur', { exact: true }).fill('Mauvais palier');
    await desk.getByLabel('À partir de (quantité totale)').fill('10');
    await desk.getByLabel('Prix unitaire (€)').fill('8');
    await desk.getByRole('button', { name: 'Enregistrer l’offre' }).click();
    await desk.getByText('le premier palier doit commencer à 0').waitFor();
    await desk.getByLabel('À partir de (quantité totale)').fill('0');
    await desk.getByLabel('Fournisseur', { exact: true }).fill('');
    await desk.reload();
    await addOffer(
      'Protec Normandie',
      [
        ['0', '9'],
        ['300', '7,50'],
      ],
      '40',
    );
    await addOffer('Gants Express', [['0', '8,20']], '0');
    // At 400 boxes: 400 × 7.50 € + 40 € = 3,040 € against 400 × 8.20 € = 3,280 €.
    const offers = desk.locator('section:has(#staff-offers) .purchasing-table tbody tr');
    assert.equal(await offers.first().getByRole('rowheader').textContent(), 'Protec Normandie');
    await desk.getByText('L’attribution sera possible après la date limite des engagements.').waitFor();

    // After the deadline, the staff award the cheapest offer.
    await db
      .updateTable('purchase_campaigns')
      .set({ commitment_deadline: new Date(Date.now() - 60_000) })
      .where('id', '=', campaignId)
      .execute();
    await desk.reload();
    await desk.getByText('Engagements clos').first().waitFor();
    await desk
      .getByRole('row')
      .filter({ has: desk.getByRole('rowheader', { name: 'Protec Normandie' }) })
      .getByRole('button', { name: 'Attribuer' })
      .click();
    await desk.getByText(/^Attribuée à Protec Normandie le/).waitFor();
    await desk
      .getByText('Chaque entreprise paie au plus ce qu’elle paierait seule chez ce fournisseur.')
      .waitFor();
    await checkScreen(desk, 'purchasing-awarded-staff');

    // The member sees its own share only, and cannot change its commitment any more.
    await page.reload();
    await page.getByText(/^Attribuée à Protec Normandie/).waitFor();
    const shares = page.locator('section:has(#campaign-award) .purchasing-table tbody tr');
    assert.equal(await shares.count(), 1);
    await shares.getByRole('rowheader', { name: 'Plastiflex' }).waitFor();
    // 400 boxes at 7.50 € = 3,000 €, plus 40 € of fixed costs in three equal parts.
    await shares.getByText(/913,3\d/).waitFor();
    // Against the 9.50 € it pays today: 1,140 € − 913.33 €.
    await shares.getByText(/226,6\d/).waitFor();
    // Its quantity is fixed now; it may only opt out, within the staff's delay.
    await page.getByRole('heading', { name: 'Mon prix et ma décision' }).waitFor();
    await page
      .getByText(/^Vous pouvez vous retirer jusqu’au|Vous connaissez maintenant votre prix/)
      .waitFor();
    assert.equal(await page.getByRole('button', { name: 'M’engager' }).count(), 0);
    await checkScreen(page, 'purchasing-awarded-member');
    assert.deepEqual([...staff.problems, ...member.problems], []);
    await staff.context.close();
    await member.context.close();
  });
});
