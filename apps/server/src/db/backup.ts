import { once } from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { listMigrationNames } from './migrate.ts';
import { TABLES_IN_DEPENDENCY_ORDER } from './schema.ts';

/**
 * A Meute backup is a gzip file: one JSON header line, then for each table a JSON line naming
 * it and its columns, its rows in PostgreSQL's COPY text format, and a `\.` line. COPY escapes
 * backslashes, so no row can be a lone `\.`. The same file restores on the embedded database
 * and on a server, whatever the PostgreSQL version.
 */
export const BACKUP_FORMAT = 'meute-backup';
const END_OF_TABLE = '\\.';

interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  migrations: string[];
}

export interface TableCount {
  table: string;
  rows: number;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column_name: string }>(
    // Generated columns are computed again on restore (and COPY refuses them).
    `select column_name from information_schema.columns
      where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
    [table],
  );
  return rows.map((row) => row.column_name);
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** Writes a consistent snapshot of every table to `file`. */
export async function backupDatabase(url: string, file: string): Promise<TableCount[]> {
  return withClient(url, async (client) => {
    await client.query('begin isolation level repeatable read read only');
    const applied = await client.query<{ name: string }>('select name from kysely_migration order by name');
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      migrations: applied.rows.map((row) => row.name),
    };
    const gzip = zlib.createGzip();
    const output = fs.createWriteStream(`${file}.partial`);
    const written = pipeline(gzip, output);
    const write = async (text: string | Buffer) => {
      if (!gzip.write(text)) await once(gzip, 'drain');
    };
    const counts: TableCount[] = [];
    await write(`${JSON.stringify(header)}\n`);
    for (const table of TABLES_IN_DEPENDENCY_ORDER) {
      const columns = await columnsOf(client, table);
      await write(`${JSON.stringify({ table, columns })}\n`);
      const stream = client.query(
        // A query rather than the table: a partitioned table (the SIRENE register) is copied
        // through its partitions only so.
        copyTo(`copy (select ${columns.map(quote).join(', ')} from ${quote(table)}) to stdout`),
      );
      for await (const chunk of stream) await write(chunk as Buffer);
      await write(`${END_OF_TABLE}\n`);
      counts.push({ table, rows: Number(stream.rowCount) });
    }
    gzip.end();
    await written;
    await client.query('commit');
    // Renamed only when complete, so a failed backup never leaves a file that looks whole.
    fs.renameSync(`${file}.partial`, file);
    return counts;
  });
}

/**
 * Replaces every row of the database with the backup's, in one transaction: on any error
 * nothing changes. The database must already be migrated at least as far as the backup.
 */
export async function restoreDatabase(url: string, file: string): Promise<TableCount[]> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async () => {
    const result = await iterator.next();
    return result.done ? undefined : (result.value as string);
  };
  let header: Partial<BackupHeader> = {};
  try {
    header = JSON.parse((await next()) ?? '{}') as Partial<BackupHeader>;
  } catch {
    // Not JSON: reported below as not a backup.
  }
  if (header.format !== BACKUP_FORMAT) throw new Error(`${file} is not a Meute backup.`);
  const known = new Set(listMigrationNames());
  const unknown = (header.migrations ?? []).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(
      `This backup comes from a newer Meute (migrations ${unknown.join(', ')}): update Meute first.`,
    );
  }

  return withClient(url, async (client) => {
    const counts: TableCount[] = [];
    await client.query('begin');
    try {
      await client.query(
        `truncate ${TABLES_IN_DEPENDENCY_ORDER.map(quote).join(', ')} restart identity cascade`,
      );
      for (let line = await next(); line !== undefined; line = await next()) {
        if (line === '') continue;
        const { table, columns } = JSON.parse(line) as { table: string; columns: string[] };
        if (!(TABLES_IN_DEPENDENCY_ORDER as readonly string[]).includes(table)) {
          throw new Error(`Unknown table in backup: ${table}`);
        }
        const copy = client.query(
          copyFrom(`copy ${quote(table)} (${columns.map(quote).join(', ')}) from stdin`),
        );
        const done = once(copy, 'finish');
        let rows = 0;
        for (let row = await next(); row !== END_OF_TABLE; row = await next()) {
          if (row === undefined) throw new Error(`The backup ends in the middle of table ${table}.`);
          rows++;
          if (!copy.write(`${row}\n`)) await once(copy, 'drain');
        }
        copy.end();
        await done;
        counts.push({ table, rows });
      }
      // Identity columns continue after the restored rows.
      await client.query(
        `select setval(pg_get_serial_sequence('sign_in_failures', 'id'), coalesce(max(id), 0) + 1, false) from sign_in_failures`,
      );
      await client.query('commit');
      return counts;
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  });
}
