import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli, startServerProcess } from '../test/process.ts';
import { DEMO_PASSWORD } from './seed/demo.ts';

/**
 * The embedded database's promises, tested on real processes: the data survives kill -9,
 * a second Meute on the same data directory is refused, SIGTERM stops everything cleanly,
 * and it runs for a normal user too.
 */
const dirs: string[] = [];
function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meute-embedded-'));
  fs.chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

async function signIn(url: string, email: string, password = DEMO_PASSWORD) {
  const response = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function rename(url: string, cookie: string, displayName: string) {
  const response = await fetch(`${url}/api/auth/me`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ displayName }),
  });
  assert.equal(response.status, 200);
}

async function displayName(url: string, cookie: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/me`, { headers: { cookie } });
  return ((await response.json()) as { displayName: string }).displayName;
}

function postgresRunning(dir: string): boolean {
  const pidFile = path.join(dir, 'postgres', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('embedded PostgreSQL', { timeout: 240_000 }, () => {
  after(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loses no acknowledged write when the app is killed with SIGKILL, and restarts with no manual action', async () => {
    const dir = dataDir();
    const first = await startServerProcess({ MEUTE_DATA_DIR: dir });
    const cookie = await signIn(first.url, 'dirigeant@demo.meute.fr');
    // Many acknowledged writes, the last one right before the kill.
    for (let i = 1; i <= 25; i++) await rename(first.url, cookie, `Écriture ${i}`);
    first.child.kill('SIGKILL');
    await first.exited;
    // The database server it leaves behind is killed too, as in a power cut: WAL replay must
    // bring back every committed write.
    const orphan = Number(
      fs.readFileSync(path.join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    process.kill(orphan, 'SIGKILL');
    while (postgresRunning(dir)) await new Promise((resolve) => setTimeout(resolve, 50));

    const second = await startServerProcess({ MEUTE_DATA_DIR: dir });
    const again = await signIn(second.url, 'dirigeant@demo.meute.fr');
    assert.equal(await displayName(second.url, again), 'Écriture 25');
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0, second.output());
  });

  it('refuses a second Meute on the same data directory', async () => {
    const dir = dataDir();
    const first = await startServerProcess({ MEUTE_DATA_DIR: dir, MEUTE_DEMO: 'never' });
    const second = await runCli(['start'], { MEUTE_DATA_DIR: dir, PORT: '0' });
    assert.equal(second.code, 2);
    assert.match(second.output, /already running on the data directory/);
    const health = await fetch(`${first.url}/healthz`);
    assert.equal(health.status, 200);
    first.child.kill('SIGTERM');
    await first.exited;
  });

  it('stops the database cleanly on SIGTERM', async () => {
    const dir = dataDir();
    const server = await startServerProcess({ MEUTE_DATA_DIR: dir, MEUTE_DEMO: 'never' });
    assert.equal(postgresRunning(dir), true);
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0);
    assert.equal(postgresRunning(dir), false);
    assert.equal(fs.existsSync(path.join(dir, 'meute.lock')), false);
  });

  it('backs up and restores through the CLI', async () => {
    const dir = dataDir();
    const server = await startServerProcess({ MEUTE_DATA_DIR: dir });
    const cookie = await signIn(server.url, 'dirigeant@demo.meute.fr');
    await rename(server.url, cookie, 'Avant la sauvegarde');
    server.child.kill('SIGTERM');
    await server.exited;

    const file = path.join(dir, 'backup.meute.gz');
    const backup = await runCli(['backup', file], { MEUTE_DATA_DIR: dir });
    assert.equal(backup.code, 0, backup.output);
    const refused = await runCli(['restore', file], { MEUTE_DATA_DIR: dir });
    assert.equal(refused.code, 1, 'a restore without --yes and without a terminal asks for confirmation');

    const changed = await startServerProcess({ MEUTE_DATA_DIR: dir });
    await rename(changed.url, await signIn(changed.url, 'dirigeant@demo.meute.fr'), 'Après la sauvegarde');
    changed.child.kill('SIGTERM');
    await changed.exited;

    const restore = await runCli(['restore', file, '--yes'], { MEUTE_DATA_DIR: dir });
    assert.equal(restore.code, 0, restore.output);
    const restored = await startServerProcess({ MEUTE_DATA_DIR: dir });
    assert.equal(
      await displayName(restored.url, await signIn(restored.url, 'dirigeant@demo.meute.fr')),
      'Avant la sauvegarde',
    );
    restored.child.kill('SIGTERM');
    await restored.exited;
  });

  it('runs for a normal user, not only for root', {
    skip: os.userInfo().uid !== 0 ? 'already running as a normal user' : false,
  }, async () => {
    const uid = Number(spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).stdout.trim());
    const dir = dataDir();
    fs.chownSync(dir, uid, gid);
    const server = await startServerProcess(
      { MEUTE_DATA_DIR: dir, MEUTE_DEMO: 'never', HOME: dir },
      { uid, gid },
    );
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { database: string };
    assert.equal(health.database, 'embedded');
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0);
  });
});
