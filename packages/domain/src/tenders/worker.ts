/**
 * Runs the consortium builder off the calling thread: HiGHS' `solve` is synchronous and would
 * freeze a server's event loop. Pruning runs on the calling thread (it is linear and fast, and
 * spares copying the whole directory into the worker); the integer program runs in a new worker
 * thread. The solver stops itself at `options.timeLimitMs` and returns its best groupings with
 * `status: 'time-limit'`; the thread is terminated, with a `TimeoutError`, only if it overruns
 * `timeoutMs` (start-up included).
 *
 * No runtime import of Node here: the web app bundles the domain package.
 */
import type * as WorkerThreads from 'node:worker_threads';
import { TimeoutError } from '../purchasing/worker.ts';
import { type CandidateIndex, type ConsortiumCandidate, pruneCandidates } from './candidates.ts';
import type { ConsortiumOptions, ConsortiumResult } from './consortium.ts';
import type { Tender } from './model.ts';
import type { ConsortiumReply, ConsortiumRequest } from './worker-task.ts';

/** Not a literal in `new URL(…)`, so that bundlers do not copy the file as an asset. */
const WORKER_ENTRY = './worker-entry.ts';

/** Start-up of a worker and the loading of HiGHS, added to the solver's limit for the hard timeout. */
export const CONSORTIUM_WORKER_MARGIN_MS = 2_000;

/**
 * `findConsortia` in a worker thread. Rejects with a `TimeoutError` after `timeoutMs` (default:
 * the solver's limit + {@link CONSORTIUM_WORKER_MARGIN_MS}), or with the solver's error.
 */
export function findConsortiaInWorker(
  tender: Tender,
  directory: readonly ConsortiumCandidate[] | CandidateIndex,
  options: ConsortiumOptions = {},
  run: { timeoutMs?: number } = {},
): Promise<ConsortiumResult> {
  const pruned = pruneCandidates(tender, directory, {
    maxDistanceKm: options.maxDistanceKm ?? null,
    pinned: options.pinned ?? [],
    excluded: options.excluded ?? [],
    nearestCount: options.nearestCount ?? 3,
  });
  const timeoutMs = run.timeoutMs ?? (options.timeLimitMs ?? 10_000) + CONSORTIUM_WORKER_MARGIN_MS;
  const { Worker } = process.getBuiltinModule('node:worker_threads') as typeof WorkerThreads;
  const request: ConsortiumRequest = { tender, pruned, options };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(WORKER_ENTRY, import.meta.url), { workerData: request });
    let isSettled = false;
    const settle = (action: () => void) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      action();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(new TimeoutError('consortium', timeoutMs))),
      timeoutMs,
    );
    worker.once('message', (reply: ConsortiumReply) =>
      settle(() => {
        if (reply.ok) resolve(reply.value);
        else reject(Object.assign(new Error(reply.message), { name: reply.name }));
      }),
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`The consortium worker exited with code ${code}`))),
    );
  });
}
