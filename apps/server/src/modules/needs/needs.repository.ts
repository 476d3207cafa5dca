import type { Kysely } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB, NeedKindColumn, NeedVisibilityColumn, ProjectStageColumn } from '../../db/schema.ts';

type Db = Kysely<DB> | Scoped;

export interface NeedValues {
  kind: NeedKindColumn;
  title: string;
  description: string;
  competenceIds: string[];
  nafCode: string | null;
  quantity: string;
  deadline: string | null;
  visibility: NeedVisibilityColumn;
  namedOrganisationIds: string[];
}

const NEED_COLUMNS = [
  'n.id',
  'n.network_id',
  'n.organisation_id',
  'o.name as organisation_name',
  'n.kind',
  'n.title',
  'n.description',
  'n.competence_ids',
  'n.naf_code',
  'n.quantity',
  'n.deadline',
  'n.visibility',
  'n.named_organisation_ids',
  'n.status',
  'n.created_at',
  'n.updated_at',
] as const;

/**
 * The only place with SQL for needs and projects. Read under a person's row-level security
 * (`Scoped`), a need they may not see — a 'staff' need of another organisation — is simply
 * not there.
 */
export function createNeedsRepository() {
  return {
    /** The organisations of a person that are members of the network, by name. */
    memberOrganisationsOf(db: Db, networkId: string, personId: string) {
      return db
        .selectFrom('person_organisations as po')
        .innerJoin('network_organisations as no', 'no.organisation_id', 'po.organisation_id')
        .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
        .select(['o.id', 'o.name'])
        .where('po.person_id', '=', personId)
        .where('no.network_id', '=', networkId)
        .orderBy('o.name')
        .execute();
    },

    /** The member organisations of the network, by name (at most 2,000). */
    networkOrganisations(db: Db, networkId: string) {
      return db
        .selectFrom('network_organisations as no')
        .innerJoin('organisations as o', 'o.id', 'no.organisation_id')
        .select(['o.id', 'o.name'])
        .where('no.network_id', '=', networkId)
        .orderBy('o.name')
        .limit(2000)
        .execute();
    },

    /** Needs of the network the caller may see, newest first; withdrawn ones only on request. */
    listNeeds(db: Db, networkId: string, options: { includeWithdrawn?: boolean } = {}) {
      let query = db
        .selectFrom('needs as n')
        .leftJoin('organisations as o', 'o.id', 'n.organisation_id')
        .select(NEED_COLUMNS)
        .where('n.network_id', '=', networkId);
      if (!options.includeWithdrawn) query = query.where('n.status', '=', 'open');
      return query.orderBy('n.created_at', 'desc').orderBy('n.id').execute();
    },

    findNeed(db: Db, networkId: string, id: string) {
      return db
        .selectFrom('needs as n')
        .leftJoin('organisations as o', 'o.id', 'n.organisation_id')
        .select(NEED_COLUMNS)
        .where('n.network_id', '=', networkId)
        .where('n.id', '=', id)
        .executeTakeFirst();
    },

    createNeed(
      db: Db,
      values: NeedValues & { networkId: string; organisationId: string; createdBy: string },
    ) {
      return db
        .insertInto('needs')
        .values({
          network_id: values.networkId,
          organisation_id: values.organisationId,
          kind: values.kind,
          title: values.title,
          description: values.description,
          competence_ids: values.competenceIds,
          naf_code: values.nafCode,
          quantity: values.quantity,
          deadline: values.deadline,
          visibility: values.visibility,
          named_organisation_ids: values.namedOrganisationIds,
          created_by: values.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    async updateNeed(db: Db, id: string, values: Partial<NeedValues>, at: Date) {
      await db
        .updateTable('needs')
        .set({
          ...(values.kind !== undefined ? { kind: values.kind } : {}),
          ...(values.title !== undefined ? { title: values.title } : {}),
          ...(values.description !== undefined ? { description: values.description } : {}),
          ...(values.competenceIds !== undefined ? { competence_ids: values.competenceIds } : {}),
          ...(values.nafCode !== undefined ? { naf_code: values.nafCode } : {}),
          ...(values.quantity !== undefined ? { quantity: values.quantity } : {}),
          ...(values.deadline !== undefined ? { deadline: values.deadline } : {}),
          ...(values.visibility !== undefined ? { visibility: values.visibility } : {}),
          ...(values.namedOrganisationIds !== undefined
            ? { named_organisation_ids: values.namedOrganisationIds }
            : {}),
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
    },

    async withdrawNeed(db: Db, id: string, at: Date) {
      await db
        .updateTable('needs')
        .set({ status: 'withdrawn', updated_at: at })
        .where('id', '=', id)
        .execute();
    },

    /** How many of these competences exist for the network (shared or its own). */
    async countCompetences(db: Db, networkId: string, ids: string[]) {
      if (ids.length === 0) return 0;
      const row = await db
        .selectFrom('competences')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('id', 'in', ids)
        .where((eb) => eb.or([eb('network_id', 'is', null), eb('network_id', '=', networkId)]))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    competenceLabels(db: Db, ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('competences').select(['id', 'label']).where('id', 'in', ids).execute();
    },

    /** Which of these organisations are members of the network. */
    async memberOrganisationIds(db: Db, networkId: string, ids: string[]) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('network_organisations')
        .select('organisation_id')
        .where('network_id', '=', networkId)
        .where('organisation_id', 'in', ids)
        .execute();
      return rows.map((row) => row.organisation_id);
    },

    /** The open needs of the network not yet linked to a project: what the board compares. */
    boardNeeds(db: Db, networkId: string) {
      return db
        .selectFrom('needs as n')
        .leftJoin('organisations as o', 'o.id', 'n.organisation_id')
        .select([
          'n.id',
          'n.organisation_id',
          'o.name as organisation_name',
          'n.kind',
          'n.title',
          'n.description',
        ])
        .select(['n.competence_ids', 'n.naf_code', 'n.updated_at'])
        .where('n.network_id', '=', networkId)
        .where('n.status', '=', 'open')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb.selectFrom('project_needs as pn').select('pn.need_id').whereRef('pn.need_id', '=', 'n.id'),
            ),
          ),
        )
        .orderBy('n.id')
        .execute();
    },

    listDecisions(db: Db, networkId: string) {
      return db
        .selectFrom('need_link_decisions')
        .select(['need_a', 'need_b', 'kind'])
        .where('network_id', '=', networkId)
        .execute();
    },

    async saveDecisions(
      db: Db,
      networkId: string,
      kind: 'cannot' | 'must',
      pairs: readonly (readonly [string, string])[],
      decidedBy: string,
    ) {
      if (pairs.length === 0) return;
      await db
        .insertInto('need_link_decisions')
        .values(
          pairs.map(([a, b]) => ({
            network_id: networkId,
            need_a: a < b ? a : b,
            need_b: a < b ? b : a,
            kind,
            decided_by: decidedBy,
          })),
        )
        .onConflict((oc) => oc.columns(['need_a', 'need_b', 'kind']).doNothing())
        .execute();
    },

    /** Removes must-link pairs (a split undoes an earlier merge across its parts). */
    async deleteDecisions(
      db: Db,
      networkId: string,
      kind: 'cannot' | 'must',
      pairs: readonly (readonly [string, string])[],
    ) {
      for (const [a, b] of pairs) {
        await db
          .deleteFrom('need_link_decisions')
          .where('network_id', '=', networkId)
          .where('kind', '=', kind)
          .where('need_a', '=', a < b ? a : b)
          .where('need_b', '=', a < b ? b : a)
          .execute();
      }
    },

    listSynonymSets(db: Db, networkId: string) {
      return db
        .selectFrom('network_synonym_sets')
        .select(['id', 'concept_id', 'label', 'terms', 'updated_at'])
        .where('network_id', '=', networkId)
        .orderBy('label')
        .execute();
    },

    async saveSynonymSet(
      db: Db,
      values: {
        id?: string;
        networkId: string;
        conceptId: string;
        label: string;
        terms: string[];
        by: string;
      },
    ) {
      if (values.id) {
        const result = await db
          .updateTable('network_synonym_sets')
          .set({ label: values.label, terms: values.terms, updated_at: new Date() })
          .where('id', '=', values.id)
          .where('network_id', '=', values.networkId)
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0 ? values.id : null;
      }
      const row = await db
        .insertInto('network_synonym_sets')
        .values({
          network_id: values.networkId,
          concept_id: values.conceptId,
          label: values.label,
          terms: values.terms,
          created_by: values.by,
        })
        .onConflict((oc) => oc.columns(['network_id', 'concept_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return row?.id ?? null;
    },

    async deleteSynonymSet(db: Db, networkId: string, id: string) {
      const result = await db
        .deleteFrom('network_synonym_sets')
        .where('id', '=', id)
        .where('network_id', '=', networkId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async createProject(
      db: Db,
      values: {
        networkId: string;
        title: string;
        description: string;
        leadOrganisationId: string | null;
        createdBy: string;
        organisationIds: string[];
        needIds: string[];
      },
    ) {
      const project = await db
        .insertInto('projects')
        .values({
          network_id: values.networkId,
          title: values.title,
          description: values.description,
          lead_organisation_id: values.leadOrganisationId,
          created_by: values.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (values.organisationIds.length > 0) {
        await db
          .insertInto('project_members')
          .values(
            values.organisationIds.map((organisationId) => ({
              project_id: project.id,
              organisation_id: organisationId,
              network_id: values.networkId,
            })),
          )
          .execute();
      }
      if (values.needIds.length > 0) {
        await db
          .insertInto('project_needs')
          .values(
            values.needIds.map((needId) => ({
              project_id: project.id,
              need_id: needId,
              network_id: values.networkId,
            })),
          )
          .execute();
      }
      return project;
    },

    listProjects(db: Db, networkId: string) {
      return db
        .selectFrom('projects as p')
        .select(['p.id', 'p.title', 'p.stage', 'p.created_at'])
        .select((eb) =>
          eb
            .selectFrom('project_members as pm')
            .select((inner) => inner.fn.countAll<string>().as('count'))
            .whereRef('pm.project_id', '=', 'p.id')
            .as('member_count'),
        )
        .where('p.network_id', '=', networkId)
        .orderBy('p.created_at', 'desc')
        .execute();
    },

    findProject(db: Db, networkId: string, id: string) {
      return db
        .selectFrom('projects as p')
        .leftJoin('organisations as o', 'o.id', 'p.lead_organisation_id')
        .select([
          'p.id',
          'p.network_id',
          'p.title',
          'p.description',
          'p.stage',
          'p.lead_organisation_id',
          'o.name as lead_organisation_name',
          'p.created_at',
        ])
        .where('p.network_id', '=', networkId)
        .where('p.id', '=', id)
        .executeTakeFirst();
    },

    projectMembers(db: Db, projectId: string) {
      return db
        .selectFrom('project_members as pm')
        .leftJoin('organisations as o', 'o.id', 'pm.organisation_id')
        .select(['pm.organisation_id', 'o.name as organisation_name', 'pm.status'])
        .where('pm.project_id', '=', projectId)
        .orderBy('o.name')
        .execute();
    },

    /** Linked needs, those the caller may see (an inner join under row-level security). */
    projectNeeds(db: Db, projectId: string) {
      return db
        .selectFrom('project_needs as pn')
        .innerJoin('needs as n', 'n.id', 'pn.need_id')
        .leftJoin('organisations as o', 'o.id', 'n.organisation_id')
        .select(['n.id', 'n.kind', 'n.title', 'o.name as organisation_name'])
        .where('pn.project_id', '=', projectId)
        .orderBy('n.title')
        .execute();
    },

    async setProjectStage(db: Db, id: string, stage: ProjectStageColumn, at: Date) {
      await db.updateTable('projects').set({ stage, updated_at: at }).where('id', '=', id).execute();
    },
  };
}

export type NeedsRepository = ReturnType<typeof createNeedsRepository>;
