import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { GroupDetail, GroupList, GroupMembers, GroupThread, ThreadPage } from '@meute/contracts';
import { buildPerson, buildTestApp, grantRole, signIn } from '../../test/factories.ts';
import { buildRoleCast } from '../../test/role-cast.ts';
import { multipart } from '../imports/test-files.ts';
import { renderMarkdown } from './markdown.ts';

/**
 * The life of a working group through the API: staff create it with a charter, people join by
 * accepting it, members post (Chatham House included), reply, react, mention, attach files; a
 * new charter version locks the content until accepted again; leaving ends access at once.
 */
describe('working groups', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookies: Record<string, string | null>;
  let ids: Record<string, string>;
  let alpha: { id: string; slug: string };

  function call(
    who: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    payload?: object,
  ) {
    const cookie = cookies[who];
    return t.app.inject({
      method,
      url: `/api/networks/${alpha.slug}${path}`,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  }
  async function ok<T>(response: { statusCode: number; body: string; json: () => unknown }) {
    assert.ok(response.statusCode < 300, response.body);
    return response.json() as T;
  }
  const notificationsOf = (personId: string) =>
    t.db
      .selectFrom('notifications')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('created_at')
      .execute();

  before(async () => {
    t = await buildTestApp();
    const cast = await buildRoleCast(t);
    ({ cookies, ids, alpha } = cast);
  });
  after(async () => t?.close());

  it('lets staff keep the themes and create a group whose charter its leaders accept', async () => {
    await ok(await call('staff', 'PUT', '/group-themes', { themes: ['Cybersécurité', 'RSE'] }));
    assert.equal((await call('leader', 'PUT', '/group-themes', { themes: ['X'] })).statusCode, 403);
    const duplicate = await call('staff', 'PUT', '/group-themes', { themes: ['RSE', 'rse'] });
    assert.equal(duplicate.statusCode, 400);
    assert.equal(duplicate.json().field, 'themes.1');

    const missingCharter = await call('staff', 'POST', '/groups', { name: 'Cyber', theme: 'Cybersécurité' });
    assert.equal(missingCharter.statusCode, 400);
    assert.match(missingCharter.json().field, /charter/);

    const created = await ok<{ slug: string }>(
      await call('staff', 'POST', '/groups', {
        name: 'Cybersécurité des ETI',
        theme: 'Cybersécurité',
        audience: 'codir-roles',
        codirRoles: ['it'],
        charter: 'Ce qui est dit ici reste ici.',
        leaderIds: [ids.leader],
      }),
    );
    assert.equal(created.slug, 'cybersecurite-des-eti');
    const list = await ok<GroupList>(await call('leader', 'GET', '/groups'));
    assert.deepEqual(list.themes, ['Cybersécurité', 'RSE']);
    const group = list.groups[0]!;
    assert.equal(group.myStatus, 'invited');
    assert.equal(group.myRole, 'leader');
    assert.equal(group.canJoin, true);
    const invites = await notificationsOf(ids.leader!);
    assert.equal(invites[0]?.kind, 'group-invite');
    assert.equal(invites[0]?.group_id, null);

    // A stale charter version is refused; the current one lets the leader in.
    const stale = await call('leader', 'POST', '/groups/cybersecurite-des-eti/join', { charterVersion: 2 });
    assert.equal(stale.statusCode, 400);
    assert.equal(stale.json().field, 'charterVersion');
    await ok(await call('leader', 'POST', '/groups/cybersecurite-des-eti/join', { charterVersion: 1 }));
    const detail = await ok<GroupDetail>(await call('leader', 'GET', '/groups/cybersecurite-des-eti'));
    assert.equal(detail.myStatus, 'active');
    assert.equal(detail.canModerate, true);
    assert.equal(detail.memberCount, 1);
  });

  it('opens the group to a CODIR role its company leader sets', async () => {
    const before = await ok<GroupDetail>(await call('employee', 'GET', '/groups/cybersecurite-des-eti'));
    assert.equal(before.canJoin, false);
    assert.equal(
      (await call('employee', 'POST', '/groups/cybersecurite-des-eti/join', { charterVersion: 1 }))
        .statusCode,
      403,
    );
    // Only the company's leader (or staff) sets it.
    const path = `/organisations/${ids.A}/people/${ids.employee}/codir-role`;
    assert.equal((await call('employee', 'PUT', path, { codirRole: 'it' })).statusCode, 403);
    assert.equal((await call('leader', 'PUT', path, { codirRole: 'boss' })).statusCode, 400);
    await ok(await call('leader', 'PUT', path, { codirRole: 'it' }));
    const now = await ok<GroupDetail>(await call('employee', 'GET', '/groups/cybersecurite-des-eti'));
    assert.equal(now.canJoin, true);
    assert.equal(now.canSeeContent, false);
    await ok(await call('employee', 'POST', '/groups/cybersecurite-des-eti/join', { charterVersion: 1 }));
    const members = await ok<GroupMembers>(
      await call('employee', 'GET', '/groups/cybersecurite-des-eti/members'),
    );
    assert.deepEqual(members.members.map((m) => [m.role, m.codirRole]).sort(), [
      ['leader', null],
      ['member', 'it'],
    ]);
  });

  let reportId: string;
  it('posts a Chatham House report with a file and a mention, naming its author to nobody outside', async () => {
    const upload = await multipart({
      file: { content: Buffer.from('journal du pare-feu'), filename: 'incident.txt', type: 'text/plain' },
    });
    const file = await ok<{ id: string }>(
      await t.app.inject({
        method: 'POST',
        url: `/api/networks/${alpha.slug}/groups/cybersecurite-des-eti/files`,
        headers: { ...upload.headers, cookie: cookies.leader! },
        payload: upload.payload,
      }),
    );
    // Someone else's unattached file cannot be cited.
    const stolen = await call('employee', 'POST', '/groups/cybersecurite-des-eti/posts', {
      title: 'x',
      body: 'x',
      fileIds: [file.id],
    });
    assert.equal(stolen.statusCode, 400);
    assert.equal(stolen.json().field, 'fileIds');

    const created = await ok<{ id: string }>(
      await call('leader', 'POST', '/groups/cybersecurite-des-eti/posts', {
        kind: 'report',
        title: 'Tentative de rançongiciel',
        body: 'Nous avons **bloqué** une tentative. <script>alert(1)</script> [lien](javascript:alert(1))',
        chatham: true,
        fileIds: [file.id],
        mentionIds: [ids.employee],
      }),
    );
    reportId = created.id;
    const thread = await ok<GroupThread>(
      await call('employee', 'GET', `/groups/cybersecurite-des-eti/posts/${reportId}`),
    );
    assert.equal(thread.thread.author?.personId, ids.leader);
    assert.equal(thread.thread.chatham, true);
    assert.match(thread.thread.html, /<strong>bloqué<\/strong>/);
    assert.doesNotMatch(thread.thread.html, /<script|href="javascript:/);
    assert.match(thread.thread.html, /&lt;script&gt;/, 'the text stays readable');
    assert.equal(thread.thread.files[0]?.name, 'incident.txt');
    assert.equal(thread.thread.mentions[0]?.personId, ids.employee);

    const leaderName = (
      await t.db
        .selectFrom('people')
        .select('display_name')
        .where('id', '=', ids.leader!)
        .executeTakeFirstOrThrow()
    ).display_name;
    const [mention] = (await notificationsOf(ids.employee!)).filter((n) => n.kind === 'mention');
    assert.ok(mention, 'the mentioned member is notified');
    assert.equal(mention.urgent, true);
    assert.equal(mention.group_id !== null, true);
    assert.ok(!mention.title.includes(leaderName) && !mention.excerpt.includes(leaderName), mention.title);
    assert.match(mention.title, /Tentative de rançongiciel/);

    const download = await call('employee', 'GET', `/groups/cybersecurite-des-eti/files/${file.id}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.body, 'journal du pare-feu');
    assert.match(String(download.headers['content-disposition']), /^attachment/);
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
  });

  it('lets members reply, react and edit their own posts; replies notify the others for the digest', async () => {
    const reply = await ok<{ id: string }>(
      await call('employee', 'POST', `/groups/cybersecurite-des-eti/posts/${reportId}/replies`, {
        body: 'Merci, nous vérifions nos sauvegardes.',
      }),
    );
    await ok(
      await call('employee', 'PUT', `/groups/cybersecurite-des-eti/posts/${reportId}/reactions/thanks`),
    );
    await ok(
      await call('employee', 'PUT', `/groups/cybersecurite-des-eti/posts/${reportId}/reactions/thanks`),
    );
    assert.equal(
      (await call('employee', 'PUT', `/groups/cybersecurite-des-eti/posts/${reportId}/reactions/love`))
        .statusCode,
      400,
    );
    assert.equal(
      (
        await call('leader', 'PATCH', `/groups/cybersecurite-des-eti/posts/${reply.id}`, {
          body: 'pas à moi',
        })
      ).statusCode,
      403,
    );
    const leaderName = (
      await t.db
        .selectFrom('people')
        .select('display_name')
        .where('id', '=', ids.leader!)
        .executeTakeFirstOrThrow()
    ).display_name;
    const mentionsBefore = (await notificationsOf(ids.leader!)).filter((n) => n.kind === 'mention').length;
    await ok(
      await call('employee', 'PATCH', `/groups/cybersecurite-des-eti/posts/${reply.id}`, {
        body: `Merci, nous vérifions nos sauvegardes hors ligne. @${leaderName}, une relecture ?`,
      }),
    );
    // The edit names the leader for the first time: told once, urgently; a second edit adds nothing.
    await ok(
      await call('employee', 'PATCH', `/groups/cybersecurite-des-eti/posts/${reply.id}`, {
        body: `Merci, nous vérifions nos sauvegardes hors ligne. @${leaderName}, une relecture, svp ?`,
      }),
    );
    const mentionsAfter = (await notificationsOf(ids.leader!)).filter((n) => n.kind === 'mention');
    assert.equal(mentionsAfter.length, mentionsBefore + 1);
    assert.equal(mentionsAfter.at(-1)?.urgent, true);
    assert.equal(mentionsAfter.at(-1)?.subject_id, reply.id);
    const thread = await ok<GroupThread>(
      await call('leader', 'GET', `/groups/cybersecurite-des-eti/posts/${reportId}`),
    );
    assert.deepEqual(thread.thread.reactions, [{ reaction: 'thanks', count: 1, mine: false }]);
    assert.equal(thread.replies.length, 1);
    assert.ok(thread.replies[0]?.editedAt);
    assert.equal(thread.replies[0]?.chatham, true, 'a reply follows its thread’s rule');
    const [replyNote] = (await notificationsOf(ids.leader!)).filter((n) => n.kind === 'reply');
    assert.equal(replyNote?.urgent, false);
    assert.equal(replyNote?.link, `/n/${alpha.slug}/groups/cybersecurite-des-eti/posts/${reportId}`);
    const employeeName = (
      await t.db
        .selectFrom('people')
        .select('display_name')
        .where('id', '=', ids.employee!)
        .executeTakeFirstOrThrow()
    ).display_name;
    assert.ok(!replyNote.title.includes(employeeName), 'a reply in a Chatham House thread names nobody');
  });

  it('lets a leader hide a post with the reason; the others see the reason only', async () => {
    const post = await ok<{ id: string }>(
      await call('employee', 'POST', '/groups/cybersecurite-des-eti/posts', {
        title: 'Offre',
        body: 'Achetez mon logiciel',
      }),
    );
    assert.equal(
      (
        await call('employee', 'POST', `/groups/cybersecurite-des-eti/posts/${post.id}/hide`, {
          reason: 'non',
        })
      ).statusCode,
      403,
    );
    await ok(
      await call('leader', 'POST', `/groups/cybersecurite-des-eti/posts/${post.id}/hide`, {
        reason: 'Démarchage',
      }),
    );
    const seenByAuthor = await ok<GroupThread>(
      await call('employee', 'GET', `/groups/cybersecurite-des-eti/posts/${post.id}`),
    );
    assert.equal(seenByAuthor.thread.hidden?.reason, 'Démarchage');
    assert.equal(seenByAuthor.thread.canEdit, false);
    const page = await ok<ThreadPage>(await call('leader', 'GET', '/groups/cybersecurite-des-eti/posts'));
    const listed = page.threads.find((p) => p.id === post.id);
    assert.equal(listed?.hidden, true);
    assert.equal(listed?.title, 'Offre', 'the leaders who hid it still read its title');
    assert.equal(listed?.excerpt, '');

    // Another member sees that a thread was hidden, and why, but neither its title nor its text.
    const reader = await buildPerson(t.db);
    await grantRole(t.db, reader.id, alpha.id, 'staff');
    cookies.reader = await signIn(t.app, reader.email);
    await ok(await call('leader', 'POST', '/groups/cybersecurite-des-eti/members', { personId: reader.id }));
    await ok(await call('reader', 'POST', '/groups/cybersecurite-des-eti/join', { charterVersion: 1 }));
    const readerPage = await ok<ThreadPage>(
      await call('reader', 'GET', '/groups/cybersecurite-des-eti/posts'),
    );
    const seenInList = readerPage.threads.find((p) => p.id === post.id);
    assert.equal(seenInList?.hidden, true);
    assert.equal(seenInList?.title, '');
    const seenByReader = await ok<GroupThread>(
      await call('reader', 'GET', `/groups/cybersecurite-des-eti/posts/${post.id}`),
    );
    assert.equal(seenByReader.thread.title, null);
    assert.equal(seenByReader.thread.html, '');
    assert.equal(seenByReader.thread.hidden?.reason, 'Démarchage');
    assert.equal(JSON.stringify(seenByReader).includes('Achetez'), false);
  });

  it('pages threads by the most recent activity with a keyset cursor', async () => {
    const values = Array.from({ length: 65 }, (_, i) => ({
      group_id: '',
      kind: 'discussion' as const,
      title: `Fil ${i}`,
      body_markdown: `Texte ${i}`,
      body_html: `<p>Texte ${i}</p>`,
      author_id: ids.leader!,
      last_activity_at: new Date(Date.UTC(2026, 0, 1, 0, i)),
    }));
    const group = await t.db
      .selectFrom('working_groups')
      .select('id')
      .where('slug', '=', 'cybersecurite-des-eti')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('group_posts')
      .values(values.map((v) => ({ ...v, group_id: group.id })))
      .execute();
    const seen: string[] = [];
    let after: string | null = '';
    let pages = 0;
    while (after !== null) {
      const query = after ? `?after=${encodeURIComponent(after)}` : '';
      const page: ThreadPage = await ok<ThreadPage>(
        await call('employee', 'GET', `/groups/cybersecurite-des-eti/posts${query}`),
      );
      seen.push(...page.threads.map((p) => p.id));
      after = page.nextCursor;
      pages += 1;
    }
    assert.equal(pages, 3);
    assert.equal(new Set(seen).size, 67);
    const bad = await call('employee', 'GET', '/groups/cybersecurite-des-eti/posts?after=nonsense');
    assert.equal(bad.statusCode, 400);
  });

  it('asks every member to accept a new charter version before reading on', async () => {
    await ok(
      await call('leader', 'POST', '/groups/cybersecurite-des-eti/charter', {
        body: 'Version 2 : rien ne sort.',
      }),
    );
    const locked = await ok<GroupDetail>(await call('employee', 'GET', '/groups/cybersecurite-des-eti'));
    assert.equal(locked.myStatus, 'charter-pending');
    assert.equal(locked.canSeeContent, false);
    assert.equal(
      (await call('employee', 'GET', `/groups/cybersecurite-des-eti/posts/${reportId}`)).statusCode,
      403,
    );
    assert.equal((await call('employee', 'GET', '/groups/cybersecurite-des-eti/posts')).statusCode, 403);
    const [charterNote] = (await notificationsOf(ids.employee!)).filter((n) => n.kind === 'charter');
    assert.equal(charterNote?.group_id, null, 'the member who must accept still sees the line');
    await ok(await call('employee', 'POST', '/groups/cybersecurite-des-eti/join', { charterVersion: 2 }));
    assert.equal(
      (await call('employee', 'GET', `/groups/cybersecurite-des-eti/posts/${reportId}`)).statusCode,
      200,
    );
  });

  it('ends access the moment a member leaves, and hides their group notifications', async () => {
    await ok(await call('employee', 'POST', '/groups/cybersecurite-des-eti/leave'));
    assert.equal(
      (await call('employee', 'GET', `/groups/cybersecurite-des-eti/posts/${reportId}`)).statusCode,
      403,
    );
    const detail = await ok<GroupDetail>(await call('employee', 'GET', '/groups/cybersecurite-des-eti'));
    assert.equal(detail.myStatus, 'left');
    assert.equal(detail.canJoin, true, 'an eligible person may come back');
    const visible = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: cookies.employee! },
    });
    assert.equal(visible.statusCode, 200);
  });

  it('lets leaders invite and remove, and only staff name leaders', async () => {
    const newcomer = await buildPerson(t.db);
    await grantRole(t.db, newcomer.id, alpha.id, 'staff');
    cookies.newcomer = await signIn(t.app, newcomer.email);
    assert.equal(
      (
        await call('leader', 'POST', '/groups/cybersecurite-des-eti/members', {
          personId: newcomer.id,
          role: 'leader',
        })
      ).statusCode,
      403,
    );
    await ok(
      await call('leader', 'POST', '/groups/cybersecurite-des-eti/members', { personId: newcomer.id }),
    );
    // A person of another network cannot be invited.
    assert.equal(
      (await call('leader', 'POST', '/groups/cybersecurite-des-eti/members', { personId: ids.otherMember }))
        .statusCode,
      400,
    );
    await ok(await call('newcomer', 'POST', '/groups/cybersecurite-des-eti/join', { charterVersion: 2 }));
    await ok(await call('leader', 'DELETE', `/groups/cybersecurite-des-eti/members/${newcomer.id}`));
    assert.equal((await call('newcomer', 'GET', '/groups/cybersecurite-des-eti/posts')).statusCode, 403);
    assert.equal(
      (await call('newcomer', 'POST', '/groups/cybersecurite-des-eti/join', { charterVersion: 2 }))
        .statusCode,
      403,
      'a removed member comes back only by invitation',
    );
    assert.equal(
      (await call('leader', 'DELETE', `/groups/cybersecurite-des-eti/members/${ids.leader}`)).statusCode,
      403,
    );
  });

  it('renders Markdown through an allow-list: no script, handler, style or dangerous URL survives', () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '![x](javascript:alert(1))',
      '<svg onload=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      '<style>body{display:none}</style>',
      '[x](vbscript:msgbox(1))',
      '<iframe src="https://evil.example"></iframe>',
    ];
    for (const payload of payloads) {
      const html = renderMarkdown(payload);
      // Whatever is left is text (escaped) or one of the allowed tags with safe attributes.
      for (const tag of html.match(/<[^>]*>/g) ?? []) {
        assert.match(
          tag,
          /^<\/?(p|a|strong|em)( href="https:[^"]*"| rel="[^"]*"| target="_blank")*>$/,
          `${payload} → ${tag}`,
        );
      }
    }
    assert.equal(
      renderMarkdown('[site](https://example.org)'),
      '<p><a href="https://example.org" rel="noopener noreferrer nofollow" target="_blank">site</a></p>',
    );
  });
});
