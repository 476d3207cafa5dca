import type { Readable } from 'node:stream';
import type { ImportReport, Locale } from '@meute/contracts';
import { detectDelimiter, type TextEncoding, textDecoderFor } from '@meute/domain';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { asPerson } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AuthenticatedPerson } from '../accounts/accounts.service.ts';
import type { NetworksRepository } from '../networks/networks.repository.ts';
import { loadNetworkForActor } from '../networks/networks.service.ts';
import { type CsvEvent, isBlankRecord, parseCsvLine, readCsvRecords } from './csv-reader.ts';
import { FileProblem, type FileSource, firstLine, openFileSource, QuoteTracker } from './file-source.ts';
import { quoteValue, type Reason, reasonText } from './import-messages.ts';
import {
  applyUniteLegale,
  beginImport,
  buildUniteLegale,
  copyFailure,
  copyInto,
  copyMemberRows,
  copyRegisterRows,
  createClosedSirets,
  createIndexes,
  createMemberStaging,
  createNextRegister,
  createStaging,
  type ImportClient,
  indexRegister,
  linkToNetwork,
  memberDuplicates,
  prepareSirene,
  refreshStaleSearch,
  saveRegisterSummary,
  stageFromRegister,
  swapRegister,
  type UniteLegaleColumns,
  upsertMembers,
  type WriteMode,
  writeSirene,
} from './imports.repository.ts';
import { type MemberHeader, memberRowCsv, readMemberHeader, readMemberRow } from './member-rows.ts';
import {
  SIRENE_FIELDS,
  type SireneFieldIndex,
  SireneFileError,
  type SireneReadResult,
  sireneRegisterRows,
} from './sirene-reader.ts';
import { readXlsxRows } from './xlsx-reader.ts';

/** The largest file an import reads (the whole SIRENE stock of establishments is about 7 GB). */
export const MAX_IMPORT_BYTES = 16 * 2 ** 30;

/** The most columns a CSV read as it is may have (a staging table has one per column). */
const MAX_COLUMNS = 1000;

/** At most this many errors are listed in a report; `errorCount` has them all. */
export const MAX_LISTED_ERRORS = 1000;

export type ImportKind = 'sirene' | 'members';
/** `file`: the establishments or members; `uniteLegale`: SIRENE's StockUniteLegale, for names. */
export type ImportFileRole = 'file' | 'uniteLegale';

export interface ImportFile {
  role: ImportFileRole | string;
  stream: Readable | AsyncIterable<Buffer>;
}

export interface ImportOptions {
  kind: ImportKind;
  /** SIRENE: also import closed establishments (inactive in the register and the directory). */
  includeClosed?: boolean;
  /**
   * SIRENE: every establishment of the file becomes a member of the network (an organisation of
   * the directory). Without, the file is the network's SIRENE register, from which staff take
   * members in; organisations already in the directory are refreshed either way.
   */
  members?: boolean;
  locale: Locale;
  /** Called with the size of each chunk read from the files, for a progress bar. */
  onBytes?: (bytes: number) => void;
  /** Called at the end of each step with its duration, for benchmarks. */
  onStep?: (step: ImportStep, ms: number) => void;
  /**
   * SIRENE: `auto` rebuilds the indexes of organisations when the import at least doubles it
   * (see isBulkWorthIt); tests force `bulk` or `rows`.
   */
  writeMode?: WriteMode;
  /** How long a bulk write waits for its lock on organisations (10 s); then it writes row by row. */
  bulkLockWaitMs?: number;
}

/**
 * `stage`: the rows to write computed, before the first write to organisations (from which the
 * import holds the directory_version lock); `index`: the indexes of organisations built again
 * after a bulk write.
 */
export type ImportStep =
  | 'prepare'
  | 'load'
  | 'check'
  | 'register'
  | 'stage'
  | 'write'
  | 'link'
  | 'search'
  | 'index'
  | 'commit';

interface Deps {
  db: Kysely<DB>;
  /** The database URL as the schema's owner: the import writes as the system, after the permission check. */
  databaseUrl: string;
  networks: NetworksRepository;
}

interface Problem {
  file: ImportFileRole;
  line: number;
  column: string;
  reason: Reason;
}

const SIRENE_REQUIRED = [
  'siret',
  'etatAdministratifEtablissement',
  'trancheEffectifsEtablissement',
  'codeCommuneEtablissement',
  'activitePrincipaleEtablissement',
] as const;
const UNITE_LEGALE_FIELDS = [
  'siren',
  'denominationUniteLegale',
  'categorieEntreprise',
] as const satisfies readonly (keyof UniteLegaleColumns)[];
const UNITE_LEGALE_REQUIRED = ['siren', 'denominationUniteLegale'] as const;

const pgEncoding = (encoding: TextEncoding) => (encoding === 'windows-1252' ? 'WIN1252' : 'UTF8');
const encodingName = (encoding: TextEncoding) => (encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-8');

async function drain(stream: Readable | AsyncIterable<Buffer>): Promise<void> {
  for await (const _ of stream) {
    // Read and dropped: an upload's next part comes after this one.
  }
}

async function* decodeChunks(chunks: AsyncIterable<Buffer>, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = textDecoderFor(encoding);
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The errors of one import, every one counted, the first ones by line kept. */
class ProblemList {
  private kept: Problem[] = [];
  count = 0;
  /** Set when the file cannot be read further (no header, broken quoting, COPY refused). */
  fatal = false;

  private static order(a: Problem, b: Problem): number {
    const file = (p: Problem) => (p.file === 'file' ? 0 : 1);
    return file(a) - file(b) || a.line - b.line;
  }

  add(problem: Problem): void {
    this.count++;
    this.kept.push(problem);
    // Problems come from several passes (rows read, then duplicates): keep the first ones by
    // line, in bounded memory. The sort is stable: a line's problems stay in column order.
    if (this.kept.length >= 2 * MAX_LISTED_ERRORS) {
      this.kept = this.kept.sort(ProblemList.order).slice(0, MAX_LISTED_ERRORS);
    }
  }

  report(locale: Locale): ImportReport['errors'] {
    return this.kept
      .sort(ProblemList.order)
      .slice(0, MAX_LISTED_ERRORS)
      .map((p) => {
        const reason = reasonText(locale, p.reason);
        return p.file === 'uniteLegale'
          ? {
              line: p.line,
              column: p.column ? `uniteLegale.${p.column}` : 'uniteLegale',
              reason: reasonText(locale, { code: 'uniteLegale.prefix', params: { reason } }),
            }
          : { line: p.line, column: p.column, reason };
      });
  }
}

/** The problem PostgreSQL's COPY reported, on the line it stopped at. */
function copyProblem(
  file: ImportFileRole,
  error: unknown,
  names: readonly string[],
  encoding: TextEncoding,
): Problem | null {
  const failure = copyFailure(error);
  if (!failure) return null;
  const columnIndex = /column "?c(\d+)"?/.exec(
    `${(error as { where?: string }).where ?? ''} ${failure.message}`,
  )?.[1];
  const column = columnIndex ? (names[Number(columnIndex) - 1] ?? '') : '';
  let reason: Reason;
  if (/0x00/.test(failure.message)) reason = { code: 'csv.nul' };
  else if (failure.code === '22021' || failure.code === '22P05')
    reason = { code: 'csv.encoding', params: { encoding: encodingName(encoding) } };
  else if (/unterminated CSV quoted field/i.test(failure.message)) reason = { code: 'csv.quote' };
  else if (/extra data after last expected column/i.test(failure.message))
    reason = { code: 'csv.extraColumns' };
  else if (/missing data for column/i.test(failure.message))
    reason = { code: 'csv.missingColumns', params: { column } };
  else reason = { code: 'csv.unreadable', params: { detail: failure.message } };
  return {
    file,
    line: failure.line ?? 1,
    column: reason.code === 'csv.missingColumns' ? '' : column,
    reason,
  };
}

/**
 * Writes register rows into the directory (see stageFromRegister): `known` refreshes the
 * organisations that have those SIRETs (SIRENE's fields; closed establishments make theirs
 * inactive); `all` or given SIRETs also create the missing organisations and make every one a
 * member of the network.
 */
async function writeFromRegister(
  client: ImportClient,
  networkId: string,
  register: string,
  which: 'known' | 'all' | { sirets: readonly string[] },
  options: Pick<ImportOptions, 'writeMode' | 'bulkLockWaitMs'>,
  step: (name: ImportStep) => void,
): Promise<{ created: number; updated: number; closed: number; staged: number }> {
  const staged = await stageFromRegister(client, networkId, register, which);
  const plan = await prepareSirene(client, networkId, {
    mode: which === 'known' ? 'rows' : (options.writeMode ?? 'auto'),
    lockWaitMs: options.bulkLockWaitMs,
    register,
  });
  step('stage');
  const { created, changed, closed } = await writeSirene(client, plan);
  step('write');
  if (which !== 'known') {
    await linkToNetwork(client, networkId, changed === staged ? 'done' : 'siret', true);
    step('link');
  }
  await refreshStaleSearch(client);
  step('search');
  if (plan.dropped) {
    await createIndexes(client, plan.dropped);
    step('index');
  }
  return { created, updated: staged - created + closed, closed, staged };
}

/** One import: its connection, its transaction, what it has read and found wrong. */
class ImportRun {
  readonly problems = new ProblemList();
  /** A COPY failed: the transaction can only be rolled back. */
  aborted = false;
  sirene: { result: SireneReadResult; table: string } | null = null;
  uniteLegale: { columns: UniteLegaleColumns } | null = null;
  memberHeader: MemberHeader | null = null;
  memberRows = 0;
  private readonly seen = new Set<string>();

  readonly client: ImportClient;
  readonly options: ImportOptions;

  readonly networkId: string;

  constructor(client: ImportClient, networkId: string, options: ImportOptions) {
    this.client = client;
    this.networkId = networkId;
    this.options = options;
  }

  private fileProblem(file: ImportFileRole, reason: Reason, line = 1, column = ''): void {
    this.problems.add({ file, line, column, reason });
    this.problems.fatal = true;
  }

  /** Reads a CSV header into the staging table's column names; records what is missing. */
  private readRawHeader<F extends string>(
    file: ImportFileRole,
    source: FileSource,
    fields: readonly F[],
    required: readonly F[],
  ): { names: string[]; delimiter: string; columns: Record<F, string | null> } | null {
    const first = firstLine(source.head);
    if (!first && !source.complete) {
      this.fileProblem(file, { code: 'file.noHeader' });
      return null;
    }
    const text = textDecoderFor(source.encoding).decode(first ? first.line : source.head);
    const delimiter = detectDelimiter(text);
    const names = parseCsvLine(text.replace(/\r$/, ''), delimiter).map((name) => name.trim());
    const byName = new Map<string, number[]>();
    names.forEach((name, i) => {
      const key = name.toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), i]);
    });
    const columns = {} as Record<F, string | null>;
    let ok = true;
    for (const field of fields) {
      const indexes = byName.get(field.toLowerCase()) ?? [];
      if (indexes.length > 1) {
        this.fileProblem(file, { code: 'header.duplicate', params: { column: field } }, 1, field);
        ok = false;
      }
      columns[field] = indexes.length ? `c${indexes[0]! + 1}` : null;
    }
    const found = names.filter(Boolean).slice(0, 8).join(', ') || '—';
    for (const field of required) {
      if (!columns[field]) {
        this.fileProblem(
          file,
          { code: 'header.missing', params: { column: field, delimiter, found } },
          1,
          field,
        );
        ok = false;
      }
    }
    // PostgreSQL tables hold at most 1,600 columns (StockEtablissement has 54).
    if (ok && names.length > MAX_COLUMNS) {
      this.fileProblem(file, {
        code: 'header.tooManyColumns',
        params: { count: names.length, max: MAX_COLUMNS },
      });
      ok = false;
    }
    return ok ? { names, delimiter, columns } : null;
  }

  /** Streams a CSV file as it is into a staging table (the header names its columns). */
  private async loadRaw<F extends string>(
    file: ImportFileRole,
    source: FileSource,
    table: string,
    fields: readonly F[],
    required: readonly F[],
  ): Promise<Record<F, string | null> | null> {
    if (source.format === 'xlsx') {
      this.fileProblem(file, { code: 'file.xlsxForSirene' });
      return null;
    }
    const header = this.readRawHeader(file, source, fields, required);
    if (!header) return null;
    if (!firstLine(source.head) && source.complete) {
      this.fileProblem(file, { code: 'file.noRows' }, 2);
      return null;
    }
    await createStaging(this.client, table, header.names.length, 2);
    const quotes = new QuoteTracker();
    try {
      const rows = await copyInto(
        this.client,
        table,
        header.names.length,
        { delimiter: header.delimiter, encoding: pgEncoding(source.encoding), header: true, withLine: false },
        quotes.follow(source.chunks()),
      );
      if (rows === 0) this.fileProblem(file, { code: 'file.noRows' }, 2);
    } catch (error) {
      const problem = copyProblem(file, error, header.names, source.encoding);
      if (!problem) throw error;
      // PostgreSQL reports the end of the file; the quote opened earlier.
      if (problem.reason.code === 'csv.quote' && quotes.inQuotes) problem.line = quotes.quoteLine;
      this.aborted = true;
      this.problems.add(problem);
      this.problems.fatal = true;
      return null;
    }
    return header.columns;
  }

  /**
   * Reads, checks and COPYs the establishments into the network's register in one pass (see
   * sirene-reader.ts): this process reads while the database writes.
   */
  async loadSirene(source: FileSource): Promise<void> {
    if (source.format === 'xlsx') {
      this.fileProblem('file', { code: 'file.xlsxForSirene' });
      return;
    }
    const header = this.readRawHeader('file', source, SIRENE_FIELDS, SIRENE_REQUIRED);
    if (!header) return;
    if (!firstLine(source.head) && source.complete) {
      this.fileProblem('file', { code: 'file.noRows' }, 2);
      return;
    }
    const fields = {} as SireneFieldIndex;
    for (const field of SIRENE_FIELDS) {
      const column = header.columns[field];
      fields[field] = column ? Number(column.slice(1)) - 1 : -1;
    }
    const result: SireneReadResult = {
      rows: 0,
      skipped: 0,
      closedSirets: [],
      written: 0,
      active: 0,
      failed: false,
    };
    const problems = this.problems;
    const table = await createNextRegister(this.client, this.networkId);
    try {
      await copyRegisterRows(
        this.client,
        table,
        sireneRegisterRows(
          source.chunks(),
          {
            names: header.names,
            fields,
            delimiter: header.delimiter,
            encoding: source.encoding,
            includeClosed: this.options.includeClosed === true,
            onProblem(problem) {
              problems.add(
                'code' in problem
                  ? {
                      file: 'file',
                      line: problem.line,
                      column: problem.column,
                      reason: {
                        code: problem.code,
                        params: { value: quoteValue(problem.value), first: problem.first ?? '' },
                      },
                    }
                  : { file: 'file', ...problem },
              );
            },
          },
          result,
        ),
      );
    } catch (error) {
      if (!(error instanceof SireneFileError)) throw error;
      this.aborted = true;
      this.fileProblem('file', error.reason, error.line);
      return;
    }
    if (result.rows === 0) {
      this.fileProblem('file', { code: 'file.noRows' }, 2);
      return;
    }
    this.sirene = { result, table };
  }

  async loadUniteLegale(source: FileSource): Promise<void> {
    const columns = await this.loadRaw(
      'uniteLegale',
      source,
      'imp_ul_stage',
      UNITE_LEGALE_FIELDS,
      UNITE_LEGALE_REQUIRED,
    );
    if (columns) this.uniteLegale = { columns };
  }

  /** Reads the member spreadsheet row by row, checks each, and COPYs the good ones. */
  async loadMembers(source: FileSource): Promise<void> {
    let records: AsyncIterable<CsvEvent>;
    let delimiter: string | null = null;
    if (source.format === 'xlsx') {
      records = readXlsxRows(source.chunks());
    } else {
      const first = firstLine(source.head);
      delimiter = detectDelimiter(textDecoderFor(source.encoding).decode(first ? first.line : source.head));
      records = readCsvRecords(decodeChunks(source.chunks(), source.encoding), delimiter);
    }
    await createMemberStaging(this.client);
    const problems = this.problems;
    const run = this;
    async function* lines(): AsyncGenerator<string> {
      let batch = '';
      try {
        for await (const event of records) {
          if ('unterminatedQuote' in event) {
            run.fileProblem('file', { code: 'csv.quote' }, event.line);
            break;
          }
          if (isBlankRecord(event.fields)) continue;
          if (!run.memberHeader) {
            const read = readMemberHeader(event.fields, delimiter);
            if (read.problems.length) {
              for (const p of read.problems) run.fileProblem('file', p.reason, event.line, p.column);
              break;
            }
            run.memberHeader = read.header;
            continue;
          }
          run.memberRows++;
          const { row, problems: rowProblems } = readMemberRow(run.memberHeader, event.line, event.fields);
          for (const p of rowProblems) problems.add({ file: 'file', ...p });
          if (row) {
            batch += memberRowCsv(row);
            if (batch.length > 1 << 16) {
              yield batch;
              batch = '';
            }
          }
        }
      } catch (error) {
        if (source.format === 'xlsx' && !(error instanceof FileProblem)) {
          throw new FileProblem({
            code: 'file.xlsxUnreadable',
            params: { detail: error instanceof Error ? error.message : String(error) },
          });
        }
        throw error;
      }
      if (batch) yield batch;
    }
    try {
      await copyMemberRows(this.client, lines());
    } catch (error) {
      if (!(error instanceof FileProblem)) throw error;
      this.aborted = true;
      this.fileProblem('file', error.reason);
      return;
    }
    if (this.problems.fatal) return;
    if (!this.memberHeader) this.fileProblem('file', { code: 'file.empty' });
    else if (this.memberRows === 0) this.fileProblem('file', { code: 'file.noRows' }, 2);
  }

  async load(file: ImportFile): Promise<'loaded' | 'ignored'> {
    const role = file.role;
    const wanted =
      !this.seen.has(role) && (role === 'file' || (role === 'uniteLegale' && this.options.kind === 'sirene'));
    this.seen.add(role);
    if (!wanted || this.aborted || this.problems.fatal) {
      await drain(file.stream);
      return wanted ? 'loaded' : 'ignored';
    }
    let source: FileSource;
    try {
      source = await openFileSource(file.stream, this.options.onBytes);
    } catch (error) {
      if (!(error instanceof FileProblem)) throw error;
      this.fileProblem(role as ImportFileRole, error.reason);
      return 'loaded';
    }
    try {
      if (role === 'uniteLegale') await this.loadUniteLegale(source);
      else if (this.options.kind === 'sirene') await this.loadSirene(source);
      else await this.loadMembers(source);
    } catch (error) {
      // The upload went over the size limit: the COPY under way was cancelled.
      if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
      this.aborted = true;
      this.fileProblem(role as ImportFileRole, {
        code: 'file.tooLarge',
        params: { max: `${Math.round(MAX_IMPORT_BYTES / 2 ** 30)} Gio` },
      });
    } finally {
      await source.drain();
    }
    return 'loaded';
  }

  /** Checks the staged rows and, when all are good, writes them. */
  async finish(networkId: string): Promise<ImportReport> {
    const { client, options, problems } = this;
    const rejected = (rows: number, skipped: number): ImportReport => ({
      status: 'rejected',
      rows,
      created: 0,
      updated: 0,
      skipped,
      errors: problems.report(options.locale),
      errorCount: problems.count,
    });
    if (this.aborted || problems.fatal) return rejected(this.memberRows, 0);

    let last = performance.now();
    const step = (name: ImportStep) => {
      const now = performance.now();
      options.onStep?.(name, now - last);
      last = now;
    };
    if (options.kind === 'sirene') {
      const { result, table } = this.sirene!;
      const { rows, skipped, closedSirets, written: inRegister, active } = result;
      step('check');
      if (problems.count > 0) return rejected(rows, skipped);
      await buildUniteLegale(client, table, this.uniteLegale?.columns ?? null);
      if (this.uniteLegale) await applyUniteLegale(client, table);
      await indexRegister(client, table);
      await saveRegisterSummary(client, networkId, { establishments: inRegister, active });
      await createClosedSirets(client, closedSirets);
      step('register');
      const written = await writeFromRegister(
        client,
        networkId,
        table,
        options.members ? 'all' : 'known',
        options,
        step,
      );
      await swapRegister(client, networkId);
      return {
        status: 'imported',
        rows,
        created: written.created,
        // A closed establishment whose organisation exists made it inactive: updated, not skipped.
        updated: written.updated,
        skipped: skipped - written.closed,
        register: inRegister,
        errors: [],
        errorCount: 0,
      };
    }

    const duplicates = await memberDuplicates(client, MAX_LISTED_ERRORS);
    for (const e of duplicates) {
      problems.add({
        file: 'file',
        line: e.line,
        column: e.column,
        reason: {
          code: 'siret.duplicate',
          params: { value: quoteValue(e.value ?? ''), first: e.first ?? '' },
        },
      });
    }
    step('check');
    if (problems.count > 0) return rejected(this.memberRows, 0);
    const { created } = await upsertMembers(client, networkId);
    step('write');
    await linkToNetwork(client, networkId, 'done', false);
    step('link');
    await refreshStaleSearch(client);
    step('search');
    return {
      status: 'imported',
      rows: this.memberRows,
      created,
      updated: this.memberRows - created,
      skipped: 0,
      errors: [],
      errorCount: 0,
    };
  }
}

/**
 * Imports: organisations from the SIRENE stock files or from a member spreadsheet into a
 * network, all or nothing, in one transaction (see docs/decisions/0005-imports.md).
 */
export function createImportsService({ db, databaseUrl, networks }: Deps) {
  /**
   * Runs `work` in an import's transaction, on a connection of its own as the schema's owner (the
   * caller checked the permission): committed when it says so, else rolled back.
   */
  async function inImportTransaction<T>(
    onStep: ImportOptions['onStep'],
    work: (client: ImportClient, step: (name: ImportStep) => void) => Promise<{ commit: boolean; value: T }>,
  ): Promise<T> {
    const client = new pg.Client({ connectionString: databaseUrl });
    // A lost connection must fail this import, not crash the process.
    client.on('error', () => undefined);
    await client.connect();
    let open = false;
    try {
      let started = performance.now();
      const step = (name: ImportStep) => {
        const now = performance.now();
        onStep?.(name, now - started);
        started = now;
      };
      await beginImport(client);
      open = true;
      step('prepare');
      const { commit, value } = await work(client, step);
      started = performance.now();
      await client.query(commit ? 'commit' : 'rollback');
      open = false;
      step('commit');
      return value;
    } finally {
      if (open) await client.query('rollback').catch(() => undefined);
      await client.end().catch(() => undefined);
    }
  }

  function run(networkId: string, options: ImportOptions, files: AsyncIterable<ImportFile>) {
    return inImportTransaction(options.onStep, async (client, step) => {
      const importRun = new ImportRun(client, networkId, options);
      let sawFile = false;
      for await (const file of files) {
        if ((await importRun.load(file)) === 'loaded' && file.role === 'file') sawFile = true;
      }
      if (!sawFile) throw new AppError('VALIDATION', { field: 'file', params: { detail: 'file' } });
      step('load');
      const report = await importRun.finish(networkId);
      return { commit: report.status === 'imported', value: report };
    });
  }

  return {
    /** An import by the staff of a network (403 for anyone else, 404 for a network they cannot see). */
    async importAsStaff(
      person: AuthenticatedPerson,
      slug: string,
      options: ImportOptions,
      files: AsyncIterable<ImportFile>,
    ): Promise<ImportReport> {
      const network = await asPerson(db, person.personId, async (trx) => {
        const access = await loadNetworkForActor(trx, networks, person, slug);
        if (!access.canManage) throw new AppError('FORBIDDEN');
        return access.network;
      });
      return run(network.id, options, files);
    },

    /** An import by whoever runs the `meute` command on the server (no person: the operator). */
    async importAsOperator(
      slug: string,
      options: ImportOptions,
      files: AsyncIterable<ImportFile>,
    ): Promise<ImportReport> {
      const network = await db
        .selectFrom('networks')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirst();
      if (!network) throw new AppError('NETWORK_NOT_FOUND');
      return run(network.id, options, files);
    },

    /**
     * Makes establishments of the network's SIRENE register members of the network (the caller
     * checked that the person runs it): organisations created for the SIRETs the directory does
     * not hold yet, SIRENE's fields refreshed for the others. Returns how many became members.
     */
    async takeInFromRegister(
      networkId: string,
      sirets: readonly string[],
    ): Promise<{ added: number; created: number }> {
      return inImportTransaction(undefined, async (client, step) => {
        const before = await client.query<{ n: string }>(
          'select count(*) as n from network_organisations where network_id = $1',
          [networkId],
        );
        await createClosedSirets(client, []);
        const { created } = await writeFromRegister(
          client,
          networkId,
          'sirene_establishments',
          { sirets },
          {},
          step,
        );
        const after = await client.query<{ n: string }>(
          'select count(*) as n from network_organisations where network_id = $1',
          [networkId],
        );
        return {
          commit: true,
          value: { added: Number(after.rows[0]!.n) - Number(before.rows[0]!.n), created },
        };
      });
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
