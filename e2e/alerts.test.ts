import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createOutboxMailer } from '../apps/server/src/mail/mailer.ts';
import { createNotificationDelivery } from '../apps/server/src/modules/notifications/delivery.ts';
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
const TITLE = 'Hameçonnage ciblé : faux portail fournisseur';

describe('alerts and notifications: raise, acknowledge from the banner, follow up, digest and unsubscribe', {
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

  it('carries an alert from a member to the whole club, and back to the staff', async () => {
    const { db } = app.database;
    // Another member company's leader, who has not acknowledged anything yet.
    const other = await db
      .selectFrom('network_organisations as no')
      .innerJoin('networks as n', 'n.id', 'no.network_id')
      .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
      .select('o.name')
      .where('n.slug', '=', CLUB)
      .where('o.kind', '=', 'company')
      .where('o.name', '<>', 'Plastiflex')
      .orderBy('o.name')
      .executeTakeFirstOrThrow();
    const camille = await addPerson(app, {
      email: 'camille.cyber@example.test',
      displayName: 'Camille Cyber',
      roles: [{ network: CLUB, role: 'member_leader' }],
    });
    await addPersonToOrganisation(app, other.name, camille.email, true);

    // A member raises an alert from the alerts page.
    const raiser = await newSession(browser, app.url);
    const page = raiser.page;
    await signIn(page, 'dirigeant@demo.meute.fr');
    // The demo's alert in progress: its banner is there for Plastiflex.
    await page
      .locator('.alert-banner')
      .getByText(/rançongiciel/)
      .waitFor();
    await page.goto(`/n/${CLUB}/alerts`);
    await page.getByRole('heading', { level: 1, name: 'Alertes' }).waitFor();
    await page.getByRole('button', { name: 'Lancer une alerte' }).click();
    await page.getByLabel('Titre', { exact: true }).fill(TITLE);
    await page
      .getByLabel("Ce qui s'est passé")
      .fill(
        'Un faux portail « espace fournisseur » demande aux comptables de se reconnecter.\nTrois membres ont reçu le lien ce matin.',
      );
    await page
      .getByLabel('À vérifier maintenant')
      .fill('Prévenir la comptabilité\n- Bloquer le domaine espace-fournisseurs-pay.com');
    await guideImage(page, 'alertes-lancer');
    await page.getByRole('button', { name: "Envoyer l'alerte à tout le réseau" }).click();
    await page.getByText("L'alerte est envoyée à tout le réseau.").waitFor();
    const card = page.locator('.alert-card', { hasText: TITLE });
    await card.getByText('Bloquer le domaine espace-fournisseurs-pay.com').waitFor();
    await card.getByText(/Plastiflex : reçu par Damien Dirigeant/).waitFor();
    assert.deepEqual(raiser.problems, []);

    // Another member's company acknowledges it from the banner; the bell counts it first.
    const member = await newSession(browser, app.url);
    const mine = member.page;
    await signIn(mine, camille.email, TEST_PASSWORD);
    const item = mine.locator('.alert-banner-item', { hasText: TITLE });
    await item.waitFor();
    await mine.getByRole('link', { name: /Notifications : \d+ non lue/ }).waitFor();
    await guideImage(mine, 'alertes-bandeau');
    await checkScreen(mine, 'alerts-banner');
    await item.getByRole('button', { name: 'Accuser réception' }).click();
    await item.waitFor({ state: 'detached' });
    const ack = await db
      .selectFrom('alert_acknowledgements as a')
      .innerJoin('alerts as al', 'al.id', 'a.alert_id')
      .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
      .select(['o.name', 'a.person_id'])
      .where('al.title', '=', TITLE)
      .orderBy('o.name')
      .execute();
    assert.deepEqual(ack.map((a) => a.name).sort(), [other.name, 'Plastiflex'].sort());
    assert.ok(ack.find((a) => a.name === other.name)?.person_id === camille.id);

    // The bell leads to the notifications, which list the alert; opening it marks it read.
    await mine.getByRole('link', { name: /Notifications : \d+ non lue/ }).click();
    await mine.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const line = mine.locator('.notification', { hasText: TITLE });
    await line.waitFor();
    await guideImage(mine, 'notifications');
    await checkScreen(mine, 'notifications-page');
    await line.getByRole('link', { name: TITLE }).click();
    await mine.waitForURL(new RegExp(`/n/${CLUB}/alerts#alert-`));
    await mine
      .locator('.alert-card', { hasText: TITLE })
      .getByText(new RegExp(`${other.name} : reçu par Camille Cyber`))
      .waitFor();
    await checkScreen(mine, 'alerts-page-member');

    // Preferences: a weekly digest, then back to daily.
    await mine.goto('/notifications/preferences');
    await mine.getByRole('radio', { name: /Chaque semaine/ }).check();
    await mine.getByRole('button', { name: 'Enregistrer' }).click();
    await mine.getByText('Vos préférences sont enregistrées.').waitFor();
    const weekly = await db
      .selectFrom('notification_preferences')
      .select('digest')
      .where('person_id', '=', camille.id)
      .executeTakeFirstOrThrow();
    assert.equal(weekly.digest, 'weekly');
    await mine.getByRole('radio', { name: /Chaque jour/ }).check();
    await mine.getByRole('button', { name: 'Enregistrer' }).click();
    await mine.getByText('Vos préférences sont enregistrées.').waitFor();
    await guideImage(mine, 'notifications-preferences');
    const daily = await db
      .selectFrom('notification_preferences')
      .select('digest')
      .where('person_id', '=', camille.id)
      .executeTakeFirstOrThrow();
    assert.equal(daily.digest, 'daily');
    assert.deepEqual(member.problems, []);

    // Staff see who has not acknowledged, and remind them.
    const staff = await newSession(browser, app.url);
    const desk = staff.page;
    await signIn(desk, 'animatrice@demo.meute.fr');
    await desk.goto(`/n/${CLUB}/alerts`);
    const staffCard = desk.locator('.alert-card', { hasText: TITLE });
    await staffCard.getByRole('button', { name: 'Voir le suivi' }).click();
    await staffCard.getByRole('heading', { name: /Pas encore de réponse/ }).waitFor();
    await staffCard.getByRole('heading', { name: 'Ont accusé réception (2)' }).waitFor();
    await staffCard.getByText(other.name).first().waitFor();
    await guideImage(desk, 'alertes-suivi', `#${await staffCard.getAttribute('id')}`);
    await staffCard.getByRole('button', { name: /Relancer par e-mail/ }).click();
    await desk.getByRole('button', { name: 'Envoyer la relance' }).click();
    await desk.getByText(/Relance envoyée : \d+ organisation/).waitFor();
    await checkScreen(desk, 'alerts-page-staff');
    assert.deepEqual(staff.problems, []);

    // The immediate e-mail of the alert reaches the member; its unsubscribe link works in one click.
    const delivery = createNotificationDelivery({
      db,
      mailer: createOutboxMailer(db, () => undefined),
      publicUrl: app.url,
    });
    // Camille read it in the app already: the mail goes to a member who has not, Plastiflex's staff.
    await delivery.sendUrgent();
    const mail = await db
      .selectFrom('outbox_emails')
      .select(['subject', 'body_text', 'confidential'])
      .where('recipient', '=', 'animatrice@demo.meute.fr')
      .where('subject', 'like', '%ALERTE%')
      .executeTakeFirstOrThrow();
    assert.equal(mail.confidential, true);
    assert.match(mail.body_text, /Bloquer le domaine espace-fournisseurs-pay\.com/);
    await desk.goto('/outbox');
    const outboxMail = desk.locator('.mails > li', { hasText: TITLE }).first();
    await outboxMail.waitFor();
    const unsubscribe = outboxMail.getByRole('link', { name: /\/unsubscribe\// });
    const href = (await unsubscribe.getAttribute('href')) ?? '';
    assert.ok(href.startsWith(`${app.url}/unsubscribe/`), href);
    // Signed out, as from a mail client.
    const visitor = await newSession(browser, app.url);
    await visitor.page.goto(href);
    await visitor.page.getByRole('heading', { level: 1, name: 'Se désabonner des e-mails' }).waitFor();
    await visitor.page
      .getByText(/Ne plus envoyer d'e-mails de notification à a•••@demo\.meute\.fr/)
      .waitFor();
    await checkScreen(visitor.page, 'unsubscribe');
    await visitor.page.getByRole('button', { name: 'Me désabonner' }).click();
    await visitor.page.getByText(/C'est fait/).waitFor();
    await guideImage(visitor.page, 'desabonnement');
    const prefs = await db
      .selectFrom('notification_preferences as np')
      .innerJoin('people as p', 'p.id', 'np.person_id')
      .select(['np.digest', 'np.immediate_email'])
      .where('p.email', '=', 'animatrice@demo.meute.fr')
      .executeTakeFirstOrThrow();
    assert.deepEqual(prefs, { digest: 'never', immediate_email: false });
    assert.deepEqual(visitor.problems, []);

    // The same screens in English.
    await member.context.addCookies([{ name: 'meute_lang', value: 'en', url: app.url }]);
    await mine.goto('/notifications');
    await mine.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await mine.getByRole('button', { name: 'Mark all read' }).waitFor();
    await mine.goto(`/n/${CLUB}/alerts`);
    await mine.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    await mine.getByRole('button', { name: 'Raise an alert' }).click();
    await mine.getByLabel('What to check now').waitFor();
    await mine.getByRole('button', { name: 'Send the alert to the whole network' }).click();
    // Nothing typed: the form says which field is wrong, in English.
    await mine.locator('.alert-form .field-invalid').first().waitFor();
    await checkScreen(mine, 'alerts-page-en');
    await mine.goto('/notifications/preferences');
    await mine.getByRole('radio', { name: /Every week/ }).waitFor();
    assert.deepEqual(member.problems, []);
  });
});
