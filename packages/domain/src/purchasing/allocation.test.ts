import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  ALLOCATION_RULES,
  type AllocationRule,
  allocateCost,
  type CostAllocation,
  summariseSavings,
} from './allocation.ts';
import { type MemberCommitment, validateCommitments } from './commitments.ts';
import { costOfQuantity, type PriceSchedule } from './price-schedule.ts';

/** 10 € a unit, 6.60 € from 70 units (all-units), no fixed cost. */
const bulkDiscount: PriceSchedule = {
  kind: 'all-units',
  tiers: [
    { fromQuantity: 0, unitPriceCents: 1000 },
    { fromQuantity: 70, unitPriceCents: 660 },
  ],
  fixedCostCents: 0,
};

const commitmentsOf = (quantities: readonly number[]): MemberCommitment[] =>
  quantities.map((quantity, index) => ({ memberId: `m${index}`, quantity }));

function allocate(
  schedule: PriceSchedule,
  commitments: readonly MemberCommitment[],
  rule: AllocationRule,
): CostAllocation {
  const outcome = allocateCost({ schedule, commitments, rule });
  if (!outcome.ok) throw new Error(`unexpected issues: ${JSON.stringify(outcome)}`);
  return outcome.allocation;
}

const shares = (allocation: CostAllocation) => allocation.members.map((member) => member.shareCents);

describe('allocateCost by rule', () => {
  const commitments = commitmentsOf([41, 31, 71]);

  it('charges everybody the reached tier price under equal unit price', () => {
    const allocation = allocate(bulkDiscount, commitments, 'equal-unit-price');
    assert.equal(allocation.totalCostCents, 143 * 660);
    assert.equal(allocation.reachedTierIndex, 1);
    assert.equal(allocation.averageUnitPriceCents, 660);
    assert.deepEqual(shares(allocation), [41 * 660, 31 * 660, 71 * 660]);
    assert.deepEqual(
      allocation.members.map((member) => member.standAloneCostCents),
      [41_000, 31_000, 71 * 660],
    );
    assert.equal(allocation.core.status, 'in-core');
    assert.equal(allocation.individualRationality.holds, true);
  });

  it('shares fixed costs equally and the tiered cost by quantity under the proportional rule', () => {
    const schedule = { ...bulkDiscount, fixedCostCents: 3000 };
    const allocation = allocate(schedule, commitments, 'proportional-with-fixed-costs');
    assert.equal(allocation.totalCostCents, 143 * 660 + 3000);
    assert.deepEqual(shares(allocation), [41 * 660 + 1000, 31 * 660 + 1000, 71 * 660 + 1000]);
  });

  it('charges each member its Shapley value and names the pair that would buy for less alone', () => {
    const allocation = allocate(bulkDiscount, commitments, 'shapley');
    assert.equal(allocation.shapleyMethod, 'exact-enumeration');
    assert.deepEqual(shares(allocation), [29_950, 21_650, 42_780]);
    assert.deepEqual(allocation.core, {
      status: 'not-in-core',
      method: 'enumeration',
      coalitionMemberIds: ['m0', 'm1'],
      largestExcessCents: 51_600 - 47_520,
    });
    // Nobody pays more than alone, even so.
    assert.equal(allocation.individualRationality.holds, true);
  });

  it('reports members who pay more than alone', () => {
    // Prices rise with volume: the small members subsidise nobody's discount.
    const surcharge: PriceSchedule = {
      kind: 'all-units',
      tiers: [
        { fromQuantity: 0, unitPriceCents: 100 },
        { fromQuantity: 100, unitPriceCents: 150 },
      ],
      fixedCostCents: 0,
    };
    const allocation = allocate(surcharge, commitmentsOf([60, 60]), 'equal-unit-price');
    assert.deepEqual(allocation.individualRationality, { holds: false, violatingMemberIds: ['m0', 'm1'] });
    assert.equal(allocation.core.status, 'not-in-core');
  });

  it('keeps a member at its stand-alone price when rounding hands out a cent', () => {
    // 20 units reach the 1.0042 € tier alone: that member gains nothing from the group and its
    // exact share is its stand-alone cost, 2008.4 cents (2008 billed). The group's 3514.7 cents
    // are billed 3515: by remainders alone the extra cent would go to it (2009 > 2008).
    const schedule: PriceSchedule = {
      kind: 'all-units',
      tiers: [
        { fromQuantity: 0, unitPriceCents: 107.3 },
        { fromQuantity: 20, unitPriceCents: 100.42 },
      ],
      fixedCostCents: 0,
    };
    const allocation = allocate(schedule, commitmentsOf([15, 20]), 'equal-unit-price');
    assert.equal(allocation.totalCostCents, 3515);
    assert.deepEqual(shares(allocation), [1507, 2008]);
    assert.deepEqual(
      allocation.members.map((member) => member.standAloneCostCents),
      [1610, 2008],
    );
    assert.equal(allocation.individualRationality.holds, true);
  });

  it('reaches a tier that decimal quantities add up to on paper', () => {
    // 0.1 + 0.35 is 0.44999999999999996 in binary floating point.
    const schedule: PriceSchedule = {
      kind: 'all-units',
      tiers: [
        { fromQuantity: 0, unitPriceCents: 2000 },
        { fromQuantity: 0.45, unitPriceCents: 1000 },
      ],
      fixedCostCents: 0,
    };
    // Shapley: member 0 alone 0.1 × 20 € = 2 €, and it brings member 1 (7 € alone) down to
    // 4.50 € together: (2 + (4.50 − 7)) / 2 = −0.25 €.
    const expected = {
      'equal-unit-price': [100, 350],
      'proportional-with-fixed-costs': [100, 350],
      shapley: [-25, 475],
    };
    for (const rule of ALLOCATION_RULES) {
      const allocation = allocate(schedule, commitmentsOf([0.1, 0.35]), rule);
      assert.equal(allocation.reachedTierIndex, 1, rule);
      assert.deepEqual(shares(allocation), expected[rule], rule);
    }
  });

  it('reports savings against current prices and stand-alone costs', () => {
    const allocation = allocate(
      bulkDiscount,
      [
        { memberId: 'a', quantity: 41, currentUnitPriceCents: 900 },
        { memberId: 'b', quantity: 31, ceilingUnitPriceCents: 600 },
        { memberId: 'c', quantity: 71, currentUnitPriceCents: 700, ceilingUnitPriceCents: 700 },
      ],
      'equal-unit-price',
    );
    const [a, b, c] = allocation.members;
    assert.equal(a!.currentCostCents, 41 * 900);
    assert.equal(a!.savingsVsCurrentCents, 41 * (900 - 660));
    assert.equal(b!.savingsVsCurrentCents, null);
    assert.equal(b!.isAboveCeiling, true);
    assert.equal(c!.isAboveCeiling, false);
    assert.equal(a!.savingsVsStandAloneCents, 41 * (1000 - 660));
    assert.deepEqual(allocation.savings, {
      standAloneCostCents: 41_000 + 31_000 + 71 * 660,
      savingsVsStandAloneCents: 41_000 + 31_000 + 71 * 660 - 143 * 660,
      membersWithCurrentPrice: 2,
      currentCostCents: 41 * 900 + 71 * 700,
      groupCostCents: 112 * 660,
      savingsVsCurrentCents: 41 * 900 + 71 * 700 - 112 * 660,
    });
    assert.deepEqual(summariseSavings(allocation.members), allocation.savings);
  });

  it('reports the Monte-Carlo bound with each share beyond 50 members', () => {
    const quantities = Array.from({ length: 60 }, (_, index) => 1 + ((index * 7) % 13));
    const allocation = allocate(bulkDiscount, commitmentsOf(quantities), 'shapley');
    assert.equal(allocation.shapleyMethod, 'monte-carlo');
    assert.equal(allocation.monteCarlo?.confidence, 0.95);
    assert.ok(allocation.members.every((member) => (member.shapleyErrorBoundCents ?? -1) >= 0));
    assert.equal(
      allocation.core.status === 'not-checked' ? null : allocation.core.method,
      'quantity-knapsack',
    );
  });

  it('does not check the core when there are too many sub-groups and quantities too fine', () => {
    const quantities = Array.from({ length: 30 }, (_, index) => 1 + index * Math.PI);
    const allocation = allocate(bulkDiscount, commitmentsOf(quantities), 'equal-unit-price');
    assert.deepEqual(allocation.core, { status: 'not-checked', reason: 'TOO_LARGE' });
  });

  it('returns every issue of invalid input instead of allocating', () => {
    const outcome = allocateCost({
      schedule: { kind: 'all-units', tiers: [], fixedCostCents: 0 },
      commitments: [
        { memberId: 'a', quantity: 0 },
        { memberId: 'a', quantity: 5, currentUnitPriceCents: -1 },
      ],
      rule: 'shapley',
    });
    assert.equal(outcome.ok, false);
    if (outcome.ok) return;
    assert.deepEqual(
      outcome.scheduleIssues.map((issue) => issue.code),
      ['NO_TIERS'],
    );
    assert.deepEqual(
      outcome.commitmentIssues.map(({ code, index }) => ({ code, index })),
      [
        { code: 'QUANTITY_INVALID', index: 0 },
        { code: 'DUPLICATE_MEMBER', index: 1 },
        { code: 'CURRENT_PRICE_INVALID', index: 1 },
      ],
    );
  });
});

describe('validateCommitments', () => {
  it('requires someone, ids, positive finite quantities and non-negative prices', () => {
    assert.deepEqual(
      validateCommitments([]).map((issue) => issue.code),
      ['NO_COMMITMENTS'],
    );
    assert.deepEqual(
      validateCommitments([
        { memberId: '', quantity: Number.POSITIVE_INFINITY },
        { memberId: 'b', quantity: 1, ceilingUnitPriceCents: Number.NaN },
        { memberId: 'c', quantity: 2, currentUnitPriceCents: null, ceilingUnitPriceCents: 0 },
      ]).map((issue) => issue.code),
      ['MEMBER_ID_MISSING', 'QUANTITY_INVALID', 'CEILING_PRICE_INVALID'],
    );
  });
});

/** Tier starts from 0 by positive gaps; prices in cents with two decimals. */
function arbitrarySchedule(pricesDoNotRise: boolean) {
  return fc
    .record({
      kind: fc.constantFrom<PriceSchedule['kind']>('all-units', 'incremental'),
      gaps: fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 0, maxLength: 3 }),
      prices: fc.array(fc.integer({ min: 0, max: 300_000 }), { minLength: 4, maxLength: 4 }),
      fixedCostCents: fc.integer({ min: 0, max: 50_000 }),
    })
    .map(({ kind, gaps, prices, fixedCostCents }): PriceSchedule => {
      const ordered = pricesDoNotRise ? [...prices].sort((a, b) => b - a) : prices;
      let start = 0;
      const tiers = [0, ...gaps].map((gap, index) => {
        start += gap;
        return { fromQuantity: start, unitPriceCents: ordered[index]! / 100 };
      });
      return { kind, tiers, fixedCostCents };
    });
}

/** Whole or quarter units, as campaigns commit them. */
const arbitraryQuantity = fc.oneof(
  fc.integer({ min: 1, max: 300 }),
  fc.integer({ min: 1, max: 1200 }).map((quarters) => quarters / 4),
);

describe('allocation properties', () => {
  it('adds up exactly to the group cost, in integer cents, under every rule', () => {
    fc.assert(
      fc.property(
        arbitrarySchedule(false),
        fc.array(arbitraryQuantity, { minLength: 1, maxLength: 9 }),
        fc.constantFrom(...ALLOCATION_RULES),
        (schedule, quantities, rule) => {
          const allocation = allocate(schedule, commitmentsOf(quantities), rule);
          const total = quantities.reduce((sum, quantity) => sum + quantity, 0);
          return (
            allocation.totalCostCents === Math.round(costOfQuantity(schedule, total)) &&
            shares(allocation).every(Number.isSafeInteger) &&
            shares(allocation).reduce((sum, share) => sum + share, 0) === allocation.totalCostCents
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('adds up exactly with Monte-Carlo shares too', () => {
    fc.assert(
      fc.property(
        arbitrarySchedule(false),
        fc.array(arbitraryQuantity, { minLength: 1, maxLength: 60 }),
        (schedule, quantities) => {
          const outcome = allocateCost({
            schedule,
            commitments: commitmentsOf(quantities),
            rule: 'shapley',
            shapley: { method: 'monte-carlo', samples: 50 },
          });
          return (
            outcome.ok &&
            shares(outcome.allocation).reduce((sum, share) => sum + share, 0) ===
              outcome.allocation.totalCostCents
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('gives identical members identical shares, give or take the one cent of rounding', () => {
    fc.assert(
      fc.property(
        arbitrarySchedule(false),
        fc.array(arbitraryQuantity, { minLength: 1, maxLength: 5 }),
        arbitraryQuantity,
        fc.integer({ min: 2, max: 4 }),
        fc.constantFrom(...ALLOCATION_RULES),
        (schedule, others, repeated, copies, rule) => {
          const quantities = [...others, ...new Array<number>(copies).fill(repeated)];
          const allocation = allocate(schedule, commitmentsOf(quantities), rule);
          return allocation.members.every((a) =>
            allocation.members.every(
              (b) => a.quantity !== b.quantity || Math.abs(a.shareCents - b.shareCents) <= 1,
            ),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('puts equal unit price in the core, and everybody at or below its price alone, when prices do not rise with quantity', () => {
    fc.assert(
      fc.property(
        arbitrarySchedule(true),
        fc.array(arbitraryQuantity, { minLength: 1, maxLength: 10 }),
        (schedule, quantities) => {
          const allocation = allocate(schedule, commitmentsOf(quantities), 'equal-unit-price');
          return allocation.core.status === 'in-core' && allocation.individualRationality.holds;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('puts the proportional rule with shared fixed costs in the core under the same condition', () => {
    fc.assert(
      fc.property(
        arbitrarySchedule(true),
        fc.array(arbitraryQuantity, { minLength: 1, maxLength: 10 }),
        (schedule, quantities) => {
          const allocation = allocate(schedule, commitmentsOf(quantities), 'proportional-with-fixed-costs');
          return allocation.core.status === 'in-core' && allocation.individualRationality.holds;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('checks the core beyond 20 members over total quantities, and finds equal unit price in it', () => {
    fc.assert(
      fc.property(
        arbitrarySchedule(true),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 21, maxLength: 80 }),
        (schedule, quantities) => {
          const allocation = allocate(schedule, commitmentsOf(quantities), 'equal-unit-price');
          return allocation.core.status === 'in-core' && allocation.core.method === 'quantity-knapsack';
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('allocateCost: rounding when buying together saves nothing', () => {
  it('lets a member pay the rounding cent of the total without calling it a surcharge', () => {
    const outcome = allocateCost({
      schedule: {
        kind: 'all-units',
        tiers: [{ fromQuantity: 0, unitPriceCents: 2959.22 }],
        fixedCostCents: 0,
      },
      commitments: [
        { memberId: 'a', quantity: 42 },
        { memberId: 'b', quantity: 3.25 },
      ],
      rule: 'proportional-with-fixed-costs',
    });
    assert.ok(outcome.ok);
    const { members, totalCostCents } = outcome.allocation;
    assert.equal(members[0]!.shareCents + members[1]!.shareCents, totalCostCents);
    assert.ok(members.every((m) => m.isIndividuallyRational));
    assert.ok(members.every((m) => m.shareCents - m.standAloneCostCents <= 1));
  });
});
