/**
 * The SQL of imports, on one dedicated connection holding one transaction: staging tables filled
 * by COPY, set-based validation, then one upsert into organisations. Everything here lives in
 * the session's temporary schema and disappears with the transaction.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LA_POSTE_SIREN, LAMBERT_93 } from '@meute/domain';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { bandLookupCsv, communeLookupCsv, nafLookupCsv } from './import-lookups.ts';
import { SIRENE_HIDDEN } from './sirene-format.ts';

export type ImportClient = pg.Client;

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** A COPY that PostgreSQL refused, with the line of the file it stopped at. */
export interface CopyFailure {
  line: number | null;
  code: string;
  message: string;
}

export function copyFailure(error: unknown): CopyFailure | null {
  const e = error as { code?: string; where?: string; message?: string };
  if (typeof e?.code !== 'string' || !/^(22|54)/.test(e.code)) return null;
  const line = /line (\d+)/.exec(e.where ?? '')?.[1];
  return { line: line ? Number(line) : null, code: e.code, message: e.message ?? '' };
}

/** Luhn over the 14 digits of a SIRET, written out so that PostgreSQL inlines it. */
function luhnSumSql(s: string): string {
  const terms: string[] = [];
  for (let position = 1; position <= 14; position++) {
    const digit = `(ascii(substr(${s}, ${position}, 1)) - 48)`;
    // From the right, every second digit is doubled (minus 9 above 9): positions 1, 3 … 13.
    terms.push(position % 2 === 1 ? `(2 * ${digit} - 9 * (${digit} / 5))` : digit);
  }
  return terms.join(' + ');
}

function digitSumSql(s: string): string {
  return Array.from({ length: 14 }, (_, i) => `(ascii(substr(${s}, ${i + 1}, 1)) - 48)`).join(' + ');
}

/**
 * Lambert-93 to WGS84 in SQL, for a million rows without a round trip: the constants of the
 * domain's LAMBERT_93 (IGN ALG0004), and the geodetic latitude from the isometric one by the
 * closed-form series of the conformal latitude (Snyder, Map Projections, eq. 3-5) instead of
 * IGN ALG0002's iteration; the two agree to a few micrometres (tested against lambert93ToWgs84).
 */
function lambertFunctionSql(): string {
  const { n, c, xs, ys, lambdaC, e } = LAMBERT_93;
  const e2 = e * e;
  const e4 = e2 * e2;
  const e6 = e4 * e2;
  const e8 = e4 * e4;
  const a2 = e2 / 2 + (5 * e4) / 24 + e6 / 12 + (13 * e8) / 360;
  const a4 = (7 * e4) / 48 + (29 * e6) / 240 + (811 * e8) / 11520;
  const a6 = (7 * e6) / 120 + (81 * e8) / 1120;
  const a8 = (4279 * e8) / 161280;
  // `offset 0` keeps the inner query apart when PostgreSQL inlines the function: the
  // conformal latitude is computed once, not once per term of the series.
  return `create function pg_temp.meute_lambert93(x double precision, y double precision)
  returns table (lon double precision, lat double precision)
  language sql immutable
  as $$
    select degrees(${lambdaC} + atan((x - ${xs}) / (${ys} - y)) / ${n}),
           degrees(chi + ${a2} * sin(2 * chi) + ${a4} * sin(4 * chi) + ${a6} * sin(6 * chi) + ${a8} * sin(8 * chi))
      from (select 2 * atan(exp(-ln(sqrt((x - ${xs}) ^ 2 + (${ys} - y) ^ 2) / ${c}) / ${n})) - pi() / 2 as chi
            offset 0) k
  $$`;
}

/** Opens the import's transaction: one import at a time, enough memory for big sorts and hashes. */
export async function beginImport(client: ImportClient): Promise<void> {
  // Temporary tables go through the session's own buffers; the default (8 MB) would write a
  // large staging table to disk page by page. Only settable before the first temporary table.
  await client.query(`set temp_buffers = '256MB'`);
  await client.query('begin');
  await client.query(`set local work_mem = '256MB'`);
  // Two imports touching the same SIRETs would wait on each other row by row; one at a time.
  await client.query('select pg_advisory_xact_lock(7170001)');
  await client.query(`create function pg_temp.meute_siret_ok(s text) returns boolean
    language sql immutable
    as $$ select length(s) = 14 and s !~ '[^0-9]'
             and ((${luhnSumSql('s')}) % 10 = 0
                  or (left(s, 9) = '${LA_POSTE_SIREN}' and (${digitSumSql('s')}) % 5 = 0)) $$`);
  await client.query(lambertFunctionSql());
  await client.query(`create temp table imp_band (code text primary key, category text) on commit drop`);
  await client.query(
    `create temp table imp_naf (compact text primary key, code text not null) on commit drop`,
  );
  await client.query(`create temp table imp_commune (code text primary key, commune_code text not null,
    epci_code text, departement_code text not null, region_code text not null,
    lon double precision, lat double precision, mainland boolean not null) on commit drop`);
  await copyText(client, `copy imp_band from stdin (format csv)`, bandLookupCsv());
  await copyText(client, `copy imp_naf from stdin (format csv)`, nafLookupCsv());
  await copyText(client, `copy imp_commune from stdin (format csv)`, communeLookupCsv());
  await client.query('analyze imp_band; analyze imp_naf; analyze imp_commune');
}

async function copyText(client: ImportClient, statement: string, text: string): Promise<void> {
  await pipeline(Readable.from([Buffer.from(text)]), client.query(copyFrom(statement)));
}

/**
 * A staging table of `columns` text columns c1 … cN, plus `line`. With `lineFrom`, the line is
 * numbered by a sequence in COPY order (the file's line of the first data row is `lineFrom`);
 * without, the loader writes it as the first column.
 */
export async function createStaging(
  client: ImportClient,
  table: string,
  columns: number,
  lineFrom?: number,
): Promise<void> {
  const cols = Array.from({ length: columns }, (_, i) => `c${i + 1} text`).join(', ');
  if (lineFrom !== undefined) {
    await client.query(`create temp sequence ${table}_line start with ${lineFrom}`);
    await client.query(
      `create temp table ${table} (line bigint not null default nextval('${table}_line'), ${cols}) on commit drop`,
    );
  } else {
    await client.query(`create temp table ${table} (line bigint not null, ${cols}) on commit drop`);
  }
}

export interface CopyOptions {
  delimiter: string;
  /** PostgreSQL's name of the file's encoding: UTF8 or WIN1252. */
  encoding: 'UTF8' | 'WIN1252';
  header: boolean;
  /** Whether the loader writes the line number as the first column. */
  withLine: boolean;
}

/** Streams CSV bytes into a staging table; returns the number of rows. */
export async function copyInto(
  client: ImportClient,
  table: string,
  columns: number,
  options: CopyOptions,
  source: AsyncIterable<Buffer | string>,
): Promise<number> {
  const cols = [
    ...(options.withLine ? ['line'] : []),
    ...Array.from({ length: columns }, (_, i) => `c${i + 1}`),
  ].join(', ');
  const stream = client.query(
    copyFrom(
      `copy ${table} (${cols}) from stdin (format csv, header ${options.header}, delimiter ${literal(options.delimiter)}, encoding ${literal(options.encoding)})`,
    ),
  );
  await pipeline(Readable.from(source, { objectMode: false }), stream);
  return stream.rowCount;
}

export interface ImportError {
  line: number;
  column: string;
  code: string;
  value: string | null;
  first: number | null;
}

/** Where SIRENE fields are in the staging table: `c7`, or null when the file lacks the column. */
export type SireneColumns = Record<
  | 'siret'
  | 'siren'
  | 'nic'
  | 'trancheEffectifsEtablissement'
  | 'codeCommuneEtablissement'
  | 'etatAdministratifEtablissement'
  | 'enseigne1Etablissement'
  | 'denominationUsuelleEtablissement'
  | 'activitePrincipaleEtablissement'
  | 'nomenclatureActivitePrincipaleEtablissement'
  | 'coordonneeLambertAbscisseEtablissement'
  | 'coordonneeLambertOrdonneeEtablissement',
  string | null
>;

export type UniteLegaleColumns = Record<
  'siren' | 'denominationUniteLegale' | 'categorieEntreprise',
  string | null
>;

const HIDDEN = literal(SIRENE_HIDDEN);
const col = (column: string | null) => (column ? `s.${column}` : 'null::text');
const known = (column: string | null) => `nullif(${col(column)}, ${HIDDEN})`;

/**
 * Reads the staged StockEtablissement rows once into `imp`: each field cleaned (`[ND]` is
 * unknown), joined to the reference lookups, with the reason each field is wrong, if it is.
 */
export async function buildSireneRows(
  client: ImportClient,
  columns: SireneColumns,
  includeClosed: boolean,
): Promise<void> {
  const siret = col(columns.siret);
  await client.query(`create temp table imp on commit drop as
    select q.*, p.lon as point_lon, p.lat as point_lat from (
    select r.*,
      case when r.siret is null then 'siret.required'
           when not pg_temp.meute_siret_ok(r.siret) then
             case when length(r.siret) = 14 and r.siret !~ '[^0-9]' then 'siret.checksum' else 'siret.format' end
           when (r.siren_col is not null and r.siren_col <> left(r.siret, 9))
             or (r.nic_col is not null and r.nic_col <> substr(r.siret, 10)) then 'siret.mismatch'
      end as siret_error,
      case when r.state is null or r.state not in ('A', 'F') then 'state.unknown' end as state_error,
      case when r.band is not null and not r.band_known then 'band.unknown' end as band_error,
      case when r.naf_raw is not null and r.naf_version = 'NAFRev2' and r.naf_code is null then 'naf.unknown' end as naf_error,
      case when r.commune_raw is not null and r.commune_code is null then 'commune.unknown' end as commune_error,
      case when r.x_raw is not null and r.x_raw !~ '^-?[0-9]+([.][0-9]*)?$' then 'coordinate.invalid' end as x_error,
      case when r.y_raw is not null and r.y_raw !~ '^-?[0-9]+([.][0-9]*)?$' then 'coordinate.invalid' end as y_error,
      coalesce(r.mainland and r.x_raw ~ '^-?[0-9]+([.][0-9]*)?$' and r.y_raw ~ '^-?[0-9]+([.][0-9]*)?$', false) as ok_xy
    from (
      select s.line,
        ${siret} as siret,
        ${known(columns.siren)} as siren_col,
        ${known(columns.nic)} as nic_col,
        ${col(columns.etatAdministratifEtablissement)} as state,
        ${col(columns.etatAdministratifEtablissement)} is not distinct from 'F' and not ${includeClosed} as skipped,
        ${known(columns.trancheEffectifsEtablissement)} as band,
        b.code is not null as band_known,
        b.category as band_category,
        ${known(columns.activitePrincipaleEtablissement)} as naf_raw,
        coalesce(${known(columns.nomenclatureActivitePrincipaleEtablissement)}, 'NAFRev2') as naf_version,
        n.code as naf_code,
        ${known(columns.codeCommuneEtablissement)} as commune_raw,
        c.commune_code, c.epci_code, c.departement_code, c.region_code,
        c.lon as commune_lon, c.lat as commune_lat, c.mainland,
        ${known(columns.coordonneeLambertAbscisseEtablissement)} as x_raw,
        ${known(columns.coordonneeLambertOrdonneeEtablissement)} as y_raw,
        coalesce(${known(columns.denominationUsuelleEtablissement)}, ${known(columns.enseigne1Etablissement)}) as name_establishment
      from pg_temp.imp_stage s
      left join pg_temp.imp_band b on b.code = ${known(columns.trancheEffectifsEtablissement)}
      left join pg_temp.imp_naf n on n.compact = upper(replace(${known(columns.activitePrincipaleEtablissement)}, '.', ''))
      left join pg_temp.imp_commune c on c.code = ${known(columns.codeCommuneEtablissement)}
    ) r offset 0) q
    -- The establishment's own point: Lambert-93 in mainland France and Corsica, within bounds.
    left join lateral (
      select l.lon, l.lat
        from pg_temp.meute_lambert93(
          case when q.ok_xy then q.x_raw::double precision end,
          case when q.ok_xy then q.y_raw::double precision end) l
       where l.lon between -5.5 and 10 and l.lat between 41 and 51.5
      offset 0
    ) p on q.ok_xy`);
}

/** The errors of the SIRENE rows (skipped rows are not checked), first `limit` by line, and their count. */
export async function sireneErrors(
  client: ImportClient,
  limit: number,
): Promise<{ errors: ImportError[]; count: number }> {
  const name = (field: keyof SireneColumns) => literal(field);
  const { rows } = await client.query<ImportError & { total: string }>(`
    with bad as (
      select i.line, e.ord, e.col as "column", e.code, e.value, null::bigint as first
        from pg_temp.imp i
        cross join lateral (values
          (1, ${name('siret')}, i.siret_error, i.siret),
          (2, ${name('etatAdministratifEtablissement')}, i.state_error, i.state),
          (3, ${name('trancheEffectifsEtablissement')}, i.band_error, i.band),
          (4, ${name('activitePrincipaleEtablissement')}, i.naf_error, i.naf_raw),
          (5, ${name('codeCommuneEtablissement')}, i.commune_error, i.commune_raw),
          (6, ${name('coordonneeLambertAbscisseEtablissement')}, i.x_error, i.x_raw),
          (7, ${name('coordonneeLambertOrdonneeEtablissement')}, i.y_error, i.y_raw)
        ) e(ord, col, code, value)
       where not i.skipped
         and num_nonnulls(i.siret_error, i.state_error, i.band_error, i.naf_error, i.commune_error, i.x_error, i.y_error) > 0
         and e.code is not null
      union all
      select d.line, 0, ${name('siret')}, 'siret.duplicate', d.siret, d.first
        from (select i.line, i.siret, min(i.line) over (partition by i.siret) as first
                from pg_temp.imp i
               where not i.skipped and i.siret in (
                 select siret from pg_temp.imp where not skipped and siret is not null
                  group by siret having count(*) > 1)) d
       where d.line <> d.first
    )
    select line::int, "column", code, value, first::int, count(*) over () as total
      from bad order by line, ord limit ${limit}`);
  return { errors: rows, count: rows.length ? Number(rows[0]!.total) : 0 };
}

export async function sireneCounts(client: ImportClient): Promise<{ rows: number; skipped: number }> {
  const { rows } = await client.query<{ rows: string; skipped: string }>(
    `select count(*) as rows, count(*) filter (where skipped) as skipped from pg_temp.imp`,
  );
  return { rows: Number(rows[0]!.rows), skipped: Number(rows[0]!.skipped) };
}

/** The legal units the establishments need: name and category, by SIREN. */
export async function buildUniteLegale(
  client: ImportClient,
  columns: UniteLegaleColumns | null,
): Promise<void> {
  if (!columns) {
    await client.query(
      `create temp table imp_ul (siren text primary key, denomination text, category text) on commit drop`,
    );
    return;
  }
  await client.query(`create temp table imp_ul on commit drop as
    select distinct on (siren) siren, denomination, category from (
      select ${col(columns.siren)} as siren,
             nullif(btrim(${known(columns.denominationUniteLegale)}), '') as denomination,
             case when ${col(columns.categorieEntreprise)} in ('PME', 'ETI', 'GE') then ${col(columns.categorieEntreprise)} end as category
        from pg_temp.imp_ul_stage s
       where ${col(columns.siren)} in (select left(siret, 9) from pg_temp.imp where not skipped)
    ) u order by siren`);
  await client.query('analyze imp_ul');
}

/** Upserts the SIRENE rows; returns how many organisations were created. */
export async function upsertSirene(
  client: ImportClient,
  network: { id: string; parentId: string | null },
): Promise<{ created: number; changed: number }> {
  await client.query(
    `create temp table imp_done (id uuid not null, inserted boolean not null, stale boolean not null) on commit drop`,
  );
  // What SIRENE says of each establishment; then only the rows that are new or change something
  // go through the upsert (an unchanged row is neither locked nor rewritten on a re-import).
  // A new organisation gets its network in network_ids at once: the network_organisations
  // trigger computes the same arrays again (see meute_sync_organisations_networks).
  await client.query(
    `
    with official as (
      select v.name, left(i.siret, 9) as siren, i.siret, v.naf_code, i.naf_version, i.band as headcount_band,
             v.category, i.commune_code, i.epci_code, i.departement_code, i.region_code,
             coalesce(i.point_lon, i.commune_lon) as lon, coalesce(i.point_lat, i.commune_lat) as lat,
             i.state = 'A' as is_active
        from pg_temp.imp i
        left join pg_temp.imp_ul u on u.siren = left(i.siret, 9)
        cross join lateral (select
            coalesce(u.denomination, i.name_establishment, 'SIRET ' || i.siret) as name,
            case when i.naf_version = 'NAFRev2' then i.naf_code else i.naf_raw end as naf_code,
            case when u.category in ('ETI', 'GE') then u.category
                 when u.category = 'PME' then case when i.band_category = 'TPE' then 'TPE' else 'PME' end
                 else i.band_category end as category) v
       where not i.skipped
    ),
    fresh as (
      select f.* from official f
        left join organisations o on o.siret = f.siret
       where o.id is null
          or (o.name, o.siren, o.naf_code, o.naf_version, o.headcount_band, o.category, o.commune_code,
              o.epci_code, o.departement_code, o.region_code, o.lon, o.lat, o.is_active)
             is distinct from
             (f.name, f.siren, coalesce(f.naf_code, o.naf_code),
              case when f.naf_code is null then o.naf_version else f.naf_version end,
              coalesce(f.headcount_band, o.headcount_band), coalesce(f.category, o.category),
              coalesce(f.commune_code, o.commune_code),
              case when f.commune_code is null then o.epci_code else f.epci_code end,
              coalesce(f.departement_code, o.departement_code), coalesce(f.region_code, o.region_code),
              case when f.commune_code is null then o.lon else f.lon end,
              case when f.commune_code is null then o.lat else f.lat end,
              f.is_active)
    ),
    up as (
      insert into organisations as o (name, siren, siret, naf_code, naf_version, headcount_band, category,
        commune_code, epci_code, departement_code, region_code, lon, lat, is_active, search_vector,
        network_ids, federation_ids)
      select name, siren, siret, naf_code, naf_version, headcount_band, category,
             commune_code, epci_code, departement_code, region_code, lon, lat, is_active,
             setweight(to_tsvector('meute_french', name), 'A'),
             array[$1::uuid], case when $2::uuid is null then '{}'::uuid[] else array[$2::uuid] end
        from fresh
       order by siret
      on conflict (siret) where siret is not null do update set
        name = excluded.name,
        siren = excluded.siren,
        naf_code = coalesce(excluded.naf_code, o.naf_code),
        naf_version = case when excluded.naf_code is null then o.naf_version else excluded.naf_version end,
        headcount_band = coalesce(excluded.headcount_band, o.headcount_band),
        category = coalesce(excluded.category, o.category),
        commune_code = coalesce(excluded.commune_code, o.commune_code),
        epci_code = case when excluded.commune_code is null then o.epci_code else excluded.epci_code end,
        departement_code = coalesce(excluded.departement_code, o.departement_code),
        region_code = coalesce(excluded.region_code, o.region_code),
        lon = case when excluded.commune_code is null then o.lon else excluded.lon end,
        lat = case when excluded.commune_code is null then o.lat else excluded.lat end,
        is_active = excluded.is_active,
        updated_at = now(),
        search_vector = case when o.name = excluded.name then o.search_vector end
      returning o.id, o.xmax = 0 as inserted, o.search_vector is null as stale
    )
    insert into pg_temp.imp_done (id, inserted, stale) select id, inserted, stale from up`,
    [network.id, network.parentId],
  );
  const { rows } = await client.query<{ created: string; changed: string }>(
    `select count(*) filter (where inserted) as created, count(*) as changed from pg_temp.imp_done`,
  );
  return { created: Number(rows[0]!.created), changed: Number(rows[0]!.changed) };
}

/**
 * Adds the imported organisations to the network: those the upsert returned, or, when some rows
 * changed nothing (a re-import), every row of the file by SIRET.
 */
export async function linkToNetwork(
  client: ImportClient,
  networkId: string,
  source: 'done' | 'siret',
): Promise<void> {
  const ids =
    source === 'done'
      ? `select id from pg_temp.imp_done`
      : `select o.id from pg_temp.imp i join organisations o on o.siret = i.siret
          where not i.skipped
            and not exists (select 1 from network_organisations n where n.network_id = $1 and n.organisation_id = o.id)`;
  await client.query(
    `insert into network_organisations (network_id, organisation_id)
     select $1, id from (${ids}) ids order by id
     on conflict do nothing`,
    [networkId],
  );
}

/** Recomputes the search text of the organisations whose name or profile the import changed. */
export async function refreshStaleSearch(client: ImportClient): Promise<void> {
  await client.query(
    `select meute_refresh_organisations_search(array(select id from pg_temp.imp_done where stale))`,
  );
}

// Member spreadsheets ---------------------------------------------------------------------------

/** The columns of `imp_members`, in COPY order, as the member import writes them. */
export const MEMBER_ROW_COLUMNS = [
  'line',
  'siret',
  'name',
  'naf_code',
  'headcount_band',
  'category',
  'commune_code',
  'epci_code',
  'departement_code',
  'region_code',
  'lon',
  'lat',
  'website',
  'description',
  'competences',
] as const;

/** The separator of competences inside their one column (unit separator). */
export const COMPETENCE_SEPARATOR = '\u001f';

export async function createMemberStaging(client: ImportClient): Promise<void> {
  await client.query(`create temp table imp_members (
    line integer not null, siret text not null, name text not null, naf_code text, headcount_band text,
    category text, commune_code text, epci_code text, departement_code text, region_code text,
    lon double precision, lat double precision, website text not null, description text not null,
    competences text not null) on commit drop`);
}

export async function copyMemberRows(client: ImportClient, source: AsyncIterable<string>): Promise<number> {
  const stream = client.query(
    copyFrom(`copy imp_members (${MEMBER_ROW_COLUMNS.join(', ')}) from stdin (format csv)`),
  );
  await pipeline(Readable.from(source, { objectMode: false }), stream);
  return stream.rowCount;
}

/** A SIRET written twice in the member file: each later line, with the first. */
export async function memberDuplicates(client: ImportClient, limit: number): Promise<ImportError[]> {
  const { rows } = await client.query<ImportError>(`
    select line, 'siret' as "column", 'siret.duplicate' as code, siret as value, first
      from (select line, siret, min(line) over (partition by siret) as first from pg_temp.imp_members
             where siret in (select siret from pg_temp.imp_members group by siret having count(*) > 1)) d
     where line <> first order by line limit ${limit}`);
  return rows;
}

/**
 * Upserts the member rows: the file's non-empty cells win, an empty cell keeps what the
 * organisation already has (a spreadsheet never erases a profile); competences are added, never
 * removed — those of the network's taxonomy (or the shared one) by label, the others as free
 * competences. Returns how many organisations were created.
 */
export async function upsertMembers(client: ImportClient, networkId: string): Promise<{ created: number }> {
  await client.query(
    `create temp table imp_done (id uuid not null, inserted boolean not null, stale boolean not null) on commit drop`,
  );
  await client.query(`
    with up as (
      insert into organisations as o (name, siren, siret, naf_code, headcount_band, category, commune_code,
        epci_code, departement_code, region_code, lon, lat, website, description)
      select name, left(siret, 9), siret, naf_code, headcount_band, category, commune_code,
             epci_code, departement_code, region_code, lon, lat, website, description
        from pg_temp.imp_members order by siret
      on conflict (siret) where siret is not null do update set
        name = excluded.name,
        siren = excluded.siren,
        naf_code = coalesce(excluded.naf_code, o.naf_code),
        naf_version = case when excluded.naf_code is null then o.naf_version else 'NAFRev2' end,
        headcount_band = coalesce(excluded.headcount_band, o.headcount_band),
        category = case when excluded.headcount_band is null then o.category else excluded.category end,
        commune_code = coalesce(excluded.commune_code, o.commune_code),
        epci_code = case when excluded.commune_code is null then o.epci_code else excluded.epci_code end,
        departement_code = coalesce(excluded.departement_code, o.departement_code),
        region_code = coalesce(excluded.region_code, o.region_code),
        lon = case when excluded.commune_code is null then o.lon else excluded.lon end,
        lat = case when excluded.commune_code is null then o.lat else excluded.lat end,
        website = case when excluded.website = '' then o.website else excluded.website end,
        description = case when excluded.description = '' then o.description else excluded.description end,
        updated_at = now()
      returning o.id, o.xmax = 0 as inserted
    )
    insert into pg_temp.imp_done (id, inserted, stale) select id, inserted, true from up`);
  await client.query(
    `create temp table imp_member_competences on commit drop as
     select d.id as organisation_id, btrim(t.item) as label, c.id as competence_id, m.line, t.pos
       from pg_temp.imp_members m
       join organisations d on d.siret = m.siret
       cross join lateral unnest(string_to_array(m.competences, E'\\x1f')) with ordinality as t(item, pos)
       left join lateral (
         select k.id from competences k
          where (k.network_id is null or k.network_id = $1)
            and lower(unaccent(k.label)) = lower(unaccent(btrim(t.item)))
          order by k.network_id nulls last limit 1
       ) c on true
      where btrim(t.item) <> ''`,
    [networkId],
  );
  await client.query(`insert into organisation_competences (organisation_id, competence_id)
    select distinct organisation_id, competence_id from pg_temp.imp_member_competences
     where competence_id is not null
    on conflict do nothing`);
  // Free competences: the organisation's, then the file's, each label once whatever its case.
  await client.query(`update organisations o set free_competences = array(
      select label from (
        select distinct on (lower(label)) label, ord from (
          select label, ord from unnest(o.free_competences) with ordinality as t(label, ord)
          union all
          select l.label, 1000000 + row_number() over (order by l.line, l.pos)
            from pg_temp.imp_member_competences l
           where l.organisation_id = o.id and l.competence_id is null
        ) a order by lower(label), ord
      ) k order by ord)
    where o.id in (select organisation_id from pg_temp.imp_member_competences where competence_id is null)`);
  const { rows } = await client.query<{ created: string }>(
    `select count(*) filter (where inserted) as created from pg_temp.imp_done`,
  );
  return { created: Number(rows[0]!.created) };
}
