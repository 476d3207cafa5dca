import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Scoped } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Scoped;

/** What a directory search filters on, already resolved by the service (codes, ids, points). */
export interface DirectoryFilters {
  /** One network, or null for every network the person belongs to. */
  networkId: string | null;
  words?: string | undefined;
  nafDivisions?: string[] | undefined;
  category?: string | undefined;
  departement?: string | undefined;
  region?: string | undefined;
  epci?: string | undefined;
  competenceId?: string | undefined;
  certification?: string | undefined;
  near?: { lon: number; lat: number; km: number } | undefined;
}

const EARTH_RADIUS_KM = 6371;

function distanceKmSql(lon: number, lat: number) {
  return sql<number>`(${EARTH_RADIUS_KM} * 2 * asin(sqrt(
    power(sin(radians(o.lat - ${lat}) / 2), 2) +
    cos(radians(${lat})) * cos(radians(o.lat)) * power(sin(radians(o.lon - ${lon}) / 2), 2))))`;
}

/** The WHERE clause of a directory search, on the alias `o` for organisations. */
function whereClause(f: DirectoryFilters): Expression<SqlBool> {
  const parts = [
    sql`o.is_active`,
    f.networkId
      ? sql`o.id in (select organisation_id from network_organisations where network_id = ${f.networkId})`
      : // The networks of the person's own memberships and federations, not the organisations
        // that row-level security also shows them (their own company, applicants).
        sql`(o.network_ids && (select meute_direct_network_array())
             or o.federation_ids && (select meute_staffed_federation_array())
             or (select meute_is_instance_admin()))`,
  ];
  if (f.words) {
    parts.push(sql`o.id in (select meute_text_matches(${f.words}))`);
  }
  if (f.nafDivisions) parts.push(sql`substr(o.naf_code, 1, 2) = any(${f.nafDivisions}::text[])`);
  if (f.category) parts.push(sql`o.category = ${f.category}`);
  if (f.departement) parts.push(sql`o.departement_code = ${f.departement}`);
  if (f.region) parts.push(sql`o.region_code = ${f.region}`);
  if (f.epci) parts.push(sql`o.epci_code = ${f.epci}`);
  if (f.competenceId) {
    parts.push(sql`exists (select 1 from organisation_competences oc
                            where oc.organisation_id = o.id and oc.competence_id = ${f.competenceId})`);
  }
  if (f.certification) {
    parts.push(sql`exists (select 1 from organisation_certifications c
                            where c.organisation_id = o.id and lower(c.name) = lower(${f.certification})
                              and (c.expires_on is null or c.expires_on >= current_date))`);
  }
  if (f.near) {
    // A bounding box lets the index on (lat, lon) discard most rows before the exact distance.
    const dLat = f.near.km / 111.2;
    const dLon = f.near.km / (111.2 * Math.max(Math.cos((f.near.lat * Math.PI) / 180), 0.01));
    parts.push(sql`o.lat between ${f.near.lat - dLat} and ${f.near.lat + dLat}`);
    parts.push(sql`o.lon between ${f.near.lon - dLon} and ${f.near.lon + dLon}`);
    parts.push(sql`${distanceKmSql(f.near.lon, f.near.lat)} <= ${f.near.km}`);
  }
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

function escapeLike(text: string): string {
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
    async search(
      db: Scoped,
      f: DirectoryFilters,
      page: { limit: number; offset: number },
    ): Promise<SearchRow[]> {
      const words = f.words ?? '';
      const query = sql`meute_search_query(${words})`;
      const distance = f.near ? distanceKmSql(f.near.lon, f.near.lat) : sql<number | null>`null::float8`;
      const order = f.near
        ? sql`${distance} asc, o.name asc`
        : f.words
          ? sql`ts_rank_cd(o.search_vector, ${query}) desc, o.name asc`
          : sql`o.name asc`;
      // The page is chosen first on cheap columns; the details of its rows come after, so the
      // per-row subqueries run for one page, not for every match.
      const { rows } = await sql<SearchRow>`
        with page as (
          select o.id, ${distance} as distance_km
            from organisations o
           where ${whereClause(f)}
           order by ${order}
           limit ${page.limit} offset ${page.offset}
        )
        select o.id, o.name, o.kind, o.siret, o.naf_code, o.category, o.headcount_band, o.commune_code,
               o.departement_code, o.lon, o.lat, page.distance_km,
               coalesce((select array_agg(c.label order by c.label) from organisation_competences oc
                          join competences c on c.id = oc.competence_id where oc.organisation_id = o.id), '{}')
                 || o.free_competences as competences,
               coalesce((select array_agg(distinct c.name order by c.name) from organisation_certifications c
                          where c.organisation_id = o.id and (c.expires_on is null or c.expires_on >= current_date)), '{}')
                 as certifications,
               ${words} <> '' and (to_tsvector('meute_french', o.name) @@ ${query}
                                   or o.name ilike ${`%${escapeLike(words)}%`}) as matched_name,
               coalesce((select array_agg(c.label) from organisation_competences oc
                          join competences c on c.id = oc.competence_id
                         where oc.organisation_id = o.id and ${words} <> ''
                           and to_tsvector('meute_french', c.label) @@ ${query}), '{}')
                 || coalesce((select array_agg(fc) from unnest(o.free_competences) fc
                               where ${words} <> '' and to_tsvector('meute_french', fc) @@ ${query}), '{}')
                 as matched_competences,
               ${words} <> '' and to_tsvector('meute_french', o.description) @@ ${query} as matched_description,
               coalesce((select array_agg(c.name) from organisation_certifications c
                          where c.organisation_id = o.id and ${words} <> ''
                            and to_tsvector('meute_french', c.name) @@ ${query}), '{}') as matched_certifications,
               coalesce((select array_agg(r.title) from organisation_references r
                          where r.organisation_id = o.id and ${words} <> ''
                            and to_tsvector('meute_french', r.title || ' ' || r.client || ' ' || r.description) @@ ${query}),
                        '{}') as matched_references
          from page join organisations o on o.id = page.id
         order by ${order}`.execute(db);
      return rows;
    },

    /** Counts of the matching organisations by NAF division, category, département, competence, certification. */
    async facets(db: Scoped, f: DirectoryFilters) {
      const { rows } = await sql<{
        facet: string;
        value: string | null;
        label: string | null;
        count: number;
      }>`
        with matches as materialized (
          select o.id, substr(o.naf_code, 1, 2) as division, o.category, o.departement_code
            from organisations o where ${whereClause(f)}
        )
        select case when grouping(division) = 0 then 'division'
                    when grouping(category) = 0 then 'category'
                    when grouping(departement_code) = 0 then 'departement'
                    else 'total' end as facet,
               coalesce(division, category, departement_code) as value, null as label, count(*)::int as count
          from matches
         group by grouping sets ((division), (category), (departement_code), ())
        union all
        select 'competence', c.id::text, min(c.label), count(*)::int from matches m
          join organisation_competences oc on oc.organisation_id = m.id
          join competences c on c.id = oc.competence_id
         group by c.id
        union all
        select 'certification', min(c.name), null, count(distinct m.id)::int from matches m
          join organisation_certifications c on c.organisation_id = m.id
         where c.expires_on is null or c.expires_on >= current_date
         group by lower(c.name)`.execute(db);
      return rows;
    },

    /** Changes whenever anything the directory shows changes (a trigger bumps it). */
    async directoryVersion(db: Db): Promise<string> {
      const row = await db.selectFrom('directory_version').select('version').executeTakeFirstOrThrow();
      return String(row.version);
    },

    async mapPoints(db: Scoped, f: DirectoryFilters, limit: number) {
      const { rows } = await sql<{ id: string; name: string; lon: number; lat: number }>`
        select o.id, o.name, o.lon, o.lat from organisations o
         where ${whereClause(f)} and o.lon is not null and o.lat is not null
         order by o.name limit ${limit}`.execute(db);
      return rows;
    },

    /** Every matching organisation with the columns of an export, in name order. */
    async exportRows(db: Scoped, f: DirectoryFilters, limit: number) {
      const { rows } = await sql<{
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
        select o.name, o.siret, o.naf_code, o.category, o.headcount_band, o.commune_code, o.website,
               coalesce((select array_agg(c.label order by c.label) from organisation_competences oc
                          join competences c on c.id = oc.competence_id where oc.organisation_id = o.id), '{}')
                 || o.free_competences as competences,
               coalesce((select array_agg(c.name order by c.name) from organisation_certifications c
                          where c.organisation_id = o.id), '{}') as certifications
          from organisations o where ${whereClause(f)} order by o.name limit ${limit}`.execute(db);
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
