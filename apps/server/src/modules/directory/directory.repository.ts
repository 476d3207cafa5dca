import { type Kysely, sql } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Scoped;

/** Text to match literally in a LIKE pattern (`%`, `_` and `\` escaped). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface SearchRow {
  id: string;
  name: string;
  kind: 'company' | 'partner';
  siret: string | null;
  naf_code: string | null;
  category: 'TPE' | 'PME' | 'ETI' | 'GE' | null;
  headcount_band: string | null;
  commune_code: string | null;
  departement_code: string | null;
  lon: number | null;
  lat: number | null;
  competences: string[];
  certifications: string[];
  distance_km: number | null;
  matched_name: boolean;
  matched_competences: string[];
  matched_description: boolean;
  matched_certifications: string[];
  matched_references: string[];
}

/** The only place with SQL for the directory: search, facets, profiles, applications, dues. */
export function createDirectoryRepository() {
  return {
    /**
     * The rows of one page, read under row-level security: the index chose them, the policy
     * decides what is shown (a row the person may not see is simply absent).
     */
    async pageRows(db: Scoped, ids: readonly string[], words: string): Promise<SearchRow[]> {
      if (ids.length === 0) return [];
      // Why each row matched: the weights of its search text (A name, B competences, C description,
      // certifications and capacities, D references) say where the words are, so each part is
      // parsed again only where its weight matched — parsing French text is the costly part.
      const { rows } = await sql<SearchRow>`
        select o.id, o.name, o.kind, o.siret, o.naf_code, o.category, o.headcount_band, o.commune_code,
               o.departement_code, o.lon, o.lat, null::float8 as distance_km,
               coalesce((select array_agg(c.label order by c.label) from organisation_competences oc
                          join competences c on c.id = oc.competence_id where oc.organisation_id = o.id), '{}')
                 || o.free_competences as competences,
               coalesce((select array_agg(distinct c.name order by c.name) from organisation_certifications c
                          where c.organisation_id = o.id and (c.expires_on is null or c.expires_on >= current_date)), '{}')
                 as certifications,
               w.in_name or (w.asked and o.name ilike ${`%${escapeLike(words)}%`}) as matched_name,
               case when w.in_competences then
                 coalesce((select array_agg(c.label) from organisation_competences oc
                            join competences c on c.id = oc.competence_id
                           where oc.organisation_id = o.id and c.search_vector @@ w.q), '{}')
                 || coalesce((select array_agg(fc) from unnest(o.free_competences) fc
                               where to_tsvector('meute_french', fc) @@ w.q), '{}')
               else '{}' end as matched_competences,
               case when w.in_description then to_tsvector('meute_french', o.description) @@ w.q else false end
                 as matched_description,
               case when w.in_description then
                 coalesce((select array_agg(c.name) from organisation_certifications c
                            where c.organisation_id = o.id and to_tsvector('meute_french', c.name) @@ w.q), '{}')
               else '{}' end as matched_certifications,
               case when w.in_references then
                 coalesce((select array_agg(r.title) from organisation_references r
                            where r.organisation_id = o.id
                              and to_tsvector('meute_french', r.title || ' ' || r.client || ' ' || r.description) @@ w.q),
                          '{}')
               else '{}' end as matched_references
          from organisations o
         cross join lateral (
           select q, ${words} <> '' as asked,
                  ${words} <> '' and ts_filter(o.search_vector, '{a}') @@ q as in_name,
                  ${words} <> '' and ts_filter(o.search_vector, '{b}') @@ q as in_competences,
                  ${words} <> '' and ts_filter(o.search_vector, '{c}') @@ q as in_description,
                  ${words} <> '' and ts_filter(o.search_vector, '{d}') @@ q as in_references
             from meute_search_query(${words}) q
         ) w
         where o.id = any(${ids}::uuid[])`.execute(db);
      return rows;
    },

    /**
     * Every organisation whose search text matches the words, with its rank, whoever may see it:
     * read with the owner's rights (the full-text index cannot serve a query under row-level
     * security) and filtered by the index's visibility rule before anything is shown.
     */
    async textMatches(db: Kysely<DB>, words: string): Promise<Map<string, number>> {
      const { rows } = await sql<{ id: string; rank: number }>`
        select o.id, ts_rank_cd(o.search_vector, q) as rank
          from organisations o, meute_search_query(${words}) q
         where o.search_vector @@ q`.execute(db);
      return new Map(rows.map((row) => [row.id, row.rank]));
    },

    /**
     * The index's columns of the organisations written after a directory version (all of them
     * with null), and the version they are current at: one snapshot, so nothing written in
     * between is missed (writers hold the version row until they commit).
     */
    async indexRows(db: Kysely<DB>, afterVersion: string | null) {
      return db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          const { version } = await trx
            .selectFrom('directory_version')
            .select('version')
            .executeTakeFirstOrThrow();
          const { rows } = await sql<{
            id: string;
            name: string;
            is_active: boolean;
            network_ids: string[];
            federation_ids: string[];
            naf_division: string | null;
            category: string | null;
            departement_code: string | null;
            region_code: string | null;
            epci_code: string | null;
            lon: number | null;
            lat: number | null;
            competence_ids: string[] | null;
            certification_names: string[] | null;
            certification_expiries: (string | null)[] | null;
          }>`
            with changed as materialized (
              select o.id, o.name, o.is_active, o.network_ids::text[] as network_ids,
                     o.federation_ids::text[] as federation_ids, substr(o.naf_code, 1, 2) as naf_division,
                     o.category, o.departement_code, o.region_code, o.epci_code, o.lon, o.lat
                from organisations o
               where ${afterVersion === null ? sql`true` : sql`o.directory_change > ${afterVersion}::bigint`}
            ),
            competence_ids as (
              select organisation_id, array_agg(competence_id::text) as ids from organisation_competences
               where organisation_id in (select id from changed) group by organisation_id
            ),
            certifications as (
              select organisation_id, array_agg(name) as names, array_agg(expires_on::text) as expiries
                from organisation_certifications
               where organisation_id in (select id from changed) group by organisation_id
            )
            select changed.*, competence_ids.ids as competence_ids, certifications.names as certification_names,
                   certifications.expiries as certification_expiries
              from changed
              left join competence_ids on competence_ids.organisation_id = changed.id
              left join certifications on certifications.organisation_id = changed.id`.execute(trx);
          const competences = await trx
            .selectFrom('competences')
            .select(['id', 'label', 'network_id'])
            .execute();
          return { version: String(version), rows, competences };
        });
    },

    /**
     * What the directory's visibility rule needs to know of a person (computed by the policy's own
     * functions), every network they see, the directory version, and the id of the network asked
     * for if they see it. Called with the owner's connection, outside any transaction.
     */
    async viewer(db: Kysely<DB>, personId: string, networkSlug: string | null) {
      const { rows } = await sql<{
        version: string;
        direct: string[];
        federations: string[];
        is_admin: boolean;
        visible: string[];
        network_id: string | null;
      }>`select * from meute_directory_viewer(${personId}, ${networkSlug})`.execute(db);
      return rows[0]!;
    },

    async mapPoints(db: Scoped, ids: readonly string[]) {
      if (ids.length === 0) return [];
      const { rows } = await sql<{ id: string; name: string; lon: number; lat: number }>`
        select o.id, o.name, o.lon, o.lat from organisations o
         where o.id = any(${ids}::uuid[]) and o.lon is not null and o.lat is not null`.execute(db);
      return rows;
    },

    /** The columns of an export for some organisations (in no particular order). */
    async exportRows(db: Scoped, ids: readonly string[]) {
      if (ids.length === 0) return [];
      const { rows } = await sql<{
        id: string;
        name: string;
        siret: string | null;
        naf_code: string | null;
        category: string | null;
        headcount_band: string | null;
        commune_code: string | null;
        website: string;
        competences: string[];
        certifications: string[];
      }>`
        select o.id, o.name, o.siret, o.naf_code, o.category, o.headcount_band, o.commune_code, o.website,
               coalesce((select array_agg(c.label order by c.label) from organisation_competences oc
                          join competences c on c.id = oc.competence_id where oc.organisation_id = o.id), '{}')
                 || o.free_competences as competences,
               coalesce((select array_agg(c.name order by c.name) from organisation_certifications c
                          where c.organisation_id = o.id), '{}') as certifications
          from organisations o where o.id = any(${ids}::uuid[])`.execute(db);
      return rows;
    },

    findOrganisation(db: Db, id: string) {
      return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findOrganisationBySiret(db: Db, siret: string) {
      return db.selectFrom('organisations').selectAll().where('siret', '=', siret).executeTakeFirst();
    },

    async profileDetails(db: Scoped, organisationId: string) {
      const [competences, certifications, capacities, references, people, networks] = await Promise.all([
        db
          .selectFrom('organisation_competences as oc')
          .innerJoin('competences as c', 'c.id', 'oc.competence_id')
          .select(['c.id', 'c.label'])
          .where('oc.organisation_id', '=', organisationId)
          .orderBy('c.label')
          .execute(),
        db
          .selectFrom('organisation_certifications')
          .select(['name', 'expires_on'])
          .where('organisation_id', '=', organisationId)
          .orderBy('name')
          .execute(),
        db
          .selectFrom('organisation_capacities')
          .select(['label', 'quantity', 'free_percent'])
          .where('organisation_id', '=', organisationId)
          .orderBy('label')
          .execute(),
        db
          .selectFrom('organisation_references')
          .select(['title', 'client', 'year', 'description'])
          .where('organisation_id', '=', organisationId)
          .orderBy('year', 'desc')
          .execute(),
        db
          .selectFrom('person_organisations as po')
          .innerJoin('people as p', 'p.id', 'po.person_id')
          .select([
            'p.id',
            'p.display_name',
            'p.email',
            'p.phone',
            'p.job_title',
            'p.email_visibility',
            'p.phone_visibility',
            'po.is_leader',
          ])
          .where('po.organisation_id', '=', organisationId)
          .orderBy('p.display_name')
          .execute(),
        db
          .selectFrom('network_organisations as no')
          .innerJoin('networks as n', 'n.id', 'no.network_id')
          .select(['n.id', 'n.slug', 'n.name'])
          .where('no.organisation_id', '=', organisationId)
          .orderBy('n.name')
          .execute(),
      ]);
      return { competences, certifications, capacities, references, people, networks };
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

    async networkIdsOfOrganisation(db: Db, organisationId: string) {
      const rows = await db
        .selectFrom('network_organisations')
        .select('network_id')
        .where('organisation_id', '=', organisationId)
        .execute();
      return rows.map((row) => row.network_id);
    },

    async refreshSearch(db: Db, organisationId: string) {
      await sql`select meute_refresh_organisation_search(${organisationId})`.execute(db);
    },

    async stats(db: Scoped, networkId: string) {
      const { rows } = await sql<{ facet: string; value: string; count: number }>`
        with members as (
          select o.naf_code, o.category, o.departement_code from organisations o
            join network_organisations no on no.organisation_id = o.id and no.network_id = ${networkId}
        )
        select 'division' as facet, substr(naf_code, 1, 2) as value, count(*)::int as count from members
         where naf_code is not null group by 2
        union all
        select 'category', category, count(*)::int from members where category is not null group by 2
        union all
        select 'departement', departement_code, count(*)::int from members where departement_code is not null group by 2
        union all
        select 'total', '', count(*)::int from members`.execute(db);
      return rows;
    },
  };
}

export type DirectoryRepository = ReturnType<typeof createDirectoryRepository>;
