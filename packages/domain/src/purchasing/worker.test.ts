import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocateCost } from './allocation.ts';
import { tableFromCoalitionValues } from './cooperative-game.ts';
import type { PriceSchedule } from './price-schedule.ts';
import { runInWorker, TimeoutError } from './worker.ts';

const schedule: PriceSchedule = {
  kind: 'all-units',
  tiers: [
    { fromQuantity: 0, unitPriceCents: 1000 },
    { fromQuantity: 70, unitPriceCents: 660 },
  ],
  fixedCostCents: 0,
};

describe('runInWorker', () => {
  it('returns what the computation returns on the calling thread', async () => {
    const input = {
      schedule,
      commitments: [41, 31, 71].map((quantity, index) => ({ memberId: `m${index}`, quantity })),
      rule: 'shapley' as const,
    };
    assert.deepEqual(await runInWorker('allocate-cost', input, { timeoutMs: 10_000 }), allocateCost(input));
  });

  it('solves HiGHS programs off the calling thread', async () => {
    // Oh & Shin (2012) manufacturing cost game, nucleolus as published.
    const table = tableFromCoalitionValues(
      3,
      [375144, 568232, 772500, 551055, 245280, 452411, 211239],
      'dfs-lex',
    );
    const nucleolus = await runInWorker('nucleolus', { table, kind: 'cost' }, { timeoutMs: 10_000 });
    assert.ok(nucleolus !== null);
    [331695.25, 233051.25, 207753.5].forEach((expected, index) => {
      assert.ok(Math.abs(nucleolus[index]! - expected) < 1e-6, `${nucleolus[index]} vs ${expected}`);
    });
  });

  it('ends a computation that overruns its time limit with a TimeoutError', async () => {
    const started = performance.now();
    const quantities = Array.from({ length: 25 }, (_, index) => 1 + index * Math.PI);
    await assert.rejects(
      runInWorker(
        'purchasing-shapley',
        { schedule, quantities, options: { method: 'exact-enumeration' } },
        { timeoutMs: 150 },
      ),
      (error: unknown) => {
        assert.ok(error instanceof TimeoutError);
        assert.equal(error.code, 'TIMEOUT');
        assert.equal(error.timeoutMs, 150);
        return true;
      },
    );
    assert.ok(
      performance.now() - started < 1000,
      'rejected at the time limit, not at the end of the computation',
    );
  });

  it("passes on the computation's own error", async () => {
    await assert.rejects(
      runInWorker('shapley-value', { table: new Float64Array(3) }, { timeoutMs: 10_000 }),
      (error: unknown) =>
        error instanceof Error && error.name === 'RangeError' && /2\^n entries/.test(error.message),
    );
  });
});
