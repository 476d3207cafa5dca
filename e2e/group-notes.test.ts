import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  addPerson,
  addPersonToOrganisation,
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
const NOTE = 'Note blanche — cybersécurité des ETI normandes (plénière de Caen)';

/** Two IT directors of the club, active members of the Cybersécurité group on its current charter. */
async function addGroupMember(app: RunningApp, email: string, displayName: string) {
  const person = await addPerson(app, {
    email,
    displayName,
    roles: [{ network: CLUB, role: 'member_employee' }],
  });
  const { db } = app.database;
  const group = await db
    .selectFrom('working_groups as g')
    .innerJoin('networks as n', 'n.id', 'g.network_id')
    .select('g.id')
    .where('n.slug', '=', CLUB)
    .where('g.slug', '=', 'cybersecurite')
    .executeTakeFirstOrThrow();
  const charter = await db
    .selectFrom('group_charters')
    .select(({ fn }) => fn.max('version').as('version'))
    .where('group_id', '=', group.id)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('group_members')
    .values({
      group_id: group.id,
      person_id: person.id,
      status: 'active',
      charter_version: Number(charter.version),
      charter_accepted_at: new Date(),
      joined_at: new Date(),
    })
    .execute();
  return person;
}

async function openNote(page: Page) {
  await page.goto(`/n/${CLUB}/groups/cybersecurite?tab=note`);
  await page.getByRole('button', { name: NOTE }).click();
  await page.getByRole('heading', { level: 2, name: NOTE }).waitFor();
}

describe('the note blanche and questions to peers in the browser', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    await addGroupMember(app, 'sandrine.dsi@example.test', 'Sandrine Poulain');
    await addGroupMember(app, 'gael.dsi@example.test', 'Gaël Tanguy');
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets two members co-edit the note: the second gets the conflict, reloads, re-applies; history shows both', async () => {
    const sandrine = await newSession(browser, app.url);
    const gael = await newSession(browser, app.url);
    await signIn(sandrine.page, 'sandrine.dsi@example.test', TEST_PASSWORD);
    await signIn(gael.page, 'gael.dsi@example.test', TEST_PASSWORD);
    await openNote(sandrine.page);
    await openNote(gael.page);
    await sandrine.page.getByText('Version 4 —').first().waitFor();
    await guideImage(sandrine.page, 'note-blanche');

    // Both open the editor on version 4.
    for (const page of [sandrine.page, gael.page]) await page.getByRole('tab', { name: 'Modifier' }).click();
    const sandrineText = sandrine.page.getByLabel('Texte (Markdown)');
    await sandrineText.fill(
      `${await sandrineText.inputValue()}\n\nSandrine : ajouter le retour des assureurs.`,
    );
    await sandrine.page.getByLabel('Résumé de vos modifications (facultatif)').fill('Assureurs');
    await sandrine.page.getByRole('button', { name: 'Enregistrer (sur la version 4)' }).click();
    await sandrine.page.getByText('Enregistré : version 5.').waitFor();

    // Gaël saves on version 4: refused, nothing overwritten, Sandrine's change shown.
    const gaelText = gael.page.getByLabel('Texte (Markdown)');
    await gaelText.fill(`${await gaelText.inputValue()}\n\nGaël : prévoir un exercice en mars.`);
    await gael.page.getByRole('button', { name: 'Enregistrer (sur la version 4)' }).click();
    const conflict = gael.page.getByRole('alert').filter({ hasText: 'rien n’a été écrasé' });
    await conflict.waitFor();
    await conflict.getByText('Modifiée depuis par : Sandrine Poulain (version actuelle : 5).').waitFor();
    await conflict.locator('ins', { hasText: 'Sandrine : ajouter le retour des assureurs.' }).waitFor();
    await guideImage(gael.page, 'note-conflit', '.note-conflict');

    // Reload and re-apply: the editor starts from version 5, Gaël's own text kept beside it.
    await gael.page.getByRole('button', { name: 'Recharger et réappliquer mes modifications' }).click();
    assert.match(await gaelText.inputValue(), /Sandrine : ajouter le retour des assureurs/);
    await gaelText.fill(`${await gaelText.inputValue()}\n\nGaël : prévoir un exercice en mars.`);
    await gael.page.getByRole('button', { name: 'Enregistrer (sur la version 5)' }).click();
    await gael.page.getByText('Enregistré : version 6.').waitFor();

    // The history lists both saves; version 6 compared with 5 shows Gaël's line added.
    await gael.page.getByRole('tab', { name: 'Historique' }).click();
    const versions = gael.page.getByRole('list', { name: 'Versions de la note' });
    await versions.getByText('Gaël Tanguy').first().waitFor();
    await versions.getByText('Sandrine Poulain').first().waitFor();
    await versions.getByText('« Assureurs »').waitFor();
    await gael.page.locator('.note-diff-added', { hasText: 'Gaël : prévoir un exercice en mars.' }).waitFor();
    await gael.page.getByRole('button', { name: /^v5/ }).click();
    await gael.page
      .locator('.note-diff-added', { hasText: 'Sandrine : ajouter le retour des assureurs.' })
      .waitFor();
    await checkScreen(gael.page, 'group-note-history');
    await guideImage(gael.page, 'note-historique');

    // The same screen in English.
    await gael.context.addCookies([{ name: 'meute_lang', value: 'en', url: app.url }]);
    await openNote(gael.page);
    await gael.page.getByRole('tab', { name: 'History' }).click();
    await gael.page.getByRole('list', { name: 'Versions of the note' }).waitFor();
    await gael.page.getByText('From version 5 to version 6').waitFor();
    await checkScreen(gael.page, 'group-note-history-en');
    await sandrine.context.close();
    await gael.context.close();
  });

  it('lets a member ask the peers, see why each is suggested, route it; the peer answers; the asker reads it', async () => {
    await addPerson(app, {
      email: 'remi.erp@example.test',
      displayName: 'Rémi Castel',
      roles: [{ network: CLUB, role: 'member_employee' }],
    });
    await addPersonToOrganisation(app, 'Plastiflex', 'remi.erp@example.test', false);
    await app.database.db
      .updateTable('person_organisations')
      .set({ job_title: 'Chef de projet ERP' })
      .where('person_id', 'in', (eb) =>
        eb.selectFrom('people').select('id').where('email', '=', 'remi.erp@example.test'),
      )
      .execute();

    const asker = await newSession(browser, app.url);
    await signIn(asker.page, 'dirigeant@demo.meute.fr');
    await asker.page.goto(`/n/${CLUB}/questions`);
    await asker.page.getByRole('tab', { name: 'Poser une question' }).click();
    await asker.page.getByLabel('Votre question').fill('Qui a déjà changé de progiciel de gestion intégré ?');
    await asker.page.getByLabel('Contexte (facultatif)').fill('Fin de support de notre ERP en 2027.');
    await asker.page.getByRole('button', { name: 'Voir qui peut répondre' }).click();
    const remi = asker.page.locator('.peer-suggestion', { hasText: 'Rémi Castel' });
    await remi.getByText('fonction : Chef de projet ERP').waitFor();
    // Only Rémi: the others suggested are unticked.
    const ticked = asker.page.locator('.peer-suggestion input:checked');
    while ((await ticked.count()) > 0) await ticked.first().uncheck();
    await remi.getByRole('checkbox').check();
    await guideImage(asker.page, 'questions-suggestions', '.ask-form');
    await asker.page.getByRole('button', { name: 'Envoyer la question à 1 personne' }).click();
    await asker.page
      .getByRole('heading', { name: 'Qui a déjà changé de progiciel de gestion intégré ?' })
      .waitFor();
    await asker.page.getByText('Suggéré·e parce que : fonction : Chef de projet ERP').waitFor();

    const peer = await newSession(browser, app.url);
    await signIn(peer.page, 'remi.erp@example.test', TEST_PASSWORD);
    await peer.page.goto(`/n/${CLUB}/questions`);
    await peer.page.getByRole('tab', { name: /Questions pour moi/ }).click();
    await peer.page
      .getByRole('button', { name: 'Qui a déjà changé de progiciel de gestion intégré ?' })
      .click();
    await peer.page
      .getByLabel('Votre réponse')
      .fill('Oui : passage à Divalto en 2024, 14 mois. Nettoyez vos articles avant.');
    await guideImage(peer.page, 'questions-repondre');
    await peer.page.getByRole('button', { name: 'Répondre' }).click();
    await peer.page.getByText('Votre réponse est envoyée').waitFor();

    await asker.page.reload();
    await asker.page.getByText('Oui : passage à Divalto en 2024, 14 mois.').waitFor();
    await asker.page.locator('.question-status-answered').first().waitFor();
    await checkScreen(asker.page, 'peer-question-answered');
    await guideImage(asker.page, 'questions-reponse');
    await asker.context.close();
    await peer.context.close();
  });

  it('tells a member of the club why they cannot post an offer (no business between members)', async () => {
    const member = await newSession(browser, app.url);
    await signIn(member.page, 'dirigeant@demo.meute.fr');
    await member.page.goto(`/n/${CLUB}/needs`);
    await member.page.getByRole('button', { name: 'Déposer un besoin' }).click();
    await member.page.getByText('Ce réseau a pour règle : pas de commerce entre membres.').waitFor();
    assert.equal(await member.page.getByRole('radio', { name: /^Offre/ }).count(), 0);
    await member.page.getByRole('radio', { name: /^Besoin/ }).waitFor();
    await guideImage(member.page, 'pas-de-commerce', '.no-business-notice');
    await member.context.close();
  });
});
