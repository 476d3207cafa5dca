/**
 * The server as its own process, as in production, for the HTTP benchmarks: started on a
 * database, waited for until it answers, signed in as one person, stopped at the end.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export async function startServerProcess(databaseUrl: string, portBase: number) {
  const port = portBase + Math.floor(Math.random() * 100);
  const server = spawn(process.execPath, [path.join(root, 'apps/server/src/main.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      MEUTE_DEMO: 'never',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    base,
    /** The session cookie of a person signed in with e-mail and password. */
    async signIn(email: string, password: string) {
      const response = await fetch(`${base}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (!response.ok) throw new Error(`sign-in of ${email} failed: ${response.status}`);
      return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    },
    async stop() {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.on('exit', resolve));
    },
  };
}
