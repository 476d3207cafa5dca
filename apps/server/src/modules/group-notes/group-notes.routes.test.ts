import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { GroupNote, GroupNoteHistory, GroupNoteVersion, NoteConflict } from '@meute/contracts';
import { buildNetwork, buildPerson, buildTestApp, grantRole, signIn } from '../../test/factories.ts';
import { buildGroup } from './test-groups.ts';

describe('group notes: co-writing the « note blanche » with versions', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let slug: string;
  let groupSlug: string;
  let groupId: string;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};

  function call(who: string, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object, lang = 'fr') {
    return t.app.inject({
      method,
      url: `/api/networks/${slug}/groups/${groupSlug}/notes${path}`,
      headers: { cookie: cookies[who]!, 'accept-language': lang },
      ...(payload ? { payload } : {}),
    });
  }

  before(async () => {
    t = await buildTestApp();
    const network = await buildNetwork(t.db, { kind: 'club', name: 'Club ETI' });
    slug = network.slug;
    for (const name of ['claire', 'marc', 'sophie']) {
      const person = await buildPerson(t.db, { displayName: name[0]!.toUpperCase() + name.slice(1) });
      ids[name] = person.id;
      cookies[name] = await signIn(t.app, person.email);
      await grantRole(t.db, person.id, network.id, 'member_leader');
    }
    await t.db.updateTable('people').set({ locale: 'en' }).where('id', '=', ids.sophie!).execute();
    const group = await buildGroup(t.db, {
      networkId: network.id,
      slug: 'cybersecurite',
      name: 'Cybersécurité',
      active: [ids.claire!, ids.marc!, ids.sophie!],
    });
    groupSlug = group.slug;
    groupId = group.id;
  });
  after(() => t.close());

  let note: GroupNote;

  it('starts a note at version 1 and notifies the other members, in their language', async () => {
    const created = await call('claire', 'POST', '', {
      title: 'Note blanche — plénière de Caen',
      body: '# Constat\n\nTrois tentatives de rançongiciel en 2025.\n',
      summary: 'Premier jet',
    });
    assert.equal(created.statusCode, 201, created.body);
    note = created.json();
    assert.equal(note.version, 1);
    assert.equal(note.updatedBy?.name, 'Claire');
    const lines = await t.db
      .selectFrom('notifications')
      .select(['person_id', 'kind', 'title', 'urgent', 'group_id'])
      .where('subject_id', '=', note.id)
      .execute();
    assert.deepEqual(lines.map((l) => l.person_id).sort(), [ids.marc, ids.sophie].sort());
    assert.ok(lines.every((l) => l.kind === 'note' && !l.urgent && l.group_id === groupId));
    assert.match(lines.find((l) => l.person_id === ids.marc)!.title, /Claire a créé la note/);
    assert.match(lines.find((l) => l.person_id === ids.sophie)!.title, /Claire created the note/);
  });

  it('lists the notes with their latest version', async () => {
    const list = await call('marc', 'GET', '');
    assert.equal(list.statusCode, 200);
    const body = list.json() as { notes: { id: string; version: number }[]; canEdit: boolean };
    assert.deepEqual(
      body.notes.map((n) => [n.id, n.version]),
      [[note.id, 1]],
    );
    assert.equal(body.canEdit, true);
  });

  it('saves on the latest version, and refuses a save on a stale one with the other person’s changes', async () => {
    const marc = await call('marc', 'PUT', `/${note.id}`, {
      title: note.title,
      body: '# Constat\n\nTrois tentatives de rançongiciel en 2025, dont une réussie.\n\n# Recommandations\n',
      summary: 'Ajout des recommandations',
      baseVersion: 1,
    });
    assert.equal(marc.statusCode, 200, marc.body);
    assert.equal((marc.json() as GroupNote).version, 2);

    const claire = await call('claire', 'PUT', `/${note.id}`, {
      title: note.title,
      body: '# Constat\n\nQuatre tentatives.\n',
      baseVersion: 1,
    });
    assert.equal(claire.statusCode, 409);
    const conflict = claire.json() as NoteConflict;
    assert.equal(conflict.code, 'NOTE_CONFLICT');
    assert.match(conflict.message, /rien n’a été écrasé/);
    assert.equal(conflict.current.version, 2);
    assert.deepEqual(conflict.changedBy, ['Marc']);
    assert.equal(conflict.theirChanges.fromVersion, 1);
    assert.ok(
      conflict.theirChanges.lines.some((l) => l.kind === 'added' && l.parts[0]!.text === '# Recommandations'),
    );
    const changed = conflict.theirChanges.lines.find((l) => l.kind === 'changed')!;
    assert.ok(changed.parts.some((p) => p.kind === 'added' && p.text.includes('réussie')));

    const english = await call(
      'sophie',
      'PUT',
      `/${note.id}`,
      { title: 'x', body: '', baseVersion: 1 },
      'en',
    );
    assert.match((english.json() as NoteConflict).message, /nothing was overwritten/);

    // Nothing of the refused save was written.
    const current = (await call('claire', 'GET', `/${note.id}`)).json() as GroupNote;
    assert.equal(current.version, 2);
    assert.match(current.body, /dont une réussie/);
  });

  it('lets exactly one of two simultaneous saves on the same base through', async () => {
    const save = (who: string, body: string) =>
      call(who, 'PUT', `/${note.id}`, { title: note.title, body, baseVersion: 2 });
    const results = await Promise.all([
      save('claire', 'Version de Claire'),
      save('sophie', 'Version de Sophie'),
    ]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
    const history = (await call('marc', 'GET', `/${note.id}/versions`)).json() as GroupNoteHistory;
    assert.deepEqual(
      history.versions.map((v) => v.version),
      [3, 2, 1],
    );
  });

  it('shows the history with authors, and compares a version with the previous one', async () => {
    const history = (await call('marc', 'GET', `/${note.id}/versions`)).json() as GroupNoteHistory;
    assert.equal(history.currentVersion, 3);
    assert.equal(history.versions[1]!.author?.name, 'Marc');
    assert.equal(history.versions[1]!.summary, 'Ajout des recommandations');
    const v2 = await call('marc', 'GET', `/${note.id}/versions/2`);
    assert.equal(v2.statusCode, 200);
    const version = v2.json() as GroupNoteVersion;
    assert.equal(version.diff.fromVersion, 1);
    assert.equal(version.diff.linesAdded, 3);
    assert.equal(version.diff.linesRemoved, 1);
    const first = (await call('marc', 'GET', `/${note.id}/versions/1`)).json() as GroupNoteVersion;
    assert.equal(first.diff.fromVersion, null);
    assert.ok(first.diff.lines.every((l) => l.kind === 'added'));
    assert.equal((await call('marc', 'GET', `/${note.id}/versions/99`)).statusCode, 404);
  });

  it('restores an old version as a new version, and refuses a restore on a stale base', async () => {
    const stale = await call('claire', 'POST', `/${note.id}/versions/2/restore`, { baseVersion: 2 });
    assert.equal(stale.statusCode, 409);
    const restored = await call('claire', 'POST', `/${note.id}/versions/2/restore`, { baseVersion: 3 });
    assert.equal(restored.statusCode, 200, restored.body);
    const now = restored.json() as GroupNote;
    assert.equal(now.version, 4);
    assert.match(now.body, /dont une réussie/);
    const history = (await call('marc', 'GET', `/${note.id}/versions`)).json() as GroupNoteHistory;
    assert.equal(history.versions[0]!.restoredFrom, 2);
    assert.equal(history.versions.length, 4);
  });

  it('refuses bad input with a clear error naming the field, and writes nothing', async () => {
    const empty = await call('claire', 'POST', '', { title: '   ', body: 'x' });
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().field, 'body.title');
    const future = await call('claire', 'PUT', `/${note.id}`, { title: 't', body: 'b', baseVersion: 40 });
    assert.equal(future.statusCode, 400);
    assert.equal(future.json().field, 'baseVersion');
    assert.match(future.json().message, /cette version de la note n’existe pas/);
    const noBase = await call('claire', 'PUT', `/${note.id}`, { title: 't', body: 'b' });
    assert.equal(noBase.statusCode, 400);
    assert.equal(noBase.json().field, 'body.baseVersion');
    const badId = await call('claire', 'GET', '/not-a-uuid');
    assert.equal(badId.statusCode, 400);
    const history = (await call('marc', 'GET', `/${note.id}/versions`)).json() as GroupNoteHistory;
    assert.equal(history.versions.length, 4);
  });

  it('renders the Markdown sanitised, on the server, for the note and the preview', async () => {
    const body = '## Plan\n\n**Urgent** <script>alert(1)</script> [lien](javascript:alert(1))\n';
    const preview = await call('marc', 'POST', '/preview', { body });
    assert.equal(preview.statusCode, 200);
    const html = (preview.json() as { html: string }).html;
    assert.match(html, /<h4>Plan<\/h4>/);
    assert.match(html, /<strong>Urgent<\/strong>/);
    assert.ok(!html.includes('<script>'));
    assert.ok(!/href="javascript/i.test(html));
    const other = await call('marc', 'POST', '', { title: 'Essai', body });
    assert.equal((other.json() as GroupNote).bodyHtml, html);
  });

  it('closes the notes to a member when the charter changes until they accept it again', async () => {
    await t.db
      .insertInto('group_charters')
      .values({ group_id: groupId, version: 2, body: 'Nouvelle charte.' })
      .execute();
    assert.equal((await call('marc', 'GET', '')).statusCode, 403);
    await t.db
      .updateTable('group_members')
      .set({ charter_version: 2 })
      .where('group_id', '=', groupId)
      .where('person_id', '=', ids.marc!)
      .execute();
    assert.equal((await call('marc', 'GET', '')).statusCode, 200);
  });

  it('keeps an archived group’s notes readable and read-only', async () => {
    await t.db
      .updateTable('group_members')
      .set({ charter_version: 2 })
      .where('group_id', '=', groupId)
      .execute();
    await t.db
      .updateTable('working_groups')
      .set({ archived_at: new Date() })
      .where('id', '=', groupId)
      .execute();
    const list = await call('claire', 'GET', '');
    assert.equal(list.statusCode, 200);
    assert.equal(list.json().canEdit, false);
    const save = await call('claire', 'PUT', `/${note.id}`, { title: 't', body: 'b', baseVersion: 4 });
    assert.equal(save.statusCode, 403);
  });
});
