import { type Kysely, sql } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type {
  DB,
  ProjectBudgetKindColumn,
  ProjectEventKindColumn,
  ProjectFundingStatusColumn,
  ProjectIndicatorKindColumn,
  ProjectStageColumn,
} from '../../db/schema.ts';

type Db = Kysely<DB> | Scoped;

/** The sub-resources of a project that are rows with an id, each in its own table. */
export type ProjectItemTable =
  | 'project_milestones'
  | 'project_budget_lines'
  | 'project_documents'
  | 'project_indicators';

/**
 * The only place with SQL for the life of a project. Read under a person's row-level security
 * (`Scoped`), a project they may not see — or its working files, for an organisation only
 * invited — is simply not there.
 */
export function createProjectsRepository() {
  return {
    /** A project of the network, or of another network that it spans. */
    findProject(db: Db, networkId: string, id: string) {
      return db
        .selectFrom('projects as p')
        .select([
          'p.id',
          'p.network_id',
          'p.title',
          'p.description',
          'p.stage',
          'p.lead_organisation_id',
          'p.created_at',
        ])
        .where('p.id', '=', id)
        .where((eb) =>
          eb.or([
            eb('p.network_id', '=', networkId),
            eb.exists(
              eb
                .selectFrom('project_networks as pn')
                .select('pn.project_id')
                .whereRef('pn.project_id', '=', 'p.id')
                .where('pn.network_id', '=', networkId),
            ),
          ]),
        )
        .executeTakeFirst();
    },

    /** The projects of the network and those spanning it, that the caller may see. */
    listPipeline(db: Db, networkId: string) {
      return db
        .selectFrom('projects as p')
        .select(['p.id', 'p.network_id', 'p.title', 'p.stage', 'p.lead_organisation_id', 'p.created_at'])
        .where((eb) =>
          eb.or([
            eb('p.network_id', '=', networkId),
            eb(
              'p.id',
              'in',
              eb
                .selectFrom('project_networks as pn')
                .select('pn.project_id')
                .where('pn.network_id', '=', networkId),
            ),
          ]),
        )
        .orderBy('p.created_at', 'desc')
        .orderBy('p.id')
        .limit(1000)
        .execute();
    },

    /** Member organisations of projects, with their names (read as owner: names only). */
    teams(db: Db, projectIds: readonly string[]) {
      if (projectIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('project_members as pm')
        .innerJoin('organisations as o', 'o.id', 'pm.organisation_id')
        .select(['pm.project_id', 'pm.organisation_id', 'o.name as organisation_name', 'pm.status'])
        .where('pm.project_id', 'in', projectIds)
        .orderBy('o.name')
        .execute();
    },

    organisationName(db: Db, id: string) {
      return db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst();
    },

    /** The organisations of a person among the given ones. */
    async personOrganisationIds(db: Db, personId: string) {
      const rows = await db
        .selectFrom('person_organisations')
        .select('organisation_id')
        .where('person_id', '=', personId)
        .execute();
      return new Set(rows.map((row) => row.organisation_id));
    },

    spannedNetworks(db: Db, projectId: string) {
      return db
        .selectFrom('project_networks as pn')
        .innerJoin('networks as n', 'n.id', 'pn.network_id')
        .select(['n.id', 'n.slug', 'n.name'])
        .where('pn.project_id', '=', projectId)
        .orderBy('n.name')
        .execute();
    },

    findNetworkById(db: Db, id: string) {
      return db
        .selectFrom('networks')
        .select(['id', 'slug', 'name', 'parent_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    },

    findNetworkBySlug(db: Db, slug: string) {
      return db
        .selectFrom('networks')
        .select(['id', 'slug', 'name', 'parent_id'])
        .where('slug', '=', slug)
        .executeTakeFirst();
    },

    async addNetwork(db: Db, projectId: string, networkId: string, by: string) {
      await db
        .insertInto('project_networks')
        .values({ project_id: projectId, network_id: networkId, added_by: by })
        .onConflict((oc) => oc.columns(['project_id', 'network_id']).doNothing())
        .execute();
    },

    async removeNetwork(db: Db, projectId: string, networkId: string) {
      const result = await db
        .deleteFrom('project_networks')
        .where('project_id', '=', projectId)
        .where('network_id', '=', networkId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Whether an organisation is a member of one of the networks. */
    async isMemberOfAny(db: Db, organisationId: string, networkIds: readonly string[]) {
      const row = await db
        .selectFrom('network_organisations')
        .select('organisation_id')
        .where('organisation_id', '=', organisationId)
        .where('network_id', 'in', networkIds)
        .executeTakeFirst();
      return row !== undefined;
    },

    async inviteMember(db: Db, projectId: string, networkId: string, organisationId: string) {
      await db
        .insertInto('project_members')
        .values({ project_id: projectId, organisation_id: organisationId, network_id: networkId })
        .onConflict((oc) => oc.columns(['project_id', 'organisation_id']).doNothing())
        .execute();
    },

    async setMemberStatus(db: Db, projectId: string, organisationId: string, status: 'joined' | 'declined') {
      await db
        .updateTable('project_members')
        .set({ status })
        .where('project_id', '=', projectId)
        .where('organisation_id', '=', organisationId)
        .execute();
    },

    async setStage(
      db: Db,
      values: {
        projectId: string;
        from: ProjectStageColumn;
        to: ProjectStageColumn;
        note: string;
        by: string;
        at: Date;
      },
    ) {
      await db
        .updateTable('projects')
        .set({ stage: values.to, updated_at: values.at })
        .where('id', '=', values.projectId)
        .execute();
      await db
        .insertInto('project_events')
        .values({
          project_id: values.projectId,
          kind: 'stage-change',
          text: values.note || `${values.from} → ${values.to}`,
          occurred_on: values.at.toISOString().slice(0, 10),
          from_stage: values.from,
          to_stage: values.to,
          author_id: values.by,
        })
        .execute();
    },

    async setLead(db: Db, projectId: string, organisationId: string | null, at: Date) {
      await db
        .updateTable('projects')
        .set({ lead_organisation_id: organisationId, updated_at: at })
        .where('id', '=', projectId)
        .execute();
    },

    milestones(db: Db, projectIds: readonly string[]) {
      if (projectIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('project_milestones')
        .select(['id', 'project_id', 'title', 'due_on', 'done_at'])
        .where('project_id', 'in', projectIds)
        .orderBy(sql`due_on nulls last`)
        .orderBy('created_at')
        .execute();
    },

    budgetLines(db: Db, projectIds: readonly string[]) {
      if (projectIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('project_budget_lines')
        .select(['id', 'project_id', 'kind', 'label', 'amount_cents', 'funder_name', 'funding_status'])
        .where('project_id', 'in', projectIds)
        .orderBy('kind', 'desc')
        .orderBy('created_at')
        .execute();
    },

    documents(db: Db, projectId: string) {
      return db
        .selectFrom('project_documents as d')
        .leftJoin('people as p', 'p.id', 'd.uploaded_by')
        .select(['d.id', 'd.name', 'd.content_type', 'd.size_bytes', 'd.uploaded_at', 'p.display_name'])
        .where('d.project_id', '=', projectId)
        .orderBy('d.uploaded_at', 'desc')
        .execute();
    },

    findDocument(db: Db, projectId: string, id: string) {
      return db
        .selectFrom('project_documents')
        .select(['id', 'name', 'content_type', 'size_bytes', 'bytes'])
        .where('project_id', '=', projectId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async addDocument(
      db: Db,
      values: { projectId: string; name: string; contentType: string; bytes: Buffer; by: string },
    ) {
      return db
        .insertInto('project_documents')
        .values({
          project_id: values.projectId,
          name: values.name,
          content_type: values.contentType,
          size_bytes: values.bytes.length,
          bytes: values.bytes,
          uploaded_by: values.by,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    events(db: Db, projectId: string) {
      return db
        .selectFrom('project_events as e')
        .leftJoin('people as p', 'p.id', 'e.author_id')
        .select([
          'e.id',
          'e.kind',
          'e.text',
          'e.occurred_on',
          'e.from_stage',
          'e.to_stage',
          'e.created_at',
          'p.display_name',
        ])
        .where('e.project_id', '=', projectId)
        .orderBy('e.occurred_on', 'desc')
        .orderBy('e.created_at', 'desc')
        .execute();
    },

    async addEvent(
      db: Db,
      values: {
        projectId: string;
        kind: ProjectEventKindColumn;
        text: string;
        occurredOn: string;
        by: string;
      },
    ) {
      await db
        .insertInto('project_events')
        .values({
          project_id: values.projectId,
          kind: values.kind,
          text: values.text,
          occurred_on: values.occurredOn,
          author_id: values.by,
        })
        .execute();
    },

    indicators(db: Db, projectId: string) {
      return db
        .selectFrom('project_indicators')
        .select(['id', 'kind', 'value', 'period_on', 'note'])
        .where('project_id', '=', projectId)
        .orderBy('period_on', 'desc')
        .orderBy('kind')
        .execute();
    },

    async addMilestone(
      db: Db,
      values: { projectId: string; title: string; dueOn: string | null; by: string },
    ) {
      await db
        .insertInto('project_milestones')
        .values({
          project_id: values.projectId,
          title: values.title,
          due_on: values.dueOn,
          created_by: values.by,
        })
        .execute();
    },

    async updateMilestone(
      db: Db,
      projectId: string,
      id: string,
      values: { title?: string; due_on?: string | null; done_at?: Date | null },
    ) {
      const result = await db
        .updateTable('project_milestones')
        .set(values)
        .where('project_id', '=', projectId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async addBudgetLine(
      db: Db,
      values: {
        projectId: string;
        kind: ProjectBudgetKindColumn;
        label: string;
        amountCents: number;
        funderName: string | null;
        fundingStatus: ProjectFundingStatusColumn | null;
        by: string;
      },
    ) {
      await db
        .insertInto('project_budget_lines')
        .values({
          project_id: values.projectId,
          kind: values.kind,
          label: values.label,
          amount_cents: values.amountCents,
          funder_name: values.funderName,
          funding_status: values.fundingStatus,
          created_by: values.by,
        })
        .execute();
    },

    findBudgetLine(db: Db, projectId: string, id: string) {
      return db
        .selectFrom('project_budget_lines')
        .select(['id', 'kind', 'label', 'amount_cents', 'funder_name', 'funding_status'])
        .where('project_id', '=', projectId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async updateBudgetLine(
      db: Db,
      projectId: string,
      id: string,
      values: {
        label: string;
        amount_cents: number;
        funder_name: string | null;
        funding_status: ProjectFundingStatusColumn | null;
      },
    ) {
      await db
        .updateTable('project_budget_lines')
        .set(values)
        .where('project_id', '=', projectId)
        .where('id', '=', id)
        .execute();
    },

    async addIndicator(
      db: Db,
      values: {
        projectId: string;
        kind: ProjectIndicatorKindColumn;
        value: number;
        periodOn: string;
        note: string;
        by: string;
      },
    ) {
      await db
        .insertInto('project_indicators')
        .values({
          project_id: values.projectId,
          kind: values.kind,
          value: values.value,
          period_on: values.periodOn,
          note: values.note,
          created_by: values.by,
        })
        .execute();
    },

    async updateIndicator(
      db: Db,
      projectId: string,
      id: string,
      values: { value?: number; period_on?: string; note?: string },
    ) {
      const result = await db
        .updateTable('project_indicators')
        .set(values)
        .where('project_id', '=', projectId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Deletes one row of a sub-resource of the project; false when there was none. */
    async deleteItem(db: Db, table: ProjectItemTable, projectId: string, id: string) {
      const result = await db
        .deleteFrom(table)
        .where('project_id', '=', projectId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type ProjectsRepository = ReturnType<typeof createProjectsRepository>;
