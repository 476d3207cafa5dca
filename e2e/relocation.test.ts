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
const SUPPLIER = 'Präzision Stuttgart GmbH';

async function openRelocation(page: Page) {
  await page.goto(`/n/${CLUB}/needs`);
  await page
    .getByRole('navigation', { name: 'Besoins & projets' })
    .getByRole('link', { name: 'Relocalisation' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Défi de relocalisation' }).waitFor();
}

describe('relocation: a member brings a purchase back into the network, staff see it counted', {
  skip,
}, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    // The demo club forbids business between members (S1), which closes the relocation
    // challenge; this journey is that of a club that allows it.
    await app.database.db
      .updateTable('networks')
      .set({ no_business: false })
      .where('slug', '=', CLUB)
      .execute();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lists an outside supplier, sees the members proposed, marks one replaced; staff see the dashboard', async () => {
    // The staff's dashboard starts empty.
    const staff = await newSession(browser, app.url);
    const desk = staff.page;
    await signIn(desk, 'animatrice@demo.meute.fr');
    await openRelocation(desk);
    await desk.getByText('Le défi n’a pas encore commencé').waitFor();
    await checkScreen(desk, 'relocation-staff-empty');

    // The leader of Plastiflex lists what it buys outside the network.
    const member = await newSession(browser, app.url);
    const page = member.page;
    await signIn(page, 'dirigeant@demo.meute.fr');
    await openRelocation(page);
    await page.getByText('Aucun fournisseur extérieur pour l’instant').waitFor();
    await checkScreen(page, 'relocation-member-empty');
    await page.getByRole('button', { name: 'Ajouter un fournisseur' }).click();
    await page.getByLabel('Ce que vous achetez').fill('Usinage de précision de pièces inox');
    await page.getByLabel('Montant annuel (€)').fill('abc');
    await page.getByRole('button', { name: 'Enregistrer le fournisseur' }).click();
    await page.getByText('Indiquez un montant en euros').waitFor();
    await page.getByLabel('Montant annuel (€)').fill('85 000');
    await page.getByLabel('Code NAF de l’activité (facultatif)').fill('25.62B');
    await page
      .getByLabel('Compétences attendues (facultatif)')
      .selectOption({ label: 'Usinage de précision' });
    await page.getByLabel('Fournisseur actuel (facultatif)').fill(SUPPLIER);
    await page.getByLabel('Où il se trouve (facultatif)').fill('Allemagne');
    await checkScreen(page, 'relocation-member-form');
    await page.getByRole('button', { name: 'Enregistrer le fournisseur' }).click();
    const card = page.locator('.relocation-line').filter({ hasText: 'Usinage de précision de pièces inox' });
    await card.getByText('À remplacer').waitFor();
    await card.getByText(/85\s000\s€ par an/).waitFor();
    await card.getByText(/Compétences : Usinage de précision/).waitFor();

    // Meute proposes member companies that machine parts, with why.
    await card.getByRole('button', { name: 'Voir les adhérents proposés' }).click();
    const proposals = card.locator('.relocation-proposal');
    await proposals.first().waitFor();
    assert.ok((await proposals.count()) > 0);
    const firstName = (await proposals.first().locator('.relocation-proposal-name').textContent()) ?? '';
    assert.notEqual(firstName, 'Plastiflex');
    await proposals
      .first()
      .getByText(/^Compétences : |^Mots en commun : /)
      .first()
      .waitFor();
    const profile = await proposals.first().getByRole('link', { name: firstName }).getAttribute('href');
    assert.match(profile ?? '', new RegExp(`/n/${CLUB}/organisations/[0-9a-f-]+$`));
    await checkScreen(page, 'relocation-member-proposals');

    // Replaced by the first one, for a little less than was bought outside.
    await proposals.first().getByRole('button', { name: 'Marquer remplacé par cet adhérent' }).click();
    await proposals.first().getByLabel('Montant annuel rapatrié (€)').fill('60 000');
    await proposals
      .first()
      .getByRole('button', { name: `Remplacé par ${firstName}` })
      .click();
    await card.getByText('Remplacé', { exact: true }).waitFor();
    await card.locator('.relocation-replaced').getByRole('link', { name: firstName }).waitFor();
    await card.getByText(/60\s000\s€ par an rapatriés dans le réseau/).waitFor();
    // A lone member does not see the network's totals: they would be its own figures.
    await page.getByText(/Les totaux du réseau s’afficheront quand au moins 3 entreprises/).waitFor();
    await checkScreen(page, 'relocation-member-replaced');

    // In English too.
    await member.context.addCookies([{ name: 'meute_lang', value: 'en', url: app.url }]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Relocation challenge' }).waitFor();
    await page.getByText('My outside suppliers').waitFor();
    await checkScreen(page, 'relocation-member-en');

    // Deleting asks first.
    await member.context.addCookies([{ name: 'meute_lang', value: 'fr', url: app.url }]);
    await page.reload();
    await page.getByRole('button', { name: 'Ajouter un fournisseur' }).click();
    await page.getByLabel('Ce que vous achetez').fill('Cartons d’emballage');
    await page.getByLabel('Montant annuel (€)').fill('12 000');
    await page.getByRole('button', { name: 'Enregistrer le fournisseur' }).click();
    const boxes = page.locator('.relocation-line').filter({ hasText: 'Cartons d’emballage' });
    await boxes.getByRole('button', { name: 'Supprimer' }).click();
    await page.getByRole('dialog').getByText('« Cartons d’emballage » sera retiré').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
    await boxes.waitFor({ state: 'detached' });

    // Staff see the line counted: 1 replaced out of 1, the amount brought back, per member and département.
    await desk.reload();
    const dashboard = desk.locator('.relocation-dashboard');
    await dashboard.getByRole('heading', { name: 'Tableau de bord du défi' }).waitFor();
    await dashboard
      .locator('.stat')
      .filter({ hasText: 'Fournisseurs remplacés' })
      .getByText('1 / 1')
      .waitFor();
    await dashboard
      .getByText(/60\s000\s€/)
      .first()
      .waitFor();
    await dashboard.getByRole('rowheader', { name: 'Plastiflex' }).waitFor();
    await dashboard.getByRole('rowheader', { name: /^61 Orne$/ }).waitFor();
    await desk.getByText(SUPPLIER).waitFor();
    await checkScreen(desk, 'relocation-staff-dashboard');
    await desk.context().addCookies([{ name: 'meute_lang', value: 'en', url: app.url }]);
    await desk.reload();
    await desk.getByRole('heading', { name: 'Challenge dashboard' }).waitFor();
    await checkScreen(desk, 'relocation-staff-en');

    assert.deepEqual([...staff.problems, ...member.problems], []);
    await member.context.close();
    await staff.context.close();
  });
});
