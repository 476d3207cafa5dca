import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserSkipReason,
  checkScreen,
  launchBrowser,
  newSession,
  ROOT,
  type RunningApp,
  signIn,
  startApp,
} from './harness.ts';

const skip = browserSkipReason();
const CLUB = 'club-eti-normandie';
const TITLE = 'Réhabilitation du collège Jean Moulin';

async function openTenders(page: Page) {
  await page
    .getByRole('navigation', { name: 'Navigation du réseau' })
    .getByRole('link', { name: 'Appels d’offres' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Appels d’offres' }).waitFor();
}

describe('joint tenders: enter, import, compose a grouping', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('enters a tender by hand and composes the grouping that covers it', async () => {
    const { db } = app.database;
    // Two competences held by two different member companies of the club.
    const held = await db
      .selectFrom('organisation_competences as oc')
      .innerJoin('competences as c', 'c.id', 'oc.competence_id')
      .innerJoin('network_organisations as no', 'no.organisation_id', 'oc.organisation_id')
      .innerJoin('networks as n', 'n.id', 'no.network_id')
      .innerJoin('organisations as o', 'o.id', 'oc.organisation_id')
      .select(['c.label', 'oc.organisation_id'])
      .where('n.slug', '=', CLUB)
      .where('o.kind', '=', 'company')
      .orderBy('c.label')
      .execute();
    const first = held[0]!;
    const second = held.find(
      (row) => row.organisation_id !== first.organisation_id && row.label !== first.label,
    )!;
    assert.ok(first && second, 'the demo club has two companies with different competences');

    const { page } = await newSession(browser, app.url);
    await signIn(page, 'animatrice@demo.meute.fr');
    await openTenders(page);
    await page.getByText('Aucun appel d’offres pour l’instant').waitFor();
    await checkScreen(page, 'tenders-empty');

    await page.getByRole('button', { name: 'Saisir un appel d’offres' }).click();
    await page.getByLabel('Intitulé', { exact: true }).fill(TITLE);
    await page.getByLabel('Acheteur').fill('Département du Calvados');
    await page.getByLabel('Intitulé du lot').fill('Lot unique : corps d’état');
    await page.getByLabel('Compétence', { exact: true }).selectOption({ label: first.label });
    await page.getByRole('button', { name: 'Ajouter une exigence' }).click();
    await page.getByLabel('Compétence', { exact: true }).nth(1).selectOption({ label: second.label });
    await checkScreen(page, 'tenders-new');
    await page.getByRole('button', { name: 'Enregistrer l’appel d’offres' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText(first.label).first().waitFor();

    await page.getByRole('button', { name: 'Composer un groupement' }).click();
    await page.getByRole('heading', { name: /^Groupement n° 1/ }).waitFor({ timeout: 20_000 });
    await page.getByRole('table', { name: 'Couverture des exigences' }).first().waitFor();
    await checkScreen(page, 'tenders-grouping');

    // The list shows it.
    await openTenders(page);
    await page.getByRole('link', { name: TITLE }).waitFor();
  });

  it('imports an eForms notice, and refuses a broken file naming the line', async () => {
    const { page } = await newSession(browser, app.url);
    await signIn(page, 'animatrice@demo.meute.fr');
    await openTenders(page);
    await page.getByRole('button', { name: 'Importer un avis (eForms ou BOAMP)' }).click();
    await page.getByLabel('Fichier de l’avis (XML eForms ou JSON BOAMP)').setInputFiles({
      name: 'avis.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from('<?xml version="1.0"?>\n<ContractNotice>\n  <a></b>\n</ContractNotice>'),
    });
    await page.getByRole('button', { name: 'Importer l’avis' }).click();
    await page.getByText(/ligne 3/).waitFor();
    await page
      .getByLabel('Fichier de l’avis (XML eForms ou JSON BOAMP)')
      .setInputFiles(`${ROOT}/packages/domain/src/tenders/fixtures/cn_24_minimal.xml`);
    await page.getByRole('button', { name: 'Importer l’avis' }).click();
    await page.getByRole('heading', { level: 2, name: 'Lots et exigences' }).waitFor();
    await page.getByText('importé d’eForms').waitFor();

    // A BOAMP notice of the open data, its place a département.
    await openTenders(page);
    await page.getByRole('button', { name: 'Importer un avis (eForms ou BOAMP)' }).click();
    await page.getByLabel('Fichier de l’avis (XML eForms ou JSON BOAMP)').setInputFiles({
      name: 'boamp.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          idweb: '26-104512',
          objet: 'Maintenance des chaudières des écoles',
          nomacheteur: 'Ville de Caen',
          datelimitereponse: '2030-01-15T12:00:00+01:00',
          code_departement: ['14'],
          descripteur_libelle: ['Chauffage'],
        }),
      ),
    });
    await page.getByRole('button', { name: 'Importer l’avis' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maintenance des chaudières des écoles' }).waitFor();
    await page.getByText('importé du BOAMP').waitFor();
  });
});
