import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { asPerson } from '../db/database.ts';
import { DEMO_PASSWORD } from '../db/seed/demo.ts';
import { multipart } from '../modules/imports/test-files.ts';
import { buildPerson, buildTestApp, grantRole, signIn } from './factories.ts';
import { expandRoute, probe, readRoutes } from './leak-probe.ts';

/**
 * The promise of peer exchange, proved end to end: a Chatham House report, its reply, its file
 * and the group's note carry a unique marker; then every read route of the API (the OpenAPI
 * document's GET routes, each filled with every id we know, with and without a search for the
 * marker), every mail of the outbox after urgent mails and digests went out, and the database
 * read through row-level security must show that marker to the group's members only — and
 * nothing anywhere that leaves the group may name the report's author.
 */
describe('confidentiality of a working group, against every read path', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const marker = `FUITE${randomBytes(6).toString('hex')}`;
  const club = 'club-eti-normandie';
  const suffix = randomBytes(3).toString('hex');
  const group = `confidentiel-${suffix}`;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const base = `/api/networks/${club}/groups/${group}`;

  async function call(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
    const response = await t.app.inject({
      method,
      url,
      headers: { cookie: cookies[who]! },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    assert.ok(response.statusCode < 300, `${who} ${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json() as Record<string, unknown>;
  }

  /** A club member company's leader, made for the test, who signs in. */
  async function clubLeader(name: string, organisationId: string) {
    const person = await buildPerson(t.db, { displayName: `Test ${name}` });
    await grantRole(t.db, person.id, ids.club!, 'member_leader');
    await t.db
      .insertInto('person_organisations')
      .values({ person_id: person.id, organisation_id: organisationId, is_leader: true })
      .execute();
    ids[name] = person.id;
    cookies[name] = await signIn(t.app, person.email);
  }

  async function join(who: string) {
    const detail = await call(who, 'GET', base);
    const charter = detail.charter as { version: number };
    await call(who, 'POST', `${base}/join`, { charterVersion: charter.version });
  }

  before(async () => {
    t = await buildTestApp({ withDemo: true });
    for (const [who, email] of [
      ['author', 'dirigeant@demo.meute.fr'],
      ['staff', 'animatrice@demo.meute.fr'],
      ['fedStaff', 'federation@demo.meute.fr'],
      ['admin', 'admin@demo.meute.fr'],
      ['otherNetwork', 'batisseur@demo.meute.fr'],
    ] as const) {
      cookies[who] = await signIn(t.app, email, DEMO_PASSWORD);
      ids[who] = (
        await t.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()
      ).id;
    }
    ids.club = (
      await t.db.selectFrom('networks').select('id').where('slug', '=', club).executeTakeFirstOrThrow()
    ).id;
    const companies = await t.db
      .selectFrom('network_organisations')
      .innerJoin('organisations', 'organisations.id', 'network_organisations.organisation_id')
      .select(['organisations.id', 'organisations.name'])
      .where('network_id', '=', ids.club)
      .where('organisations.name', 'not like', 'Plastiflex%')
      .orderBy('organisations.name')
      .limit(4)
      .execute();
    await clubLeader('reader', companies[0]!.id); // stays in the group
    await clubLeader('outsider', companies[1]!.id); // a club member never in the group
    await clubLeader('leaver', companies[2]!.id); // reads, then leaves
    await clubLeader('pending', companies[3]!.id); // does not accept the new charter
    ids.authorCompany = (
      await t.db
        .selectFrom('person_organisations')
        .innerJoin('organisations', 'organisations.id', 'person_organisations.organisation_id')
        .select(['organisations.id', 'organisations.name'])
        .where('person_id', '=', ids.author!)
        .where('organisations.name', 'like', 'Plastiflex%')
        .executeTakeFirstOrThrow()
    ).id;

    // Staff create the group; four leaders of the club join after accepting its charter.
    await call('staff', 'POST', `/api/networks/${club}/groups`, {
      name: `Confidentiel ${suffix}`,
      theme: 'Cybersécurité',
      charter: 'Ce qui se dit ici reste ici.',
    });
    const created = (await call('staff', 'GET', `/api/networks/${club}/groups`)).groups as {
      slug: string;
      name: string;
    }[];
    assert.ok(
      created.some((g) => g.slug === group),
      `the group's slug is ${group}`,
    );
    for (const who of ['author', 'reader', 'leaver', 'pending']) await join(who);

    // The author posts a Chatham House report with a file and a mention; a member replies.
    const body = await multipart({
      file: {
        content: `Journal de l'incident ${marker}`,
        filename: `incident-${marker}.txt`,
        type: 'text/plain',
      },
    });
    const upload = await t.app.inject({
      method: 'POST',
      url: `${base}/files`,
      headers: { ...body.headers, cookie: cookies.author! },
      payload: body.payload,
    });
    assert.equal(upload.statusCode, 201, upload.body);
    ids.file = (upload.json() as { id: string }).id;
    ids.post = (
      await call('author', 'POST', `${base}/posts`, {
        kind: 'report',
        title: `Tentative de rançongiciel ${marker}`,
        body: `Ce qui s'est passé : ${marker}. Vérifiez vos sauvegardes.`,
        chatham: true,
        fileIds: [ids.file],
        mentionIds: [ids.reader],
      })
    ).id as string;
    ids.reply = (
      await call('reader', 'POST', `${base}/posts/${ids.post}/replies`, {
        body: `Merci, même chose chez nous ${marker}`,
      })
    ).id as string;
    ids.note = (
      await call('author', 'POST', `${base}/notes`, {
        title: `Note ${marker}`,
        body: `Nos recommandations ${marker}`,
      })
    ).id as string;

    // One member leaves; a new charter version leaves another one outside until they accept it.
    await call('leaver', 'POST', `${base}/leave`, {});
    await call('staff', 'POST', `${base}/charter`, { body: 'Ce qui se dit ici reste ici. Version 2.' });
    await join('author');
    await join('reader');

    // Mails go out: the urgent ones (the mention) and everybody's digest.
    await t.context.services.notificationDelivery.sendUrgent();
    await t.context.services.notificationDelivery.runDigest('daily');
    await t.context.services.notificationDelivery.runDigest('weekly');
  });
  after(() => t.close());

  const outsiders = ['staff', 'fedStaff', 'admin', 'otherNetwork', 'outsider', 'leaver', 'pending'] as const;

  function candidates(): Record<string, string[]> {
    const every = [ids.post!, ids.reply!, ids.note!, ids.file!];
    return {
      slug: [club, 'cluster-batiment-rhone', 'france-clusters-demo'],
      groupSlug: [group],
      postId: [ids.post!, ids.reply!],
      fileId: [ids.file!],
      noteId: [ids.note!],
      version: ['1'],
      id: every,
      personId: [ids.author!],
      organisationId: [ids.authorCompany!],
    };
  }

  async function everyReadRoute(who: string) {
    const urls = readRoutes(t.app).flatMap((route) => expandRoute(route, candidates()));
    const searches = urls.map((url) => `${url}?q=${marker}&search=${marker}&query=${marker}`);
    return probe(t.app, cookies[who] ?? null, [...urls, ...searches]);
  }

  it('shows the marker to a member of the group (the probe can see it)', async () => {
    const responses = await everyReadRoute('reader');
    const seen = responses.filter((r) => r.text.includes(marker)).map((r) => r.url);
    assert.ok(
      seen.some((url) => url.includes(`/posts/${ids.post}`)),
      'the thread',
    );
    assert.ok(
      seen.some((url) => url.includes(`/files/${ids.file}`)),
      'the file',
    );
    assert.ok(
      seen.some((url) => url.includes(`/notes/${ids.note}`)),
      'the note',
    );
  });

  for (const who of outsiders) {
    it(`shows nothing of it to ${who}, through any read route`, async () => {
      const responses = await everyReadRoute(who);
      assert.ok(responses.length > 100, `${responses.length} calls`);
      const leaks = responses.filter((r) => r.text.includes(marker)).map((r) => `${r.status} ${r.url}`);
      assert.deepEqual(leaks, []);
    });

    it(`reads none of it from the database itself as ${who} (row-level security)`, async () => {
      const found = await asPerson(t.db, ids[who] ?? null, async (trx) => {
        const hits = await sql<{ n: number }>`
          select (select count(*) from group_posts where title like ${`%${marker}%`} or body_markdown like ${`%${marker}%`})
               + (select count(*) from group_post_files where name like ${`%${marker}%`})
               + (select count(*) from group_note_versions where body like ${`%${marker}%`})
               + (select count(*) from group_notes where title like ${`%${marker}%`})
               + (select count(*) from notifications where title like ${`%${marker}%`} or excerpt like ${`%${marker}%`})
               + (select count(*) from outbox_emails where subject like ${`%${marker}%`} or body_text like ${`%${marker}%`})
               as n`.execute(trx);
        return Number(hits.rows[0]?.n);
      });
      assert.equal(found, 0);
    });
  }

  it('mails the marker to members of the group only, never to the others', async () => {
    const mails = await t.db
      .selectFrom('outbox_emails')
      .select(['recipient', 'subject', 'body_text', 'confidential'])
      .where((eb) => eb.or([eb('subject', 'like', `%${marker}%`), eb('body_text', 'like', `%${marker}%`)]))
      .execute();
    assert.ok(mails.length > 0, 'the mention and the digests were mailed');
    const members = await t.db
      .selectFrom('people')
      .select('email')
      .where('id', 'in', [ids.author!, ids.reader!])
      .execute();
    const allowed = new Set(members.map((m) => m.email.toLowerCase()));
    for (const mail of mails) {
      assert.ok(allowed.has(mail.recipient.toLowerCase()), `mailed to ${mail.recipient}`);
      assert.equal(mail.confidential, true);
    }
  });

  it('never names the author of the Chatham House report outside the thread itself', async () => {
    const author = await t.db
      .selectFrom('people')
      .select('display_name')
      .where('id', '=', ids.author!)
      .executeTakeFirstOrThrow();
    const names = [author.display_name, 'Plastiflex'];
    const notifications = await t.db
      .selectFrom('notifications')
      .select(['title', 'excerpt'])
      .where('subject_id', '=', ids.post!)
      .execute();
    assert.ok(notifications.length > 0);
    const mails = await t.db
      .selectFrom('outbox_emails')
      .select(['subject', 'body_text'])
      .where('body_text', 'like', `%Tentative de rançongiciel ${marker}%`)
      // The author's own mails greet them by name; what matters is what the others receive.
      .where('recipient', '!=', 'dirigeant@demo.meute.fr')
      .execute();
    assert.ok(mails.length > 0);
    for (const text of [
      ...notifications.map((n) => `${n.title} ${n.excerpt}`),
      ...mails.map((m) => `${m.subject} ${m.body_text}`),
    ]) {
      for (const name of names)
        assert.ok(!text.includes(name), `« ${name} » named in: ${text.slice(0, 200)}`);
    }
  });
});
