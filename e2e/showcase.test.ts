import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  browserSkipReason,
  checkScreen,
  launchBrowser,
  newSession,
  PHONE,
  type RunningApp,
  signIn,
  startApp,
} from './harness.ts';

const skip = browserSkipReason();
const CLUB = 'club-eti-normandie';

describe('showcase: staff publish, a member opts in, a buyer finds it without an account', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('goes from publication and consent to a public search', async () => {
    // Nothing is public before the network publishes.
    const early = await fetch(`${app.url}/api/showcase/${CLUB}`);
    assert.equal(early.status, 404);

    // Staff write the text and publish, after a confirmation.
    const staff = await newSession(browser, app.url);
    const desk = staff.page;
    await signIn(desk, 'animatrice@demo.meute.fr');
    await desk.goto(`/n/${CLUB}/directory`);
    await desk.getByRole('link', { name: 'Vitrine publique' }).click();
    await desk.getByRole('heading', { level: 1, name: 'Vitrine publique' }).waitFor();
    const settings = desk.locator('section.showcase-settings');
    await settings.getByText('Non publiée').waitFor();
    await settings.getByLabel('Accroche (français)').fill('Les industriels normands, ensemble');
    await settings.getByLabel('Accroche (anglais)').fill('Normandy’s manufacturers, together');
    await settings.getByLabel('Adresse de contact publique du réseau').fill('pas-une-adresse');
    await settings.getByRole('button', { name: 'Enregistrer le texte' }).click();
    await settings.locator('.field-error').first().waitFor();
    await settings
      .getByLabel('Adresse de contact publique du réseau')
      .fill('contact@club-eti-normandie.example');
    await settings.getByRole('button', { name: 'Enregistrer le texte' }).click();
    await settings.getByText('Vitrine enregistrée.').waitFor();
    // Staff preview the page before anyone else sees it.
    await settings.getByRole('link', { name: 'Aperçu de la vitrine' }).click();
    await desk.getByText(/^Aperçu : tant qu’elle n’est pas publiée/).waitFor();
    await desk.getByRole('heading', { level: 1, name: 'Club ETI Normandie' }).waitFor();
    await desk.getByText('Aucune entreprise ne présente encore sa fiche sur cette vitrine.').waitFor();
    await checkScreen(desk, 'showcase-preview');
    await desk.getByRole('link', { name: 'Retour aux réglages' }).click();
    await settings.getByRole('button', { name: 'Publier la vitrine' }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByText(/visible de tous, sans compte/).waitFor();
    await checkScreen(desk, 'showcase-publish', { fullPage: false });
    await dialog.getByRole('button', { name: 'Publier la vitrine' }).click();
    await settings.getByText('Vitrine publiée.').waitFor();
    await settings.getByText('0 entreprise sur', { exact: false }).waitFor();
    await checkScreen(desk, 'showcase-settings');
    assert.deepEqual(staff.problems, []);

    // Published, but no company has opted in: the page shows no company.
    const before = (await (await fetch(`${app.url}/api/showcase/${CLUB}`)).json()) as {
      companies: unknown[];
    };
    assert.deepEqual(before.companies, []);

    // Plastiflex's leader opts in for its name, competences and commune.
    const member = await newSession(browser, app.url);
    const leader = member.page;
    await signIn(leader, 'dirigeant@demo.meute.fr');
    await leader.goto(`/n/${CLUB}/showcase`);
    const consent = leader.locator('form.showcase-consent-form', { hasText: 'Plastiflex' });
    await consent.getByLabel('Nom, présentation et site web').check();
    await consent.getByLabel('Compétences').check();
    await consent.getByLabel('Localisation').selectOption('commune');
    await consent.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await consent.getByText('Choix enregistrés pour Plastiflex.').waitFor();
    await checkScreen(leader, 'showcase-consent');
    assert.deepEqual(member.problems, []);

    // An anonymous buyer, in a fresh browser, finds Plastiflex by a word of its competences.
    const visitor = await newSession(browser, app.url);
    const page = visitor.page;
    await page.goto(`/vitrine/${CLUB}`);
    await page.getByRole('heading', { level: 1, name: 'Club ETI Normandie' }).waitFor();
    await page.getByText('Les industriels normands, ensemble').waitFor();
    assert.equal(
      await page.getByRole('link', { name: 'Contacter le réseau' }).getAttribute('href'),
      'mailto:contact@club-eti-normandie.example',
    );
    await page.getByLabel('Mots-clés').fill('injectée');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.getByText('1 entreprise correspond').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Plastiflex' }).waitFor();
    assert.match(page.url(), /\?q=inject%C3%A9e$/);
    // Certifications were not consented: ISO 14001 (Plastiflex's) appears nowhere on the page.
    assert.equal(await page.getByText('ISO 14001').count(), 0);
    await checkScreen(page, 'showcase-public');
    await page.getByLabel('Mots-clés').fill('chaudronnerie aéronautique');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.getByText('Aucune entreprise ne correspond à cette recherche.').waitFor();
    assert.deepEqual(visitor.problems, []);

    // In English, at phone width.
    const english = await newSession(browser, app.url, PHONE);
    await english.context.addCookies([{ name: 'meute_lang', value: 'en', url: app.url }]);
    await english.page.goto(`/vitrine/${CLUB}?q=injection`);
    await english.page.getByText('Normandy’s manufacturers, together').waitFor();
    await english.page.getByRole('heading', { level: 3, name: 'Plastiflex' }).waitFor();
    await checkScreen(english.page, 'showcase-public-en');

    // Withdrawn: an unknown network and an unpublished one look the same.
    await settings.getByRole('button', { name: 'Retirer la vitrine' }).click();
    await dialog.getByRole('button', { name: 'Retirer la vitrine' }).click();
    await settings.getByText('Vitrine retirée.').waitFor();
    await page.goto(`/vitrine/${CLUB}`);
    await page.getByRole('heading', { name: 'Vitrine introuvable' }).waitFor();
    await checkScreen(page, 'showcase-gone');
  });
});
