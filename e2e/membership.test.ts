import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { luhnCheckDigit } from '@meute/domain';
import type { Browser, Page } from 'playwright-core';
import { SIRENE_ETABLISSEMENT_COLUMNS } from '../apps/server/src/modules/imports/sirene-format.ts';
import {
  addPerson,
  browserSkipReason,
  checkScreen,
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

/** A SIRET that passes the check: 13 digits and their Luhn key. */
function siret(first13: string): string {
  return first13 + luhnCheckDigit(first13);
}

async function openMembership(page: Page, tab?: string) {
  await page
    .getByRole('navigation', { name: 'Navigation du réseau' })
    .getByRole('link', { name: 'Adhésions' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Adhésions' }).waitFor();
  if (tab) await page.getByRole('tab', { name: tab }).click();
}

function applicationCard(page: Page, organisation: string) {
  return page.locator('.application').filter({ has: page.getByRole('heading', { name: organisation }) });
}

describe('membership: apply, review, approve or reject, dues, rules, import', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    await addPerson(app, { email: 'paulette@polymeres-bocage.example', displayName: 'Paulette Polymères' });
    await addPerson(app, { email: 'pierre@menuiserie-petit.example', displayName: 'Pierre Petit' });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets a newcomer apply; staff check the size rule, reject one, approve the other; the newcomer is in', async () => {
    const newcomer = await newSession(browser, app.url);
    const page = newcomer.page;
    await signIn(page, 'paulette@polymeres-bocage.example', TEST_PASSWORD, { landing: /\/$/ });
    await page.getByRole('heading', { level: 1, name: 'Bienvenue sur Meute' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Rejoindre un réseau' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rejoindre un réseau' }).waitFor();
    const club = page.locator('.open-network').filter({ hasText: 'Club ETI Normandie' });
    await club.locator('.terms').getByText('2 000 €').waitFor();
    await club.locator('.terms').getByText('250 à 4 999 salariés').waitFor();
    await checkScreen(page, 'join');
    await club.getByRole('link', { name: 'Demander à adhérer à Club ETI Normandie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Adhérer à Club ETI Normandie' }).waitFor();

    // The SIRET is checked as it is typed; the server still decides.
    const good = siret('5098667100001');
    const field = page.getByLabel('SIRET');
    await field.fill(`${good.slice(0, 13)}${(Number(good[13]) + 1) % 10}`);
    await page.getByText('Ce SIRET n’existe pas (clé de contrôle fausse)').waitFor();
    await field.fill(`${good.slice(0, 3)} ${good.slice(3, 6)} ${good.slice(6, 9)} ${good.slice(9)}`);
    await page.getByText('SIRET valide ✓').waitFor();
    await page.getByLabel('Raison sociale').fill('Polymères du Bocage');
    await page.getByLabel('Tranche d’effectifs').selectOption({ label: '250 à 499 salariés' });
    await page.getByText('Conforme à la règle du réseau (250 à 4 999 salariés).').waitFor();
    const naf = page.getByRole('combobox', { name: 'Activité (code NAF)' });
    await naf.fill('matières plastiques');
    await page.getByRole('option', { name: /^22\.29\s/ }).click();
    await page.getByRole('option', { name: /^22\.29A/ }).click();
    assert.match(await naf.inputValue(), /^22\.29A — /);
    await page.getByRole('combobox', { name: 'Commune' }).fill('61100');
    await page.getByRole('option', { name: /^Flers/ }).click();
    await page
      .getByLabel('Message à l’équipe (facultatif)')
      .fill('Nous fabriquons des pièces techniques à Flers.');
    await page.getByRole('heading', { name: 'Charte du réseau — version 1' }).waitFor();
    const submit = page.getByRole('button', { name: 'Envoyer ma demande' });
    assert.equal(await submit.isDisabled(), true, 'the charter must be accepted first');
    await page.getByLabel('J’accepte la charte (version 1)').check();
    await checkScreen(page, 'apply');
    await submit.click();
    await page.getByRole('heading', { level: 1, name: 'Demande envoyée' }).waitFor();
    await page.getByRole('button', { name: 'Retour aux réseaux' }).click();
    await club.getByText(/Demande envoyée le .*, en attente/).waitFor();

    // A second company, too small for the club, applies through the API.
    const other = await newSession(browser, app.url);
    await signIn(other.page, 'pierre@menuiserie-petit.example', TEST_PASSWORD, { landing: /\/$/ });
    const response = await other.page.request.post(`/api/networks/${CLUB}/applications`, {
      headers: { origin: app.url },
      data: {
        organisation: { siret: siret('4123456780001'), name: 'Menuiserie Petit', headcountBand: '11' },
        message: '',
        acceptedCharterVersion: 1,
      },
    });
    assert.equal(response.status(), 201, await response.text());

    // Staff see both, pending first, with the size-rule check.
    const staff = await newSession(browser, app.url);
    const desk = staff.page;
    await signIn(desk, 'animatrice@demo.meute.fr');
    await openMembership(desk);
    const polymeres = applicationCard(desk, 'Polymères du Bocage');
    await polymeres.getByText('conforme', { exact: true }).waitFor();
    await polymeres.getByText('version 1 acceptée').waitFor();
    await polymeres.getByText('Nous fabriquons des pièces techniques à Flers.').waitFor();
    const petit = applicationCard(desk, 'Menuiserie Petit');
    await petit.getByText('hors règle').waitFor();
    await guideImage(desk, 'adhesions');
    await checkScreen(desk, 'membership-applications');

    // Rejecting needs a reason, in a confirmation dialog.
    await petit.getByRole('button', { name: 'Refuser la demande de Menuiserie Petit' }).click();
    const dialog = desk.getByRole('dialog', { name: 'Refuser la demande de Menuiserie Petit ?' });
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Refuser', exact: true });
    assert.equal(await confirm.isDisabled(), true);
    await dialog.getByLabel('Motif du refus').fill('Le club réunit des entreprises de 250 à 4 999 salariés.');
    await checkScreen(desk, 'reject-dialog', { fullPage: false });
    await confirm.click();
    await desk.getByText('La demande de Menuiserie Petit est refusée.').waitFor();
    await petit.getByText('Refusée', { exact: true }).waitFor();
    await petit.getByText('Le club réunit des entreprises de 250 à 4 999 salariés.').waitFor();

    await polymeres.getByRole('button', { name: 'Accepter la demande de Polymères du Bocage' }).click();
    await desk.getByText('Polymères du Bocage est maintenant adhérente.').waitFor();
    await polymeres.getByText('Acceptée', { exact: true }).waitFor();

    // The newcomer now lands in the club.
    await page.goto('/');
    await page.waitForURL(`**/n/${CLUB}`);
    await page.getByRole('heading', { level: 1, name: 'Club ETI Normandie' }).waitFor();
    await page.locator('.network-hero').getByText('Dirigeant·e adhérent·e').waitFor();
    assert.deepEqual(await page.getByLabel('Réseau', { exact: true }).locator('option').allTextContents(), [
      'Club ETI Normandie',
    ]);

    // Staff see the new member, the charter it accepted, and record its entry fee.
    await openMembership(desk, 'Adhérents');
    const row = desk.getByRole('row').filter({ hasText: 'Polymères du Bocage' });
    await row.getByText('Version 1').waitFor();
    await row.getByText(/acceptée par Paulette Polymères le/).waitFor();
    await row.getByRole('button', { name: 'Marquer payé : Droit d’entrée de Polymères du Bocage' }).click();
    await row
      .getByText(/payé le/)
      .first()
      .waitFor();
    await row.getByText('2 000 €').waitFor();
    await desk.getByText(/^Cotisations \d{4} : \d+ payées sur \d+ adhérentes\.$/).waitFor();
    await desk.getByLabel(/^Seulement les cotisations \d{4} non payées$/).check();
    await row.waitFor();
    await checkScreen(desk, 'membership-members');
    assert.deepEqual([...newcomer.problems, ...other.problems, ...staff.problems], []);
    await Promise.all([newcomer.context.close(), other.context.close(), staff.context.close()]);
  });

  it('lets staff change the rules, publish a new charter version and add a competence', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await signIn(page, 'animatrice@demo.meute.fr');
    await openMembership(page, 'Réglages');
    const entryFee = page.getByLabel('Droit d’entrée (€)');
    assert.equal(await entryFee.inputValue(), '2000');
    await entryFee.fill('2 500');
    await page.getByLabel('Au plus').fill('4999');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Les réglages sont enregistrés.').waitFor();

    const charter = page.getByLabel('Texte de la charte');
    await charter.fill(
      `${await charter.inputValue()}\n6. Confidentialité : ce qui se dit au club reste au club.`,
    );
    await page.getByRole('button', { name: 'Publier une nouvelle version' }).click();
    await page.getByText('Version 2 publiée.').waitFor();
    await page.getByText(/^Version 2 en vigueur depuis le/).waitFor();

    await page.getByLabel('Nouvelle compétence').fill('Robotique collaborative');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.locator('.taxonomy .chip').filter({ hasText: 'Robotique collaborative' }).waitFor();
    await checkScreen(page, 'membership-settings');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Adhésions' }).waitFor();
    assert.equal(await page.getByLabel('Droit d’entrée (€)').inputValue(), '2500');

    // The same screens in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Membership' }).waitFor();
    await page.getByRole('tab', { name: 'Settings' }).waitFor();
    await page.getByText('The network accepts membership applications').waitFor();
    await checkScreen(page, 'membership-settings-en');
    await page.getByRole('tab', { name: 'Members' }).click();
    await page.getByText(/^Dues \d{4}: \d+ paid of \d+ members\.$/).waitFor();
    await page.getByRole('tab', { name: 'Applications' }).click();
    await page.getByText('outside the rule').waitFor();
    await checkScreen(page, 'membership-applications-en');
    await page.goto('/join');
    await page.getByRole('heading', { level: 1, name: 'Join a network' }).waitFor();
    await checkScreen(page, 'join-en');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rejoindre un réseau' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('imports a SIRENE file with one bad row: nothing is imported, every bad row is listed; fixed, it becomes the register, where staff take members in', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await signIn(page, 'animatrice@demo.meute.fr');
    const rows = [
      {
        siret: siret('8123456780001'),
        name: 'Fonderie du Houlme',
        commune: '61169',
        naf: '24.51Z',
        band: '32',
      },
      { siret: '81234567900019', name: 'Clé Fausse SAS', commune: '14118', naf: '25.62B', band: '41' },
      {
        siret: siret('8123456810001'),
        name: 'Verrerie de la Bresle',
        commune: '76540',
        naf: '23.13Z',
        band: '41',
      },
    ];
    const lines = [
      SIRENE_ETABLISSEMENT_COLUMNS.join(','),
      ...rows.map((row) =>
        SIRENE_ETABLISSEMENT_COLUMNS.map((column) => {
          const values: Record<string, string> = {
            siren: row.siret.slice(0, 9),
            nic: row.siret.slice(9),
            siret: row.siret,
            etatAdministratifEtablissement: 'A',
            trancheEffectifsEtablissement: row.band,
            codeCommuneEtablissement: row.commune,
            activitePrincipaleEtablissement: row.naf,
            nomenclatureActivitePrincipaleEtablissement: 'NAFRev2',
            denominationUsuelleEtablissement: row.name,
            etablissementSiege: 'true',
          };
          return values[column] ?? '';
        }).join(','),
      ),
    ];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'meute-import-')), 'StockEtablissement.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);

    await openMembership(page, 'Import');
    await page.getByLabel('Stock SIRENE de l’INSEE').check();
    await page.getByLabel('Fichier StockEtablissement (CSV)', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByRole('heading', { name: 'Compte rendu de l’import' }).waitFor();
    await page.getByText('Rien n’a été importé.').waitFor();
    const bad = page.locator('.errors-table tbody tr');
    assert.equal(await bad.count(), 1);
    assert.equal(await bad.locator('td').first().textContent(), '3');
    await bad.getByText(/SIRET/).first().waitFor();
    await checkScreen(page, 'membership-import');
    // Nothing of the file reached the directory.
    await page.goto(`/n/${CLUB}/directory?q=Fonderie%20du%20Houlme`);
    await page.getByText('Aucun résultat — élargissez la recherche').waitFor();

    // Without its bad row, the file becomes the network's SIRENE register: nobody joins yet.
    fs.writeFileSync(file, `${lines.filter((_, i) => i !== 2).join('\n')}\n`);
    await openMembership(page, 'Import');
    await page.getByLabel('Stock SIRENE de l’INSEE').check();
    await page.getByLabel('Fichier StockEtablissement (CSV)', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByText('Import terminé : 2 lignes traitées.').waitFor();
    const inRegister = page.locator('.stat').filter({ hasText: 'Au registre SIRENE' });
    assert.equal(await inRegister.locator('dd').textContent(), '2');
    await page.getByRole('button', { name: 'Ouvrir le registre SIRENE' }).click();
    await page.getByRole('heading', { name: '2 établissements' }).waitFor();
    await page.getByText(/^2 établissements, dont 2 actifs — importé le /).waitFor();

    // Find the glassworks, take it in: it is a member, with its profile in the directory.
    await page.getByLabel('Nom, SIREN ou SIRET').fill('verrerie');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.getByRole('heading', { name: '1 établissement' }).waitFor();
    await page.getByRole('checkbox', { name: 'Choisir Verrerie de la Bresle' }).check();
    await checkScreen(page, 'membership-register');
    await guideImage(page, 'registre-sirene', '.register');
    await page.getByRole('button', { name: 'Ajouter 1 établissement aux adhérents' }).click();
    await page.getByText('1 établissement ajouté aux adhérents.').waitFor();
    await page.locator('.register-table').getByRole('link', { name: 'Adhérent' }).waitFor();
    await page.goto(`/n/${CLUB}/directory?q=Verrerie%20de%20la%20Bresle`);
    await page.getByRole('heading', { name: '1 entreprise' }).waitFor();
    await page.getByRole('link', { name: 'Verrerie de la Bresle' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
