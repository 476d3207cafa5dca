/**
 * Runs the exponential computations (exact Shapley values, core checks, HiGHS programs, whose
 * `solve` is synchronous) in a worker thread with a time limit, so that a server's event loop
 * never waits on them. One short-lived worker per call: simple, and a runaway computation is
 * ended by terminating its thread.
 *
 * This module has no runtime import of Node or of the tasks: the web app bundles the domain
 * package, and Node's `worker_threads` is looked up only when `runInWorker` is called.
 */
import type * as WorkerThreads from 'node:worker_threads';
import type {
  WorkerReply,
  WorkerRequest,
  WorkerTaskInput,
  WorkerTaskName,
  WorkerTaskOutput,
} from './worker-tasks.ts';

export type { WorkerTaskInput, WorkerTaskName, WorkerTaskOutput } from './worker-tasks.ts';

/** Not a literal in `new URL(…)`, so that bundlers do not copy the file as an asset. */
const WORKER_ENTRY = './worker-entry.ts';

/** The worker did not finish within its time limit and was terminated. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly code = 'TIMEOUT';
  readonly task: string;
  readonly timeoutMs: number;

  constructor(task: string, timeoutMs: number) {
    super(`${task} did not finish within ${timeoutMs} ms`);
    this.task = task;
    this.timeoutMs = timeoutMs;
  }
}

export interface RunInWorkerOptions {
  /** Time limit from the call (worker start-up included, ~100 ms), in milliseconds. */
  timeoutMs: number;
}

/**
 * Runs `task` on `input` in a new worker thread. Resolves with its result; rejects with a
 * `TimeoutError` after `timeoutMs` (the thread is terminated), or with an Error carrying the
 * task's own error name and message if it throws.
 */
export function runInWorker<Name extends WorkerTaskName>(
  task: Name,
  input: WorkerTaskInput<Name>,
  options: RunInWorkerOptions,
): Promise<WorkerTaskOutput<Name>> {
  const { Worker } = process.getBuiltinModule('node:worker_threads') as typeof WorkerThreads;
  return new Promise((resolve, reject) => {
    const request: WorkerRequest = { task, input };
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
      () => settle(() => reject(new TimeoutError(task, options.timeoutMs))),
      options.timeoutMs,
    );
    worker.once('message', (reply: WorkerReply) =>
      settle(() => {
        if (reply.ok) resolve(reply.value as WorkerTaskOutput<Name>);
        else reject(Object.assign(new Error(reply.message), { name: reply.name }));
      }),
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`The worker for ${task} exited with code ${code}`))),
    );
  });
}
