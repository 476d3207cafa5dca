import { type Kysely, sql } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Scoped;

/**
 * The only place with SQL for a group's shared notes. Read under a person's row-level security
 * (`Scoped`), a note of a group whose content they may not read is simply not there.
 */
export function createGroupNotesRepository() {
  return {
    findGroup(db: Db, networkId: string, groupSlug: string) {
      return db
        .selectFrom('working_groups')
        .select(['id', 'slug', 'name', 'archived_at'])
        .where('network_id', '=', networkId)
        .where('slug', '=', groupSlug)
        .executeTakeFirst();
    },

    /**
     * Whether the current person (`meute.person_id` of the transaction) may read the group's
     * content: the same function the policies use, so the check and the data never disagree.
     */
    async canReadContent(db: Db, groupId: string) {
      const row = await sql<{ ok: boolean }>`
        select exists (select 1 from meute_group_ids() as g(id) where g.id = ${groupId}) as ok
      `.execute(db);
      return row.rows[0]?.ok === true;
    },

    listNotes(db: Db, groupId: string) {
      return db
        .selectFrom('group_notes as n')
        .innerJoin('group_note_versions as v', (join) =>
          join.onRef('v.note_id', '=', 'n.id').onRef('v.version', '=', 'n.current_version'),
        )
        .select(['n.id', 'n.title', 'n.current_version', 'n.updated_at', 'v.author_id'])
        .where('n.group_id', '=', groupId)
        .orderBy('n.updated_at', 'desc')
        .orderBy('n.id')
        .limit(500)
        .execute();
    },

    findNote(db: Db, groupId: string, noteId: string) {
      return db
        .selectFrom('group_notes as n')
        .innerJoin('group_note_versions as v', (join) =>
          join.onRef('v.note_id', '=', 'n.id').onRef('v.version', '=', 'n.current_version'),
        )
        .select([
          'n.id',
          'n.network_id',
          'n.group_id',
          'n.title',
          'n.current_version',
          'n.created_at',
          'n.updated_at',
          'v.body',
          'v.author_id',
        ])
        .where('n.group_id', '=', groupId)
        .where('n.id', '=', noteId)
        .executeTakeFirst();
    },

    /** Locks the note's row until the end of the transaction: two saves cannot both pass the check. */
    lockNote(db: Scoped | Kysely<DB>, groupId: string, noteId: string) {
      return db
        .selectFrom('group_notes')
        .select(['id', 'current_version', 'title'])
        .where('group_id', '=', groupId)
        .where('id', '=', noteId)
        .forUpdate()
        .executeTakeFirst();
    },

    versions(db: Db, noteId: string) {
      return db
        .selectFrom('group_note_versions')
        .select(['version', 'title', 'summary', 'author_id', 'created_at', 'restored_from'])
        .where('note_id', '=', noteId)
        .orderBy('version', 'desc')
        .limit(1000)
        .execute();
    },

    version(db: Db, noteId: string, version: number) {
      return db
        .selectFrom('group_note_versions')
        .select([
          'note_id',
          'version',
          'title',
          'body',
          'summary',
          'author_id',
          'created_at',
          'restored_from',
        ])
        .where('note_id', '=', noteId)
        .where('version', '=', version)
        .executeTakeFirst();
    },

    /** The versions saved after `afterVersion`, oldest first: who changed the note since. */
    versionsAfter(db: Db, noteId: string, afterVersion: number) {
      return db
        .selectFrom('group_note_versions')
        .select(['version', 'author_id'])
        .where('note_id', '=', noteId)
        .where('version', '>', afterVersion)
        .orderBy('version')
        .execute();
    },

    async insertNote(
      db: Kysely<DB> | Scoped,
      values: {
        networkId: string;
        groupId: string;
        title: string;
        body: string;
        summary: string;
        by: string;
      },
    ) {
      const note = await db
        .insertInto('group_notes')
        .values({
          network_id: values.networkId,
          group_id: values.groupId,
          title: values.title,
          current_version: 1,
          created_by: values.by,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('group_note_versions')
        .values({
          note_id: note.id,
          group_id: values.groupId,
          version: 1,
          title: values.title,
          body: values.body,
          summary: values.summary,
          author_id: values.by,
        })
        .execute();
      return note.id;
    },

    async addVersion(
      db: Kysely<DB> | Scoped,
      values: {
        noteId: string;
        groupId: string;
        version: number;
        title: string;
        body: string;
        summary: string;
        by: string;
        restoredFrom?: number;
        at: Date;
      },
    ) {
      await db
        .insertInto('group_note_versions')
        .values({
          note_id: values.noteId,
          group_id: values.groupId,
          version: values.version,
          title: values.title,
          body: values.body,
          summary: values.summary,
          author_id: values.by,
          restored_from: values.restoredFrom ?? null,
          created_at: values.at,
        })
        .execute();
      await db
        .updateTable('group_notes')
        .set({ current_version: values.version, title: values.title, updated_at: values.at })
        .where('id', '=', values.noteId)
        .execute();
    },

    /** The group's readers other than `exceptPersonId`: active members on the current charter. */
    async otherReaders(db: Kysely<DB> | Scoped, groupId: string, exceptPersonId: string) {
      const rows = await db
        .selectFrom('group_members as gm')
        .select('gm.person_id')
        .where('gm.group_id', '=', groupId)
        .where('gm.status', '=', 'active')
        .where('gm.person_id', '<>', exceptPersonId)
        .where(({ eb, selectFrom }) =>
          eb(
            'gm.charter_version',
            '=',
            selectFrom('group_charters as c')
              .select(({ fn }) => fn.max('c.version').as('v'))
              .whereRef('c.group_id', '=', 'gm.group_id'),
          ),
        )
        .execute();
      return rows.map((row) => row.person_id);
    },

    /** Display names of people already seen through the note (read as the application: names only). */
    async names(db: Kysely<DB>, ids: readonly (string | null)[]) {
      const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
      if (wanted.length === 0) return new Map<string, string>();
      const rows = await db
        .selectFrom('people')
        .select(['id', 'display_name'])
        .where('id', 'in', wanted)
        .execute();
      return new Map(rows.map((row) => [row.id, row.display_name]));
    },
  };
}

export type GroupNotesRepository = ReturnType<typeof createGroupNotesRepository>;
