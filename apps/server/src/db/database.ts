import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'embedded' | 'server';

export interface Database {
  /** Connected as the owner of the schema: for system work only (migrations, sign-in, jobs). */
  db: Kysely<DB>;
  kind: DatabaseKind;
  url: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL server; without it, the embedded database in `dataDir` is started. */
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  log?: (message: string) => void;
}

// A calendar date (an expiry, a due date) stays the text 'YYYY-MM-DD': as a JavaScript Date it
// would shift with the server's time zone.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value) => value);

export function connect(url: string, poolSize = 10): Kysely<DB> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000 });
  // An idle connection can be closed by the server (a restart, a shutdown): the pool drops it and
  // opens another when needed. Without a listener, that event would crash the process.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') console.warn(`PostgreSQL connection lost: ${error.message}`);
  });
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const db = connect(options.databaseUrl, options.poolSize);
    return { db, kind: 'server', url: options.databaseUrl, close: () => db.destroy() };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, log: options.log });
  const db = connect(embedded.url, options.poolSize);
  return {
    db,
    kind: 'embedded',
    url: embedded.url,
    close: async () => {
      await db.destroy();
      await embedded.stop();
    },
  };
}

export type Scoped = Transaction<DB>;

/**
 * Runs `work` in one transaction as the role meute_app — neither superuser nor owner, so the
 * row-level security policies apply — on behalf of `personId` (null: an anonymous visitor,
 * who sees no tenant row at all).
 */
export async function asPerson<T>(
  db: Kysely<DB>,
  personId: string | null,
  work: (trx: Scoped) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('role', 'meute_app', true), set_config('meute.person_id', ${personId ?? ''}, true)`.execute(
      trx,
    );
    return work(trx);
  });
}
