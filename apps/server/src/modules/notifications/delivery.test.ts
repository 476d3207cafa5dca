import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { UnsubscribeStatus } from '@meute/contracts';
import { createOutboxMailer } from '../../mail/mailer.ts';
import {
  buildNetwork,
  buildOrganisation,
  buildPerson,
  buildTestApp,
  grantRole,
  signIn,
} from '../../test/factories.ts';
import { createNotificationDelivery, digestPeriodKey } from './delivery.ts';
import { createNotifier } from './notifier.ts';

/**
 * E-mails of notifications: urgent lines at once, the rest in a daily or weekly digest grouped by
 * network and group, with absolute links and a one-click unsubscribe link; a line about a group
 * the person left is never e-mailed nor digested.
 */
describe('notification e-mails and digests', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let network: { id: string; slug: string; name: string };
  let marie: { id: string; email: string };
  let paul: { id: string; email: string };
  let groupId: string;
  let leftGroupId: string;
  const notifier = createNotifier();
  const at = new Date('2026-11-24T06:00:00Z'); // a Tuesday, 07:00 in Paris
  let clock = at;
  let delivery: ReturnType<typeof createNotificationDelivery>;

  async function mailsTo(email: string) {
    return t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('recipient', '=', email)
      .orderBy('created_at')
      .execute();
  }
  async function line(
    personId: string,
    values: {
      title: string;
      groupId?: string | null;
      urgent?: boolean;
      link?: string;
      kind?: 'post' | 'mention' | 'alert';
    },
  ) {
    await notifier.notify(t.db, [
      {
        personId,
        networkId: network.id,
        groupId: values.groupId ?? null,
        kind: values.kind ?? 'post',
        subjectId: null,
        link: values.link ?? '/n/x/groups',
        title: values.title,
        excerpt: `Extrait de ${values.title}`,
        urgent: values.urgent ?? false,
      },
    ]);
    // Lines are dated by the database: put them just before the run.
    await t.db
      .updateTable('notifications')
      .set({ created_at: new Date(clock.getTime() - 3600_000) } as never)
      .where('title', '=', values.title)
      .execute();
  }

  before(async () => {
    t = await buildTestApp();
    network = await buildNetwork(t.db, { kind: 'club', name: 'Club Rouge' });
    marie = await buildPerson(t.db, { displayName: 'Marie' });
    paul = await buildPerson(t.db, { displayName: 'Paul' });
    await grantRole(t.db, marie.id, network.id, 'member_leader');
    await grantRole(t.db, paul.id, network.id, 'member_leader');
    await buildOrganisation(t.db, {
      name: 'Rouge R',
      networkIds: [network.id],
      leaders: [marie.id, paul.id],
    });
    // Two working groups: Marie is an active member of « Cyber », and left « Achats ».
    const group = async (name: string, slug: string) => {
      const row = await t.db
        .insertInto('working_groups')
        .values({ network_id: network.id, slug, name, theme: 'Cyber', created_by: marie.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.db
        .insertInto('group_charters')
        .values({ group_id: row.id, version: 1, body: 'Charte', created_by: marie.id })
        .execute();
      return row.id;
    };
    groupId = await group('Cyber', 'cyber');
    leftGroupId = await group('Achats', 'achats');
    await t.db
      .insertInto('group_members')
      .values([
        {
          group_id: groupId,
          person_id: marie.id,
          status: 'active',
          charter_version: 1,
          charter_accepted_at: at,
          joined_at: at,
        },
        {
          group_id: leftGroupId,
          person_id: marie.id,
          status: 'left',
          charter_version: 1,
          charter_accepted_at: at,
          joined_at: at,
          left_at: at,
        },
      ])
      .execute();
    delivery = createNotificationDelivery({
      db: t.db,
      mailer: createOutboxMailer(t.db, () => undefined),
      publicUrl: 'https://meute.example',
      now: () => clock,
    });
  });
  after(() => t.close());
  beforeEach(async () => {
    await t.db.deleteFrom('outbox_emails').execute();
    await t.db.deleteFrom('notifications').execute();
    await t.db.deleteFrom('notification_preferences').execute();
    await t.db.deleteFrom('digest_runs').execute();
    clock = at;
  });

  it('sends a readable daily digest grouped by network and group, with absolute links, once per day', async () => {
    await line(marie.id, { title: 'Assemblée générale', link: '/n/club-rouge' });
    await line(marie.id, {
      title: 'Retour d’expérience',
      groupId,
      link: '/n/club-rouge/groups/cyber/posts/1',
    });
    await line(marie.id, {
      title: 'Secret des achats',
      groupId: leftGroupId,
      link: '/n/club-rouge/groups/achats/posts/2',
    });
    const result = await delivery.runDigest('daily', at);
    assert.deepEqual(result, { skipped: false, people: 1, mails: 1 });
    const [mail] = await mailsTo(marie.email);
    assert.ok(mail);
    assert.equal(mail.confidential, true);
    assert.match(mail.subject, /résumé Meute du 24 novembre 2026/);
    const text = mail.body_text;
    assert.ok(text.indexOf('Club Rouge\n') < text.indexOf('Club Rouge — groupe « Cyber »'), text);
    assert.match(
      text,
      /Assemblée générale\n {2}Extrait de Assemblée générale\n {2}https:\/\/meute\.example\/n\/club-rouge\n/,
    );
    assert.match(text, /https:\/\/meute\.example\/n\/club-rouge\/groups\/cyber\/posts\/1/);
    assert.match(text, /https:\/\/meute\.example\/unsubscribe\/[A-Za-z0-9_-]{40,}/);
    // The group she left: never in the mail.
    assert.doesNotMatch(text, /Secret des achats|Achats/);
    // The same day again: nothing more (another instance, a retry).
    assert.deepEqual(await delivery.runDigest('daily', new Date(at.getTime() + 3600_000)), {
      skipped: true,
      people: 0,
      mails: 0,
    });
    // Next day: the lines already digested are not sent again; the left group's line still never.
    clock = new Date(at.getTime() + 24 * 3600_000);
    assert.deepEqual(await delivery.runDigest('daily', clock), { skipped: false, people: 0, mails: 0 });
  });

  it('waits for the weekly digest of those who chose it, and sends nothing to those who chose never', async () => {
    await t.db
      .insertInto('notification_preferences')
      .values([
        { person_id: marie.id, digest: 'weekly', immediate_email: true },
        { person_id: paul.id, digest: 'never', immediate_email: true },
      ])
      .execute();
    await line(marie.id, { title: 'Pour la semaine' });
    await line(paul.id, { title: 'Jamais par mail' });
    assert.equal((await delivery.runDigest('daily', at)).mails, 0);
    const monday = new Date('2026-11-30T06:00:00Z');
    clock = monday;
    const weekly = await delivery.runDigest('weekly', monday);
    assert.equal(weekly.mails, 1);
    const [mail] = await mailsTo(marie.email);
    assert.match(mail?.subject ?? '', /semaine/);
    assert.equal((await mailsTo(paul.email)).length, 0);
    assert.equal(digestPeriodKey('weekly', monday), 'week-of-2026-11-30');
    assert.equal(digestPeriodKey('weekly', new Date('2026-12-06T22:00:00Z')), 'week-of-2026-11-30');
  });

  it('e-mails an urgent line at once, with the whole alert and its checklist, and never a left group’s', async () => {
    const alert = await t.db
      .insertInto('alerts')
      .values({
        network_id: network.id,
        title: 'Rançongiciel',
        description: 'Une campagne en cours.',
        checklist: ['Sauvegardes', 'VPN'],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await notifier.notify(t.db, [
      {
        personId: marie.id,
        networkId: network.id,
        groupId: null,
        kind: 'alert',
        subjectId: alert.id,
        link: `/n/club-rouge/alerts#alert-${alert.id}`,
        title: 'Rançongiciel',
        excerpt: 'Une campagne en cours.',
        urgent: true,
      },
      {
        personId: marie.id,
        networkId: network.id,
        groupId: leftGroupId,
        kind: 'mention',
        subjectId: null,
        link: '/n/club-rouge/groups/achats',
        title: 'Mention secrète',
        urgent: true,
      },
      {
        personId: marie.id,
        networkId: network.id,
        groupId,
        kind: 'mention',
        subjectId: null,
        link: '/n/club-rouge/groups/cyber',
        title: 'Mention cyber',
        urgent: true,
      },
    ]);
    clock = new Date();
    assert.deepEqual(await delivery.sendUrgent(), { mails: 2 });
    const mails = await mailsTo(marie.email);
    assert.equal(mails.length, 2);
    const alertMail = mails.find((m) => m.subject.includes('ALERTE'));
    assert.ok(alertMail);
    assert.match(
      alertMail.body_text,
      /Une campagne en cours\.\n\nÀ vérifier maintenant :\n {2}- Sauvegardes\n {2}- VPN/,
    );
    assert.match(
      alertMail.body_text,
      new RegExp(`https://meute\\.example/n/club-rouge/alerts#alert-${alert.id}`),
    );
    assert.match(alertMail.body_text, /\/unsubscribe\//);
    assert.ok(mails.every((m) => m.confidential));
    assert.ok(!mails.some((m) => m.body_text.includes('Mention secrète')));
    // Sent once only.
    assert.deepEqual(await delivery.sendUrgent(), { mails: 0 });
    // The urgent lines e-mailed are not digested again; the left group's never.
    clock = new Date(clock.getTime() + 60_000);
    assert.equal((await delivery.runDigest('daily', clock)).mails, 0);
  });

  it('keeps urgent lines for the digest of those who turned immediate e-mails off', async () => {
    await t.db
      .insertInto('notification_preferences')
      .values({ person_id: paul.id, digest: 'daily', immediate_email: false })
      .execute();
    await notifier.notify(t.db, [
      {
        personId: paul.id,
        networkId: network.id,
        groupId: null,
        kind: 'mention',
        subjectId: null,
        link: '/n/club-rouge',
        title: 'Mention pour Paul',
        urgent: true,
      },
    ]);
    clock = new Date();
    assert.deepEqual(await delivery.sendUrgent(), { mails: 0 });
    clock = new Date(clock.getTime() + 60_000);
    assert.equal((await delivery.runDigest('daily', clock)).mails, 1);
    assert.match((await mailsTo(paul.email))[0]?.body_text ?? '', /Mention pour Paul/);
  });

  it('unsubscribes in one click from the link of any mail, without signing in; only the hash is stored', async () => {
    await line(paul.id, { title: 'Une nouvelle' });
    await delivery.runDigest('daily', at);
    const [mail] = await mailsTo(paul.email);
    const token = /\/unsubscribe\/([A-Za-z0-9_-]+)/.exec(mail?.body_text ?? '')?.[1];
    assert.ok(token);
    const stored = await t.db.selectFrom('unsubscribe_tokens').select('token_hash').execute();
    assert.ok(stored.length > 0 && stored.every((row) => row.token_hash !== token));
    const shown = await t.app.inject({ method: 'GET', url: `/api/unsubscribe/${token}` });
    assert.equal(shown.statusCode, 200, shown.body);
    assert.deepEqual(shown.json<UnsubscribeStatus>(), {
      email: `${paul.email.slice(0, 1)}•••@example.test`,
      isUnsubscribed: false,
    });
    // Looking at the page changes nothing; the click does.
    assert.equal(
      (
        await t.db
          .selectFrom('notification_preferences')
          .selectAll()
          .where('person_id', '=', paul.id)
          .execute()
      ).length,
      0,
    );
    const done = await t.app.inject({ method: 'POST', url: `/api/unsubscribe/${token}`, payload: {} });
    assert.equal(done.statusCode, 200, done.body);
    const prefs = await t.db
      .selectFrom('notification_preferences')
      .selectAll()
      .where('person_id', '=', paul.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([prefs.digest, prefs.immediate_email], ['never', false]);
    const unknown = await t.app.inject({ method: 'GET', url: `/api/unsubscribe/${'x'.repeat(43)}` });
    assert.equal(unknown.statusCode, 404);
    // Signed in, Paul sees it and may subscribe again.
    const cookie = await signIn(t.app, paul.email);
    const again = await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers: { cookie },
      payload: { digest: 'weekly', immediateEmail: true },
    });
    assert.deepEqual(again.json(), { digest: 'weekly', immediateEmail: true });
    const wrong = await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers: { cookie },
      payload: { digest: 'hourly' },
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json<{ field: string }>().field, 'body.digest');
  });
});
