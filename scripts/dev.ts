/** `npm run dev`: the API with reload on change, and Vite's dev server for the web app (proxying /api). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const children = [
  spawn(process.execPath, ['--watch', 'apps/server/src/main.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: process.env.PORT ?? '3000', PUBLIC_URL: 'http://localhost:5173' },
  }),
  spawn(path.join(root, 'node_modules/.bin/vite'), [], {
    cwd: path.join(root, 'apps/web'),
    stdio: 'inherit',
  }),
];
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}
