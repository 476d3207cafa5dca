import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  addOrganisation,
  addPerson,
  browserSkipReason,
  checkScreen,
  launchBrowser,
  newSession,
  type RunningApp,
  signIn,
  startApp,
  TEST_PASSWORD,
} from './harness.ts';

const skip = browserSkipReason();
const CLUB = 'club-eti-normandie';

async function openNeeds(page: Page) {
  await page.goto(`/n/${CLUB}`);
  await page
    .getByRole('navigation', { name: 'Navigation du réseau' })
    .getByRole('link', { name: 'Besoins & projets' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Besoins & projets' }).waitFor();
}

async function postNeed(page: Page, title: string, description: string) {
  await page.getByRole('button', { name: 'Déposer un besoin' }).click();
  await page.getByLabel('Intitulé').fill(title);
  await page.getByLabel('En quelques lignes').fill(description);
  await page.getByRole('button', { name: 'Déposer', exact: true }).click();
  await page.getByRole('heading', { level: 3, name: title }).waitFor();
}

describe('needs: three members post, staff see the shared need and create a project', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('goes from three needs in different words to a collective project', async () => {
    const members: [string, string, string, string][] = [
      [
        'dirigeant@demo.meute.fr',
        'Plastiflex',
        'Audit de cybersécurité mutualisé',
        'Faire auditer la sécurité de notre système d’information',
      ],
      [
        'usinage@demo.meute.fr',
        'Usinage du Bocage',
        'Tester la sécurité de notre SI',
        'Un test d’intrusion pour vérifier nos protections informatiques',
      ],
      [
        'fonderie@demo.meute.fr',
        'Fonderie de l’Orne',
        'Pentest commun',
        'Organiser un pentest groupé de nos réseaux informatiques',
      ],
    ];
    for (const [email, name] of members.slice(1)) {
      await addPerson(app, { email, displayName: name, roles: [{ network: CLUB, role: 'member_leader' }] });
      await addOrganisation(app, { name, networks: [CLUB], leaders: [email] });
    }

    // Staff start from an empty board.
    const staff = await newSession(browser, app.url);
    const desk = staff.page;
    await signIn(desk, 'animatrice@demo.meute.fr');
    await openNeeds(desk);
    await desk.getByText('Aucun besoin partagé pour l’instant').waitFor();

    // Each member posts its need, in its own words.
    const problems: string[] = [...staff.problems];
    for (const [index, [email, , title, description]] of members.entries()) {
      const member = await newSession(browser, app.url);
      const page = member.page;
      await signIn(page, email, index === 0 ? undefined : TEST_PASSWORD);
      await openNeeds(page);
      if (index === 0) {
        await page.getByText('Vous n’avez encore rien déposé').waitFor();
        await checkScreen(page, 'needs-empty');
        await page.getByRole('button', { name: 'Déposer un besoin' }).click();
        await checkScreen(page, 'needs-new');
        await page.getByRole('button', { name: 'Annuler' }).click();
      }
      await postNeed(page, title, description);
      // A member never sees the shared-need board.
      assert.equal(await page.getByRole('heading', { name: 'Besoins partagés' }).count(), 0);
      if (index === 2) {
        await page.getByRole('heading', { level: 3, name: members[0]![2] }).waitFor();
        await checkScreen(page, 'needs-member');
        // A member edits its own need, and withdraws another one.
        const card = (title: string) => page.locator('.need-card').filter({ hasText: title });
        await card(title).getByRole('button', { name: 'Modifier' }).click();
        await page.getByLabel('Quantité').fill('5 jours');
        await page.getByRole('button', { name: 'Enregistrer' }).click();
        await card(title).getByText('5 jours').waitFor();
        await postNeed(page, 'Un four de traitement thermique', 'Partager notre four certains jours');
        await card('Un four de traitement thermique').getByRole('button', { name: 'Retirer' }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Retirer' }).click();
        await page
          .getByRole('heading', { level: 3, name: 'Un four de traitement thermique' })
          .waitFor({ state: 'detached' });
      }
      problems.push(...member.problems);
      await member.context.close();
    }

    // The staff's board shows one group of three companies, with its evidence.
    await desk.reload();
    const group = desk.getByRole('listitem', { name: 'Groupe de 3 entreprises' });
    await group.waitFor();
    await group.getByText('3 entreprises partagent ce besoin').waitFor();
    for (const [, name, title] of members) {
      await group.getByText(title, { exact: true }).waitFor();
      await group.getByText(`— ${name}`, { exact: true }).waitFor();
    }
    await group.getByText('Cybersécurité', { exact: true }).waitFor();
    await group.getByText(/^confiance \d+ %$/).waitFor();
    await checkScreen(desk, 'needs-board');

    // One click turns the group into a project that invites the three companies.
    await group.getByRole('button', { name: 'Créer un projet' }).click();
    await desk.waitForURL(/\/projects\/[0-9a-f-]+$/);
    // Named after the notion the needs share.
    await desk.getByRole('heading', { level: 1, name: 'Cybersécurité' }).waitFor();
    for (const [, name] of members) await desk.getByRole('link', { name }).waitFor();
    await desk.getByRole('heading', { name: 'Besoins à l’origine du projet' }).waitFor();
    await desk.getByRole('button', { name: 'Action pilote' }).click();
    await desk.locator('.badge-stage-pilot').waitFor();
    await checkScreen(desk, 'needs-project');

    // The needs now belong to the project: the board is empty again.
    await openNeeds(desk);
    await desk.getByText('Aucun besoin partagé pour l’instant').waitFor();
    await desk.getByRole('link', { name: 'Cybersécurité' }).waitFor();
    assert.deepEqual(problems, []);
    await staff.context.close();
  });
});
