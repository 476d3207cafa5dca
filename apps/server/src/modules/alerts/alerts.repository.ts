import type { Kysely, Transaction } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The roles of the people who speak for a member organisation (raise, acknowledge). */
export const MEMBER_ROLES = ['member_leader', 'member_employee', 'board'] as const;

/** SQL of alerts and their acknowledgements. */
export function createAlertsRepository() {
  return {
    /** The network's alerts (row-level security: people of the network), open first then newest. */
    list(trx: Scoped, networkId: string) {
      return trx
        .selectFrom('alerts')
        .selectAll()
        .where('network_id', '=', networkId)
        .orderBy((eb) => eb.case().when('closed_at', 'is', null).then(0).else(1).end())
        .orderBy('created_at', 'desc')
        .limit(100)
        .execute();
    },

    find(trx: Scoped, networkId: string, id: string) {
      return trx
        .selectFrom('alerts')
        .selectAll()
        .where('network_id', '=', networkId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Who raised these alerts, as far as the caller may know (row-level security). */
    raisers(trx: Scoped, alertIds: readonly string[]) {
      if (alertIds.length === 0) return Promise.resolve([]);
      return trx
        .selectFrom('alert_raisers as r')
        .leftJoin('people as p', 'p.id', 'r.person_id')
        .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
        .select(['r.alert_id', 'r.person_id', 'p.display_name', 'o.name as organisation_name'])
        .where('r.alert_id', 'in', alertIds)
        .execute();
    },

    /** Acknowledgements the caller may see (row-level security: staff, or their own organisations'). */
    acknowledgements(trx: Scoped, alertIds: readonly string[]) {
      if (alertIds.length === 0) return Promise.resolve([]);
      return trx
        .selectFrom('alert_acknowledgements as a')
        .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
        .leftJoin('people as p', 'p.id', 'a.person_id')
        .select([
          'a.alert_id',
          'a.organisation_id',
          'o.name as organisation_name',
          'p.display_name',
          'a.acknowledged_at',
        ])
        .where('a.alert_id', 'in', alertIds)
        .orderBy('a.acknowledged_at')
        .execute();
    },

    /** How many organisations acknowledged each alert (a count every member may see). */
    async acknowledgedCounts(db: Db, alertIds: readonly string[]) {
      if (alertIds.length === 0) return new Map<string, number>();
      const rows = await db
        .selectFrom('alert_acknowledgements')
        .select(['alert_id', (eb) => eb.fn.countAll<string>().as('count')])
        .where('alert_id', 'in', alertIds)
        .groupBy('alert_id')
        .execute();
      return new Map(rows.map((row) => [row.alert_id, Number(row.count)]));
    },

    /** The member companies of the network: those asked to acknowledge. */
    memberOrganisations(db: Db, networkId: string) {
      return db
        .selectFrom('network_organisations as no')
        .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
        .select(['o.id', 'o.name'])
        .where('no.network_id', '=', networkId)
        .where('o.kind', '=', 'company')
        .orderBy('o.name')
        .execute();
    },

    /**
     * The member companies this person speaks for in the network: one of its people, holding a
     * member's role there.
     */
    speakingFor(db: Db, personId: string, networkId: string | null) {
      let query = db
        .selectFrom('person_organisations as po')
        .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
        .innerJoin('network_organisations as no', 'no.organisation_id', 'po.organisation_id')
        .innerJoin('networks as n', 'n.id', 'no.network_id')
        .select(['o.id', 'o.name', 'no.network_id', 'n.slug as network_slug', 'n.name as network_name'])
        .where('po.person_id', '=', personId)
        .where('o.kind', '=', 'company')
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('memberships as m')
              .select('m.id')
              .whereRef('m.network_id', '=', 'no.network_id')
              .where('m.person_id', '=', personId)
              .where('m.role', 'in', MEMBER_ROLES),
          ),
        )
        .orderBy('o.name');
      if (networkId) query = query.where('no.network_id', '=', networkId);
      return query.execute();
    },

    /** Everyone of the network, to notify: one line per person, disabled accounts left out. */
    async networkPeople(db: Db, networkId: string) {
      const rows = await db
        .selectFrom('memberships as m')
        .innerJoin('people as p', 'p.id', 'm.person_id')
        .select('m.person_id')
        .distinct()
        .where('m.network_id', '=', networkId)
        .where('p.disabled_at', 'is', null)
        .execute();
      return rows.map((row) => row.person_id);
    },

    /** The people who speak for these organisations in the network, to remind. */
    organisationPeople(db: Db, networkId: string, organisationIds: readonly string[]) {
      if (organisationIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('person_organisations as po')
        .innerJoin('people as p', 'p.id', 'po.person_id')
        .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
        .select(['p.id', 'p.email', 'p.display_name', 'p.locale', 'o.name as organisation_name'])
        .distinct()
        .where('po.organisation_id', 'in', organisationIds)
        .where('p.disabled_at', 'is', null)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('memberships as m')
              .select('m.id')
              .whereRef('m.person_id', '=', 'po.person_id')
              .where('m.network_id', '=', networkId)
              .where('m.role', 'in', MEMBER_ROLES),
          ),
        )
        .execute();
    },

    insert(
      trx: Transaction<DB>,
      values: {
        networkId: string;
        title: string;
        description: string;
        checklist: string[];
        isAnonymous: boolean;
        personId: string;
        organisationId: string | null;
        at: Date;
      },
    ) {
      return trx
        .insertInto('alerts')
        .values({
          network_id: values.networkId,
          title: values.title,
          description: values.description,
          checklist: values.checklist,
          is_anonymous: values.isAnonymous,
          created_at: values.at,
        })
        .returning(['id'])
        .executeTakeFirstOrThrow()
        .then(async (alert) => {
          await trx
            .insertInto('alert_raisers')
            .values({
              alert_id: alert.id,
              person_id: values.personId,
              organisation_id: values.organisationId,
            })
            .execute();
          return alert;
        });
    },

    async acknowledge(
      db: Db,
      alertId: string,
      organisationIds: readonly string[],
      personId: string,
      at: Date,
    ) {
      if (organisationIds.length === 0) return;
      await db
        .insertInto('alert_acknowledgements')
        .values(
          organisationIds.map((organisationId) => ({
            alert_id: alertId,
            organisation_id: organisationId,
            person_id: personId,
            acknowledged_at: at,
          })),
        )
        .onConflict((oc) => oc.columns(['alert_id', 'organisation_id']).doNothing())
        .execute();
    },

    async close(db: Db, alertId: string, personId: string, at: Date) {
      await db
        .updateTable('alerts')
        .set({ closed_at: at, closed_by: personId })
        .where('id', '=', alertId)
        .where('closed_at', 'is', null)
        .execute();
    },

    async markReminded(db: Db, alertId: string, at: Date) {
      await db.updateTable('alerts').set({ last_reminded_at: at }).where('id', '=', alertId).execute();
    },

    /** Open alerts of these networks that these organisations have not acknowledged. */
    unacknowledged(db: Db, pairs: readonly { networkId: string; organisationId: string }[]) {
      if (pairs.length === 0) return Promise.resolve([]);
      const networkIds = [...new Set(pairs.map((p) => p.networkId))];
      return db
        .selectFrom('alerts as a')
        .select(['a.id', 'a.network_id', 'a.title', 'a.created_at'])
        .select((eb) =>
          eb
            .selectFrom('alert_acknowledgements as k')
            .select((k) => k.fn.agg<string[]>('array_agg', ['k.organisation_id']).as('ids'))
            .whereRef('k.alert_id', '=', 'a.id')
            .as('acknowledged_ids'),
        )
        .where('a.network_id', 'in', networkIds)
        .where('a.closed_at', 'is', null)
        .orderBy('a.created_at', 'desc')
        .execute();
    },
  };
}

export type AlertsRepository = ReturnType<typeof createAlertsRepository>;
