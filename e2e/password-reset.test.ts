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

describe('forgotten password: the link by mail, a new password, sign-in', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('resets a password through the link that the instance administrator reads in the outbox', async () => {
    const member = await newSession(browser, app.url);
    const page = member.page;
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByLabel('Adresse e-mail').fill('batisseur@demo.meute.fr');
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await page
      .getByText(
        'Si un compte existe pour batisseur@demo.meute.fr, un lien de réinitialisation vient de lui être envoyé.',
      )
      .waitFor();
    await checkScreen(page, 'forgot-password-sent');

    // An unknown address gets the very same answer: nobody learns who has an account.
    const stranger = await newSession(browser, app.url);
    await stranger.page.goto('/forgot-password');
    await stranger.page.getByLabel('Adresse e-mail').fill('personne@exemple.fr');
    await stranger.page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await stranger.page.getByText('Si un compte existe pour personne@exemple.fr').waitFor();

    const admin = await newSession(browser, app.url);
    await signIn(admin.page, 'admin@demo.meute.fr');
    await admin.page.getByRole('link', { name: 'Boîte d’envoi' }).click();
    const mail = admin.page.locator('.mail').filter({ hasText: 'batisseur@demo.meute.fr' });
    await mail.getByRole('heading', { name: 'Réinitialiser votre mot de passe Meute' }).waitFor();
    const link = await mail.getByRole('link', { name: /reset-password\?token=/ }).getAttribute('href');
    assert.ok(link, 'the mail has a link');
    assert.ok(link?.startsWith(`${app.url}/reset-password?token=`), `unexpected link ${link}`);

    await page.goto(link);
    await page.getByRole('heading', { name: 'Choisir un nouveau mot de passe' }).waitFor();
    await checkScreen(page, 'reset-password');
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('court');
    await page.getByLabel('Confirmez le mot de passe').fill('court');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByText('Le mot de passe doit contenir au moins 10 caractères.').waitFor();
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('le nouveau mot de passe');
    await page.getByLabel('Confirmez le mot de passe').fill('un autre mot de passe');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByText('Les deux mots de passe ne sont pas identiques.').waitFor();
    await page.getByLabel('Confirmez le mot de passe').fill('le nouveau mot de passe');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByText('Votre mot de passe a été changé.').waitFor();
    await page.getByRole('link', { name: 'Se connecter' }).click();

    await page.getByLabel('Adresse e-mail').fill('batisseur@demo.meute.fr');
    await page.getByLabel('Mot de passe', { exact: true }).fill('meute-demo-2026');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').filter({ hasText: 'E-mail ou mot de passe incorrect.' }).waitFor();
    await page.getByLabel('Mot de passe', { exact: true }).fill('le nouveau mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/n/cluster-batiment-rhone');

    // The link was for one use.
    const again = await newSession(browser, app.url);
    await again.page.goto(link);
    await again.page.getByLabel('Nouveau mot de passe', { exact: true }).fill('encore un autre mot de passe');
    await again.page.getByLabel('Confirmez le mot de passe').fill('encore un autre mot de passe');
    await again.page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await again.page
      .getByRole('alert')
      .filter({ hasText: 'Ce lien de réinitialisation est invalide ou expiré.' })
      .waitFor();

    assert.deepEqual([...member.problems, ...stranger.problems, ...admin.problems, ...again.problems], []);
    for (const session of [member, stranger, admin, again]) await session.context.close();
  });

  it('explains a reset link without its token', async () => {
    const visitor = await newSession(browser, app.url);
    await visitor.page.goto('/reset-password');
    await visitor.page.getByText('Ce lien est incomplet').waitFor();
    await visitor.page.getByRole('link', { name: 'Demander un nouveau lien' }).waitFor();
    assert.deepEqual(visitor.problems, []);
    await visitor.context.close();
  });
});
