import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  averageUnitPriceCents,
  costOfQuantity,
  hasNonIncreasingTierPrices,
  type PriceSchedule,
  reachedTierIndex,
  tierThreshold,
  validatePriceSchedule,
  variableCost,
  variableCostJustBelow,
} from './price-schedule.ts';

/** 10 € a unit, 8 € from 100 units, 7 € from 500; 50 € delivery. */
const tiers = [
  { fromQuantity: 0, unitPriceCents: 1000 },
  { fromQuantity: 100, unitPriceCents: 800 },
  { fromQuantity: 500, unitPriceCents: 700 },
];
const allUnits: PriceSchedule = { kind: 'all-units', tiers, fixedCostCents: 5000 };
const incremental: PriceSchedule = { kind: 'incremental', tiers, fixedCostCents: 5000 };

describe('costOfQuantity', () => {
  it('bills the whole volume at the reached tier for all-units pricing', () => {
    assert.equal(costOfQuantity(allUnits, 99), 5000 + 99 * 1000);
    assert.equal(costOfQuantity(allUnits, 100), 5000 + 100 * 800);
    assert.equal(costOfQuantity(allUnits, 620), 5000 + 620 * 700);
  });

  it('bills each slice at its own price for incremental pricing', () => {
    assert.equal(costOfQuantity(incremental, 99), 5000 + 99 * 1000);
    assert.equal(costOfQuantity(incremental, 100), 5000 + 100 * 1000);
    assert.equal(costOfQuantity(incremental, 620), 5000 + 100 * 1000 + 400 * 800 + 120 * 700);
  });

  it('prices fractional quantities', () => {
    assert.equal(costOfQuantity(allUnits, 100.5), 5000 + 100.5 * 800);
    assert.equal(costOfQuantity(incremental, 100.5), 5000 + 100 * 1000 + 0.5 * 800);
  });

  it('charges nothing, not even fixed costs, for nothing bought', () => {
    assert.equal(costOfQuantity(allUnits, 0), 0);
    assert.equal(costOfQuantity(incremental, 0), 0);
  });

  it('refuses negative or infinite quantities', () => {
    assert.throws(() => costOfQuantity(allUnits, -1), RangeError);
    assert.throws(() => costOfQuantity(allUnits, Number.POSITIVE_INFINITY), RangeError);
    assert.throws(() => costOfQuantity(allUnits, Number.NaN), RangeError);
  });

  it('reports the reached tier and the average unit price with fixed costs', () => {
    assert.equal(reachedTierIndex(allUnits, 99.99), 0);
    assert.equal(reachedTierIndex(allUnits, 100), 1);
    assert.equal(reachedTierIndex(allUnits, 10_000), 2);
    assert.equal(averageUnitPriceCents(allUnits, 100), (5000 + 80_000) / 100);
  });

  it('gives the cost just below a tier start (the jump of all-units pricing)', () => {
    const threshold = tierThreshold(100);
    assert.ok(threshold < 100 && threshold > 100 - 1e-9);
    assert.equal(variableCostJustBelow(allUnits, threshold), threshold * 1000);
    assert.equal(variableCost(allUnits, threshold), threshold * 800);
    assert.equal(variableCostJustBelow(incremental, 100), variableCost(incremental, 100));
  });

  it('reaches a tier from a sum of decimal quantities that equals its start on paper', () => {
    const schedule: PriceSchedule = {
      ...allUnits,
      tiers: [tiers[0]!, { fromQuantity: 0.45, unitPriceCents: 800 }],
    };
    assert.ok(0.1 + 0.35 < 0.45);
    assert.equal(reachedTierIndex(schedule, 0.1 + 0.35), 1);
    assert.equal(reachedTierIndex(schedule, 0.449), 0);
  });

  it('never lets an incremental cost fall when the quantity grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (q, more) => {
          return costOfQuantity(incremental, q + more) >= costOfQuantity(incremental, q);
        },
      ),
    );
  });
});

describe('validatePriceSchedule', () => {
  it('accepts a well-formed schedule', () => {
    assert.deepEqual(validatePriceSchedule(allUnits), []);
    assert.deepEqual(validatePriceSchedule(incremental), []);
  });

  it('names each problem with its tier', () => {
    const issues = validatePriceSchedule({
      kind: 'all-units',
      tiers: [
        { fromQuantity: 10, unitPriceCents: 1000 },
        { fromQuantity: 100, unitPriceCents: -1 },
        { fromQuantity: 100, unitPriceCents: 700 },
        { fromQuantity: Number.NaN, unitPriceCents: Number.POSITIVE_INFINITY },
      ],
      fixedCostCents: 12.5,
    });
    assert.deepEqual(
      issues.map(({ code, tierIndex }) => ({ code, tierIndex })),
      [
        { code: 'FIXED_COST_INVALID', tierIndex: undefined },
        { code: 'FIRST_TIER_NOT_AT_ZERO', tierIndex: 0 },
        { code: 'UNIT_PRICE_INVALID', tierIndex: 1 },
        { code: 'TIERS_NOT_ASCENDING', tierIndex: 2 },
        { code: 'TIER_START_INVALID', tierIndex: 3 },
        { code: 'UNIT_PRICE_INVALID', tierIndex: 3 },
      ],
    );
  });

  it('requires a tier and a known kind', () => {
    assert.deepEqual(
      validatePriceSchedule({ kind: 'volume' as PriceSchedule['kind'], tiers: [], fixedCostCents: -1 }).map(
        (issue) => issue.code,
      ),
      ['PRICING_KIND_UNKNOWN', 'FIXED_COST_INVALID', 'NO_TIERS'],
    );
  });
});

describe('hasNonIncreasingTierPrices', () => {
  it('tells whether a tier is ever dearer than the one before', () => {
    assert.equal(hasNonIncreasingTierPrices(allUnits), true);
    assert.equal(
      hasNonIncreasingTierPrices({
        ...allUnits,
        tiers: [...tiers, { fromQuantity: 900, unitPriceCents: 750 }],
      }),
      false,
    );
  });
});
