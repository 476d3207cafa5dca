/** `npm run db:new -- name`: creates an empty, timestamped migration file (migrations are append-only). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const name = (process.argv[2] ?? '')
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_|_$/g, '');
if (!name) {
  console.error('Usage: npm run db:new -- <what_it_does>');
  process.exit(1);
}
const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '');
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/server/src/db/migrations');
const file = path.join(dir, `${stamp}_${name}.sql`);
fs.writeFileSync(file, `-- ${name.replaceAll('_', ' ')}\n`, { flag: 'wx' });
console.log(`Created ${path.relative(process.cwd(), file)}`);
