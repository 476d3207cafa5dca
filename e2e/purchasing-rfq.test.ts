import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  browserSkipReason,
  checkScreen,
  guideImage,
  latestMailTo,
  launchBrowser,
  linkIn,
  newSession,
  PHONE,
  type RunningApp,
  signIn,
  startApp,
} from './harness.ts';

const skip = browserSkipReason();
const CLUB = 'club-eti-normandie';
const TITLE = 'Palettes bois 1200 × 800';
const SUPPLIER = 'Palettes du Cotentin';

describe('group purchasing: a supplier quotes through a link, without an account', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('goes from the staff’s invitation to the supplier’s offer in the comparison', async () => {
    const { db } = app.database;
    // A campaign of the club with three companies committed (so the pooled volume is shown).
    const club = await db
      .selectFrom('networks')
      .select(['id'])
      .where('slug', '=', CLUB)
      .executeTakeFirstOrThrow();
    const campaign = await db
      .insertInto('purchase_campaigns')
      .values({
        network_id: club.id,
        title: TITLE,
        category: 'Logistique',
        specification: 'Palettes EPAL neuves, traitement NIMP 15, livraison sur site.',
        unit: 'palette',
        commitment_deadline: new Date(Date.now() + 20 * 86_400_000),
        allocation_rule: 'equal-unit-price',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const companies = await db
      .selectFrom('network_organisations')
      .select('organisation_id')
      .where('network_id', '=', club.id)
      .orderBy('organisation_id')
      .limit(3)
      .execute();
    assert.equal(companies.length, 3);
    for (const [index, company] of companies.entries()) {
      await db
        .insertInto('purchase_commitments')
        .values({
          campaign_id: campaign.id,
          network_id: club.id,
          organisation_id: company.organisation_id,
          quantity: 200 + index * 100,
        })
        .execute();
    }

    // Staff invite a supplier: the link is shown once, and e-mailed.
    const staff = await newSession(browser, app.url);
    const desk = staff.page;
    await signIn(desk, 'animatrice@demo.meute.fr');
    await desk.goto(`/n/${CLUB}/purchasing/${campaign.id}`);
    await desk.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const panel = desk.locator('section.rfq-panel');
    await panel.getByText('Aucun fournisseur consulté pour l’instant').waitFor();
    await panel.getByLabel('Nom du fournisseur').fill(SUPPLIER);
    await panel.getByLabel('E-mail (facultatif)').fill('devis@palettes-cotentin.example');
    await panel.getByRole('button', { name: 'Créer le lien' }).click();
    await panel.getByText(`Lien de demande de prix pour ${SUPPLIER}`).waitFor();
    await panel.getByText('Envoyé par e-mail à devis@palettes-cotentin.example.').waitFor();
    const link = await panel.getByLabel('Lien à transmettre au fournisseur').inputValue();
    assert.match(link, new RegExp(`^${app.url}/rfq/[\\w-]{40,}$`));
    assert.equal(linkIn((await latestMailTo(app, 'devis@palettes-cotentin.example')).body_text), link);
    await panel
      .getByRole('row', { name: new RegExp(SUPPLIER) })
      .getByText('En attente')
      .waitFor();
    await checkScreen(desk, 'rfq-panel');

    // The supplier opens the link in a fresh browser, without signing in.
    const outside = await newSession(browser, app.url);
    const page = outside.page;
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText(`Club ETI Normandie consulte ${SUPPLIER}`).waitFor();
    await page.getByText('Volume groupé à ce jour : 900 palette, pour 3 entreprises.').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Se connecter' }).count(), 0, 'no sign-in asked');
    for (const company of companies) {
      const name = await db
        .selectFrom('organisations')
        .select('name')
        .where('id', '=', company.organisation_id)
        .executeTakeFirstOrThrow();
      assert.equal(await page.getByText(name.name).count(), 0, `${name.name} stays hidden`);
    }
    // A wrong tier is refused with the field named, then the offer goes through.
    await page.getByLabel('Prix unitaire HT (€ / palette)').first().fill('12,40');
    await page.getByRole('button', { name: 'Ajouter un palier' }).click();
    await page.getByLabel('À partir de (palette)').nth(1).fill('0');
    await page.getByLabel('Prix unitaire HT (€ / palette)').nth(1).fill('11');
    await page.getByRole('button', { name: 'Envoyer mon offre' }).click();
    await page.getByText('Chaque palier doit commencer au-dessus du précédent.').waitFor();
    await page.getByLabel('À partir de (palette)').nth(1).fill('500');
    await page.getByLabel('Frais fixes HT (€)').fill('150');
    await page.getByText(/Au volume groupé de 900 palette : 10\s050\s€ au total/).waitFor();
    await checkScreen(page, 'rfq-supplier-form');
    await guideImage(page, 'achats-fournisseur');
    await page.getByRole('button', { name: 'Envoyer mon offre' }).click();
    await page.getByText(/^Offre enregistrée le/).waitFor();
    await page.getByRole('heading', { name: 'Modifier votre offre' }).waitFor();
    await checkScreen(page, 'rfq-supplier-sent');
    assert.deepEqual(outside.problems, []);

    // In English, at phone width, after a reload: the same request and the offer kept.
    const english = await newSession(browser, app.url, PHONE);
    await english.context.addCookies([{ name: 'meute_lang', value: 'en', url: app.url }]);
    await english.page.goto(link);
    await english.page.getByRole('heading', { name: 'Change your offer' }).waitFor();
    await english.page.getByText('Pooled volume so far: 900 palette, for 3 companies.').waitFor();
    await checkScreen(english.page, 'rfq-supplier-en');

    // Staff see the offer in the comparison, and the link answered.
    await desk.reload();
    await desk.locator('section:has(#staff-offers)').getByRole('rowheader', { name: SUPPLIER }).waitFor();
    await panel
      .getByRole('row', { name: new RegExp(SUPPLIER) })
      .getByText('Offre reçue')
      .waitFor();
    const offers = await desk.evaluate(
      async ([slug, id]) =>
        (await (await fetch(`/api/networks/${slug}/purchasing/${id}/offers`)).json()) as {
          offers: { supplierName: string; source: string }[];
        },
      [CLUB, campaign.id],
    );
    assert.deepEqual(
      offers.offers.map((o) => [o.supplierName, o.source]),
      [[SUPPLIER, 'supplier-link']],
    );

    // Revoking asks first; the link then says it is no longer valid.
    await panel.getByRole('button', { name: 'Révoquer', exact: true }).click();
    await desk.getByRole('dialog').getByText('Le lien ne s’ouvrira plus').waitFor();
    await checkScreen(desk, 'rfq-revoke', { fullPage: false });
    await desk.getByRole('dialog').getByRole('button', { name: 'Révoquer le lien' }).click();
    await panel.getByText(`Le lien de ${SUPPLIER} est révoqué.`).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Ce lien n’est plus valable' }).waitFor();
    await page.getByText(/a été révoqué par le réseau/).waitFor();
    await checkScreen(page, 'rfq-supplier-gone');

    // The staff panel in English.
    await staff.context.addCookies([{ name: 'meute_lang', value: 'en', url: app.url }]);
    await desk.reload();
    await panel.getByRole('heading', { name: 'Ask suppliers for a quote' }).waitFor();
    await panel
      .getByRole('row', { name: new RegExp(SUPPLIER) })
      .getByText('Revoked')
      .waitFor();
    await checkScreen(desk, 'rfq-panel-en');
    assert.deepEqual(staff.problems, []);
  });
});
