import { type Kysely, sql } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB, MembershipsTable } from '../../db/schema.ts';

type Db = Kysely<DB> | Scoped;
type Role = MembershipsTable['role'];

// Members are organisations: the companies and partners of the network.
const memberCount = sql<number>`(select count(*)::int from network_organisations no where no.network_id = n.id)`;

// What a list of networks shows of each.
const summaryColumns = [
  'n.id',
  'n.slug',
  'n.name',
  'n.kind',
  'n.parent_id',
  'n.description',
  'n.is_demo',
  memberCount.as('member_count'),
] as const;

/** The only place with SQL for networks, their people and invitations. */
export function createNetworksRepository() {
  return {
    /** Every network the caller may see: row-level security filters, not this query. */
    listVisible(db: Scoped) {
      return db.selectFrom('networks as n').select(summaryColumns).orderBy('n.name').execute();
    },

    /** Ids of every network the caller sees, in a stable order. */
    async listVisibleIds(db: Scoped): Promise<string[]> {
      const rows = await db.selectFrom('networks').select('id').orderBy('id').execute();
      return rows.map((row) => row.id);
    },

    findBySlug(db: Db, slug: string) {
      return db
        .selectFrom('networks as n')
        .select(summaryColumns)
        .where('n.slug', '=', slug)
        .executeTakeFirst();
    },

    findById(db: Db, id: string) {
      return db
        .selectFrom('networks')
        .select(['id', 'slug', 'name', 'kind'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    listChildren(db: Scoped, parentId: string) {
      return db
        .selectFrom('networks as n')
        .select(summaryColumns)
        .where('n.parent_id', '=', parentId)
        .orderBy('n.name')
        .execute();
    },

    async rolesOf(db: Db, networkId: string, personId: string): Promise<Role[]> {
      const rows = await db
        .selectFrom('memberships')
        .select('role')
        .where('network_id', '=', networkId)
        .where('person_id', '=', personId)
        .execute();
      return rows.map((row) => row.role);
    },

    listPeople(db: Scoped, networkId: string) {
      return db
        .selectFrom('memberships as m')
        .innerJoin('people as p', 'p.id', 'm.person_id')
        .select([
          'p.id',
          'p.display_name',
          'p.email',
          sql<Role[]>`array_agg(m.role order by m.role)`.as('roles'),
        ])
        .where('m.network_id', '=', networkId)
        .groupBy(['p.id', 'p.display_name', 'p.email'])
        .orderBy('p.display_name')
        .execute();
    },

    async addMembership(db: Db, values: { networkId: string; personId: string; role: Role }) {
      await db
        .insertInto('memberships')
        .values({ network_id: values.networkId, person_id: values.personId, role: values.role })
        .onConflict((oc) => oc.columns(['network_id', 'person_id', 'role']).doNothing())
        .execute();
    },

    async hasRole(db: Db, networkId: string, email: string, role: Role) {
      const row = await db
        .selectFrom('memberships as m')
        .innerJoin('people as p', 'p.id', 'm.person_id')
        .select('m.id')
        .where('m.network_id', '=', networkId)
        .where('m.role', '=', role)
        .where(sql<boolean>`lower(p.email) = ${email.toLowerCase()}`)
        .executeTakeFirst();
      return row !== undefined;
    },

    createInvitation(
      db: Db,
      values: {
        networkId: string;
        email: string;
        role: Role;
        tokenHash: string;
        invitedBy: string;
        expiresAt: Date;
      },
    ) {
      return db
        .insertInto('invitations')
        .values({
          network_id: values.networkId,
          email: values.email,
          role: values.role,
          token_hash: values.tokenHash,
          invited_by: values.invitedBy,
          expires_at: values.expiresAt,
        })
        .returning(['id', 'created_at', 'expires_at'])
        .executeTakeFirstOrThrow();
    },

    listInvitations(db: Scoped, networkId: string) {
      return db
        .selectFrom('invitations as i')
        .innerJoin('people as p', 'p.id', 'i.invited_by')
        .select([
          'i.id',
          'i.email',
          'i.role',
          'i.created_at',
          'i.expires_at',
          'i.accepted_at',
          'i.revoked_at',
          'p.display_name as invited_by_name',
        ])
        .where('i.network_id', '=', networkId)
        .orderBy('i.created_at', 'desc')
        .execute();
    },

    async revokeInvitation(db: Scoped, networkId: string, invitationId: string, now: Date) {
      const result = await db
        .updateTable('invitations')
        .set({ revoked_at: now })
        .where('id', '=', invitationId)
        .where('network_id', '=', networkId)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** An invitation by its link's token, whatever its state: the service decides. */
    findInvitationByToken(db: Kysely<DB>, tokenHash: string) {
      return db
        .selectFrom('invitations as i')
        .innerJoin('networks as n', 'n.id', 'i.network_id')
        .innerJoin('people as inviter', 'inviter.id', 'i.invited_by')
        .select([
          'i.id',
          'i.email',
          'i.role',
          'i.network_id',
          'i.expires_at',
          'i.accepted_at',
          'i.revoked_at',
          'n.name as network_name',
          'n.kind as network_kind',
          'inviter.display_name as invited_by_name',
        ])
        .where('i.token_hash', '=', tokenHash)
        .executeTakeFirst();
    },

    /** Marks the invitation accepted once: false if it was accepted or revoked meanwhile. */
    async markInvitationAccepted(db: Db, invitationId: string, now: Date) {
      const result = await db
        .updateTable('invitations')
        .set({ accepted_at: now })
        .where('id', '=', invitationId)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

export type NetworksRepository = ReturnType<typeof createNetworksRepository>;
