import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'apps/web');
const builtIndex = path.join(web, 'dist/index.html');

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the web app when it was never built or its sources changed since (so `npm start` just works). */
export function ensureWebBuilt(log: (message: string) => void = console.log): void {
  const sources = [path.join(web, 'src'), path.join(root, 'packages/contracts/src')];
  const sourceTime = Math.max(
    ...sources.map(newestChange),
    fs.statSync(path.join(web, 'index.html')).mtimeMs,
  );
  if (fs.existsSync(builtIndex) && fs.statSync(builtIndex).mtimeMs >= sourceTime) return;
  log('Construction de l’application web… / building the web app…');
  const result = spawnSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('The web app build failed.');
}

if (import.meta.url === `file://${process.argv[1]}`) ensureWebBuilt();
