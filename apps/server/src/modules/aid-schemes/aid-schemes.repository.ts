import type { AidSchemeRule } from '@meute/domain';
import type { Kysely } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Scoped;

export interface AidSchemeValues extends AidSchemeRule {
  name: string;
  funder: string;
  description: string;
  url: string;
}

const SCHEME_COLUMNS = [
  's.id',
  's.network_id',
  'n.slug as network_slug',
  'n.name as network_name',
  's.name',
  's.funder',
  's.level',
  's.description',
  's.url',
  's.categories',
  's.naf_sections',
  's.naf_divisions',
  's.regions',
  's.departements',
  's.project_stages',
  's.amount_min_cents',
  's.amount_max_cents',
  's.opens_on',
  's.closes_on',
  's.created_at',
  's.updated_at',
  's.archived_at',
] as const;

const ORGANISATION_PROFILE = [
  'o.id',
  'o.name',
  'o.category',
  'o.headcount_band',
  'o.naf_code',
  'o.departement_code',
  'o.region_code',
] as const;

const toColumns = (values: Partial<AidSchemeValues>) => ({
  ...(values.name !== undefined ? { name: values.name } : {}),
  ...(values.funder !== undefined ? { funder: values.funder } : {}),
  ...(values.level !== undefined ? { level: values.level } : {}),
  ...(values.description !== undefined ? { description: values.description } : {}),
  ...(values.url !== undefined ? { url: values.url } : {}),
  ...(values.categories !== undefined ? { categories: [...values.categories] } : {}),
  ...(values.nafSections !== undefined ? { naf_sections: [...values.nafSections] } : {}),
  ...(values.nafDivisions !== undefined ? { naf_divisions: [...values.nafDivisions] } : {}),
  ...(values.regions !== undefined ? { regions: [...values.regions] } : {}),
  ...(values.departements !== undefined ? { departements: [...values.departements] } : {}),
  ...(values.projectStages !== undefined ? { project_stages: [...values.projectStages] } : {}),
  ...(values.amountMinCents !== undefined ? { amount_min_cents: values.amountMinCents } : {}),
  ...(values.amountMaxCents !== undefined ? { amount_max_cents: values.amountMaxCents } : {}),
  ...(values.opensOn !== undefined ? { opens_on: values.opensOn } : {}),
  ...(values.closesOn !== undefined ? { closes_on: values.closesOn } : {}),
});

/**
 * The only place with SQL for aid schemes. The network is left-joined: a member of a club does
 * not see its federation's network row, yet reads the federation's catalogue. Read under a
 * person's row-level security, a scheme of a network they do not belong to (nor of its
 * federation) is simply not there.
 */
export function createAidSchemesRepository() {
  return {
    /** The schemes kept by these networks, by name; archived ones only on request. */
    listSchemes(db: Db, networkIds: readonly string[], options: { includeArchived?: boolean } = {}) {
      if (networkIds.length === 0) return Promise.resolve([]);
      let query = db
        .selectFrom('aid_schemes as s')
        .leftJoin('networks as n', 'n.id', 's.network_id')
        .select(SCHEME_COLUMNS)
        .where('s.network_id', 'in', networkIds);
      if (!options.includeArchived) query = query.where('s.archived_at', 'is', null);
      return query.orderBy('s.name').orderBy('s.id').limit(1000).execute();
    },

    findScheme(db: Db, networkIds: readonly string[], id: string) {
      if (networkIds.length === 0) return Promise.resolve(undefined);
      return db
        .selectFrom('aid_schemes as s')
        .leftJoin('networks as n', 'n.id', 's.network_id')
        .select(SCHEME_COLUMNS)
        .where('s.network_id', 'in', networkIds)
        .where('s.id', '=', id)
        .executeTakeFirst();
    },

    createScheme(db: Db, values: AidSchemeValues & { networkId: string; createdBy: string }) {
      return db
        .insertInto('aid_schemes')
        .values({
          network_id: values.networkId,
          created_by: values.createdBy,
          name: values.name,
          level: values.level,
          ...toColumns(values),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    async updateScheme(db: Db, id: string, values: Partial<AidSchemeValues>, at: Date) {
      await db
        .updateTable('aid_schemes')
        .set({ ...toColumns(values), updated_at: at })
        .where('id', '=', id)
        .execute();
    },

    async setArchived(db: Db, id: string, archivedAt: Date | null, at: Date) {
      await db
        .updateTable('aid_schemes')
        .set({ archived_at: archivedAt, updated_at: at })
        .where('id', '=', id)
        .execute();
    },

    /** The person's organisations that belong to the network, with their profile, by name. */
    myOrganisations(db: Db, networkId: string, personId: string) {
      return db
        .selectFrom('person_organisations as po')
        .innerJoin('network_organisations as no', 'no.organisation_id', 'po.organisation_id')
        .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
        .select(ORGANISATION_PROFILE)
        .where('po.person_id', '=', personId)
        .where('no.network_id', '=', networkId)
        .orderBy('o.name')
        .execute();
    },

    findProject(db: Db, networkId: string, id: string) {
      return db
        .selectFrom('projects')
        .select(['id', 'title', 'stage', 'lead_organisation_id'])
        .where('network_id', '=', networkId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** The project's lead and member organisations (not those that declined), with their profile. */
    projectOrganisations(db: Db, projectId: string, leadId: string | null) {
      return db
        .selectFrom('organisations as o')
        .select(ORGANISATION_PROFILE)
        .where((eb) =>
          eb.or([
            ...(leadId ? [eb('o.id', '=', leadId)] : []),
            eb(
              'o.id',
              'in',
              eb
                .selectFrom('project_members as pm')
                .select('pm.organisation_id')
                .where('pm.project_id', '=', projectId)
                .where('pm.status', '!=', 'declined'),
            ),
          ]),
        )
        .orderBy('o.name')
        .execute();
    },
  };
}

export type AidSchemesRepository = ReturnType<typeof createAidSchemesRepository>;
export type AidSchemeRow = NonNullable<Awaited<ReturnType<AidSchemesRepository['findScheme']>>>;
export type OrganisationProfileRow = Awaited<ReturnType<AidSchemesRepository['myOrganisations']>>[number];
