/**
 * The SQL of imports, on one dedicated connection holding one transaction: a SIRENE file COPYed
 * into the network's register as it is read and checked (sirene-reader.ts), member spreadsheets
 * and legal units into staging tables; then the writes into organisations. Working tables live in
 * the session's temporary schema and disappear with the transaction.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyValue } from './csv-bytes.ts';
import { SIRENE_HIDDEN } from './sirene-format.ts';
import { REGISTER_COLUMNS } from './sirene-reader.ts';

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

/** Opens the import's transaction: one import at a time, enough memory for big sorts and hashes. */
export async function beginImport(client: ImportClient): Promise<void> {
  // Temporary tables go through the session's own buffers; the default (8 MB) would write a
  // large staging table to disk page by page. Only settable before the first temporary table.
  await client.query(`set temp_buffers = '256MB'`);
  await client.query('begin');
  await client.query(`set local work_mem = '256MB'`);
  // A bulk write builds the indexes of organisations again (see upsertSirene), sorting in memory.
  await client.query(`set local maintenance_work_mem = '256MB'`);
  // JIT compiles the statements over a large file for about a second, and wins less back.
  await client.query('set local jit = off');
  // Two imports touching the same SIRETs would wait on each other row by row; one at a time.
  await client.query('select pg_advisory_xact_lock(7170001)');
  // Organisation ids in the order the import writes them (UUIDv7's layout: the statement's time
  // in milliseconds, version 7, the row's rank as a 42-bit counter around the variant bits, then
  // 32 random bits), so that a million new ids are appended to the primary key instead of
  // landing on random pages of it. Cheaper than gen_random_uuid(), too.
  await client.query(`create function pg_temp.meute_import_uuid(n bigint) returns uuid
    language sql volatile
    as $$ select encode(
        int8send(((extract(epoch from statement_timestamp()) * 1000)::bigint << 16) | 28672 | (n >> 30 & 4095))
        || int8send((-9223372036854775808) | ((n & 1073741823) << 32) | (random() * 4294967295)::bigint),
        'hex')::uuid $$`);
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

export type UniteLegaleColumns = Record<
  'siren' | 'denominationUniteLegale' | 'categorieEntreprise',
  string | null
>;

const HIDDEN = literal(SIRENE_HIDDEN);
const col = (column: string | null) => (column ? `s.${column}` : 'null::text');
const known = (column: string | null) => `nullif(${col(column)}, ${HIDDEN})`;

/**
 * The tables of a network's SIRENE register: the partition in use, and the one an import fills
 * before swapping it in (see the sirene_register migration).
 */
export function registerTables(networkId: string): { current: string; next: string } {
  if (!/^[0-9a-f-]{36}$/.test(networkId)) throw new Error(`not a network id: ${networkId}`);
  const current = `sirene_register_${networkId.replaceAll('-', '')}`;
  return { current, next: `${current}_next` };
}

/**
 * A new, empty register table for the network, without its index yet (COPY then writes rows
 * without maintaining it): the partition it will become once swapped in, whose constraint lets
 * PostgreSQL attach it without reading it again.
 */
export async function createNextRegister(client: ImportClient, networkId: string): Promise<string> {
  const { next } = registerTables(networkId);
  // The network's id as the column's default: COPY leaves it out of every row.
  await client.query(
    `create table ${next} (like sirene_establishments including defaults including constraints,
       check (network_id = ${literal(networkId)}))`,
  );
  await client.query(`alter table ${next} alter column network_id set default ${literal(networkId)}`);
  return next;
}

/** COPYs the reader's rows into a register table; returns how many. */
export async function copyRegisterRows(
  client: ImportClient,
  table: string,
  rows: AsyncIterable<Buffer>,
): Promise<number> {
  const copy = client.query(copyFrom(`copy ${table} (${REGISTER_COLUMNS.join(', ')}) from stdin`));
  await pipeline(Readable.from(rows), copy);
  return copy.rowCount ?? 0;
}

/**
 * Names and categories from the legal units, when their file was given: the legal unit's name
 * wins over the establishment's; its category ETI or GE wins, PME stays TPE for an establishment
 * of fewer than 10 (decision 0005).
 */
export async function applyUniteLegale(client: ImportClient, table: string): Promise<void> {
  await client.query(
    `update ${table} r
        set name = coalesce(u.denomination, r.name),
            category = case when u.category in ('ETI', 'GE') then u.category
                            when u.category = 'PME' then case when r.category = 'TPE' then 'TPE' else 'PME' end
                            else r.category end
       from pg_temp.imp_ul u
      where r.siren = u.siren`,
  );
}

/** The register table's primary key, its SIRET, built in one sort once its rows are in. */
export async function indexRegister(client: ImportClient, table: string): Promise<void> {
  await client.query(`alter table ${table} add primary key (siret)`);
}

/**
 * Makes the new register table the network's register: the previous one (and any rows a restored
 * backup left in the default partition) goes, the new one is attached. Done last, just before
 * the commit: dropping a partition locks the register of every network until then.
 */
export async function swapRegister(client: ImportClient, networkId: string): Promise<void> {
  const { current, next } = registerTables(networkId);
  await client.query('delete from sirene_establishments_default where network_id = $1', [networkId]);
  await client.query(`drop table if exists ${current}`);
  await client.query(`alter table ${next} rename to ${current}`);
  await client.query(`alter index ${next}_pkey rename to ${current}_pkey`);
  await client.query(
    `alter table sirene_establishments attach partition ${current} for values in (${literal(networkId)})`,
  );
}

/** Records when the register was imported and what it holds (counted as it was read). */
export async function saveRegisterSummary(
  client: ImportClient,
  networkId: string,
  counts: { establishments: number; active: number },
): Promise<void> {
  await client.query(
    `insert into sirene_registers as g (network_id, establishments, active) values ($1, $2, $3)
     on conflict (network_id) do update
       set imported_at = now(), establishments = excluded.establishments, active = excluded.active`,
    [networkId, counts.establishments, counts.active],
  );
}

/** The SIRETs of the closed establishments the file listed (without `includeClosed`). */
export async function createClosedSirets(client: ImportClient, sirets: readonly string[]): Promise<void> {
  await client.query('create temp table imp_closed_sirets (siret text not null) on commit drop');
  if (sirets.length === 0) return;
  const batches = async function* () {
    for (let i = 0; i < sirets.length; i += 10_000) {
      yield Buffer.from(
        `${sirets
          .slice(i, i + 10_000)
          .map(copyValue)
          .join('\n')}\n`,
      );
    }
  };
  await pipeline(Readable.from(batches()), client.query(copyFrom('copy imp_closed_sirets from stdin')));
}

/**
 * `imp`: the register rows to write into the directory — `known`: those whose SIRET an
 * organisation has (a SIRENE import refreshes them); `all`: every one (an import that takes the
 * whole file in as members); or the given SIRETs (staff taking establishments in).
 */
export async function stageFromRegister(
  client: ImportClient,
  networkId: string,
  table: string,
  which: 'known' | 'all' | { sirets: readonly string[] },
): Promise<number> {
  // `known` is driven by the directory: a small directory costs a few lookups into a large
  // register rather than a pass over it.
  const from =
    which === 'known'
      ? `organisations o join ${table} r on r.siret = o.siret and r.network_id = $1`
      : `${table} r`;
  const filter =
    which === 'known'
      ? ''
      : which === 'all'
        ? 'where r.network_id = $1'
        : 'where r.network_id = $1 and r.siret = any($2::text[])';
  const { rowCount } = await client.query(
    `create temp table imp on commit drop as
     select r.siret, r.siren, r.name, r.naf_code, r.naf_version, r.headcount_band, r.category, r.commune_code,
            r.epci_code, r.departement_code, r.region_code, r.lon, r.lat, r.is_active
       from ${from} ${filter}`,
    typeof which === 'object' ? [networkId, which.sirets] : [networkId],
  );
  return rowCount ?? 0;
}

/** The legal units the establishments need: name and category, by SIREN. */
export async function buildUniteLegale(
  client: ImportClient,
  register: string,
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
       where ${col(columns.siren)} in (select siren from ${register})
    ) u order by siren`);
  await client.query('analyze imp_ul');
}

/**
 * From how many new organisations a write rebuilds the secondary indexes of organisations
 * instead of inserting into them row by row (also only when it at least doubles the table).
 */
export const BULK_WRITE_FROM = 50_000;

/** How long a bulk write waits for its exclusive lock on organisations before writing row by row. */
export const BULK_LOCK_WAIT_MS = 10_000;

/** `auto`: bulk when the import at least doubles organisations; the others are for tests. */
export type WriteMode = 'auto' | 'bulk' | 'rows';

/** An index of organisations dropped for a bulk write, to create again before the commit. */
export interface DroppedIndex {
  name: string;
  definition: string;
}

/**
 * Whether the new organisations are enough to build the indexes again: that costs about 10 µs
 * per organisation in the table, inserting into them about 30 µs per new one (bench/README.md);
 * with new ≥ existing, the exclusive lock (other sessions' reads of organisations wait for the
 * commit) is only taken by an import that at least doubles the directory.
 */
async function isBulkWorthIt(client: ImportClient): Promise<boolean> {
  const { rows } = await client.query<{ eligible: string; existing: string }>(
    `select (select count(*) from pg_temp.imp) as eligible,
            (select count(*) from organisations) as existing`,
  );
  const eligible = Number(rows[0]!.eligible);
  const existing = Number(rows[0]!.existing);
  const needed = Math.max(BULK_WRITE_FROM, existing);
  // At most `existing` rows of the file are already there, at most `eligible` are new.
  if (eligible - existing >= needed) return true;
  if (eligible < needed) return false;
  const fresh = await client.query<{ n: string }>(
    `select count(*) as n from pg_temp.imp i
      where not exists (select 1 from organisations o where o.siret = i.siret)`,
  );
  return Number(fresh.rows[0]!.n) >= needed;
}

/**
 * Takes organisations for a bulk write: an exclusive lock (other sessions' reads wait, then see
 * the import whole), then drops its secondary indexes, which `createIndexes` builds again from
 * their definitions. Returns null, and writes row by row, when the lock is not granted in time.
 * The primary key stays (foreign keys need it), and any index behind a constraint.
 */
async function dropSecondaryIndexes(
  client: ImportClient,
  lockWaitMs: number,
): Promise<DroppedIndex[] | null> {
  const { rows: timeout } = await client.query<{ value: string }>(
    `select current_setting('lock_timeout') as value`,
  );
  await client.query('savepoint imp_bulk');
  try {
    await client.query(`set local lock_timeout = ${Math.max(1, Math.round(lockWaitMs))}`);
    await client.query('lock table organisations in access exclusive mode');
    await client.query(`select set_config('lock_timeout', $1, true)`, [timeout[0]!.value]);
    await client.query('release savepoint imp_bulk');
  } catch (error) {
    const code = (error as { code?: string }).code;
    // lock_not_available, deadlock_detected: busy readers win, the import writes row by row.
    if (code !== '55P03' && code !== '40P01') throw error;
    await client.query('rollback to savepoint imp_bulk');
    return null;
  }
  const { rows } = await client.query<DroppedIndex>(
    `select format('%I.%I', n.nspname, c.relname) as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
       join pg_class c on c.oid = i.indexrelid
       join pg_namespace n on n.oid = c.relnamespace
      where i.indrelid = 'organisations'::regclass and not i.indisprimary
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
      order by c.relname`,
  );
  if (rows.length) await client.query(`drop index ${rows.map((r) => r.name).join(', ')}`);
  return rows;
}

/**
 * Builds again the indexes a bulk write dropped, from their definitions (an index's own
 * tablespace, comment or CLUSTER mark would not follow: Meute's migrations set none).
 */
export async function createIndexes(client: ImportClient, indexes: readonly DroppedIndex[]): Promise<void> {
  for (const index of indexes) await client.query(index.definition);
  // The tables at least doubled: the planner learns it now rather than at autovacuum's next pass.
  await client.query('analyze organisations, network_organisations');
}

/** What `prepareSirene` decided: the indexes dropped for a bulk write, if it is one. */
export interface SireneWritePlan {
  networkId: string;
  federationId: string | null;
  dropped: DroppedIndex[] | null;
}

/**
 * Everything a SIRENE write needs, computed before it touches organisations: the rows that are
 * new or change something (`imp_write`: SIRENE's values, the new ones' ids and search text), and
 * the existing organisations of closed establishments (`imp_closed`). The first write to
 * organisations takes the directory_version row lock until the commit (see the directory_index
 * migration), which stops every other directory write: this keeps the work done under it to the
 * writes themselves. For a bulk write, takes organisations and drops its indexes first (see
 * dropSecondaryIndexes), so that nobody adds a SIRET between this and the write.
 */
export async function prepareSirene(
  client: ImportClient,
  networkId: string,
  {
    mode,
    lockWaitMs = BULK_LOCK_WAIT_MS,
    register,
  }: { mode: WriteMode; lockWaitMs?: number | undefined; register: string },
): Promise<SireneWritePlan> {
  // The network stays as it is until the commit: it cannot be deleted (the new memberships'
  // foreign key) nor change federation (federation_ids written below).
  const { rows: network } = await client.query<{ parent_id: string | null }>(
    'select parent_id from networks where id = $1 for share',
    [networkId],
  );
  if (!network.length) throw new Error(`network ${networkId} is gone`);
  const bulk = mode === 'bulk' || (mode === 'auto' && (await isBulkWorthIt(client)));
  const dropped = bulk ? await dropSecondaryIndexes(client, lockWaitMs) : null;
  // What SIRENE says of each establishment; then only the rows that are new or change something
  // are kept (an unchanged row is neither locked nor rewritten on a re-import). SIRETs are
  // digits: sorted byte-wise (collate "C"), they come in the order of any collation, without
  // calling strcoll a million times. `n` numbers the rows by SIRET, for their ids; `stale`: an
  // existing organisation whose search text the write clears (renamed), to compute again.
  await client.query(`create temp table imp_write on commit drop as
    with official as (
      select name, siren, siret, naf_code, naf_version, headcount_band, category, commune_code, epci_code,
             departement_code, region_code, lon, lat, is_active
        from pg_temp.imp
    ),
    fresh as (
      select f.*, o.id as existing_id,
             o.id is not null and (o.name is distinct from f.name or o.search_vector is null) as stale,
             row_number() over (order by f.siret collate "C") as n
        from official f
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
    )
    select pg_temp.meute_import_uuid(n) as id, f.*,
           case when existing_id is null then setweight(to_tsvector('meute_french', name), 'A') end as search_vector
      from fresh f`);
  // A closed establishment is not imported, but the organisation it was becomes inactive (unless
  // the same file also lists its SIRET as active).
  await client.query(
    `create temp table imp_closed on commit drop as
     select distinct o.id, o.is_active from pg_temp.imp_closed_sirets c
       join organisations o on o.siret = c.siret
      where not exists (select 1 from ${register} r where r.network_id = $1 and r.siret = c.siret)`,
    [networkId],
  );
  return { networkId, federationId: network[0]!.parent_id, dropped };
}

/**
 * Writes what prepareSirene computed; returns how many organisations were created, how many
 * were written or linked (`changed`), and how many closed establishments matched an existing one.
 */
export async function writeSirene(
  client: ImportClient,
  { networkId, federationId, dropped }: SireneWritePlan,
): Promise<{ created: number; changed: number; closed: number }> {
  // SIRENE's fields, never erased by an unknown value; the profile the members wrote, untouched.
  const update = (n: string) => `
        name = ${n}.name,
        siren = ${n}.siren,
        naf_code = coalesce(${n}.naf_code, o.naf_code),
        naf_version = case when ${n}.naf_code is null then o.naf_version else ${n}.naf_version end,
        headcount_band = coalesce(${n}.headcount_band, o.headcount_band),
        category = coalesce(${n}.category, o.category),
        commune_code = coalesce(${n}.commune_code, o.commune_code),
        epci_code = case when ${n}.commune_code is null then o.epci_code else ${n}.epci_code end,
        departement_code = coalesce(${n}.departement_code, o.departement_code),
        region_code = coalesce(${n}.region_code, o.region_code),
        lon = case when ${n}.commune_code is null then o.lon else ${n}.lon end,
        lat = case when ${n}.commune_code is null then o.lat else ${n}.lat end,
        is_active = ${n}.is_active,
        updated_at = now(),
        search_vector = case when o.name = ${n}.name then o.search_vector end`;
  // A new organisation gets its network in network_ids at once, as the network_organisations
  // trigger would compute it (see linkToNetwork). Rows go in the order of their ids: imp_write
  // was written in that order (by its window, over SIRETs), which a bulk write reads as it is
  // rather than sort 950,000 wide rows again (the order only makes the primary key cheaper).
  const insert = (where: string, order: string) => `
      insert into organisations as o (id, name, siren, siret, naf_code, naf_version, headcount_band, category,
        commune_code, epci_code, departement_code, region_code, lon, lat, is_active, search_vector,
        network_ids, federation_ids)
      select id, name, siren, siret, naf_code, naf_version, headcount_band, category,
             commune_code, epci_code, departement_code, region_code, lon, lat, is_active, search_vector,
             array[$1::uuid], case when $2::uuid is null then '{}'::uuid[] else array[$2::uuid] end
        from pg_temp.imp_write ${where} ${order}`;
  const parameters = [networkId, federationId];
  if (dropped) {
    // Nobody else writes organisations until the commit (exclusive lock, taken before
    // prepareSirene read it): the SIRETs that were not there are new, without the cost of
    // ON CONFLICT; the unique index built again at the end checks it once more.
    await client.query(
      `update organisations o set ${update('w')} from pg_temp.imp_write w where o.id = w.existing_id`,
    );
    await client.query(insert('where existing_id is null', ''), parameters);
    await client.query(
      `create temp table imp_done on commit drop as
       select coalesce(existing_id, id) as id, existing_id is null as inserted, stale from pg_temp.imp_write`,
    );
  } else {
    await client.query(
      `create temp table imp_done (id uuid not null, inserted boolean not null, stale boolean not null) on commit drop`,
    );
    await client.query(
      `with up as (${insert('', 'order by n')}
         on conflict (siret) where siret is not null do update set ${update('excluded')}
         returning o.id, o.xmax = 0 as inserted, o.search_vector is null as stale)
       insert into pg_temp.imp_done (id, inserted, stale) select id, inserted, stale from up`,
      parameters,
    );
  }
  await client.query(
    `update organisations o set is_active = false, updated_at = now()
       from pg_temp.imp_closed c where o.id = c.id and c.is_active`,
  );
  const { rows } = await client.query<{ created: string; changed: string; closed: string }>(
    `select count(*) filter (where inserted) as created, count(*) as changed,
            (select count(*) from pg_temp.imp_closed) as closed
       from pg_temp.imp_done`,
  );
  return {
    created: Number(rows[0]!.created),
    changed: Number(rows[0]!.changed),
    closed: Number(rows[0]!.closed),
  };
}

/**
 * What PostgreSQL does on an insert into network_organisations, and why linking organisations
 * this import created may go without it: the foreign keys hold (the network row is locked by
 * upsertSirene, the organisations are this transaction's own, nobody else sees them yet,
 * charter_accepted_by is null); the statement triggers would bump the directory version, which
 * the insert of these organisations moved in this same transaction, and compute network_ids and
 * federation_ids, which the insert wrote. Any other trigger or foreign key, and the fast path
 * is not taken.
 */
const NETWORK_ORGANISATIONS_INSERT = {
  triggers: [
    'network_organisations_directory_version',
    'network_organisations_sync_delete',
    'network_organisations_sync_insert',
  ],
  foreignKeys: [
    'network_organisations_charter_accepted_by_fkey',
    'network_organisations_network_id_fkey',
    'network_organisations_organisation_id_fkey',
  ],
};

/**
 * Whether new organisations can be linked with triggers and foreign-key checks off
 * (`session_replication_role = replica`: a superuser, or a role granted SET on it), and the
 * triggers and foreign keys of network_organisations are those NETWORK_ORGANISATIONS_INSERT
 * accounts for.
 */
export async function canLinkWithoutTriggers(client: ImportClient): Promise<boolean> {
  const { rows } = await client.query<{ allowed: boolean; triggers: string[]; foreign_keys: string[] }>(
    `select has_parameter_privilege('session_replication_role', 'SET') as allowed,
            array(select tgname::text from pg_trigger
                   where tgrelid = 'network_organisations'::regclass and not tgisinternal order by 1) as triggers,
            array(select conname::text from pg_constraint
                   where conrelid = 'network_organisations'::regclass and contype = 'f' order by 1) as foreign_keys`,
  );
  const row = rows[0]!;
  const same = (a: readonly string[], b: readonly string[]) =>
    [...a].sort().join('\n') === [...b].sort().join('\n');
  return (
    row.allowed &&
    same(row.triggers, NETWORK_ORGANISATIONS_INSERT.triggers) &&
    same(row.foreign_keys, NETWORK_ORGANISATIONS_INSERT.foreignKeys)
  );
}

/**
 * Adds the imported organisations to the network: those the upsert returned, or, when some rows
 * changed nothing (a re-import), every row of the file by SIRET. With `carryNetwork` (the
 * upsert wrote network_ids and federation_ids of the organisations it created), those are
 * linked in one insert without per-row foreign-key checks and triggers, when allowed (see
 * canLinkWithoutTriggers): the costliest part of a first import otherwise.
 */
export async function linkToNetwork(
  client: ImportClient,
  networkId: string,
  source: 'done' | 'siret',
  carryNetwork: boolean,
): Promise<void> {
  const fast = carryNetwork && (await canLinkWithoutTriggers(client));
  if (fast) {
    const { rows: role } = await client.query<{ value: string }>(
      `select current_setting('session_replication_role') as value`,
    );
    await client.query('set local session_replication_role = replica');
    await client.query(
      `insert into network_organisations (network_id, organisation_id)
       select $1, id from pg_temp.imp_done where inserted order by id`,
      [networkId],
    );
    await client.query(`select set_config('session_replication_role', $1, true)`, [role[0]!.value]);
  }
  const ids =
    source === 'done'
      ? `select id from pg_temp.imp_done${fast ? ' where not inserted' : ''}`
      : `select o.id from pg_temp.imp i join organisations o on o.siret = i.siret
          where not exists (select 1 from network_organisations n where n.network_id = $1 and n.organisation_id = o.id)`;
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
