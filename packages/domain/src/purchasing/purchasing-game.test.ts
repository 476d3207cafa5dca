import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findLargestExcess, playersOf } from './cooperative-game.ts';
import { costOfQuantity, type PriceSchedule, variableCost } from './price-schedule.ts';
import {
  chooseShapleyMethod,
  findLargestExcessByQuantity,
  marginalVariableCostRange,
  meanErrorBound,
  purchasingGameTable,
  shapleyByMonteCarlo,
  shapleyByQuantityCounting,
  shapleyOfPurchasingGame,
  toQuantityUnits,
} from './purchasing-game.ts';

/** 10 € a unit, 6.60 € from 70 units (all-units), no fixed cost. */
const bulkDiscount: PriceSchedule = {
  kind: 'all-units',
  tiers: [
    { fromQuantity: 0, unitPriceCents: 1000 },
    { fromQuantity: 70, unitPriceCents: 660 },
  ],
  fixedCostCents: 0,
};

const threeTiers = (kind: PriceSchedule['kind'], fixedCostCents: number): PriceSchedule => ({
  kind,
  tiers: [
    { fromQuantity: 0, unitPriceCents: 1000 },
    { fromQuantity: 100, unitPriceCents: 800 },
    { fromQuantity: 500, unitPriceCents: 700 },
  ],
  fixedCostCents,
});

const arbitrarySchedule = fc.record({
  kind: fc.constantFrom<PriceSchedule['kind']>('all-units', 'incremental'),
  tiers: fc
    .array(
      fc.record({ gap: fc.integer({ min: 1, max: 300 }), price: fc.integer({ min: 0, max: 500_000 }) }),
      {
        minLength: 1,
        maxLength: 4,
      },
    )
    .map((raw) => {
      let start = 0;
      return raw.map(({ gap, price }, index) => {
        if (index > 0) start += gap;
        return { fromQuantity: start, unitPriceCents: price / 100 };
      });
    }),
  fixedCostCents: fc.integer({ min: 0, max: 100_000 }),
});

const closeTo = (a: readonly number[], b: readonly number[], tolerance: number) =>
  a.length === b.length && a.every((value, index) => Math.abs(value - b[index]!) <= tolerance);

describe('the purchasing game', () => {
  it('prices every coalition at its total quantity', () => {
    const table = purchasingGameTable(bulkDiscount, [41, 31, 71]);
    // {0}: 41 × 10 €; {0,1}: 72 units reach 6.60 €; everybody: 143 × 6.60 €.
    assert.equal(table[0b001], 41_000);
    assert.equal(table[0b011], 72 * 660);
    assert.equal(table[0b111], 143 * 660);
  });

  it('has the Shapley value worked out by hand, whatever the exact method', () => {
    // Marginal costs of member 0 over the 6 orders: 41000 twice, 47520 − 31000,
    // 73920 − 46860, 94380 − 67320 twice → 179700 / 6 = 29950.
    const expected = [29_950, 21_650, 42_780];
    for (const method of ['exact-enumeration', 'exact-quantity-counting'] as const) {
      const shapley = shapleyOfPurchasingGame(bulkDiscount, [41, 31, 71], { method });
      assert.equal(shapley.method, method);
      assert.ok(closeTo(shapley.sharesCents, expected, 1e-9), `${method}: ${shapley.sharesCents}`);
    }
  });

  it('can pay a member to join when it lifts the group to a cheaper tier', () => {
    // 90 units alone cost 900 €; with the two 5-unit members the group reaches 5 € a unit.
    const schedule: PriceSchedule = {
      kind: 'all-units',
      tiers: [
        { fromQuantity: 0, unitPriceCents: 1000 },
        { fromQuantity: 100, unitPriceCents: 500 },
      ],
      fixedCostCents: 0,
    };
    const { sharesCents } = shapleyOfPurchasingGame(schedule, [90, 5, 5]);
    assert.ok(closeTo(sharesCents, [220_000 / 3, -35_000 / 3, -35_000 / 3], 1e-9), String(sharesCents));
  });

  it('agrees between enumeration and counting on any schedule', () => {
    fc.assert(
      fc.property(
        arbitrarySchedule,
        fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 10 }),
        (schedule, quantities) => {
          const enumerated = shapleyOfPurchasingGame(schedule, quantities, { method: 'exact-enumeration' });
          const counted = shapleyOfPurchasingGame(schedule, quantities, {
            method: 'exact-quantity-counting',
          });
          const scale = Math.max(1, ...enumerated.sharesCents.map(Math.abs));
          return closeTo(enumerated.sharesCents, counted.sharesCents, 1e-9 * scale);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('counts coalitions of fractional quantities once scaled to whole units', () => {
    const quantities = [12.5, 7.25, 30, 0.75];
    assert.deepEqual(toQuantityUnits(quantities), {
      units: Int32Array.from([50, 29, 120, 3]),
      unitQuantity: 0.25,
      totalUnits: 202,
    });
    const schedule = threeTiers('incremental', 3000);
    const counted = shapleyByQuantityCounting(schedule, quantities);
    const enumerated = shapleyOfPurchasingGame(schedule, quantities, { method: 'exact-enumeration' });
    assert.ok(counted !== null && closeTo(counted, enumerated.sharesCents, 1e-9));
  });

  it('does not count coalitions when quantities are too fine or too many', () => {
    assert.equal(toQuantityUnits([Math.PI, 1]), null);
    assert.equal(shapleyByQuantityCounting(bulkDiscount, [Math.PI, 1]), null);
    assert.equal(shapleyByQuantityCounting(bulkDiscount, new Array(51).fill(1)), null);
    assert.throws(
      () => shapleyOfPurchasingGame(bulkDiscount, [Math.PI, 1], { method: 'exact-quantity-counting' }),
      RangeError,
    );
  });

  it('picks an exact method up to 50 members with whole quantities, Monte-Carlo beyond', () => {
    assert.equal(chooseShapleyMethod([Math.PI, 1, 2]), 'exact-enumeration');
    assert.equal(chooseShapleyMethod(new Array(50).fill(0).map((_, i) => i + 1)), 'exact-quantity-counting');
    assert.equal(chooseShapleyMethod(new Array(30).fill(0).map((_, i) => i + Math.PI)), 'monte-carlo');
    assert.equal(chooseShapleyMethod(new Array(51).fill(1)), 'monte-carlo');
  });
});

describe('Monte-Carlo Shapley', () => {
  const quantities = [41, 31, 71, 12, 55, 8, 97, 23, 64, 5, 38, 80];
  const schedule = threeTiers('all-units', 20_000);
  const exact = shapleyOfPurchasingGame(schedule, quantities, { method: 'exact-enumeration' }).sharesCents;

  it('stays within its stated bound of the exact value, and much closer in practice', () => {
    const estimate = shapleyByMonteCarlo(schedule, quantities, { samples: 20_000, seed: 7 });
    const bound = estimate.monteCarlo!;
    assert.equal(bound.confidence, 0.95);
    assert.equal(bound.samples, 20_000);
    estimate.sharesCents.forEach((share, member) => {
      const error = Math.abs(share - exact[member]!);
      // The bound holds for all members at once, so each error is well inside its own bound.
      assert.ok(
        error <= bound.errorBoundCents[member]! * 0.75,
        `member ${member}: ${error} vs ${bound.errorBoundCents[member]}`,
      );
    });
    const sum = estimate.sharesCents.reduce((total, share) => total + share, 0);
    assert.ok(Math.abs(sum - costOfQuantity(schedule, 525)) < 1e-6, 'adds up to the group cost');
  });

  it('is reproducible from its seed', () => {
    const first = shapleyByMonteCarlo(schedule, quantities, { samples: 500, seed: 42 });
    const again = shapleyByMonteCarlo(schedule, quantities, { samples: 500, seed: 42 });
    const other = shapleyByMonteCarlo(schedule, quantities, { samples: 500, seed: 43 });
    assert.deepEqual(first, again);
    assert.notDeepEqual(first.sharesCents, other.sharesCents);
  });

  it('shrinks its bound with more samples and is exact with zero bound for a flat price', () => {
    const few = shapleyByMonteCarlo(schedule, quantities, { samples: 1000 }).monteCarlo!.errorBoundCents[0]!;
    const many = shapleyByMonteCarlo(schedule, quantities, { samples: 4000 }).monteCarlo!.errorBoundCents[0]!;
    assert.ok(few / many > 1.8, `${few} vs ${many}`);
    const flat: PriceSchedule = {
      kind: 'incremental',
      tiers: [{ fromQuantity: 0, unitPriceCents: 250 }],
      fixedCostCents: 900,
    };
    const estimate = shapleyByMonteCarlo(flat, [10, 20, 30], { samples: 10 });
    assert.deepEqual(estimate.monteCarlo!.errorBoundCents, [0, 0, 0]);
    assert.ok(closeTo(estimate.sharesCents, [2800, 5300, 7800], 1e-9));
  });

  it("bounds a mean by Hoeffding's inequality, or by empirical Bernstein when the variance is small", () => {
    // Largest possible variance: Hoeffding at risk 0.025.
    assert.equal(meanErrorBound(100, 2500, 1000, 0.05), 100 * Math.sqrt(Math.log(80) / 2000));
    // Small variance: Maurer & Pontil at risk 0.025.
    assert.equal(
      meanErrorBound(100, 1, 10_000, 0.05),
      Math.sqrt((2 * Math.log(160)) / 10_000) + (7 * 100 * Math.log(160)) / (3 * 9999),
    );
    assert.equal(meanErrorBound(0, 0, 10, 0.05), 0);
  });

  it('bounds marginal costs by their true range', () => {
    fc.assert(
      fc.property(
        arbitrarySchedule,
        fc.integer({ min: 1, max: 200 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 20 }),
        (scheduleUnderTest, quantity, othersHoldings) => {
          const range = marginalVariableCostRange(scheduleUnderTest, quantity, Math.max(...othersHoldings));
          return othersHoldings.every((held) => {
            const marginal =
              variableCost(scheduleUnderTest, held + quantity) - variableCost(scheduleUnderTest, held);
            return marginal >= range.min - 1e-6 && marginal <= range.max + 1e-6;
          });
        },
      ),
    );
  });

  it('finds the extreme marginal costs at the tier starts', () => {
    // 30 units join others holding t ≤ 100 (all-units, 10 € then 8 € from 100). Below t = 70
    // they add 30 × 10 €; from t = 70 the group pays 8 € on everything and the marginal falls
    // towards (t + 30) × 8 € − t × 10 € → 40 € as t → 100 (a limit, not reached).
    const range = marginalVariableCostRange(threeTiers('all-units', 0), 30, 100);
    assert.ok(
      Math.abs(range.min - 4_000) < 1e-6 && Math.abs(range.max - 30_000) < 1e-6,
      JSON.stringify(range),
    );
  });
});

describe('core check over total quantities', () => {
  it('finds the same largest excess as enumerating every coalition', () => {
    fc.assert(
      fc.property(
        arbitrarySchedule,
        fc.array(
          fc.record({
            quantity: fc.integer({ min: 1, max: 60 }),
            share: fc.integer({ min: 0, max: 90_000 }),
          }),
          {
            minLength: 2,
            maxLength: 9,
          },
        ),
        (schedule, members) => {
          const quantities = members.map((member) => member.quantity);
          const shares = members.map((member) => member.share);
          const enumerated = findLargestExcess(purchasingGameTable(schedule, quantities), shares);
          const byQuantity = findLargestExcessByQuantity(schedule, quantities, shares);
          if (byQuantity === null) return false;
          const paid = byQuantity.members.reduce((sum, member) => sum + shares[member]!, 0);
          const cost = purchasingGameTable(schedule, quantities)[
            byQuantity.members.reduce((mask, member) => mask | (1 << member), 0)
          ]!;
          return (
            Math.abs(enumerated.excess - byQuantity.excess) < 1e-6 &&
            Math.abs(paid - cost - byQuantity.excess) < 1e-6 &&
            byQuantity.members.length > 0 &&
            byQuantity.members.length < quantities.length
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('names the pair that would buy for less alone', () => {
    // Shapley shares of the hand-worked game: members 0 and 1 pay 51 600 together, 47 520 alone.
    const objecting = findLargestExcessByQuantity(bulkDiscount, [41, 31, 71], [29_950, 21_650, 42_780]);
    assert.deepEqual(objecting, { members: [0, 1], excess: 51_600 - 47_520 });
    assert.deepEqual(
      playersOf(
        findLargestExcess(purchasingGameTable(bulkDiscount, [41, 31, 71]), [29_950, 21_650, 42_780]).mask,
      ),
      [0, 1],
    );
  });
});
