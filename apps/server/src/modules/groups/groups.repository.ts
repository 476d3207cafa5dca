import type { CodirRole } from '@meute/contracts';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { GroupPostKind, GroupReaction } from '../../db/schema-group-posts.ts';
import type { GroupAudience } from '../../db/schema-groups.ts';

type Db = Kysely<DB> | Transaction<DB> | Scoped;

/**
 * The only place with SQL for working groups and their posts. Content (posts, reactions,
 * mentions, files) is read under the caller's row-level security: for anyone but an active
 * member who accepted the current charter, there is nothing there. Writes run as the application
 * after the service's checks.
 */
export function createGroupsRepository() {
  return {
    // Groups ----------------------------------------------------------------------------------

    listGroups(db: Db, networkId: string) {
      return db
        .selectFrom('working_groups')
        .selectAll()
        .where('network_id', '=', networkId)
        .orderBy('archived_at', 'desc')
        .orderBy('name')
        .execute();
    },

    findGroup(db: Db, networkId: string, groupSlug: string) {
      return db
        .selectFrom('working_groups')
        .selectAll()
        .where('network_id', '=', networkId)
        .where('slug', '=', groupSlug)
        .executeTakeFirst();
    },

    async slugTaken(db: Db, networkId: string, slug: string) {
      const row = await db
        .selectFrom('working_groups')
        .select('id')
        .where('network_id', '=', networkId)
        .where('slug', '=', slug)
        .executeTakeFirst();
      return Boolean(row);
    },

    insertGroup(
      db: Db,
      values: {
        networkId: string;
        slug: string;
        name: string;
        theme: string;
        description: string;
        audience: GroupAudience;
        codirRoles: string[];
        createdBy: string;
      },
    ) {
      return db
        .insertInto('working_groups')
        .values({
          network_id: values.networkId,
          slug: values.slug,
          name: values.name,
          theme: values.theme,
          description: values.description,
          audience: values.audience,
          codir_roles: values.codirRoles,
          created_by: values.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    async updateGroup(
      db: Db,
      groupId: string,
      values: Partial<{
        name: string;
        theme: string;
        description: string;
        audience: GroupAudience;
        codir_roles: string[];
        archived_at: Date | null;
      }>,
    ) {
      if (Object.keys(values).length === 0) return;
      await db.updateTable('working_groups').set(values).where('id', '=', groupId).execute();
    },

    themes(db: Db, networkId: string) {
      return db
        .selectFrom('group_themes')
        .select('label')
        .where('network_id', '=', networkId)
        .orderBy('position')
        .orderBy('label')
        .execute();
    },

    async replaceThemes(db: Db, networkId: string, labels: readonly string[]) {
      await db.deleteFrom('group_themes').where('network_id', '=', networkId).execute();
      if (labels.length === 0) return;
      await db
        .insertInto('group_themes')
        .values(labels.map((label, position) => ({ network_id: networkId, label, position })))
        .execute();
    },

    currentCharter(db: Db, groupId: string) {
      return db
        .selectFrom('group_charters')
        .select(['version', 'body', 'created_at'])
        .where('group_id', '=', groupId)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    async insertCharter(db: Db, groupId: string, body: string, by: string) {
      const current = await db
        .selectFrom('group_charters')
        .select(sql<number>`coalesce(max(version), 0)`.as('version'))
        .where('group_id', '=', groupId)
        .executeTakeFirstOrThrow();
      const version = Number(current.version) + 1;
      await db
        .insertInto('group_charters')
        .values({ group_id: groupId, version, body, created_by: by })
        .execute();
      return version;
    },

    /** Active members per group, for the list (counts only: read as the application). */
    async memberCounts(db: Db, groupIds: readonly string[]) {
      if (groupIds.length === 0) return new Map<string, number>();
      const rows = await db
        .selectFrom('group_members')
        .select(['group_id', sql<number>`count(*)::int`.as('count')])
        .where('group_id', 'in', groupIds)
        .where('status', '=', 'active')
        .groupBy('group_id')
        .execute();
      return new Map(rows.map((row) => [row.group_id, Number(row.count)]));
    },

    /** The caller's own lines in the groups of a network. */
    async myMemberships(db: Db, personId: string, groupIds: readonly string[]) {
      if (groupIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('group_members')
        .select(['group_id', 'role', 'status', 'charter_version'])
        .where('person_id', '=', personId)
        .where('group_id', 'in', groupIds)
        .execute();
      return new Map(rows.map((row) => [row.group_id, row]));
    },

    /** Every group's current charter version. */
    async charterVersions(db: Db, groupIds: readonly string[]) {
      if (groupIds.length === 0) return new Map<string, number>();
      const rows = await db
        .selectFrom('group_charters')
        .select(['group_id', sql<number>`max(version)::int`.as('version')])
        .where('group_id', 'in', groupIds)
        .groupBy('group_id')
        .execute();
      return new Map(rows.map((row) => [row.group_id, Number(row.version)]));
    },

    membership(db: Db, groupId: string, personId: string) {
      return db
        .selectFrom('group_members')
        .selectAll()
        .where('group_id', '=', groupId)
        .where('person_id', '=', personId)
        .executeTakeFirst();
    },

    /** Members with their names, company and CODIR role in a company of the network. */
    members(db: Db, groupId: string, networkId: string) {
      return db
        .selectFrom('group_members as gm')
        .innerJoin('people as p', 'p.id', 'gm.person_id')
        .select([
          'gm.person_id',
          'p.display_name',
          'gm.role',
          'gm.status',
          'gm.charter_version',
          'gm.joined_at',
          (eb) =>
            eb
              .selectFrom('person_organisations as po')
              .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
              .innerJoin('network_organisations as no', 'no.organisation_id', 'o.id')
              .select('o.name')
              .whereRef('po.person_id', '=', 'gm.person_id')
              .where('no.network_id', '=', networkId)
              .orderBy('po.is_leader', 'desc')
              .limit(1)
              .as('organisation_name'),
          (eb) =>
            eb
              .selectFrom('person_organisations as po')
              .innerJoin('network_organisations as no', 'no.organisation_id', 'po.organisation_id')
              .select('po.codir_role')
              .whereRef('po.person_id', '=', 'gm.person_id')
              .where('no.network_id', '=', networkId)
              .where('po.codir_role', 'is not', null)
              .limit(1)
              .as('codir_role'),
        ])
        .where('gm.group_id', '=', groupId)
        .orderBy('gm.role', 'desc')
        .orderBy('p.display_name')
        .execute();
    },

    leaders(db: Db, groupIds: readonly string[]) {
      if (groupIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('group_members as gm')
        .innerJoin('people as p', 'p.id', 'gm.person_id')
        .select(['gm.group_id', 'gm.person_id', 'p.display_name'])
        .where('gm.group_id', 'in', groupIds)
        .where('gm.role', '=', 'leader')
        .where('gm.status', 'in', ['active', 'invited'])
        .orderBy('p.display_name')
        .execute();
    },

    /** Active members who accepted the current charter: those who may read the content. */
    readers(db: Db, groupId: string) {
      return db
        .selectFrom('group_members as gm')
        .innerJoin('people as p', 'p.id', 'gm.person_id')
        .select(['gm.person_id', 'p.display_name', 'p.locale'])
        .where('gm.group_id', '=', groupId)
        .where('gm.status', '=', 'active')
        .where('p.disabled_at', 'is', null)
        .where(
          'gm.charter_version',
          '=',
          db
            .selectFrom('group_charters as c')
            .select(sql<number>`max(c.version)`.as('v'))
            .where('c.group_id', '=', groupId),
        )
        .execute();
    },

    async upsertMember(
      db: Db,
      values: {
        groupId: string;
        personId: string;
        role?: 'member' | 'leader';
        status: 'invited' | 'active' | 'left' | 'removed';
        charterVersion?: number | null;
        invitedBy?: string | null;
      },
    ) {
      const now = new Date();
      const active = values.status === 'active';
      const columns = {
        status: values.status,
        ...(values.role ? { role: values.role } : {}),
        ...(active ? { charter_version: values.charterVersion ?? null, charter_accepted_at: now } : {}),
        ...(values.invitedBy !== undefined ? { invited_by: values.invitedBy } : {}),
        ...(values.status === 'left' || values.status === 'removed' ? { left_at: now } : {}),
      };
      await db
        .insertInto('group_members')
        .values({
          group_id: values.groupId,
          person_id: values.personId,
          role: values.role ?? 'member',
          status: values.status,
          charter_version: active ? (values.charterVersion ?? null) : null,
          charter_accepted_at: active ? now : null,
          joined_at: active ? now : null,
          invited_by: values.invitedBy ?? null,
        })
        .onConflict((oc) =>
          oc.columns(['group_id', 'person_id']).doUpdateSet({
            ...columns,
            // The first day of a membership stays; leaving and coming back starts a new one.
            ...(active
              ? {
                  joined_at: sql`case when group_members.status = 'active' then group_members.joined_at else now() end`,
                  left_at: null,
                }
              : {}),
          }),
        )
        .execute();
    },

    async setRole(db: Db, groupId: string, personId: string, role: 'member' | 'leader') {
      await db
        .updateTable('group_members')
        .set({ role })
        .where('group_id', '=', groupId)
        .where('person_id', '=', personId)
        .execute();
    },

    // People ----------------------------------------------------------------------------------

    /** A person's roles in the network and their links to its member companies. */
    async standing(db: Db, networkId: string, personId: string) {
      const roles = await db
        .selectFrom('memberships')
        .select('role')
        .where('network_id', '=', networkId)
        .where('person_id', '=', personId)
        .execute();
      const links = await db
        .selectFrom('person_organisations as po')
        .innerJoin('network_organisations as no', 'no.organisation_id', 'po.organisation_id')
        .select(['po.organisation_id', 'po.is_leader', 'po.codir_role'])
        .where('po.person_id', '=', personId)
        .where('no.network_id', '=', networkId)
        .execute();
      return { roles: roles.map((r) => r.role), links };
    },

    /** The people of a network with their company (for invitations and the mention picker). */
    networkPeople(db: Db, networkId: string) {
      return db
        .selectFrom('memberships as m')
        .innerJoin('people as p', 'p.id', 'm.person_id')
        .select([
          'p.id',
          'p.display_name',
          sql<string[]>`array_agg(distinct m.role)`.as('roles'),
          (eb) =>
            eb
              .selectFrom('person_organisations as po')
              .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
              .innerJoin('network_organisations as no', 'no.organisation_id', 'o.id')
              .select('o.name')
              .whereRef('po.person_id', '=', 'p.id')
              .where('no.network_id', '=', networkId)
              .orderBy('po.is_leader', 'desc')
              .limit(1)
              .as('organisation_name'),
        ])
        .where('m.network_id', '=', networkId)
        .where('p.disabled_at', 'is', null)
        .groupBy(['p.id', 'p.display_name'])
        .orderBy('p.display_name')
        .execute();
    },

    async isLeaderOf(db: Db, personId: string, organisationId: string) {
      const row = await db
        .selectFrom('person_organisations')
        .select('is_leader')
        .where('person_id', '=', personId)
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst();
      return row?.is_leader === true;
    },

    async organisationInNetwork(db: Db, networkId: string, organisationId: string) {
      const row = await db
        .selectFrom('network_organisations')
        .select('organisation_id')
        .where('network_id', '=', networkId)
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst();
      return Boolean(row);
    },

    organisationCodirRoles(db: Db, organisationId: string) {
      return db
        .selectFrom('person_organisations')
        .select(['person_id', 'codir_role'])
        .where('organisation_id', '=', organisationId)
        .execute();
    },

    async setCodirRole(db: Db, organisationId: string, personId: string, codirRole: CodirRole | null) {
      const result = await db
        .updateTable('person_organisations')
        .set({ codir_role: codirRole })
        .where('person_id', '=', personId)
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    // Posts (read under the caller's row-level security) ---------------------------------------

    /** One page of threads, most recently active first; the cursor is the last one's (time, id). */
    threads(db: Scoped, groupId: string, limit: number, after?: { at: string; id: string }) {
      let query = db
        .selectFrom('group_posts as t')
        .leftJoin('people as p', 'p.id', 't.author_id')
        .select([
          't.id',
          't.kind',
          't.title',
          't.body_html',
          't.chatham',
          't.author_id',
          'p.display_name',
          't.hidden_at',
          't.reply_count',
          't.created_at',
          't.last_activity_at',
        ])
        .where('t.group_id', '=', groupId)
        .where('t.thread_id', 'is', null);
      if (after) {
        query = query.where(
          sql<boolean>`(t.last_activity_at, t.id) < (${after.at}::timestamptz, ${after.id}::uuid)`,
        );
      }
      return query.orderBy('t.last_activity_at', 'desc').orderBy('t.id', 'desc').limit(limit).execute();
    },

    /** A post of the group (thread or reply). */
    findPost(db: Scoped, groupId: string, postId: string) {
      return db
        .selectFrom('group_posts')
        .selectAll()
        .where('group_id', '=', groupId)
        .where('id', '=', postId)
        .executeTakeFirst();
    },

    /** A thread and its replies, in order. */
    threadPosts(db: Scoped, groupId: string, threadId: string) {
      return db
        .selectFrom('group_posts as g')
        .leftJoin('people as p', 'p.id', 'g.author_id')
        .select([
          'g.id',
          'g.thread_id',
          'g.kind',
          'g.title',
          'g.body_markdown',
          'g.body_html',
          'g.chatham',
          'g.author_id',
          'p.display_name',
          'g.created_at',
          'g.edited_at',
          'g.hidden_at',
          'g.hidden_reason',
        ])
        .where('g.group_id', '=', groupId)
        .where((eb) => eb.or([eb('g.id', '=', threadId), eb('g.thread_id', '=', threadId)]))
        .orderBy(sql`g.thread_id is not null`)
        .orderBy('g.created_at')
        .orderBy('g.id')
        .execute();
    },

    reactions(db: Scoped, postIds: readonly string[]) {
      if (postIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('group_post_reactions')
        .select(['post_id', 'person_id', 'reaction'])
        .where('post_id', 'in', postIds)
        .execute();
    },

    mentions(db: Scoped, postIds: readonly string[]) {
      if (postIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('group_post_mentions as m')
        .innerJoin('people as p', 'p.id', 'm.person_id')
        .select(['m.post_id', 'm.person_id', 'p.display_name'])
        .where('m.post_id', 'in', postIds)
        .orderBy('p.display_name')
        .execute();
    },

    files(db: Scoped, postIds: readonly string[]) {
      if (postIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('group_post_files')
        .select(['id', 'post_id', 'name', 'content_type', 'size_bytes'])
        .where('post_id', 'in', postIds)
        .orderBy('uploaded_at')
        .execute();
    },

    findFile(db: Scoped, groupId: string, fileId: string) {
      return db
        .selectFrom('group_post_files')
        .select(['id', 'post_id', 'name', 'content_type', 'bytes', 'uploaded_by'])
        .where('group_id', '=', groupId)
        .where('id', '=', fileId)
        .executeTakeFirst();
    },

    // Post writes (as the application, after the service's checks) ----------------------------

    async insertPost(
      db: Db,
      values: {
        groupId: string;
        threadId: string | null;
        kind: GroupPostKind;
        title: string | null;
        markdown: string;
        html: string;
        chatham: boolean;
        authorId: string;
      },
    ) {
      const row = await db
        .insertInto('group_posts')
        .values({
          group_id: values.groupId,
          thread_id: values.threadId,
          kind: values.kind,
          title: values.title,
          body_markdown: values.markdown,
          body_html: values.html,
          chatham: values.chatham,
          author_id: values.authorId,
        })
        .returning(['id', 'created_at'])
        .executeTakeFirstOrThrow();
      if (values.threadId) {
        await db
          .updateTable('group_posts')
          .set({ reply_count: sql`reply_count + 1`, last_activity_at: row.created_at })
          .where('id', '=', values.threadId)
          .execute();
      }
      return row.id;
    },

    async updatePost(db: Db, postId: string, values: { title?: string; markdown: string; html: string }) {
      await db
        .updateTable('group_posts')
        .set({
          ...(values.title !== undefined ? { title: values.title } : {}),
          body_markdown: values.markdown,
          body_html: values.html,
          edited_at: new Date(),
        })
        .where('id', '=', postId)
        .execute();
    },

    async hidePost(db: Db, postId: string, by: string, reason: string | null) {
      await db
        .updateTable('group_posts')
        .set(
          reason === null
            ? { hidden_at: null, hidden_by: null, hidden_reason: null }
            : { hidden_at: new Date(), hidden_by: by, hidden_reason: reason },
        )
        .where('id', '=', postId)
        .execute();
    },

    /** Attaches uploaded files of the group not yet attached, uploaded by the author. */
    async attachFiles(db: Db, groupId: string, postId: string, fileIds: readonly string[], by: string) {
      if (fileIds.length === 0) return 0;
      const result = await db
        .updateTable('group_post_files')
        .set({ post_id: postId })
        .where('group_id', '=', groupId)
        .where('id', 'in', fileIds)
        .where('post_id', 'is', null)
        .where('uploaded_by', '=', by)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    insertFile(
      db: Db,
      values: { groupId: string; name: string; contentType: string; bytes: Buffer; by: string },
    ) {
      return db
        .insertInto('group_post_files')
        .values({
          group_id: values.groupId,
          name: values.name,
          content_type: values.contentType,
          size_bytes: values.bytes.length,
          bytes: values.bytes,
          uploaded_by: values.by,
        })
        .returning(['id', 'name', 'content_type', 'size_bytes'])
        .executeTakeFirstOrThrow();
    },

    async insertMentions(db: Db, groupId: string, postId: string, personIds: readonly string[]) {
      if (personIds.length === 0) return;
      await db
        .insertInto('group_post_mentions')
        .values(personIds.map((personId) => ({ post_id: postId, group_id: groupId, person_id: personId })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    async setReaction(
      db: Db,
      values: { groupId: string; postId: string; personId: string; reaction: GroupReaction; on: boolean },
    ) {
      if (values.on) {
        await db
          .insertInto('group_post_reactions')
          .values({
            post_id: values.postId,
            group_id: values.groupId,
            person_id: values.personId,
            reaction: values.reaction,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
      } else {
        await db
          .deleteFrom('group_post_reactions')
          .where('post_id', '=', values.postId)
          .where('person_id', '=', values.personId)
          .where('reaction', '=', values.reaction)
          .execute();
      }
    },
  };
}

export type GroupsRepository = ReturnType<typeof createGroupsRepository>;
