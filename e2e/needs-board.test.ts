import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  addOrganisation,
  browserSkipReason,
  checkScreen,
  guideImage,
  launchBrowser,
  newSession,
  type RunningApp,
  signIn,
  startApp,
} from './harness.ts';

const skip = browserSkipReason();
const CLUB = 'club-eti-normandie';

describe('the shared-need board, taught by staff: split a group, add the network’s synonyms', {
  skip,
}, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('splits a mixed group in two, and groups « flocage » with « sérigraphie » once taught', async () => {
    const { db } = app.database;
    const club = await db
      .selectFrom('networks')
      .select('id')
      .where('slug', '=', CLUB)
      .executeTakeFirstOrThrow();
    const posted: [string, string, string][] = [
      ['Atelier Bessin', 'Audit de cybersécurité mutualisé', 'Faire auditer la sécurité de notre SI'],
      ['Chaudronnerie Vire', 'Tester la sécurité de notre SI', 'Un test d’intrusion de nos protections'],
      ['Mécanique Falaise', 'Pentest commun', 'Un pentest groupé de nos réseaux informatiques'],
      ['Plasturgie Argentan', 'Sécurité informatique', 'Audit de la sécurité du système d’information'],
      ['Textiles Lisieux', 'Flocage des tenues de travail', 'Marquer nos vêtements au logo'],
      ['Menuiserie Bayeux', 'Sérigraphie sur textiles', 'Personnaliser des t-shirts pour nos équipes'],
    ];
    for (const [name, title, description] of posted) {
      const organisationId = await addOrganisation(app, { name, networks: [CLUB] });
      await db
        .insertInto('needs')
        .values({
          network_id: club.id,
          organisation_id: organisationId,
          kind: 'need',
          title,
          description,
          visibility: 'network',
        })
        .execute();
    }
    const staff = await newSession(browser, app.url);
    const desk = staff.page;
    await signIn(desk, 'animatrice@demo.meute.fr');
    await desk.goto(`/n/${CLUB}/needs`);
    const group = desk.getByRole('listitem', { name: 'Groupe de 4 entreprises' });
    await group.waitFor();

    // Split: two needs taken apart stay together.
    await group.getByRole('button', { name: 'Séparer…' }).click();
    await group.getByRole('checkbox', { name: 'Séparer « Pentest commun »' }).check();
    await group.getByRole('checkbox', { name: 'Séparer « Tester la sécurité de notre SI »' }).check();
    await checkScreen(desk, 'needs-board-split');
    await group.getByRole('button', { name: 'Séparer les 2 besoins cochés' }).click();
    await desk.getByRole('listitem', { name: 'Groupe de 2 entreprises' }).first().waitFor();
    assert.equal(await desk.getByRole('listitem', { name: 'Groupe de 4 entreprises' }).count(), 0);

    // « Flocage » and « sérigraphie » are not grouped until staff say they mean the same.
    const textile = desk.locator('.need-group').filter({ hasText: 'Flocage des tenues de travail' });
    assert.equal(await textile.count(), 0);
    await desk.getByRole('button', { name: 'Ajouter des synonymes' }).click();
    await desk.getByLabel('Nom du concept').fill('Marquage textile');
    await desk
      .getByLabel('Termes synonymes')
      .fill('flocage, sérigraphie, marquage textile, tenues, textiles, vêtements, t-shirts');
    await desk.getByRole('button', { name: 'Enregistrer' }).click();
    await desk.getByText('Vocabulaire enregistré.').waitFor();
    await guideImage(desk, 'besoins-vocabulaire', '.thesaurus');
    await desk.reload();
    await textile.first().getByText('Sérigraphie sur textiles', { exact: true }).waitFor();
    await checkScreen(desk, 'needs-board-thesaurus');

    // Removing the synonyms, after confirmation, undoes it.
    await desk.getByRole('button', { name: 'Supprimer' }).click();
    await desk.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
    await desk.getByText('Synonymes supprimés.').waitFor();
    await desk.reload();
    await desk.getByRole('listitem', { name: 'Groupe de 2 entreprises' }).first().waitFor();
    assert.equal(await textile.count(), 0);
    assert.deepEqual(staff.problems, []);
  });
});
