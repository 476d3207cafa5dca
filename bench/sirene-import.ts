/**
 * SIRENE import throughput against `psql \copy`, in the same run on the same database server.
 *
 * 1. generates a 1,000,000-row StockEtablissement-format file in a temporary directory (in a
 *    child process, so that this process's memory is the import's);
 * 2. `psql \copy` of the file into a bare table of all-text columns (wall clock of psql);
 * 3. the real import through the imports service (`importAsOperator`, as `meute import` runs
 *    it) into a network created first: the file becomes the network's SIRENE register (decision
 *    0016), with the peak RSS and the CPU time of this Node process, which reads and checks the
 *    file while the database writes it — the figure the target is about;
 * 4. the same file again: the register replaced, no duplicate;
 * 5. the same file with `members` (`--members`): every establishment also becomes a member, the
 *    organisations written in bulk (the `index` step builds the indexes of organisations again),
 *    for comparison;
 * 6. a ~1 GB file with a bad last row, to watch memory (`BENCH_SIRENE_MEMORY_ROWS=0` skips it).
 *
 * `node bench/sirene-import.ts` runs on the embedded PostgreSQL (started in the temporary
 * directory); `BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres` runs on a server,
 * in a database created and dropped for the run. `BENCH_SIRENE_ROWS` changes the size.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { createContext } from '../apps/server/src/context.ts';
import { connect, type Database } from '../apps/server/src/db/database.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { communeLookupCsv, nafLookupCsv } from '../apps/server/src/modules/imports/import-lookups.ts';
import type { ImportStep } from '../apps/server/src/modules/imports/imports.service.ts';

const ROWS = Number(process.env.BENCH_SIRENE_ROWS ?? 1_000_000);
/** Rows of the ~1 GB file whose import is rejected at its last line, to watch memory (0: skip). */
const MEMORY_ROWS = Number(process.env.BENCH_SIRENE_MEMORY_ROWS ?? 4_700_000);
const root = path.resolve(import.meta.dirname, '..');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'meute-sirene-bench-'));
fs.chmodSync(temp, 0o755);
const file = path.join(temp, 'StockEtablissement.csv');

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

let stopEmbedded: (() => Promise<void>) | undefined;
let dropServerDatabase: (() => Promise<void>) | undefined;
let database: Database | undefined;
try {
  // 1. The file.
  console.log(`Generating ${ROWS.toLocaleString('en')} establishments in ${temp} …`);
  const generated = spawnSync(
    process.execPath,
    [path.join(root, 'bench/generate-sirene.ts'), String(ROWS), file],
    {
      stdio: 'inherit',
    },
  );
  if (generated.status !== 0) throw new Error('generation failed');
  const bytes = fs.statSync(file).size;

  // The database: the embedded PostgreSQL, or a fresh database on a server.
  let url: string;
  let where: string;
  if (process.env.BENCH_DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
    await admin.connect();
    const name = `meute_bench_sirene_${process.pid}`;
    await admin.query(`create database "${name}"`);
    const version = (await admin.query<{ v: string }>("select current_setting('server_version') as v"))
      .rows[0]!.v;
    await admin.end();
    const serverUrl = new URL(process.env.BENCH_DATABASE_URL);
    serverUrl.pathname = `/${name}`;
    url = serverUrl.toString();
    where = `PostgreSQL ${version} server at ${serverUrl.host} (database ${name})`;
    dropServerDatabase = async () => {
      const client = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    };
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(temp, 'data') });
    stopEmbedded = embedded.stop;
    url = embedded.url;
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    const version = (await probe.query<{ v: string }>("select current_setting('server_version') as v"))
      .rows[0]!.v;
    await probe.end();
    where = `embedded PostgreSQL ${version} (${path.join(temp, 'data')})`;
  }
  console.log(`Database: ${where}`);
  const db = connect(url, 4);
  database = {
    db,
    kind: process.env.BENCH_DATABASE_URL ? 'server' : 'embedded',
    url,
    close: () => db.destroy(),
  };
  await migrateToLatest(db);
  const network = await db
    .insertInto('networks')
    .values({ slug: 'bench-sirene', name: 'Bench SIRENE', kind: 'club' })
    .returning('id')
    .executeTakeFirstOrThrow();

  // 2. psql \copy into a bare table of all-text columns.
  const head = Buffer.alloc(4096);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const header = head.toString('utf8').split('\n')[0]!;
  const columns = header.split(',').map((name) => `"${name}" text`);
  await sql.raw(`create table bench_bare (${columns.join(', ')})`).execute(db);
  await sql`checkpoint`.execute(db).catch(() => undefined);
  const copyStarted = performance.now();
  const psql = spawnSync(
    'psql',
    [url, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy bench_bare from '${file}' with (format csv, header true)`],
    {
      encoding: 'utf8',
    },
  );
  const copyMs = performance.now() - copyStarted;
  if (psql.status !== 0) throw new Error(`psql failed: ${psql.stderr}`);
  console.log(
    `psql \\copy: ${psql.stdout.trim()} in ${seconds(copyMs)} → ${perSecond(ROWS, copyMs).toLocaleString('en')} rows/s`,
  );
  await sql`drop table bench_bare`.execute(db);
  await sql`checkpoint`.execute(db).catch(() => undefined);

  // 3. The import, through the service.
  const context = createContext(
    { publicUrl: 'http://bench', smtpUrl: undefined, mailFrom: 'bench@meute' },
    database,
  );
  // The reference data (communes, NAF) is loaded once per process: before measuring memory.
  communeLookupCsv();
  nafLookupCsv();
  const runImport = async (
    label: string,
    source = file,
    expect: 'imported' | 'rejected' = 'imported',
    members = false,
  ) => {
    const steps: string[] = [];
    // From the first write to organisations to the commit, the import holds the directory_version
    // row lock: every other directory write waits.
    let lockedMs = 0;
    const rssBefore = process.memoryUsage.rss();
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 20);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const report = await context.services.imports.importAsOperator(
      'bench-sirene',
      {
        kind: 'sirene',
        members,
        locale: 'en',
        onStep: (step: ImportStep, ms: number) => {
          steps.push(`${step} ${seconds(ms)}`);
          if (['write', 'link', 'search', 'index', 'commit'].includes(step)) lockedMs += ms;
        },
      },
      (async function* () {
        yield { role: 'file', stream: fs.createReadStream(source, { highWaterMark: 1 << 20 }) };
      })(),
    );
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    if (report.status !== expect) {
      throw new Error(`import ${report.status}: ${JSON.stringify(report.errors.slice(0, 5))}`);
    }
    console.log(
      `${label}: ${report.status}, ${report.rows.toLocaleString('en')} rows (${report.created.toLocaleString('en')} created, ${report.updated.toLocaleString('en')} updated, ${report.skipped.toLocaleString('en')} closed skipped) in ${seconds(ms)} → ${perSecond(report.rows, ms).toLocaleString('en')} rows/s`,
    );
    console.log(
      `  steps: ${steps.join(', ')}${steps.some((s) => s.startsWith('index')) ? ' (bulk write)' : ''}`,
    );
    if (report.status === 'imported') console.log(`  directory_version lock held ${seconds(lockedMs)}`);
    console.log(`  Node RSS: ${mb(rssBefore)} before, ${mb(peak)} peak (+${mb(peak - rssBefore)})`);
    console.log(
      `  Node CPU: ${seconds((cpu.user + cpu.system) / 1000)} (reading and checking the file, on its own core)`,
    );
    return { ms, report };
  };
  const first = await runImport('import');
  const ratio = copyMs / first.ms;
  console.log(
    `ratio import / psql \\copy throughput: ${ratio.toFixed(2)} (${perSecond(ROWS, first.ms).toLocaleString('en')} vs ${perSecond(ROWS, copyMs).toLocaleString('en')} rows/s; target ≥ 0.50) — file ${mb(bytes)}`,
  );

  // 4. Again: updates, no duplicates.
  const count = async () => {
    const row = await db
      .selectFrom('organisations')
      .select((eb) => [
        eb.fn.countAll<string>().as('organisations'),
        eb.fn.count<string>('siret').distinct().as('sirets'),
      ])
      .executeTakeFirstOrThrow();
    const members = await db
      .selectFrom('network_organisations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('network_id', '=', network.id)
      .executeTakeFirstOrThrow();
    return {
      organisations: Number(row.organisations),
      sirets: Number(row.sirets),
      members: Number(members.n),
    };
  };
  const afterFirst = await count();
  await runImport('re-import');
  const afterSecond = await count();
  console.log(
    `counts after import: ${JSON.stringify(afterFirst)}; after re-import: ${JSON.stringify(afterSecond)}`,
  );
  if (
    afterSecond.organisations !== afterFirst.organisations ||
    afterSecond.organisations !== afterSecond.sirets ||
    afterSecond.members !== afterFirst.members
  ) {
    throw new Error('the re-import created duplicates');
  }
  console.log('re-import: no duplicate');

  // 5. As members: the organisations and the memberships written too.
  const asMembers = await runImport('as members', file, 'imported', true);
  console.log(
    `as members: ratio to psql \\copy ${(copyMs / asMembers.ms).toFixed(2)}; counts ${JSON.stringify(await count())}`,
  );

  // 6. Memory over a ~1 GB file: read, checked and rejected at its last line.
  if (MEMORY_ROWS > 0) {
    const large = path.join(temp, 'StockEtablissement-1GB.csv');
    fs.rmSync(file);
    const made = spawnSync(
      process.execPath,
      [path.join(root, 'bench/generate-sirene.ts'), String(MEMORY_ROWS), large, '--seed', '7'],
      { stdio: 'inherit' },
    );
    if (made.status !== 0) throw new Error('generation failed');
    // One more row, with a wrong SIRET key: the import reads everything, then refuses the file.
    const firstRows = Buffer.alloc(8192);
    const fd = fs.openSync(large, 'r');
    fs.readSync(fd, firstRows, 0, firstRows.length, 0);
    fs.closeSync(fd);
    const sample = firstRows.toString('utf8').split('\n')[1]!.split(',');
    const siret = sample[2]!;
    sample[2] = siret.slice(0, 13) + String((Number(siret[13]) + 1) % 10);
    fs.appendFileSync(large, `${sample.join(',')}\n`);
    const size = fs.statSync(large).size;
    console.log(`memory: ${mb(size)} file, rejected at its last line`);
    const rejected = await runImport('large file', large, 'rejected');
    console.log(
      `  rejected at line ${rejected.report.errors[0]?.line.toLocaleString('en')} of ${(MEMORY_ROWS + 2).toLocaleString('en')} (${rejected.report.errors[0]?.reason})`,
    );
  }
  console.log(`Node max RSS over the whole run: ${mb(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  await database?.close();
  await stopEmbedded?.();
  await dropServerDatabase?.();
  fs.rmSync(temp, { recursive: true, force: true });
}
