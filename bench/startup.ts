/**
 * Cold start of `npm start` until /healthz answers (the first run creates the database and is
 * reported apart), and the memory of the idle server: Node plus every embedded PostgreSQL
 * process, as resident set size.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function rssKb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Proportional set size: shared pages (PostgreSQL's shared buffers) counted once across processes. */
function pssKb(pid: number): number {
  try {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(rollup.match(/Pss:\s+(\d+)/)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function processName(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '?';
  }
}

function descendants(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry), ...descendants(Number(entry)));
    } catch {
      // The process ended meanwhile.
    }
  }
  return children;
}

async function startOnce(dataDir: string, port: number) {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env: {
      ...process.env,
      MEUTE_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: 'ignore',
    detached: true,
  });
  let exitCode: number | null = null;
  child.on('exit', (code) => {
    exitCode = code;
  });
  for (;;) {
    if (exitCode !== null) throw new Error(`npm start exited with ${exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      // Not yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { ms: performance.now() - started, child };
}

async function stop(child: ReturnType<typeof spawn>, dataDir: string) {
  process.kill(-child.pid!, 'SIGTERM');
  // Stopped when Meute has released its data directory.
  while (fs.existsSync(path.join(dataDir, 'meute.lock')))
    await new Promise((resolve) => setTimeout(resolve, 20));
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meute-bench-'));
fs.chmodSync(dataDir, 0o755);
const port = 3900 + Math.floor(Math.random() * 50);
try {
  const first = await startOnce(dataDir, port);
  console.log(`first start (creates the database, loads the demo): ${first.ms.toFixed(0)} ms`);
  await stop(first.child, dataDir);
  const times: number[] = [];
  let rss = 0;
  let pss = 0;
  let launcherPss = 0;
  const byProcess = new Map<string, number>();
  for (let i = 0; i < RUNS; i++) {
    const run = await startOnce(dataDir, port);
    times.push(run.ms);
    if (i === RUNS - 1) {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      // The server is Node and its PostgreSQL; npm, which launched them, is counted apart.
      const pids = descendants(run.child.pid!).filter((pid) => processName(pid) !== 'sh');
      launcherPss = pssKb(run.child.pid!);
      rss = pids.reduce((sum, pid) => sum + rssKb(pid), 0);
      pss = pids.reduce((sum, pid) => sum + pssKb(pid), 0);
      for (const pid of pids)
        byProcess.set(processName(pid), (byProcess.get(processName(pid)) ?? 0) + pssKb(pid));
    }
    await stop(run.child, dataDir);
  }
  times.sort((a, b) => a - b);
  console.log(
    `npm start → /healthz, later starts (${RUNS} runs): median ${times[Math.floor(RUNS / 2)]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms (target < 5000 ms)`,
  );
  console.log(
    `idle server memory (Node + embedded PostgreSQL): RSS summed ${(rss / 1024).toFixed(0)} MB, PSS ${(pss / 1024).toFixed(0)} MB (target < 300 MB); the npm launcher adds ${(launcherPss / 1024).toFixed(0)} MB PSS`,
  );
  console.log(
    `  PSS by process: ${[...byProcess].map(([name, kb]) => `${name} ${(kb / 1024).toFixed(0)} MB`).join(', ')}`,
  );
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
