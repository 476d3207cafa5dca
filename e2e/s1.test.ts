import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  addPerson,
  addPersonToOrganisation,
  browserSkipReason,
  launchBrowser,
  newSession,
  organisationId,
  type RunningApp,
  signIn,
  startApp,
  TEST_PASSWORD,
} from './harness.ts';

const skip = browserSkipReason();
const CLUB = 'club-eti-normandie';
const REPORT = 'Tentative de rançongiciel chez nous : ce qui a marché, ce qui a manqué';
const ALERT = 'Campagne de rançongiciel : faux courriels de transporteur';
const NOTE = 'Note blanche — cybersécurité des ETI normandes (plénière de Caen)';

/**
 * Scenario S1, steps 2 to 4, as the people live it: Plastiflex's leader names his IT director
 * on the company page; she joins the confidential Cybersécurité group after accepting its
 * charter, posts her incident report in Chatham House mode and raises an alert to the whole club;
 * another member company acknowledges it; staff follow who has not; a non-member reads nothing
 * of the report; and two IT directors co-write the group's note blanche.
 */
describe('S1: the IT director, the confidential group, the alert and the note blanche', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('runs steps 2–4 of S1 in the browser', async () => {
    const { db } = app.database;
    const dsi = await addPerson(app, {
      email: 'ines.dsi@plastiflex.example.test',
      displayName: 'Inès Moreau',
      roles: [{ network: CLUB, role: 'member_employee' }],
    });
    await addPersonToOrganisation(app, 'Plastiflex', dsi.email, false);
    // The leader of another member company, in no working group.
    const other = await db
      .selectFrom('network_organisations as no')
      .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
      .innerJoin('networks as n', 'n.id', 'no.network_id')
      .select('o.name')
      .where('n.slug', '=', CLUB)
      .where('o.kind', '=', 'company')
      .where('o.name', '<>', 'Plastiflex')
      .orderBy('o.name', 'desc')
      .executeTakeFirstOrThrow();
    const marc = await addPerson(app, {
      email: 'marc.leader@example.test',
      displayName: 'Marc Lemaire',
      roles: [{ network: CLUB, role: 'member_leader' }],
    });
    await addPersonToOrganisation(app, other.name, marc.email, true);

    // Step 2: the leader names his IT director (DSI) in his company's management team.
    const leader = await newSession(browser, app.url);
    await signIn(leader.page, 'dirigeant@demo.meute.fr');
    await leader.page.goto(`/n/${CLUB}/organisations/${await organisationId(app, 'Plastiflex')}`);
    const ines = leader.page.getByRole('listitem').filter({ hasText: 'Inès Moreau' });
    await ines.getByLabel('Rôle au CODIR').selectOption('it');
    await ines.getByText('Rôle enregistré.').waitFor();

    // She joins Cybersécurité (open to IT directors) after accepting its charter.
    const it = await newSession(browser, app.url);
    const page = it.page;
    await signIn(page, dsi.email, TEST_PASSWORD);
    await page.goto(`/n/${CLUB}/groups`);
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Cybersécurité', exact: true }) });
    await card.getByRole('link', { name: 'Rejoindre' }).click();
    const charter = page.getByRole('dialog', { name: 'Charte du groupe « Cybersécurité »' });
    await charter.getByLabel('J’ai lu la charte et je l’accepte').check();
    await charter.getByRole('button', { name: 'Accepter et entrer' }).click();
    await page.getByRole('tab', { name: 'Discussions', selected: true }).waitFor();

    // Step 3: her incident report, in Chatham House mode.
    const composer = page.getByRole('form', { name: 'Nouveau fil' });
    await composer.getByLabel('Type').selectOption('report');
    await composer.getByLabel('Titre').fill(REPORT);
    await composer
      .getByLabel('Message')
      .fill(
        'Un faux courriel de transporteur, une macro, des postes chiffrés en **40 minutes**. Les sauvegardes hors ligne nous ont sauvés.',
      );
    await composer.getByLabel('Mode Chatham House').check();
    await composer.getByRole('button', { name: 'Publier' }).click();
    await page.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: REPORT }).waitFor();

    // … and her alert to the whole club, with what to check now.
    await page.goto(`/n/${CLUB}/alerts`);
    await page.getByRole('button', { name: 'Lancer une alerte' }).click();
    await page.getByLabel('Titre', { exact: true }).fill(ALERT);
    await page
      .getByLabel("Ce qui s'est passé")
      .fill('Des courriels « avis de passage » de transporteur portent une macro qui chiffre les postes.');
    await page
      .getByLabel('À vérifier maintenant')
      .fill('Bloquer les macros des pièces jointes\nVérifier les sauvegardes hors ligne');
    await page.getByRole('button', { name: "Envoyer l'alerte à tout le réseau" }).click();
    await page.getByText("L'alerte est envoyée à tout le réseau.").waitFor();

    // Another member company acknowledges it from the banner; it cannot read the report.
    const member = await newSession(browser, app.url);
    await signIn(member.page, marc.email, TEST_PASSWORD);
    const banner = member.page.locator('.alert-banner-item', { hasText: ALERT });
    await banner.getByRole('button', { name: 'Accuser réception' }).click();
    await banner.waitFor({ state: 'detached' });
    await member.page.goto(`/n/${CLUB}/groups/cybersecurite?tab=discussions`);
    await member.page.getByText('Contenu réservé aux membres du groupe').waitFor();
    assert.equal(await member.page.getByText(REPORT).count(), 0);

    // Staff follow the acknowledgements: Marc's company has answered.
    const staff = await newSession(browser, app.url);
    await signIn(staff.page, 'animatrice@demo.meute.fr');
    await staff.page.goto(`/n/${CLUB}/alerts`);
    const followUp = staff.page.locator('.alert-card', { hasText: ALERT });
    await followUp.getByRole('button', { name: 'Voir le suivi' }).click();
    await followUp.getByRole('heading', { name: /Pas encore de réponse/ }).waitFor();
    await followUp.getByRole('heading', { name: 'Ont accusé réception (2)' }).waitFor();
    await followUp
      .getByRole('listitem')
      .filter({ hasText: other.name })
      .getByText(/Marc Lemaire/)
      .waitFor();

    // Step 4: the group co-writes its note blanche — Inès and a fellow IT director of the group.
    const fellow = await db
      .selectFrom('group_members as gm')
      .innerJoin('working_groups as g', 'g.id', 'gm.group_id')
      .innerJoin('people as p', 'p.id', 'gm.person_id')
      .select(['p.id', 'p.email', 'p.display_name'])
      .where('g.slug', '=', 'cybersecurite')
      .where('gm.status', '=', 'active')
      .where('p.email', 'like', '%@groupes.demo.meute.fr')
      .orderBy('p.email')
      .executeTakeFirstOrThrow();
    const { password_hash } = await db
      .selectFrom('people')
      .select('password_hash')
      .where('id', '=', dsi.id)
      .executeTakeFirstOrThrow();
    await db.updateTable('people').set({ password_hash }).where('id', '=', fellow.id).execute();
    const colleague = await newSession(browser, app.url);
    await signIn(colleague.page, fellow.email, TEST_PASSWORD);

    await saveNote(colleague.page, 'Vu lors de la plénière : tester la restauration une fois par trimestre.');
    await saveNote(page, 'Inès : bloquer les macros par stratégie de groupe, sans exception.');
    await page.getByRole('tab', { name: 'Historique' }).click();
    const versions = page.getByRole('list', { name: 'Versions de la note' });
    await versions.getByText('Inès Moreau').first().waitFor();
    await versions.getByText(fellow.display_name).first().waitFor();
  });
});

/** Opens the group's note blanche, adds a paragraph and saves it as a new version. */
async function saveNote(page: Page, paragraph: string) {
  await page.goto(`/n/${CLUB}/groups/cybersecurite?tab=note`);
  await page.getByRole('button', { name: NOTE }).click();
  await page.getByRole('heading', { level: 2, name: NOTE }).waitFor();
  await page.getByRole('tab', { name: 'Modifier' }).click();
  const text = page.getByLabel('Texte (Markdown)');
  await text.fill(`${await text.inputValue()}\n\n${paragraph}`);
  await page.getByRole('button', { name: /^Enregistrer \(sur la version \d+\)$/ }).click();
  await page.getByText(/Enregistré : version \d+\./).waitFor();
}
