import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  browserSkipReason,
  checkScreen,
  launchBrowser,
  newSession,
  PHONE,
  ROOT,
  type RunningApp,
  signIn,
  startApp,
} from './harness.ts';

const skip = browserSkipReason();
const CLUB = 'club-eti-normandie';
const SCHEME = 'Aide aux ETI normandes (test)';

/** Keeps a copy of a screen for review, beside the test artefacts. */

describe('aid schemes: staff keep the catalogue, a leader sees what his companies may claim', {
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

  it('adds a scheme, and tells the leader which of his companies may claim it and why', async () => {
    const staff = await newSession(browser, app.url);
    const desk = staff.page;
    await signIn(desk, 'animatrice@demo.meute.fr');
    await desk.goto(`/n/${CLUB}/aid-schemes`);
    await desk.getByRole('heading', { level: 1, name: 'Dispositifs d’aide' }).waitFor();
    await desk.getByRole('link', { name: 'Dispositifs d’aide' }).waitFor();
    await desk.getByRole('heading', { name: 'AD Normandie — Impulsion' }).waitFor();
    // The closed demo scheme is hidden by the "open only" filter.
    assert.equal(
      await desk.getByRole('heading', { name: 'Appel à projets clos (exemple fictif)' }).count(),
      0,
    );

    await desk.getByRole('button', { name: 'Ajouter un dispositif' }).click();
    await desk.getByLabel('Nom du dispositif').fill(SCHEME);
    await desk.getByLabel('Financeur').fill('Exemple fictif');
    await desk.getByLabel('ETI', { exact: true }).check();
    await desk.getByLabel('Régions').selectOption('28');
    // A minimum above the maximum is refused, naming the field.
    await desk.getByLabel('Aide minimum (€)').fill('50 000');
    await desk.getByLabel('Aide maximum (€)').fill('10 000');
    await desk.getByRole('button', { name: 'Ajouter le dispositif' }).click();
    await desk.getByText('le montant minimum dépasse le montant maximum').waitFor();
    await desk.getByLabel('Aide minimum (€)').fill('');
    await desk.getByLabel('Aide maximum (€)').fill('');
    await checkScreen(desk, 'aid-schemes-form');
    await desk.getByRole('button', { name: 'Ajouter le dispositif' }).click();
    await desk.getByText(`« ${SCHEME} » ajouté au catalogue.`).waitFor();
    await desk.getByRole('heading', { name: SCHEME }).waitFor();
    await checkScreen(desk, 'aid-schemes-staff');
    assert.deepEqual(staff.problems, []);

    const member = await newSession(browser, app.url);
    const page = member.page;
    await signIn(page, 'dirigeant@demo.meute.fr').catch(async (error) => {
      throw error;
    });
    await page.goto(`/n/${CLUB}/aid-schemes`);
    await page.getByRole('heading', { name: 'Pour mes entreprises' }).waitFor();
    const plastiflex = page.locator('.aid-company', {
      has: page.getByRole('heading', { name: 'Plastiflex' }),
    });
    const match = plastiflex.locator('.aid-match', { hasText: SCHEME });
    await match.getByText('Éligible').waitFor();
    await match.getByText('ETI, parmi ETI').waitFor();
    await match.getByText('située en Normandie').waitFor();
    // Bpifrance's loan is for TPE and PME: Plastiflex (an ETI) may not claim it, and is told why.
    await plastiflex.getByText(/dispositifs? qu’elle ne peut pas solliciter/).click();
    await plastiflex.getByText('ETI, hors de PME, TPE').waitFor();
    // Members do not get the staff's buttons.
    assert.equal(await page.getByRole('button', { name: 'Ajouter un dispositif' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Archiver' }).count(), 0);
    await checkScreen(page, 'aid-schemes-member');
    await page.setViewportSize(PHONE);

    // In English.
    await member.context.addCookies([{ name: 'meute_lang', value: 'en', url: app.url }]);
    await page.reload();
    await page.getByRole('heading', { name: 'For my companies' }).waitFor();
    assert.deepEqual(member.problems, []);

    // Staff archive the scheme, and undo.
    await desk
      .getByRole('listitem')
      .filter({ hasText: SCHEME })
      .getByRole('button', { name: 'Archiver' })
      .click();
    await desk.getByRole('dialog').getByRole('button', { name: 'Archiver' }).click();
    await desk.getByText(`« ${SCHEME} » archivé : les adhérents ne le voient plus.`).waitFor();
    await desk.getByRole('heading', { name: SCHEME }).waitFor({ state: 'detached' });
    await desk.getByRole('button', { name: 'Annuler' }).click();
    await desk.getByRole('heading', { name: SCHEME }).waitFor();
    assert.ok(fs.existsSync(path.join(ROOT, 'artifacts/screenshots/aid-schemes-member-phone.png')));
  });
});
