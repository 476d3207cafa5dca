/**
 * What `runInWorker` can compute: each task takes one structured-clonable input and returns (or
 * resolves to) a structured-clonable output, since both cross threads.
 */
import { type AllocateCostInput, allocateCost } from './allocation.ts';
import { type CoalitionTable, type GameKind, shapleyValue } from './cooperative-game.ts';
import { computeLeastCore, computeNucleolus, loadHighs } from './core-lp.ts';
import type { PriceSchedule } from './price-schedule.ts';
import { type ShapleyOptions, shapleyOfPurchasingGame } from './purchasing-game.ts';

export const WORKER_TASKS = {
  /** `allocateCost` (Shapley rule and core check included). */
  'allocate-cost': (input: AllocateCostInput) => allocateCost(input),
  /** `shapleyOfPurchasingGame`. */
  'purchasing-shapley': (input: {
    schedule: PriceSchedule;
    quantities: number[];
    options?: ShapleyOptions;
  }) => shapleyOfPurchasingGame(input.schedule, input.quantities, input.options),
  /** Exact Shapley value of any game given as a table. */
  'shapley-value': (input: { table: CoalitionTable }) => Array.from(shapleyValue(input.table)),
  /** `computeLeastCore` with HiGHS. */
  'least-core': async (input: { table: CoalitionTable; kind: GameKind }) =>
    computeLeastCore(await loadHighs(), input.table, input.kind),
  /** `computeNucleolus` with HiGHS. */
  nucleolus: async (input: { table: CoalitionTable; kind: GameKind }) =>
    computeNucleolus(await loadHighs(), input.table, input.kind),
};

type WorkerTasks = typeof WORKER_TASKS;
export type WorkerTaskName = keyof WorkerTasks;
export type WorkerTaskInput<Name extends WorkerTaskName> = Parameters<WorkerTasks[Name]>[0];
export type WorkerTaskOutput<Name extends WorkerTaskName> = Awaited<ReturnType<WorkerTasks[Name]>>;

/** What the calling thread hands to the worker (as `workerData`). */
export interface WorkerRequest {
  task: WorkerTaskName;
  input: unknown;
}

/** What the worker posts back: the task's result, or its error's name and message. */
export type WorkerReply = { ok: true; value: unknown } | { ok: false; name: string; message: string };

/** Runs a request and turns its outcome into a reply; never throws. */
export async function answerWorkerRequest(request: WorkerRequest): Promise<WorkerReply> {
  try {
    const run = WORKER_TASKS[request.task] as (input: unknown) => unknown;
    return { ok: true, value: await run(request.input) };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    return { ok: false, name, message };
  }
}
