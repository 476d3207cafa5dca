import { type Kysely, sql } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

/** SQL of the in-app notifications, the e-mail preferences and the unsubscribe links. */
export function createNotificationsRepository() {
  return {
    /** The caller's lines (row-level security: their own, group lines while they are in the group). */
    list(trx: Scoped, options: { unread: boolean; before: Date | null; limit: number }) {
      let query = trx
        .selectFrom('notifications as n')
        .innerJoin('networks as nw', 'nw.id', 'n.network_id')
        .leftJoin('working_groups as g', 'g.id', 'n.group_id')
        .select([
          'n.id',
          'n.kind',
          'n.link',
          'n.title',
          'n.excerpt',
          'n.urgent',
          'n.created_at',
          'n.read_at',
          'n.group_id',
          'nw.slug as network_slug',
          'nw.name as network_name',
          'g.name as group_name',
        ])
        .where('n.person_id', '=', sql<string>`meute_person_id()`)
        .orderBy('n.created_at', 'desc')
        .orderBy('n.id', 'desc')
        .limit(options.limit + 1);
      if (options.unread) query = query.where('n.read_at', 'is', null);
      if (options.before) query = query.where('n.created_at', '<', options.before);
      return query.execute();
    },

    async unreadCount(trx: Scoped): Promise<number> {
      const row = await trx
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('person_id', '=', sql<string>`meute_person_id()`)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    /** Marks read under the caller's row-level security; false when the line is not theirs to see. */
    async markRead(trx: Scoped, id: string, at: Date): Promise<boolean> {
      const visible = await trx
        .selectFrom('notifications')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!visible) return false;
      await trx
        .updateTable('notifications')
        .set({ read_at: at })
        .where('id', '=', id)
        .where('read_at', 'is', null)
        .execute();
      return true;
    },

    async markAllRead(trx: Scoped, at: Date) {
      // Only the lines the caller sees: those of a group they left stay as they are, unseen.
      await trx
        .updateTable('notifications')
        .set({ read_at: at })
        .where('read_at', 'is', null)
        .where('id', 'in', (eb) =>
          eb.selectFrom('notifications').select('id').where('person_id', '=', sql<string>`meute_person_id()`),
        )
        .execute();
    },

    preferences(trx: Scoped) {
      return trx
        .selectFrom('notification_preferences')
        .select(['digest', 'immediate_email'])
        .where('person_id', '=', sql<string>`meute_person_id()`)
        .executeTakeFirst();
    },

    async savePreferences(
      db: Kysely<DB>,
      personId: string,
      values: { digest: 'daily' | 'weekly' | 'never'; immediate_email: boolean },
      at: Date,
    ) {
      await db
        .insertInto('notification_preferences')
        .values({ person_id: personId, ...values, updated_at: at })
        .onConflict((oc) => oc.column('person_id').doUpdateSet({ ...values, updated_at: at }))
        .execute();
    },

    findUnsubscribeToken(db: Kysely<DB>, tokenHash: string, at: Date) {
      return db
        .selectFrom('unsubscribe_tokens as t')
        .innerJoin('people as p', 'p.id', 't.person_id')
        .leftJoin('notification_preferences as np', 'np.person_id', 't.person_id')
        .select(['t.person_id', 't.used_at', 'p.email', 'np.digest', 'np.immediate_email'])
        .where('t.token_hash', '=', tokenHash)
        .where('t.expires_at', '>', at)
        .executeTakeFirst();
    },

    async useUnsubscribeToken(db: Kysely<DB>, tokenHash: string, personId: string, at: Date) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('notification_preferences')
          .values({ person_id: personId, digest: 'never', immediate_email: false, updated_at: at })
          .onConflict((oc) =>
            oc.column('person_id').doUpdateSet({ digest: 'never', immediate_email: false, updated_at: at }),
          )
          .execute();
        await trx
          .updateTable('unsubscribe_tokens')
          .set({ used_at: at })
          .where('token_hash', '=', tokenHash)
          .execute();
        // Expired links are of no use to anyone.
        await trx.deleteFrom('unsubscribe_tokens').where('expires_at', '<', at).execute();
      });
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
