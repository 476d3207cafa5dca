import { type Kysely, sql, type Updateable } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB, NetworksTable } from '../../db/schema.ts';

type Db = Kysely<DB> | Scoped;

/** The only place with SQL for membership: settings, charters, applications, dues, competences. */
export function createMembershipRepository() {
  return {
    settingsOf(db: Db, networkId: string) {
      return db
        .selectFrom('networks')
        .select([
          'territory_kind',
          'territory_code',
          'entry_fee_cents',
          'yearly_dues_cents',
          'min_staff',
          'max_staff',
          'is_open_to_applications',
          'no_business',
        ])
        .where('id', '=', networkId)
        .executeTakeFirstOrThrow();
    },

    async updateSettings(db: Db, networkId: string, set: Updateable<NetworksTable>) {
      if (Object.keys(set).length === 0) return;
      await db.updateTable('networks').set(set).where('id', '=', networkId).execute();
    },

    currentCharter(db: Db, networkId: string) {
      return db
        .selectFrom('network_charters')
        .select(['version', 'body', 'created_at'])
        .where('network_id', '=', networkId)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    async publishCharter(db: Db, networkId: string, body: string, personId: string) {
      const row = await db
        .insertInto('network_charters')
        .values({
          network_id: networkId,
          body,
          created_by: personId,
          version: sql<number>`coalesce((select max(version) from network_charters where network_id = ${networkId}), 0) + 1`,
        })
        .returning(['version', 'created_at'])
        .executeTakeFirstOrThrow();
      return row;
    },

    /** Networks that take applications, with their public facts only. */
    listOpenNetworks(db: Kysely<DB>) {
      return db
        .selectFrom('networks')
        .select([
          'id',
          'slug',
          'name',
          'kind',
          'description',
          'territory_kind',
          'territory_code',
          'entry_fee_cents',
          'yearly_dues_cents',
          'min_staff',
          'max_staff',
        ])
        .where('is_open_to_applications', '=', true)
        .where('kind', '!=', 'federation')
        .orderBy('name')
        .execute();
    },

    findOpenNetwork(db: Kysely<DB>, slug: string) {
      return db
        .selectFrom('networks')
        .select(['id', 'slug', 'name', 'min_staff', 'max_staff'])
        .where('slug', '=', slug)
        .where('is_open_to_applications', '=', true)
        .where('kind', '!=', 'federation')
        .executeTakeFirst();
    },

    applicationsOfPerson(db: Kysely<DB>, personId: string) {
      return db
        .selectFrom('membership_applications')
        .select(['network_id', 'status', 'created_at'])
        .where('applicant_id', '=', personId)
        .orderBy('created_at', 'desc')
        .execute();
    },

    async networksOfPersonOrganisations(db: Kysely<DB>, personId: string) {
      const rows = await db
        .selectFrom('network_organisations as no')
        .innerJoin('person_organisations as po', 'po.organisation_id', 'no.organisation_id')
        .select('no.network_id')
        .where('po.person_id', '=', personId)
        .execute();
      return new Set(rows.map((row) => row.network_id));
    },

    async hasPendingApplication(db: Db, networkId: string, organisationId: string) {
      const row = await db
        .selectFrom('membership_applications')
        .select('id')
        .where('network_id', '=', networkId)
        .where('organisation_id', '=', organisationId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return row !== undefined;
    },

    async isMemberOrganisation(db: Db, networkId: string, organisationId: string) {
      const row = await db
        .selectFrom('network_organisations')
        .select('organisation_id')
        .where('network_id', '=', networkId)
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst();
      return row !== undefined;
    },

    createApplication(
      db: Db,
      values: {
        networkId: string;
        organisationId: string;
        applicantId: string;
        message: string;
        charterVersion: number | null;
      },
    ) {
      return db
        .insertInto('membership_applications')
        .values({
          network_id: values.networkId,
          organisation_id: values.organisationId,
          applicant_id: values.applicantId,
          message: values.message,
          charter_version: values.charterVersion,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    listApplications(db: Scoped, networkId: string) {
      return db
        .selectFrom('membership_applications as a')
        .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
        .innerJoin('people as p', 'p.id', 'a.applicant_id')
        .select([
          'a.id',
          'a.message',
          'a.status',
          'a.charter_version',
          'a.decision_reason',
          'a.created_at',
          'a.decided_at',
          'o.id as organisation_id',
          'o.name as organisation_name',
          'o.siret',
          'o.headcount_band',
          'o.category',
          'p.display_name as applicant_name',
          'p.email as applicant_email',
        ])
        .where('a.network_id', '=', networkId)
        .orderBy(sql`a.status = 'pending'`, 'desc')
        .orderBy('a.created_at', 'desc')
        .execute();
    },

    findApplication(db: Db, networkId: string, id: string) {
      return db
        .selectFrom('membership_applications')
        .selectAll()
        .where('network_id', '=', networkId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async decideApplication(
      db: Db,
      id: string,
      values: { status: 'approved' | 'rejected'; reason: string; decidedBy: string; at: Date },
    ) {
      const result = await db
        .updateTable('membership_applications')
        .set({
          status: values.status,
          decision_reason: values.reason,
          decided_by: values.decidedBy,
          decided_at: values.at,
        })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async addOrganisationToNetwork(
      db: Db,
      values: {
        networkId: string;
        organisationId: string;
        charterVersion: number | null;
        acceptedBy: string | null;
        at: Date;
      },
    ) {
      await db
        .insertInto('network_organisations')
        .values({
          network_id: values.networkId,
          organisation_id: values.organisationId,
          charter_version: values.charterVersion,
          charter_accepted_by: values.charterVersion ? values.acceptedBy : null,
          charter_accepted_at: values.charterVersion ? values.at : null,
        })
        .onConflict((oc) => oc.columns(['network_id', 'organisation_id']).doNothing())
        .execute();
    },

    async linkPersonToOrganisation(db: Db, personId: string, organisationId: string, isLeader: boolean) {
      await db
        .insertInto('person_organisations')
        .values({ person_id: personId, organisation_id: organisationId, is_leader: isLeader })
        .onConflict((oc) => oc.columns(['person_id', 'organisation_id']).doUpdateSet({ is_leader: isLeader }))
        .execute();
    },

    /** Member organisations with their charter acceptance and their dues of `year`. */
    listMembers(db: Scoped, networkId: string, year: number) {
      return db
        .selectFrom('network_organisations as no')
        .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
        .leftJoin('people as acceptor', 'acceptor.id', 'no.charter_accepted_by')
        .leftJoin('network_dues as entry', (join) =>
          join
            .onRef('entry.organisation_id', '=', 'o.id')
            .on('entry.network_id', '=', networkId)
            .on('entry.kind', '=', 'entry'),
        )
        .leftJoin('network_dues as yearly', (join) =>
          join
            .onRef('yearly.organisation_id', '=', 'o.id')
            .on('yearly.network_id', '=', networkId)
            .on('yearly.kind', '=', 'yearly')
            .on('yearly.year', '=', year),
        )
        .select([
          'o.id',
          'o.name',
          'o.siret',
          'o.category',
          'o.headcount_band',
          'o.commune_code',
          'no.joined_at',
          'no.charter_version',
          'no.charter_accepted_at',
          'acceptor.display_name as charter_accepted_by',
          'entry.amount_cents as entry_amount',
          'entry.paid_at as entry_paid_at',
          'yearly.amount_cents as yearly_amount',
          'yearly.paid_at as yearly_paid_at',
        ])
        .where('no.network_id', '=', networkId)
        .orderBy('o.name')
        .execute();
    },

    async recordDues(
      db: Db,
      values: {
        networkId: string;
        organisationId: string;
        kind: 'entry' | 'yearly';
        year: number;
        amountCents: number;
        paidAt: Date | null;
        recordedBy: string;
      },
    ) {
      await db
        .insertInto('network_dues')
        .values({
          network_id: values.networkId,
          organisation_id: values.organisationId,
          kind: values.kind,
          year: values.year,
          amount_cents: values.amountCents,
          paid_at: values.paidAt,
          recorded_by: values.recordedBy,
        })
        .onConflict((oc) =>
          oc.columns(['network_id', 'organisation_id', 'kind', 'year']).doUpdateSet({
            amount_cents: values.amountCents,
            paid_at: values.paidAt,
            recorded_by: values.recordedBy,
            recorded_at: new Date(),
          } as never),
        )
        .execute();
    },

    listCompetences(db: Scoped, networkId: string) {
      return db
        .selectFrom('competences as c')
        .select([
          'c.id',
          'c.label',
          'c.network_id',
          sql<number>`(select count(*)::int from organisation_competences oc
                        join network_organisations no on no.organisation_id = oc.organisation_id
                         and no.network_id = ${networkId}
                       where oc.competence_id = c.id)`.as('organisation_count'),
        ])
        .where((eb) => eb.or([eb('c.network_id', 'is', null), eb('c.network_id', '=', networkId)]))
        .orderBy('c.label')
        .execute();
    },

    async createCompetence(db: Db, networkId: string, label: string) {
      return db
        .insertInto('competences')
        .values({ network_id: networkId, label })
        .onConflict((oc) => oc.doNothing())
        .returning(['id', 'label'])
        .executeTakeFirst();
    },

    async slugExists(db: Db, slug: string) {
      return (
        (await db.selectFrom('networks').select('id').where('slug', '=', slug).executeTakeFirst()) !==
        undefined
      );
    },

    createNetwork(
      db: Db,
      values: {
        slug: string;
        name: string;
        kind: NetworksTable['kind'];
        parentId: string | null;
        description: string;
      },
    ) {
      return db
        .insertInto('networks')
        .values({
          slug: values.slug,
          name: values.name,
          kind: values.kind,
          parent_id: values.parentId,
          description: values.description,
        })
        .returning(['id', 'slug'])
        .executeTakeFirstOrThrow();
    },
  };
}

export type MembershipRepository = ReturnType<typeof createMembershipRepository>;
