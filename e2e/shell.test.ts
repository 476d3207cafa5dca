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

describe('the shell: sign-in, networks, language, sign-out', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the sign-in page in French, with the API message on a wrong password', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await checkScreen(page, 'sign-in');

    await page.getByLabel('Adresse e-mail').fill('dirigeant@demo.meute.fr');
    await page.getByLabel('Mot de passe', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').filter({ hasText: 'E-mail ou mot de passe incorrect.' }).waitFor();

    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor();
    await checkScreen(page, 'forgot-password');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('signs a leader in, switches between their two networks and remembers the last one', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await signIn(page, 'dirigeant@demo.meute.fr');
    assert.match(page.url(), /\/n\/club-eti-normandie$/);
    await page.getByRole('heading', { level: 1, name: 'Club ETI Normandie' }).waitFor();
    await page.getByText('Compte de démonstration', { exact: true }).waitFor();
    const hero = page.locator('.network-hero');
    await hero.getByText('Membre du bureau').waitFor();
    await hero.getByText('Dirigeant·e adhérent·e').waitFor();
    // A member sees people and roles, not the e-mail addresses of the others, and cannot invite.
    await page.getByRole('heading', { name: /Personnes/ }).waitFor();
    assert.equal(await page.getByText('animatrice@demo.meute.fr').count(), 0);
    assert.equal(await page.getByRole('heading', { name: 'Inviter quelqu’un' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Boîte d’envoi' }).count(), 0);
    await checkScreen(page, 'network-home');

    const switcher = page.getByLabel('Réseau', { exact: true });
    assert.deepEqual(await switcher.locator('option').allTextContents(), [
      'Club ETI Normandie',
      'Cluster Bâtiment Rhône',
    ]);
    await switcher.selectOption({ label: 'Cluster Bâtiment Rhône' });
    await page.waitForURL('**/n/cluster-batiment-rhone');
    await page.getByRole('heading', { level: 1, name: 'Cluster Bâtiment Rhône' }).waitFor();

    // A capability page stays the same capability when the network changes.
    await page
      .getByRole('navigation', { name: 'Navigation du réseau' })
      .getByRole('link', { name: 'Ressources partagées' })
      .click();
    await page.waitForURL('**/n/cluster-batiment-rhone/sharing');
    await page.getByRole('heading', { level: 1, name: 'Ressources partagées' }).waitFor();
    await page.getByText('Bientôt disponible').waitFor();
    await checkScreen(page, 'coming-soon');
    await switcher.selectOption({ label: 'Club ETI Normandie' });
    await page.waitForURL('**/n/club-eti-normandie/sharing');
    // The address changes at once; the screen follows with the next render (a transition).
    await page.locator('nav a[href="/n/club-eti-normandie/directory"]').waitFor();

    // Every capability of the product has its page, none is blank.
    for (const [path, title] of [
      ['directory', 'Annuaire'],
      ['groups', 'Groupes de travail'],
      ['needs', 'Besoins & projets'],
      ['purchasing', 'Achats groupés'],
      ['tenders', 'Appels d’offres'],
      ['alliances', 'Alliances'],
      ['sharing', 'Ressources partagées'],
      ['events', 'Événements'],
      ['federation', 'Fédération'],
      ['territory', 'Territoire'],
    ]) {
      await page
        .getByRole('navigation', { name: 'Navigation du réseau' })
        .getByRole('link', { name: title })
        .click();
      await page.waitForURL(`**/n/club-eti-normandie/${path}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
    }

    await switcher.selectOption({ label: 'Cluster Bâtiment Rhône' });
    await page.waitForURL('**/n/cluster-batiment-rhone/territory');
    await page.goto('/');
    await page.waitForURL('**/n/cluster-batiment-rhone');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('switches the language to English and back, on screen, in <html lang> and in the account', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await signIn(page, 'dirigeant@demo.meute.fr');
    await page.getByRole('link', { name: 'Ressources partagées' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ressources partagées' }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Shared resources' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByText('Coming soon').waitFor();
    await page.getByRole('link', { name: 'Directory' }).waitFor();
    await checkScreen(page, 'coming-soon-en');

    // The choice is kept by the account and survives a reload.
    await page.waitForFunction(
      async () => ((await (await fetch('/api/auth/me')).json()) as { locale: string }).locale === 'en',
    );
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Shared resources' }).waitFor();
    // The API answers in the chosen language too.
    const message = await page.evaluate(
      async () => ((await (await fetch('/api/networks/nowhere')).json()) as { message: string }).message,
    );
    assert.equal(message, 'Network not found.');

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ressources partagées' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    await page.waitForFunction(
      async () => ((await (await fetch('/api/auth/me')).json()) as { locale: string }).locale === 'fr',
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('keeps the language chosen on the sign-in page, and saves it in the account', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await checkScreen(page, 'sign-in-en');
    await page.getByLabel('E-mail address').fill('batisseur@demo.meute.fr');
    await page.getByLabel('Password', { exact: true }).fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The server answers in the chosen language too.
    await page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' }).waitFor();
    await page.getByLabel('Password', { exact: true }).fill('meute-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/n/cluster-batiment-rhone');
    await page
      .getByRole('navigation', { name: 'Network navigation' })
      .getByRole('link', { name: 'Directory' })
      .waitFor();
    const locale = await page.evaluate(
      async () => ((await (await fetch('/api/auth/me')).json()) as { locale: string }).locale,
    );
    assert.equal(locale, 'en');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('changes the display name on the account page', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await signIn(page, 'dirigeant@demo.meute.fr');
    await page.getByRole('button', { name: /Menu du compte/ }).click();
    await page.locator('#user-menu-panel').getByRole('link', { name: 'Mon compte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    await checkScreen(page, 'account');
    await page.getByLabel('Votre nom').fill('Damien D. Dirigeant');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Vos modifications sont enregistrées.').waitFor();
    await page.getByRole('button', { name: /Damien D\. Dirigeant/ }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('collapses the navigation behind a menu button on a phone', async () => {
    const { context, page, problems } = await newSession(browser, app.url, PHONE);
    await signIn(page, 'dirigeant@demo.meute.fr');
    const nav = page.getByRole('navigation', { name: 'Navigation du réseau' });
    assert.equal(await nav.isVisible(), false);
    await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
    await nav.getByRole('link', { name: 'Événements' }).click();
    await page.waitForURL('**/events');
    await page.getByRole('heading', { level: 1, name: 'Événements' }).waitFor();
    assert.equal(await nav.isVisible(), false);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows a 404 page for an unknown address, signed in or not', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await page.goto('/no-such-page');
    await page.getByRole('heading', { name: 'Page introuvable' }).waitFor();
    await signIn(page, 'dirigeant@demo.meute.fr');
    await page.goto('/no-such-page');
    await page.getByRole('heading', { name: 'Page introuvable' }).waitFor();
    await page.getByRole('navigation', { name: 'Navigation du réseau' }).waitFor();
    await checkScreen(page, 'not-found');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('signs out back to the sign-in page, and the session is over', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await signIn(page, 'dirigeant@demo.meute.fr');
    await page.getByRole('button', { name: /Menu du compte/ }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/sign-in');
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    assert.equal(status, 401);
    await page.goto('/n/club-eti-normandie');
    await page.waitForURL(/\/sign-in\?next=/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('goes back to the sign-in page when the session ends on the server', async () => {
    const { context, page, problems } = await newSession(browser, app.url);
    await signIn(page, 'dirigeant@demo.meute.fr');
    await page.getByRole('heading', { level: 1, name: 'Club ETI Normandie' }).waitFor();
    // The page has finished asking the server (its charts are drawn) before the session ends.
    await page.getByRole('heading', { name: 'Les adhérents en un coup d’œil' }).waitFor();
    await app.database.db.deleteFrom('sessions').execute();
    await page.getByLabel('Réseau', { exact: true }).selectOption({ label: 'Cluster Bâtiment Rhône' });
    await page.waitForURL(/\/sign-in\?next=%2Fn%2Fcluster-batiment-rhone$/);
    await signIn(page, 'dirigeant@demo.meute.fr');
    assert.match(page.url(), /\/n\/cluster-batiment-rhone$/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
