import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserSkipReason,
  checkScreen,
  guideImage,
  launchBrowser,
  newSession,
  organisationId,
  type RunningApp,
  signIn,
  startApp,
} from './harness.ts';

const skip = browserSkipReason();
const CLUB = 'club-eti-normandie';
const TITLE = 'Recyclage mutualisé des chutes composites';
const DOCUMENT = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from([0, 1, 2, 250, 251, 252]),
  Buffer.alloc(4096, 65),
]);

async function openPipeline(page: Page) {
  await page.goto(`/n/${CLUB}/needs`);
  await page
    .getByRole('navigation', { name: 'Besoins & projets' })
    .getByRole('link', { name: 'Projets' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Projets collectifs' }).waitFor();
}

const column = (page: Page, stage: string) => page.getByRole('region', { name: new RegExp(`^${stage}`) });

describe('projects: the pipeline by stage and a project’s working files', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets staff move a project along the pipeline, and a member plan, budget and share a document', async () => {
    const { db } = app.database;
    const club = await db
      .selectFrom('networks')
      .select('id')
      .where('slug', '=', CLUB)
      .executeTakeFirstOrThrow();
    const plastiflex = await organisationId(app, 'Plastiflex');
    const project = await db
      .insertInto('projects')
      .values({
        network_id: club.id,
        title: TITLE,
        description: 'Collecter et broyer ensemble les chutes de composite des ateliers.',
        lead_organisation_id: plastiflex,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('project_members')
      .values({ project_id: project.id, organisation_id: plastiflex, network_id: club.id, status: 'joined' })
      .execute();

    // Staff move the card from « Idée » to « Action pilote » with a button.
    const staff = await newSession(browser, app.url);
    const desk = staff.page;
    await signIn(desk, 'animatrice@demo.meute.fr');
    await openPipeline(desk);
    await column(desk, 'Idée').getByRole('link', { name: TITLE }).waitFor();
    await desk.getByRole('button', { name: `Passer « ${TITLE} » à l’étape Action pilote` }).click();
    await column(desk, 'Action pilote').getByRole('link', { name: TITLE }).waitFor();
    assert.equal(await column(desk, 'Idée').getByRole('link', { name: TITLE }).count(), 0);
    await checkScreen(desk, 'projects-pipeline');
    await guideImage(desk, 'projets-etapes');
    // The move is kept, and logged.
    await desk.reload();
    await column(desk, 'Action pilote').getByRole('link', { name: TITLE }).waitFor();
    const logged = await db
      .selectFrom('project_events')
      .select(['from_stage', 'to_stage'])
      .where('project_id', '=', project.id)
      .execute();
    assert.deepEqual(logged, [{ from_stage: 'idea', to_stage: 'pilot' }]);

    // Staff open the project and invite another member company, which shows as invited.
    await desk.getByRole('link', { name: TITLE }).click();
    await desk.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await desk.getByLabel('Inviter une entreprise adhérente').selectOption({ index: 1 });
    await desk.getByRole('button', { name: 'Inviter', exact: true }).click();
    await desk.locator('.project-team').getByText('Invitée').waitFor();
    await checkScreen(desk, 'projects-project-staff');
    await guideImage(desk, 'projet');

    // A member of the lead company opens the project and adds a milestone and a budget line.
    const member = await newSession(browser, app.url);
    const page = member.page;
    await signIn(page, 'dirigeant@demo.meute.fr');
    await openPipeline(page);
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Aucun jalon pour l’instant').waitFor();
    await page.getByLabel('Jalon', { exact: true }).fill('Essais de broyage');
    await page.getByLabel('Échéance', { exact: true }).fill('2030-03-15');
    await page.getByRole('button', { name: 'Ajouter le jalon' }).click();
    await page.getByRole('checkbox', { name: 'Essais de broyage' }).waitFor();

    await page.getByLabel('Libellé', { exact: true }).fill('Broyeur mobile');
    await page.getByLabel('Montant (€)', { exact: true }).fill('48 000');
    await page.getByRole('button', { name: 'Ajouter la ligne' }).click();
    await page.getByRole('cell', { name: 'Broyeur mobile', exact: true }).waitFor();
    const totals = page.locator('.project-totals');
    await totals
      .getByText(/48\s000\s€/)
      .first()
      .waitFor();

    // A funding line without a funder is refused, with the field named in French.
    await page.getByLabel('Type de ligne', { exact: true }).selectOption('funding');
    await page.getByLabel('Libellé', { exact: true }).fill('Subvention');
    await page.getByLabel('Montant (€)', { exact: true }).fill('20 000');
    await page.getByLabel('Financeur', { exact: true }).fill('Région Normandie');
    await page.getByLabel('État', { exact: true }).selectOption('obtained');
    await page.getByRole('button', { name: 'Ajouter la ligne' }).click();
    await page.getByRole('cell', { name: 'Région Normandie', exact: true }).waitFor();
    await page
      .locator('.project-total-gap')
      .getByText(/28\s000\s€/)
      .waitFor();

    // Uploads a document and downloads it back, the same bytes.
    await page.getByLabel('Déposer un document').setInputFiles({
      name: 'Étude de faisabilité.pdf',
      mimeType: 'application/pdf',
      buffer: DOCUMENT,
    });
    const link = page.getByRole('link', { name: 'Étude de faisabilité.pdf' });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), 'Étude de faisabilité.pdf');
    const saved = await download.path();
    assert.ok(fs.readFileSync(saved).equals(DOCUMENT), 'the downloaded file is the uploaded one');
    await checkScreen(page, 'projects-project');

    // Deleting asks first.
    await page.getByRole('button', { name: 'Supprimer « Étude de faisabilité.pdf »' }).click();
    const dialog = page.getByRole('dialog', { name: 'Supprimer ce document ?' });
    await dialog.waitFor();
    await checkScreen(page, 'projects-delete-document', { fullPage: false });
    await dialog.getByRole('button', { name: 'Supprimer' }).click();
    await page.getByText('Aucun document pour l’instant').waitFor();

    // The same screens in English.
    for (const session of [staff, member]) {
      await session.context.addCookies([{ name: 'meute_lang', value: 'en', url: app.url }]);
    }
    await desk.goto(`/n/${CLUB}/projects`);
    await desk.getByRole('heading', { level: 1, name: 'Collective projects' }).waitFor();
    await checkScreen(desk, 'projects-pipeline-en');
    await page.reload();
    await page.getByRole('heading', { name: 'Budget and co-financing' }).waitFor();
    await checkScreen(page, 'projects-project-en');

    assert.deepEqual([...staff.problems, ...member.problems], []);
  });
});
