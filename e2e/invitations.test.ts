import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserSkipReason,
  checkScreen,
  latestMailTo,
  launchBrowser,
  linkIn,
  newSession,
  type RunningApp,
  signIn,
  startApp,
} from './harness.ts';

const skip = browserSkipReason();

async function invite(page: Page, email: string, role: string) {
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Rôle', { exact: true }).selectOption({ label: role });
  await page.getByRole('button', { name: 'Inviter', exact: true }).click();
  await page.getByText(`Invitation envoyée à ${email}.`).waitFor();
}

function invitationRow(page: Page, email: string) {
  return page.locator('.invitation').filter({ hasText: email });
}

describe('invitations: staff invite, the outbox shows the mail, the invitee joins', { skip }, () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets a newcomer join through the link of the invitation mail', async () => {
    const staff = await newSession(browser, app.url);
    await signIn(staff.page, 'animatrice@demo.meute.fr');
    const page = staff.page;
    await page.getByRole('heading', { level: 1, name: 'Club ETI Normandie' }).waitFor();
    await page.getByRole('heading', { name: 'Inviter quelqu’un' }).waitFor();
    await page.getByText('Aucune invitation envoyée').waitFor();
    // Staff see the addresses of the network's people.
    await page.getByText('dirigeant@demo.meute.fr').waitFor();
    // The roles offered are those the server allows here, with their French names.
    assert.deepEqual(await page.getByLabel('Rôle', { exact: true }).locator('option').allTextContents(), [
      'Animateur·rice',
      'Membre du bureau',
      'Dirigeant·e adhérent·e',
      'Collaborateur·rice adhérent·e',
      'Délégué·e partenaire',
    ]);

    await invite(page, 'nadia.nouvelle@exemple.fr', 'Dirigeant·e adhérent·e');
    await invitationRow(page, 'nadia.nouvelle@exemple.fr').getByText('En attente').waitFor();
    await checkScreen(page, 'invite');

    await page.getByRole('link', { name: 'Voir l’e-mail dans la boîte d’envoi' }).click();
    await page.waitForURL('**/outbox');
    await page.getByRole('heading', { level: 1, name: 'Boîte d’envoi (développement)' }).waitFor();
    const mail = page.locator('.mail').filter({ hasText: 'nadia.nouvelle@exemple.fr' });
    await mail
      .getByRole('heading', { name: 'Invitation à rejoindre Club ETI Normandie sur Meute' })
      .waitFor();
    await checkScreen(page, 'outbox');
    const link = await mail.getByRole('link', { name: /\/invitations\// }).getAttribute('href');
    assert.ok(link, 'the mail has a link');
    assert.ok(link?.startsWith(`${app.url}/invitations/`), `unexpected link ${link}`);

    const newcomer = await newSession(browser, app.url);
    await newcomer.page.goto(link);
    await newcomer.page
      .getByText(
        'Anne Animatrice vous invite à rejoindre Club ETI Normandie en tant que Dirigeant·e adhérent·e.',
      )
      .waitFor();
    await checkScreen(newcomer.page, 'accept-invitation');
    await newcomer.page.getByLabel('Votre nom').fill('Nadia Nouvelle');
    await newcomer.page.getByLabel('Nouveau mot de passe', { exact: true }).fill('court');
    await newcomer.page.getByLabel('Confirmez le mot de passe').fill('court');
    await newcomer.page.getByRole('button', { name: 'Rejoindre Club ETI Normandie' }).click();
    await newcomer.page.getByText('Le mot de passe doit contenir au moins 10 caractères.').waitFor();
    await newcomer.page
      .getByLabel('Nouveau mot de passe', { exact: true })
      .fill('une phrase de passe solide');
    await newcomer.page.getByLabel('Confirmez le mot de passe').fill('une phrase de passe solide');
    await newcomer.page.getByRole('button', { name: 'Rejoindre Club ETI Normandie' }).click();
    await newcomer.page.waitForURL('**/n/club-eti-normandie');
    await newcomer.page.getByText('Bienvenue dans Club ETI Normandie !').waitFor();
    await newcomer.page.locator('.network-hero').getByText('Dirigeant·e adhérent·e').waitFor();
    await newcomer.page.getByRole('button', { name: /Nadia Nouvelle/ }).waitFor();

    // The link works once only.
    await newcomer.page.goto(link);
    await newcomer.page
      .getByRole('alert')
      .filter({ hasText: /Cette invitation n.est plus valable/ })
      .waitFor();

    await page.goto('/n/club-eti-normandie');
    await invitationRow(page, 'nadia.nouvelle@exemple.fr').getByText('Acceptée').waitFor();
    await page
      .locator('.person')
      .filter({ hasText: 'Nadia Nouvelle' })
      .getByText('nadia.nouvelle@exemple.fr')
      .waitFor();
    assert.deepEqual([...staff.problems, ...newcomer.problems], []);
    await staff.context.close();
    await newcomer.context.close();
  });

  it('revokes a pending invitation after confirmation, and its link stops working', async () => {
    const staff = await newSession(browser, app.url);
    const page = staff.page;
    await signIn(page, 'animatrice@demo.meute.fr');
    await invite(page, 'a.revoquer@exemple.fr', 'Collaborateur·rice adhérent·e');
    const row = invitationRow(page, 'a.revoquer@exemple.fr');
    await row.getByRole('button', { name: 'Révoquer l’invitation de a.revoquer@exemple.fr' }).click();
    const dialog = page.getByRole('dialog', { name: 'Révoquer cette invitation ?' });
    await dialog.waitFor();
    await checkScreen(page, 'revoke-dialog', { fullPage: false });
    // Cancel keeps it…
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('En attente').waitFor();
    // …confirming revokes it.
    await row.getByRole('button', { name: /Révoquer/ }).click();
    await dialog.getByRole('button', { name: 'Révoquer' }).click();
    await row.getByText('Révoquée').waitFor();
    assert.equal(await row.getByRole('button').count(), 0);

    const link = linkIn((await latestMailTo(app, 'a.revoquer@exemple.fr')).body_text);
    const visitor = await newSession(browser, app.url);
    await visitor.page.goto(link);
    await visitor.page
      .getByRole('alert')
      .filter({ hasText: /Cette invitation n.est plus valable/ })
      .waitFor();
    assert.deepEqual([...staff.problems, ...visitor.problems], []);
    await staff.context.close();
    await visitor.context.close();
  });

  it('asks a person who already has an account to sign in, then to accept', async () => {
    const staff = await newSession(browser, app.url);
    await signIn(staff.page, 'animatrice@demo.meute.fr');
    await invite(staff.page, 'batisseur@demo.meute.fr', 'Dirigeant·e adhérent·e');
    const link = linkIn((await latestMailTo(app, 'batisseur@demo.meute.fr')).body_text);

    const member = await newSession(browser, app.url);
    const page = member.page;
    await page.goto(link);
    await page.getByText('Un compte Meute existe déjà pour batisseur@demo.meute.fr').waitFor();
    await page.getByRole('link', { name: 'Se connecter pour accepter' }).click();
    await page.waitForURL(/\/sign-in\?next=/);
    assert.equal(await page.getByLabel('Adresse e-mail').inputValue(), 'batisseur@demo.meute.fr');
    await page.getByLabel('Mot de passe', { exact: true }).fill('meute-demo-2026');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/invitations/**');
    await page.getByRole('button', { name: 'Accepter l’invitation' }).click();
    await page.waitForURL('**/n/club-eti-normandie');
    await page.getByRole('heading', { level: 1, name: 'Club ETI Normandie' }).waitFor();
    // The new network is in the switcher at once.
    assert.deepEqual(await page.getByLabel('Réseau', { exact: true }).locator('option').allTextContents(), [
      'Club ETI Normandie',
      'Cluster Bâtiment Rhône',
    ]);
    assert.deepEqual([...staff.problems, ...member.problems], []);
    await staff.context.close();
    await member.context.close();
  });
});
