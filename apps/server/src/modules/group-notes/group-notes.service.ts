import type {
  CreateGroupNoteRequest,
  GroupNote,
  GroupNoteHistory,
  GroupNoteList,
  GroupNoteVersion,
  Locale,
  NoteDiff,
  SaveGroupNoteRequest,
} from '@meute/contracts';
import { type Kysely, sql } from 'kysely';
import { asPerson, type Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import { renderMarkdown } from '../groups/markdown.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import type { Notifier } from '../notifications/notifier.ts';
import type { GroupNotesRepository } from './group-notes.repository.ts';
import { diffNoteBodies } from './note-diff.ts';

interface Deps {
  db: Kysely<DB>;
  notes: GroupNotesRepository;
  networks: NetworksRepository;
  notifier: Notifier;
  now?: () => Date;
}

/** A save refused because someone saved since the editor's base version: nothing was written. */
export interface NoteConflictOutcome {
  ok: false;
  current: GroupNote;
  theirChanges: NoteDiff;
  changedBy: string[];
}
export type NoteSaveOutcome = { ok: true; note: GroupNote } | NoteConflictOutcome;

const NOTIFICATION_TITLES: Record<Locale, { created: string; saved: string; restored: string }> = {
  fr: {
    created: '{name} a créé la note « {title} »',
    saved: '{name} a modifié la note « {title} »',
    restored: '{name} a restauré une version de la note « {title} »',
  },
  en: {
    created: '{name} created the note “{title}”',
    saved: '{name} edited the note “{title}”',
    restored: '{name} restored a version of the note “{title}”',
  },
};

/**
 * A working group's shared notes. Only the group's readers (active members on its current
 * charter) see or write a note — never the network's staff or an administrator as such. Every
 * save is a version; a save names its base version and is refused if someone saved since.
 */
export function createGroupNotesService({ db, notes, networks, notifier, now = () => new Date() }: Deps) {
  /** The group, if the caller may read its content; otherwise the right refusal. */
  async function loadGroup(trx: Scoped, person: AuthenticatedPerson, slug: string, groupSlug: string) {
    const { network } = await loadNetworkForActor(trx, networks, person, slug);
    const group = await notes.findGroup(trx, network.id, groupSlug);
    if (!group) throw new AppError('NOT_FOUND');
    // A person of the network sees that the group exists, not what it writes.
    if (!(await notes.canReadContent(trx, group.id))) throw new AppError('FORBIDDEN');
    return { network, group, canEdit: group.archived_at === null };
  }

  type NoteRow = NonNullable<Awaited<ReturnType<GroupNotesRepository['findNote']>>>;

  async function toNote(row: NoteRow, canEdit: boolean): Promise<GroupNote> {
    const names = await notes.names(db, [row.author_id]);
    return {
      id: row.id,
      title: row.title,
      body: row.body,
      bodyHtml: renderMarkdown(row.body),
      version: row.current_version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      updatedBy: row.author_id ? { id: row.author_id, name: names.get(row.author_id) ?? '' } : null,
      canEdit,
    };
  }

  /**
   * Runs a write as the application, in one transaction, after checking — inside that same
   * transaction and with the policies' own function — that the person may write in the group.
   */
  async function write<T>(
    person: AuthenticatedPerson,
    slug: string,
    groupSlug: string,
    work: (trx: Scoped, ctx: Awaited<ReturnType<typeof loadGroup>>) => Promise<T>,
  ): Promise<T> {
    const ctx = await asPerson(db, person.personId, (trx) => loadGroup(trx, person, slug, groupSlug));
    if (!ctx.canEdit) throw new AppError('FORBIDDEN');
    return db.transaction().execute(async (trx) => {
      await sql`select set_config('meute.person_id', ${person.personId}, true)`.execute(trx);
      // Left the group between the two steps: nothing is written.
      if (!(await notes.canReadContent(trx, ctx.group.id))) throw new AppError('FORBIDDEN');
      return work(trx, ctx);
    });
  }

  async function notifyReaders(
    trx: Scoped,
    person: AuthenticatedPerson,
    ctx: Awaited<ReturnType<typeof loadGroup>>,
    noteId: string,
    title: string,
    what: 'created' | 'saved' | 'restored',
    excerpt: string,
  ) {
    const readers = await notes.otherReaders(trx, ctx.group.id, person.personId);
    if (readers.length === 0) return;
    const people = await trx
      .selectFrom('people')
      .select(['id', 'locale'])
      .where('id', 'in', [...readers, person.personId])
      .execute();
    const author = await trx
      .selectFrom('people')
      .select('display_name')
      .where('id', '=', person.personId)
      .executeTakeFirstOrThrow();
    const locales = new Map(people.map((p) => [p.id, p.locale]));
    await notifier.notify(
      trx,
      readers.map((personId) => ({
        personId,
        networkId: ctx.network.id,
        groupId: ctx.group.id,
        kind: 'note' as const,
        subjectId: noteId,
        link: `/n/${ctx.network.slug}/groups/${ctx.group.slug}?tab=note&note=${noteId}`,
        title: NOTIFICATION_TITLES[locales.get(personId) ?? 'fr'][what]
          .replace('{name}', author.display_name)
          .replace('{title}', title),
        excerpt,
      })),
    );
  }

  async function readNote(person: AuthenticatedPerson, slug: string, groupSlug: string, noteId: string) {
    return asPerson(db, person.personId, async (trx) => {
      const ctx = await loadGroup(trx, person, slug, groupSlug);
      const row = await notes.findNote(trx, ctx.group.id, noteId);
      if (!row) throw new AppError('NOT_FOUND');
      return toNote(row, ctx.canEdit);
    });
  }

  /**
   * Writes a new version on top of `baseVersion`, or reports what others changed since. The row
   * lock makes two simultaneous saves on the same base end with one version and one conflict.
   */
  async function saveVersion(
    person: AuthenticatedPerson,
    slug: string,
    groupSlug: string,
    noteId: string,
    input: { title: string; body: string; summary: string; baseVersion: number; restoredFrom?: number },
  ): Promise<NoteSaveOutcome> {
    return write(person, slug, groupSlug, async (trx, ctx) => {
      const locked = await notes.lockNote(trx, ctx.group.id, noteId);
      if (!locked) throw new AppError('NOT_FOUND');
      if (input.baseVersion > locked.current_version) {
        throw new AppError('VALIDATION', {
          field: 'baseVersion',
          params: { detail: 'detail.NOTE_BASE_UNKNOWN' },
        });
      }
      if (input.baseVersion !== locked.current_version) {
        const base = await notes.version(trx, noteId, input.baseVersion);
        const current = await notes.findNote(trx, ctx.group.id, noteId);
        if (!base || !current) throw new AppError('NOT_FOUND');
        const since = await notes.versionsAfter(trx, noteId, input.baseVersion);
        const names = await notes.names(
          db,
          since.map((v) => v.author_id),
        );
        return {
          ok: false,
          current: await toNote(current, ctx.canEdit),
          theirChanges: {
            fromVersion: base.version,
            toVersion: current.current_version,
            titleBefore: base.title,
            titleAfter: current.title,
            ...diffNoteBodies(base.body, current.body),
          },
          changedBy: [
            ...new Set(since.map((v) => (v.author_id ? (names.get(v.author_id) ?? '') : ''))),
          ].filter(Boolean),
        } satisfies NoteConflictOutcome;
      }
      const version = locked.current_version + 1;
      await notes.addVersion(trx, {
        noteId,
        groupId: ctx.group.id,
        version,
        title: input.title,
        body: input.body,
        summary: input.summary,
        by: person.personId,
        ...(input.restoredFrom ? { restoredFrom: input.restoredFrom } : {}),
        at: now(),
      });
      await notifyReaders(
        trx,
        person,
        ctx,
        noteId,
        input.title,
        input.restoredFrom ? 'restored' : 'saved',
        input.summary,
      );
      const saved = await notes.findNote(trx, ctx.group.id, noteId);
      return { ok: true, note: await toNote(saved!, ctx.canEdit) };
    });
  }

  return {
    async list(person: AuthenticatedPerson, slug: string, groupSlug: string): Promise<GroupNoteList> {
      return asPerson(db, person.personId, async (trx) => {
        const ctx = await loadGroup(trx, person, slug, groupSlug);
        const rows = await notes.listNotes(trx, ctx.group.id);
        const names = await notes.names(
          db,
          rows.map((row) => row.author_id),
        );
        return {
          group: { slug: ctx.group.slug, name: ctx.group.name },
          notes: rows.map((row) => ({
            id: row.id,
            title: row.title,
            version: row.current_version,
            updatedAt: row.updated_at.toISOString(),
            updatedBy: row.author_id ? { id: row.author_id, name: names.get(row.author_id) ?? '' } : null,
          })),
          canEdit: ctx.canEdit,
        };
      });
    },

    get: readNote,

    /** The editor's preview: the same sanitised rendering as a saved note, for the group's members. */
    async preview(person: AuthenticatedPerson, slug: string, groupSlug: string, body: string) {
      await asPerson(db, person.personId, (trx) => loadGroup(trx, person, slug, groupSlug));
      return { html: renderMarkdown(body) };
    },

    async create(
      person: AuthenticatedPerson,
      slug: string,
      groupSlug: string,
      input: Required<CreateGroupNoteRequest>,
    ): Promise<GroupNote> {
      const noteId = await write(person, slug, groupSlug, async (trx, ctx) => {
        const id = await notes.insertNote(trx, {
          networkId: ctx.network.id,
          groupId: ctx.group.id,
          title: input.title,
          body: input.body,
          summary: input.summary,
          by: person.personId,
        });
        await notifyReaders(trx, person, ctx, id, input.title, 'created', input.summary);
        return id;
      });
      return readNote(person, slug, groupSlug, noteId);
    },

    save(
      person: AuthenticatedPerson,
      slug: string,
      groupSlug: string,
      noteId: string,
      input: Required<SaveGroupNoteRequest>,
    ) {
      return saveVersion(person, slug, groupSlug, noteId, input);
    },

    /** Brings back an old version's title and body as a new version (nothing is ever erased). */
    async restore(
      person: AuthenticatedPerson,
      slug: string,
      groupSlug: string,
      noteId: string,
      version: number,
      baseVersion: number,
    ): Promise<NoteSaveOutcome> {
      const old = await asPerson(db, person.personId, async (trx) => {
        const ctx = await loadGroup(trx, person, slug, groupSlug);
        if (!(await notes.findNote(trx, ctx.group.id, noteId))) throw new AppError('NOT_FOUND');
        return notes.version(trx, noteId, version);
      });
      if (!old) throw new AppError('NOT_FOUND');
      return saveVersion(person, slug, groupSlug, noteId, {
        title: old.title,
        body: old.body,
        summary: '',
        baseVersion,
        restoredFrom: old.version,
      });
    },

    async history(
      person: AuthenticatedPerson,
      slug: string,
      groupSlug: string,
      noteId: string,
    ): Promise<GroupNoteHistory> {
      return asPerson(db, person.personId, async (trx) => {
        const ctx = await loadGroup(trx, person, slug, groupSlug);
        const note = await notes.findNote(trx, ctx.group.id, noteId);
        if (!note) throw new AppError('NOT_FOUND');
        const rows = await notes.versions(trx, noteId);
        const names = await notes.names(
          db,
          rows.map((row) => row.author_id),
        );
        return {
          noteId,
          currentVersion: note.current_version,
          versions: rows.map((row) => ({
            version: row.version,
            title: row.title,
            summary: row.summary,
            author: row.author_id ? { id: row.author_id, name: names.get(row.author_id) ?? '' } : null,
            createdAt: row.created_at.toISOString(),
            restoredFrom: row.restored_from,
          })),
        };
      });
    },

    /** One version, compared with the one before it. */
    async version(
      person: AuthenticatedPerson,
      slug: string,
      groupSlug: string,
      noteId: string,
      version: number,
    ): Promise<GroupNoteVersion> {
      return asPerson(db, person.personId, async (trx) => {
        const ctx = await loadGroup(trx, person, slug, groupSlug);
        if (!(await notes.findNote(trx, ctx.group.id, noteId))) throw new AppError('NOT_FOUND');
        const row = await notes.version(trx, noteId, version);
        if (!row) throw new AppError('NOT_FOUND');
        const previous = version > 1 ? await notes.version(trx, noteId, version - 1) : undefined;
        const names = await notes.names(db, [row.author_id]);
        return {
          noteId,
          version: row.version,
          title: row.title,
          summary: row.summary,
          body: row.body,
          author: row.author_id ? { id: row.author_id, name: names.get(row.author_id) ?? '' } : null,
          createdAt: row.created_at.toISOString(),
          restoredFrom: row.restored_from,
          diff: {
            fromVersion: previous?.version ?? null,
            toVersion: row.version,
            titleBefore: previous?.title ?? null,
            titleAfter: row.title,
            ...diffNoteBodies(previous?.body ?? '', row.body),
          },
        };
      });
    },
  };
}

export type GroupNotesService = ReturnType<typeof createGroupNotesService>;
