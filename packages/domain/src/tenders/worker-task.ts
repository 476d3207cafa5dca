/** What the consortium worker computes; structured-clonable input and output, as they cross threads. */
import { loadHighs } from '../purchasing/core-lp.ts';
import type { PruneResult } from './candidates.ts';
import { type ConsortiumOptions, type ConsortiumResult, solveConsortium } from './consortium.ts';
import type { Tender } from './model.ts';

/** What the calling thread hands to the worker (as `workerData`): candidates already pruned. */
export interface ConsortiumRequest {
  tender: Tender;
  pruned: PruneResult;
  options: ConsortiumOptions;
}

/** The result, or the error's name and message. */
export type ConsortiumReply =
  | { ok: true; value: ConsortiumResult }
  | { ok: false; name: string; message: string };

/** Solves a request and turns its outcome into a reply; never throws. */
export async function answerConsortiumRequest(request: ConsortiumRequest): Promise<ConsortiumReply> {
  try {
    return {
      ok: true,
      value: solveConsortium(await loadHighs(), request.tender, request.pruned, request.options),
    };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    return { ok: false, name, message };
  }
}
