import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Highs } from 'highs';
import { coalitionSize, findLargestExcess, grandCoalition, tabulateGame } from './cooperative-game.ts';
import { computeLeastCore, computeNucleolus, loadHighs } from './core-lp.ts';
import { purchasingGameTable } from './purchasing-game.ts';

/** A cost game of 3 to 5 players with integer coalition costs. */
const arbitraryCostGame = fc
  .integer({ min: 3, max: 5 })
  .chain((playerCount) =>
    fc.array(fc.integer({ min: 1, max: 100 }), {
      minLength: 2 ** playerCount - 1,
      maxLength: 2 ** playerCount - 1,
    }),
  )
  .map((values) => tabulateGame(Math.log2(values.length + 1), (mask) => values[mask - 1]!));

describe('least core and nucleolus (HiGHS)', () => {
  let highs: Highs;
  before(async () => {
    highs = await loadHighs();
  });

  it('finds the smallest ε at which every coalition accepts the split', () => {
    fc.assert(
      fc.property(arbitraryCostGame, (table) => {
        const { epsilon, allocation, isCoreNonEmpty } = computeLeastCore(highs, table);
        const total = allocation.reduce((sum, share) => sum + share, 0);
        const largest = findLargestExcess(table, allocation).excess;
        return (
          Math.abs(total - table[grandCoalition(Math.log2(table.length))]!) < 1e-6 &&
          Math.abs(largest - epsilon) < 1e-6 &&
          isCoreNonEmpty === epsilon <= 1e-5
        );
      }),
      { numRuns: 40 },
    );
  });

  it('puts the nucleolus in the least core, within the imputation set', () => {
    fc.assert(
      fc.property(arbitraryCostGame, (table) => {
        const playerCount = Math.log2(table.length);
        const nucleolus = computeNucleolus(highs, table);
        const standAloneTotal = Array.from({ length: playerCount }, (_, p) => table[1 << p]!).reduce(
          (a, b) => a + b,
        );
        if (nucleolus === null) return standAloneTotal < table[grandCoalition(playerCount)]!;
        const { epsilon } = computeLeastCore(highs, table);
        return (
          nucleolus.every((share, player) => share <= table[1 << player]! + 1e-6) &&
          findLargestExcess(table, nucleolus).excess >= epsilon - 1e-6 &&
          (epsilon > 0 || findLargestExcess(table, nucleolus).excess <= 1e-6)
        );
      }),
      { numRuns: 40 },
    );
  });

  it('gives symmetric players the same nucleolus share', () => {
    // c(S) depends only on |S|: every player is symmetric, so each pays c(N)/n.
    const table = tabulateGame(5, (mask) => [0, 10, 18, 25, 30, 34][coalitionSize(mask)]!);
    const nucleolus = computeNucleolus(highs, table);
    assert.ok(nucleolus !== null);
    for (const share of nucleolus) assert.ok(Math.abs(share - 34 / 5) < 1e-9, String(share));
  });

  it('tells whether a purchasing game has a core, and how much room there is in it', () => {
    const schedule = {
      kind: 'all-units' as const,
      tiers: [
        { fromQuantity: 0, unitPriceCents: 1000 },
        { fromQuantity: 70, unitPriceCents: 660 },
      ],
      fixedCostCents: 0,
    };
    const leastCore = computeLeastCore(highs, purchasingGameTable(schedule, [41, 31, 71]));
    assert.equal(leastCore.isCoreNonEmpty, true);
    // But only just: {2} (71 units, the low price alone) and {0, 1} (72 units) split the group
    // at no loss, c({2}) + c({0, 1}) = 46 860 + 47 520 = c(N), so neither can get less than its
    // stand-alone cost without the other paying more: ε = 0.
    assert.ok(Math.abs(leastCore.epsilon) < 1e-6, String(leastCore.epsilon));
    assert.ok(Math.abs(leastCore.allocation[2]! - 46_860) < 1e-6);
  });

  it('refuses games too large for one constraint per coalition', () => {
    assert.throws(() => computeLeastCore(highs, new Float64Array(2 ** 17)), RangeError);
  });
});
