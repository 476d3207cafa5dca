import { type Kysely, sql, type Updateable } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB, MembershipsTable, Visibility } from '../../db/schema.ts';

type Db = Kysely<DB> | Scoped;

/** The only place with SQL for accounts: people, sessions, password resets, sign-in failures. */
export function createAccountsRepository() {
  return {
    findPersonByEmail(db: Db, email: string) {
      return db
        .selectFrom('people')
        .selectAll()
        .where(sql<boolean>`lower(email) = ${email.toLowerCase()}`)
        .executeTakeFirst();
    },

    findPersonById(db: Db, id: string) {
      return db
        .selectFrom('people')
        .select(['id', 'email', 'display_name', 'locale', 'is_instance_admin', 'is_demo', 'disabled_at'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    createPerson(
      db: Db,
      values: { email: string; displayName: string; passwordHash: string; locale: 'fr' | 'en' },
    ) {
      return db
        .insertInto('people')
        .values({
          email: values.email,
          display_name: values.displayName,
          password_hash: values.passwordHash,
          locale: values.locale,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    async setPassword(db: Db, personId: string, passwordHash: string) {
      await db
        .updateTable('people')
        .set({ password_hash: passwordHash })
        .where('id', '=', personId)
        .execute();
    },

    async updatePerson(db: Db, personId: string, values: { displayName?: string; locale?: 'fr' | 'en' }) {
      const set: { display_name?: string; locale?: 'fr' | 'en' } = {};
      if (values.displayName !== undefined) set.display_name = values.displayName;
      if (values.locale !== undefined) set.locale = values.locale;
      if (Object.keys(set).length === 0) return;
      await db.updateTable('people').set(set).where('id', '=', personId).execute();
    },

    contactOf(db: Db, personId: string) {
      return db
        .selectFrom('people')
        .select(['phone', 'job_title', 'email_visibility', 'phone_visibility'])
        .where('id', '=', personId)
        .executeTakeFirstOrThrow();
    },

    async updateContact(
      db: Db,
      personId: string,
      values: {
        phone?: string;
        jobTitle?: string;
        emailVisibility?: Visibility;
        phoneVisibility?: Visibility;
      },
    ) {
      const set: Updateable<DB['people']> = {};
      if (values.phone !== undefined) set.phone = values.phone;
      if (values.jobTitle !== undefined) set.job_title = values.jobTitle;
      if (values.emailVisibility !== undefined) set.email_visibility = values.emailVisibility;
      if (values.phoneVisibility !== undefined) set.phone_visibility = values.phoneVisibility;
      if (Object.keys(set).length > 0)
        await db.updateTable('people').set(set).where('id', '=', personId).execute();
    },

    async setDisabled(db: Db, personId: string, disabled: boolean) {
      await db
        .updateTable('people')
        .set({ disabled_at: disabled ? new Date() : null })
        .where('id', '=', personId)
        .execute();
    },

    /** Networks the person sees (row-level security decides) with the roles they hold in each. */
    listMemberships(db: Scoped, personId: string) {
      return db
        .selectFrom('networks as n')
        .leftJoin('memberships as m', (join) =>
          join.onRef('m.network_id', '=', 'n.id').on('m.person_id', '=', personId),
        )
        .select([
          'n.id',
          'n.slug',
          'n.name',
          'n.kind',
          'n.parent_id',
          sql<
            MembershipsTable['role'][]
          >`coalesce(array_agg(m.role order by m.role) filter (where m.role is not null), '{}')`.as('roles'),
        ])
        .groupBy('n.id')
        .orderBy('n.name')
        .execute();
    },

    async createSession(
      db: Db,
      values: { tokenHash: string; personId: string; ip: string; userAgent: string },
    ) {
      await db
        .insertInto('sessions')
        .values({
          token_hash: values.tokenHash,
          person_id: values.personId,
          ip: values.ip,
          user_agent: values.userAgent.slice(0, 300),
        })
        .execute();
    },

    findSession(db: Db, tokenHash: string) {
      return db
        .selectFrom('sessions as s')
        .innerJoin('people as p', 'p.id', 's.person_id')
        .select([
          's.id',
          's.created_at',
          's.last_seen_at',
          'p.id as person_id',
          'p.locale',
          'p.is_instance_admin',
          'p.disabled_at',
        ])
        .where('s.token_hash', '=', tokenHash)
        .executeTakeFirst();
    },

    async touchSession(db: Db, sessionId: string, at: Date) {
      await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
    },

    async deleteSession(db: Db, tokenHash: string) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    async deleteSessionById(db: Db, sessionId: string) {
      await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
    },

    async deleteSessionsOf(db: Db, personId: string) {
      await db.deleteFrom('sessions').where('person_id', '=', personId).execute();
    },

    async recordSignInFailure(db: Db, email: string, ip: string) {
      await db.insertInto('sign_in_failures').values({ email: email.toLowerCase(), ip }).execute();
    },

    /** Failures in the last minute for this account and for this IP address. */
    async countRecentFailures(db: Db, email: string, ip: string, since: Date) {
      const row = await db
        .selectFrom('sign_in_failures')
        .select([
          sql<number>`count(*) filter (where email = ${email.toLowerCase()})::int`.as('byAccount'),
          sql<number>`count(*) filter (where ip = ${ip})::int`.as('byIp'),
        ])
        .where('failed_at', '>', since)
        .where((eb) => eb.or([eb('email', '=', email.toLowerCase()), eb('ip', '=', ip)]))
        .executeTakeFirstOrThrow();
      return row;
    },

    async pruneSignInFailures(db: Db, before: Date) {
      await db.deleteFrom('sign_in_failures').where('failed_at', '<', before).execute();
    },

    async createPasswordReset(db: Db, values: { tokenHash: string; personId: string; expiresAt: Date }) {
      await db
        .insertInto('password_resets')
        .values({ token_hash: values.tokenHash, person_id: values.personId, expires_at: values.expiresAt })
        .execute();
    },

    async countRecentResets(db: Db, personId: string, since: Date) {
      const row = await db
        .selectFrom('password_resets')
        .select(sql<number>`count(*)::int`.as('count'))
        .where('person_id', '=', personId)
        .where('created_at', '>', since)
        .executeTakeFirstOrThrow();
      return row.count;
    },

    /** Marks a valid reset as used and returns its person, atomically: a link works once. */
    async consumePasswordReset(db: Db, tokenHash: string, now: Date) {
      const row = await db
        .updateTable('password_resets')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('person_id')
        .executeTakeFirst();
      return row?.person_id;
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
