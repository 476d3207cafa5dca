#!/usr/bin/env node
// The `meute` command. Meute runs on Node 24, which `npm ci` installs into node_modules (the
// `node` package): when started by an older Node, hand over to that one.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli', 'meute.ts');
const [major] = process.versions.node.split('.').map(Number);
let node = process.execPath;
if (major < 24) {
  const require = createRequire(import.meta.url);
  node = path.join(path.dirname(require.resolve('node/package.json')), 'bin', 'node');
}
const result = spawnSync(node, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
