/**
 * CI's throwaway database on a PostgreSQL server: `create URL` or `drop URL`, where URL names the
 * database (e.g. postgres://postgres@127.0.0.1:5432/meute_ci_123). Connects to the server's
 * `postgres` database to do it, so no psql is needed.
 */
import pg from 'pg';

const [action, target] = process.argv.slice(2);
if (!target || (action !== 'create' && action !== 'drop')) {
  console.error('Usage: node scripts/pg-database.ts create|drop <database URL>');
  process.exit(1);
}
const url = new URL(target);
const name = decodeURIComponent(url.pathname.slice(1));
url.pathname = '/postgres';
const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
try {
  const quoted = `"${name.replaceAll('"', '""')}"`;
  await client.query(
    action === 'create' ? `create database ${quoted}` : `drop database if exists ${quoted} with (force)`,
  );
  console.log(`${action === 'create' ? 'Created' : 'Dropped'} database ${name}`);
} finally {
  await client.end();
}
