import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  browserSkipReason,
  checkScreen,
  launchBrowser,
  newSession,
  type RunningApp,
  signIn,
  startApp,
} from './harness.ts';

const skip = browserSkipReason();

describe('who sees which network', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows federation staff their federation and each of its networks', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await signIn(page, 'federation@demo.meute.fr');
    assert.match(page.url(), /\/n\/france-clusters-demo$/);
    await page.getByRole('heading', { level: 1, name: 'France Clusters (démo)' }).waitFor();
    await page.getByRole('heading', { name: 'Réseaux de la fédération' }).waitFor();
    const cards = page.locator('.network-card');
    assert.equal(await cards.count(), 6);
    await cards.filter({ hasText: 'Club ETI Normandie' }).getByText('50 membres').waitFor();
    await cards.filter({ hasText: 'Alliance Paysage France' }).getByText('17 membres').waitFor();
    const options = await page.getByLabel('Réseau', { exact: true }).locator('option').allTextContents();
    assert.equal(options.length, 7);
    assert.equal(options[0], 'France Clusters (démo)');
    await page.getByRole('link', { name: 'Boîte d’envoi' }).waitFor();
    await checkScreen(page, 'federation');

    await cards.filter({ hasText: 'Cluster Bâtiment Rhône' }).click();
    await page.waitForURL('**/n/cluster-batiment-rhone');
    await page.getByRole('heading', { level: 1, name: 'Cluster Bâtiment Rhône' }).waitFor();
    await page.getByText('Accès en tant qu’équipe de la fédération').waitFor();
    // Federation staff run the federation's networks: they may invite there.
    await page.getByRole('heading', { name: 'Inviter quelqu’un' }).waitFor();
    await page.getByRole('link', { name: 'France Clusters (démo)' }).click();
    await page.waitForURL('**/n/france-clusters-demo');
    await page.getByRole('heading', { level: 1, name: 'France Clusters (démo)' }).waitFor();
    // In a federation, only federation staff can be invited.
    assert.deepEqual(await page.getByLabel('Rôle', { exact: true }).locator('option').allTextContents(), [
      'Équipe de la fédération',
    ]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows a member of one network nothing of another network', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await signIn(page, 'batisseur@demo.meute.fr');
    assert.match(page.url(), /\/n\/cluster-batiment-rhone$/);
    assert.deepEqual(await page.getByLabel('Réseau', { exact: true }).locator('option').allTextContents(), [
      'Cluster Bâtiment Rhône',
    ]);
    await page.getByRole('heading', { level: 1, name: 'Cluster Bâtiment Rhône' }).waitFor();
    // Members do not see the federation: no way into it.
    assert.equal(await page.getByRole('link', { name: 'France Clusters (démo)' }).count(), 0);

    for (const path of ['/n/club-eti-normandie', '/n/club-eti-normandie/directory', '/n/no-such-network']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: 'Réseau introuvable' }).waitFor();
      assert.equal(await page.getByText('Club ETI Normandie').count(), 0, `${path} shows the network's name`);
      assert.equal(
        await page.getByText(/Anne Animatrice|animatrice@demo/).count(),
        0,
        `${path} shows its people`,
      );
    }
    await checkScreen(page, 'network-unavailable');
    const statuses = await page.evaluate(async () =>
      Promise.all(
        ['/api/networks/club-eti-normandie', '/api/networks/club-eti-normandie/people'].map(
          async (url) => (await fetch(url)).status,
        ),
      ),
    );
    assert.deepEqual(statuses, [404, 404]);
    await page.getByRole('link', { name: 'Revenir à mes réseaux' }).click();
    await page.waitForURL('**/n/cluster-batiment-rhone');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('gives the instance administrator every network and the outbox', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await signIn(page, 'admin@demo.meute.fr');
    assert.equal(await page.getByLabel('Réseau', { exact: true }).locator('option').count(), 7);
    await page.getByRole('link', { name: 'Boîte d’envoi' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
