import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  addOrganisation,
  addPerson,
  addPersonToOrganisation,
  browserSkipReason,
  checkScreen,
  guideImage,
  launchBrowser,
  newSession,
  type RunningApp,
  setContact,
  signIn,
  startApp,
  TEST_PASSWORD,
} from './harness.ts';

const skip = browserSkipReason();
const CLUB = 'club-eti-normandie';

/**
 * The demo holds the club's ~50 members; three more share a rare competence, so that a search
 * has a known answer, and Plastiflex (led by the demo's dirigeant) gets a colleague who hides
 * their contact details.
 */
async function seedDirectory(app: RunningApp) {
  await addPerson(app, {
    email: 'rh@plastiflex.example',
    displayName: 'Rose Ressources',
    roles: [{ network: CLUB, role: 'member_employee' }],
  });
  await setContact(app, 'rh@plastiflex.example', {
    jobTitle: 'DRH',
    emailVisibility: 'nobody',
    phoneVisibility: 'nobody',
  });
  await addPersonToOrganisation(app, 'Plastiflex', 'rh@plastiflex.example', false);
  await setContact(app, 'dirigeant@demo.meute.fr', {
    jobTitle: 'Président',
    phone: '02 33 00 00 01',
    emailVisibility: 'members',
    phoneVisibility: 'members',
  });
  await addOrganisation(app, {
    name: 'Microtech Bocage',
    networks: [CLUB],
    communeCode: '14762',
    nafCode: '25.62B',
    headcountBand: '22',
    description: 'Électroérosion à fil et micro-usinage de canaux pour puces fluidiques.',
    competences: ['Microfluidique', 'Électroérosion'],
  });
  await addOrganisation(app, {
    name: 'Fluidic Caen',
    networks: [CLUB],
    communeCode: '14118',
    nafCode: '26.51B',
    headcountBand: '32',
    description: 'Capteurs de débit pour laboratoires.',
    competences: ['Microfluidique'],
    certifications: [{ name: 'ISO 13485', expiresOn: '2030-01-01' }],
  });
  await addOrganisation(app, {
    name: 'Cotentin Microsystèmes',
    networks: [CLUB],
    communeCode: '50129',
    nafCode: '26.11Z',
    headcountBand: '41',
    description: 'Composants pour le naval.',
    competences: ['Microfluidique'],
  });
}

async function openDirectory(page: Page) {
  await page
    .getByRole('navigation', { name: 'Navigation du réseau' })
    .getByRole('link', { name: 'Annuaire' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Annuaire' }).waitFor();
}

async function search(page: Page, words: string) {
  await page.getByLabel('Rechercher dans l’annuaire').fill(words);
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
}

function result(page: Page, name: string) {
  return page.locator('.result').filter({ has: page.getByRole('link', { name, exact: true }) });
}

describe('directory: search, facets, distance, map, profiles, export', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    await seedDirectory(app);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the members as charts on the network home', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await signIn(page, 'animatrice@demo.meute.fr');
    await page.getByRole('heading', { name: 'Les adhérents en un coup d’œil' }).waitFor();
    await page.getByRole('figure', { name: 'Par taille' }).getByText('ETI (250 à 4 999 salariés)').waitFor();
    await page.getByRole('figure', { name: 'Par secteur' }).getByText('Industrie manufacturière').waitFor();
    await checkScreen(page, 'network-home-stats');
    // A département of the chart opens the directory filtered on it.
    await page
      .getByRole('figure', { name: 'Par département' })
      .getByRole('link', { name: '61 Orne' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Annuaire' }).waitFor();
    await page.getByRole('heading', { name: /^\d+ entreprises?$/ }).waitFor();
    assert.equal(await page.getByLabel('Département').inputValue(), '61');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('searches with words, a facet and a distance, tells why each result matched, and maps them', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await signIn(page, 'dirigeant@demo.meute.fr');
    await page.goto(`/n/${CLUB}`);
    await openDirectory(page);
    await page.getByRole('heading', { name: /^\d+ entreprises$/ }).waitFor();
    await page.locator('.result').first().waitFor();
    await checkScreen(page, 'directory');

    // French full text: the plural, without accents, finds the competence.
    await search(page, 'microfluidiques');
    await page.getByRole('heading', { name: '3 entreprises' }).waitFor();
    for (const name of ['Microtech Bocage', 'Fluidic Caen', 'Cotentin Microsystèmes'])
      await result(page, name).getByText('compétence : Microfluidique').waitFor();

    // A facet, with its counts: the mid-sized companies (ETI) only.
    await page.getByRole('button', { name: /^ETI\s*2$/ }).click();
    await page.getByRole('heading', { name: '2 entreprises' }).waitFor();
    assert.equal(await result(page, 'Microtech Bocage').count(), 0);
    await page.getByRole('button', { name: /ETI\s*2$/, pressed: true }).click();
    await page.getByRole('heading', { name: '3 entreprises' }).waitFor();

    // Within 30 km of Flers: the commune is picked from suggestions.
    await page.getByRole('combobox', { name: 'Autour de la commune' }).fill('Flers');
    await page.getByRole('option', { name: /^Flers\s*61/ }).click();
    await page.getByLabel('Dans un rayon de').selectOption({ label: '30 km' });
    await page.getByRole('heading', { name: '1 entreprise' }).waitFor();
    await result(page, 'Microtech Bocage')
      .getByText(/à \d+ km de Flers/)
      .waitFor();
    await result(page, 'Microtech Bocage').getByText('compétence : Microfluidique').waitFor();
    await guideImage(page, 'annuaire');
    await checkScreen(page, 'directory-search');

    // Nothing within 10 km: the empty state says what to do.
    await page.getByLabel('Dans un rayon de').selectOption({ label: '10 km' });
    await page.getByText('Aucun résultat — élargissez la recherche').waitFor();
    await page.getByRole('button', { name: 'Tout effacer' }).click();
    await page.getByRole('heading', { name: '3 entreprises' }).waitFor();

    // The map: each result a point of France; hover names it, a click opens its page.
    await page.getByRole('button', { name: 'Carte' }).click();
    await page.getByText('3 entreprises sur la carte.').waitFor();
    const map = page.getByRole('group', { name: 'Carte de France des résultats' });
    assert.equal(await map.locator('.map-departements path').count(), 96);
    const pin = map.getByRole('link', { name: 'Fluidic Caen' });
    await pin.hover();
    await page.getByRole('tooltip').getByText('Fluidic Caen').waitFor();
    await pin.click();
    await page.getByRole('heading', { level: 1, name: 'Fluidic Caen' }).waitFor();
    assert.match(page.url(), /\/n\/club-eti-normandie\/organisations\/[0-9a-f-]{36}$/);

    // The whole club on the map; places with several members group them.
    await page.goto(`/n/${CLUB}/directory?view=map`);
    await page.getByText(/^\d+ entreprises sur la carte\./).waitFor();
    await guideImage(page, 'carte', '.directory-results');
    await checkScreen(page, 'directory-map');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('exports the search as XLSX', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await signIn(page, 'animatrice@demo.meute.fr');
    await page.goto(`/n/${CLUB}/directory?q=microfluidique`);
    await page.getByRole('heading', { name: '3 entreprises' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exporter en XLSX' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^meute-annuaire-club-eti-normandie-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = fs.readFileSync(await download.path());
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an XLSX file is a zip');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows a profile with hidden contacts, edits it and finds the change in search', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await signIn(page, 'dirigeant@demo.meute.fr');
    await page.goto(`/n/${CLUB}`);
    await openDirectory(page);
    await search(page, 'Plastiflex');
    await page.getByRole('link', { name: 'Plastiflex', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Plastiflex' }).waitFor();
    // The NAF path from the section down to the sub-class.
    assert.equal(await page.locator('.naf-path li').count(), 5);
    await page.locator('.naf-path li').last().getByText('22.29A').waitFor();
    const rose = page.locator('.person').filter({ hasText: 'Rose Ressources' });
    await rose.getByText('e-mail masqué').waitFor();
    await rose.getByText('téléphone masqué').waitFor();
    const damien = page.locator('.person').filter({ hasText: 'Damien Dirigeant' });
    await damien.getByRole('link', { name: 'dirigeant@demo.meute.fr' }).waitFor();
    await damien.getByRole('link', { name: '02 33 00 00 01' }).waitFor();

    await page.getByRole('button', { name: 'Modifier la fiche' }).click();
    await page.getByRole('heading', { level: 1, name: 'Modifier : Plastiflex' }).waitFor();
    // The server is the judge of the SIRET: its message lands on the field.
    const siret = page.getByLabel('SIRET');
    const goodSiret = await siret.inputValue();
    await siret.fill('73282932000075');
    await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await page.getByText('Corrigez le champ signalé ci-dessous').waitFor();
    await page.locator('.field-invalid').filter({ has: siret }).locator('.field-error').waitFor();
    await siret.fill(goodSiret);

    // Commune: Argentan; competences: one of the network's list and one in my words; a capacity.
    await page.getByRole('combobox', { name: 'Commune' }).fill('Argentan');
    await page.getByRole('option', { name: /^Argentan/ }).click();
    await page.getByRole('button', { name: 'Usinage de précision', exact: true }).click();
    await page.getByLabel('Autre compétence, en vos mots').fill('Thermoformage');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.getByRole('button', { name: 'Ajouter une capacité' }).click();
    const capacity = page.locator('.edit-row').last();
    await capacity.getByLabel('Équipement').fill('Thermoformeuse grand format');
    await capacity.getByLabel('Quantité').fill('2');
    await capacity.getByLabel('% disponible').fill('30');
    await page.getByRole('button', { name: 'Ajouter une certification' }).click();
    const certification = page
      .locator('.edit-row')
      .filter({ has: page.getByLabel('Date d’échéance') })
      .last();
    await certification.getByLabel('Certification').fill('IATF 16949');
    await certification.getByLabel('Date d’échéance').fill('2021-12-31');
    // The headcount band sets the category.
    await page.getByLabel('Tranche d’effectifs').selectOption({ label: '1 000 à 1 999 salariés' });
    await page.locator('.derived').getByText('ETI (250 à 4 999 salariés)').waitFor();
    // The NAF picker is searched in French and goes down the hierarchy.
    const naf = page.getByRole('combobox', { name: 'Activité (code NAF)' });
    await naf.fill('usinage');
    await page.getByRole('option', { name: /^25\.62\s*Usinage/ }).click();
    await page.getByRole('option', { name: /25\.62B\s*Mécanique industrielle/ }).waitFor();
    await naf.fill('pièces techniques plastiques');
    await page.getByRole('option', { name: /^22\.29A/ }).click();
    await checkScreen(page, 'organisation-edit');
    await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await page.getByText('La fiche est enregistrée').waitFor();
    await page.getByText('Argentan, Orne (61), Normandie').waitFor();
    await page
      .locator('.capacity')
      .filter({ hasText: 'Thermoformeuse grand format' })
      .getByText('30 % disponible')
      .waitFor();
    await page.locator('.chip').filter({ hasText: 'Thermoformage' }).waitFor();
    await page.getByText('expirée depuis le 31 déc. 2021').waitFor();
    await guideImage(page, 'fiche');
    await checkScreen(page, 'organisation');

    // The directory knows at once: by the new words, and by the new place.
    await page.getByRole('link', { name: 'Retour à l’annuaire' }).click();
    await search(page, 'thermoformage');
    await page.getByRole('heading', { name: '1 entreprise' }).waitFor();
    await result(page, 'Plastiflex').getByText('compétence : Thermoformage').waitFor();
    await page.goto(`/n/${CLUB}/directory?q=thermoformage&near=61006&km=10`);
    await page.getByRole('heading', { name: '1 entreprise' }).waitFor();
    await result(page, 'Plastiflex').getByText('à 0 km de Argentan').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('lets each person choose who sees their e-mail and phone', async () => {
    const colleague = await newSession(browser, app.url);
    await signIn(colleague.page, 'rh@plastiflex.example', TEST_PASSWORD);
    await colleague.page.getByRole('link', { name: 'Mon compte' }).first().click();
    await colleague.page.getByRole('heading', { name: 'Coordonnées' }).waitFor();
    await colleague.page.getByLabel('Téléphone', { exact: true }).fill('02 33 11 22 33');
    await colleague.page
      .getByLabel('Qui voit mon téléphone')
      .selectOption({ label: 'Les membres de mes réseaux' });
    assert.equal(await colleague.page.getByLabel('Qui voit mon e-mail').inputValue(), 'nobody');
    await colleague.page.getByRole('button', { name: 'Valider mes coordonnées' }).click();
    await colleague.page.getByText('Vos coordonnées sont enregistrées.').waitFor();
    await guideImage(colleague.page, 'compte');
    await checkScreen(colleague.page, 'account-contact');

    const leader = await newSession(browser, app.url);
    await signIn(leader.page, 'dirigeant@demo.meute.fr');
    await leader.page.goto(`/n/${CLUB}/directory?q=Plastiflex`);
    await leader.page.getByRole('link', { name: 'Plastiflex', exact: true }).click();
    const rose = leader.page.locator('.person').filter({ hasText: 'Rose Ressources' });
    await rose.getByRole('link', { name: '02 33 11 22 33' }).waitFor();
    await rose.getByText('e-mail masqué').waitFor();
    assert.deepEqual([...colleague.problems, ...leader.problems], []);
    await Promise.all([colleague.context.close(), leader.context.close()]);
  });

  it('reads in English too', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await signIn(page, 'batisseur@demo.meute.fr');
    await page.goto('/n/cluster-batiment-rhone/directory?q=isolation&near=69123&km=20');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    await page.getByRole('heading', { name: /^\d+ compan(y|ies)$/ }).waitFor();
    await page
      .getByText(/km from Lyon/)
      .first()
      .waitFor();
    await checkScreen(page, 'directory-en');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Annuaire' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
