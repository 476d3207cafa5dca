import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  browserSkipReason,
  checkScreen,
  DEMO_PASSWORD,
  guideImage,
  launchBrowser,
  newSession,
  type RunningApp,
  signIn,
  startApp,
} from './harness.ts';

const skip = browserSkipReason();
const CRAON = 'pays-de-craon-entreprises';

describe('S10: a territorial economic project in the Pays de Craon', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('62 firms, their shared needs found, turned into projects, and the indicators for the funders', async () => {
    const staff = await newSession(browser, app.url);
    const desk = staff.page;
    await signIn(desk, 'federation@demo.meute.fr', DEMO_PASSWORD, { landing: /\/n\/|\/$/ });

    // Step 1: the 62 local firms that joined, and the intercommunality itself, in the directory.
    await desk.goto(`/n/${CRAON}/directory`);
    await desk.getByRole('heading', { name: '63 entreprises' }).waitFor();

    // Step 2: the engine found the shared welder, the forklift training and local subcontracting.
    await desk.goto(`/n/${CRAON}/needs`);
    const groups = desk.locator('.need-group');
    await groups.first().waitFor();
    const welder = groups.filter({ hasText: /soudeur/i }).first();
    const caces = groups.filter({ hasText: /CACES/ }).first();
    const subcontracting = groups.filter({ hasText: /sous-trait/i }).first();
    for (const group of [welder, caces, subcontracting]) {
      await group.waitFor();
      const name = (await group.getAttribute('aria-label')) ?? '';
      const count = Number(/(\d+)/.exec(name)?.[1] ?? 0);
      assert.ok(count >= 3, `a shared need of 3 companies or more: ${name}`);
    }
    await checkScreen(desk, 's10-board');

    // Step 3: the welder becomes a collective project with an owner, a budget and a funding source.
    await welder.getByRole('button', { name: 'Créer un projet' }).click();
    await desk.waitForURL(/\/projects\/[0-9a-f-]+$/);
    await desk.getByRole('heading', { level: 1 }).waitFor();
    const projectId = desk.url().split('/').at(-1)!;
    // One of the invited firms accepts (its leader would click "Rejoindre"; the projects test does).
    const { db } = app.database;
    const owner = await db
      .selectFrom('project_members as pm')
      .innerJoin('organisations as o', 'o.id', 'pm.organisation_id')
      .select(['pm.organisation_id', 'o.name'])
      .where('pm.project_id', '=', projectId)
      .orderBy('o.name')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('project_members')
      .set({ status: 'joined' })
      .where('project_id', '=', projectId)
      .where('organisation_id', '=', owner.organisation_id)
      .execute();
    await desk.reload();
    await desk.getByLabel('Entreprise pilote').selectOption({ label: owner.name });
    await desk.getByText('Soudeur à temps partagé').first().waitFor();
    await desk.getByLabel('Libellé', { exact: true }).fill('Salaire du soudeur partagé (un an)');
    await desk.getByLabel('Montant (€)', { exact: true }).fill('42 000');
    await desk.getByRole('button', { name: 'Ajouter la ligne' }).click();
    await desk.getByRole('cell', { name: 'Salaire du soudeur partagé (un an)', exact: true }).waitFor();
    await desk.getByLabel('Type de ligne', { exact: true }).selectOption('funding');
    await desk.getByLabel('Libellé', { exact: true }).fill('Aide au groupement d’employeurs');
    await desk.getByLabel('Montant (€)', { exact: true }).fill('12 000');
    await desk.getByLabel('Financeur', { exact: true }).fill('Région Pays de la Loire');
    await desk.getByLabel('État', { exact: true }).selectOption('requested');
    await desk.getByRole('button', { name: 'Ajouter la ligne' }).click();
    await desk.getByRole('cell', { name: 'Région Pays de la Loire', exact: true }).waitFor();
    const project = await db
      .selectFrom('projects')
      .select('lead_organisation_id')
      .where('id', '=', projectId)
      .executeTakeFirstOrThrow();
    assert.equal(project.lead_organisation_id, owner.organisation_id, 'the owner is recorded');
    await checkScreen(desk, 's10-project');

    // Step 4: the indicators for the public funders, on screen and as files.
    await desk.goto(`/n/${CRAON}/funder-reports`);
    await desk.getByRole('heading', { level: 1, name: 'Rapport aux financeurs' }).waitFor();
    await desk.locator('.funder-card').first().waitFor();
    for (const label of ['Emplois maintenus', 'Personnes formées', 'Achats relocalisés (par an)']) {
      await desk.locator('.funder-card').filter({ hasText: label }).waitFor();
    }
    await checkScreen(desk, 's10-funder-report');
    await guideImage(desk, 'rapport-financeurs');
    await desk.getByLabel('Territoire').selectOption({ label: '53 — Mayenne' });
    await desk.getByRole('button', { name: 'Afficher' }).click();
    await desk.getByRole('heading', { name: /— Mayenne$/ }).waitFor();
    const [download] = await Promise.all([
      desk.waitForEvent('download'),
      desk.getByRole('link', { name: 'Télécharger (PDF)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^rapport-financeurs-pays-de-craon-entreprises-.*\.pdf$/);
    assert.deepEqual(staff.problems, []);
  });
});
