import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Alert, PendingAlerts, RemindResult } from '@meute/contracts';
import {
  buildNetwork,
  buildOrganisation,
  buildPerson,
  buildTestApp,
  grantRole,
  signIn,
} from '../../test/factories.ts';

/** Alerts through the API: clear errors naming the field, reminders, closing, the raiser's company. */
describe('alerts', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let slug: string;
  const cookies: Record<string, string> = {};
  const emails: Record<string, string> = {};

  function call(who: string, method: 'GET' | 'POST', path: string, payload?: object) {
    return t.app.inject({
      method,
      url: `/api/networks/${slug}/alerts${path}`,
      headers: { cookie: cookies[who] as string },
      ...(method === 'POST' ? { payload: payload ?? {} } : {}),
    });
  }

  before(async () => {
    t = await buildTestApp();
    const network = await buildNetwork(t.db, { kind: 'club', name: 'Club Bleu' });
    slug = network.slug;
    for (const [name, role] of [
      ['staff', 'staff'],
      ['alice', 'member_leader'],
      ['bruno', 'member_leader'],
      ['chloe', 'member_employee'],
    ] as const) {
      const person = await buildPerson(t.db, { displayName: name });
      emails[name] = person.email;
      await grantRole(t.db, person.id, network.id, role);
      cookies[name] = await signIn(t.app, person.email);
    }
    const id = async (name: string) =>
      (
        await t.db
          .selectFrom('people')
          .select('id')
          .where('email', '=', emails[name] as string)
          .executeTakeFirstOrThrow()
      ).id;
    await buildOrganisation(t.db, { name: 'Bleu A', networkIds: [network.id], leaders: [await id('alice')] });
    await buildOrganisation(t.db, {
      name: 'Bleu B',
      networkIds: [network.id],
      leaders: [await id('bruno')],
      staffMembers: [await id('chloe')],
    });
    await buildOrganisation(t.db, { name: 'Bleu C', networkIds: [network.id] });
  });
  after(() => t.close());

  it('refuses bad input with the field named, and writes nothing', async () => {
    const cases: [object, string][] = [
      [{ title: '', description: 'x' }, 'body.title'],
      [{ title: 'Deux\nlignes', description: 'x' }, 'body.title'],
      [{ title: 'Titre', description: '   ' }, 'body.description'],
      [
        { title: 'Titre', description: 'x', checklist: Array.from({ length: 31 }, () => 'a') },
        'body.checklist',
      ],
      [{ title: 'Titre', description: 'x', checklist: ['a'.repeat(501)] }, 'body.checklist.0'],
      [{ title: 'Titre', description: 'x', color: 'red' }, 'body.color'],
    ];
    for (const [payload, field] of cases) {
      const response = await call('alice', 'POST', '', payload);
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.json<{ field?: string }>().field ?? 'body', field, response.body);
    }
    assert.equal((await t.db.selectFrom('alerts').select('id').execute()).length, 0);
    assert.equal((await call('alice', 'POST', `/${crypto.randomUUID()}/acknowledge`)).statusCode, 404);
  });

  it('keeps the text as written, drops empty checklist lines, and counts the raiser’s company as acknowledged', async () => {
    const response = await call('alice', 'POST', '', {
      title: 'Rançongiciel <script>',
      description: 'Ligne 1\n**Ligne 2**',
      checklist: ['Sauvegardes', '', 'VPN'],
    });
    assert.equal(response.statusCode, 201, response.body);
    const alert = response.json<Alert>();
    assert.equal(alert.title, 'Rançongiciel <script>');
    assert.equal(alert.description, 'Ligne 1\n**Ligne 2**');
    assert.deepEqual(alert.checklist, ['Sauvegardes', 'VPN']);
    assert.equal(alert.acknowledgedCount, 1);
    assert.equal(alert.organisationCount, 3);
    assert.equal(alert.myOrganisations[0]?.name, 'Bleu A');
    assert.ok(alert.myOrganisations[0]?.acknowledgedAt);
  });

  it('reminds the people of the companies that have not acknowledged, and only them', async () => {
    const alert = (
      await call('staff', 'POST', '', { title: 'Relance', description: 'À lire.' })
    ).json<Alert>();
    await call('alice', 'POST', `/${alert.id}/acknowledge`);
    await t.db.deleteFrom('outbox_emails').execute();
    const reminded = await call('staff', 'POST', `/${alert.id}/remind`);
    assert.equal(reminded.statusCode, 200, reminded.body);
    assert.deepEqual(reminded.json<RemindResult>(), { remindedOrganisations: 2, mails: 2 });
    const mails = await t.db.selectFrom('outbox_emails').selectAll().orderBy('recipient').execute();
    assert.deepEqual(mails.map((m) => m.recipient).sort(), [emails.bruno, emails.chloe].sort());
    assert.ok(mails.every((m) => m.confidential && m.subject.includes('Relance')));
    assert.match(mails[0]?.body_text ?? '', /Bleu B n'a pas encore pris connaissance/);
    assert.match(
      mails[0]?.body_text ?? '',
      new RegExp(`http://meute\\.test/n/${slug}/alerts#alert-${alert.id}`),
    );
    const seen = (await call('staff', 'GET', `/${alert.id}`)).json<Alert>();
    assert.ok(seen.lastRemindedAt);
  });

  it('takes a closed alert out of the banner, and reminds nobody about it', async () => {
    const alert = (await call('staff', 'POST', '', { title: 'À clore', description: 'Fini.' })).json<Alert>();
    const banner = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/alerts/pending',
          headers: { cookie: cookies.chloe as string },
        })
      )
        .json<PendingAlerts>()
        .alerts.map((a) => a.title);
    assert.ok((await banner()).includes('À clore'));
    const closed = await call('staff', 'POST', `/${alert.id}/close`);
    assert.equal(closed.statusCode, 200, closed.body);
    assert.ok(closed.json<Alert>().closedAt);
    assert.ok(!(await banner()).includes('À clore'));
    assert.deepEqual((await call('staff', 'POST', `/${alert.id}/remind`)).json<RemindResult>(), {
      remindedOrganisations: 0,
      mails: 0,
    });
    // The list shows open alerts first.
    const list = (await call('chloe', 'GET', '')).json<{ alerts: Alert[] }>();
    assert.equal(list.alerts.at(-1)?.title, 'À clore');
  });
});
