import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MemberCommitment } from './commitments.ts';
import { compareOffers, type SupplierOffer } from './offers.ts';

const tiers = [
  { fromQuantity: 0, unitPriceCents: 1000 },
  { fromQuantity: 100, unitPriceCents: 800 },
];
const offers: SupplierOffer[] = [
  { offerId: 'incremental', schedule: { kind: 'incremental', tiers, fixedCostCents: 0 } },
  { offerId: 'all-units', schedule: { kind: 'all-units', tiers, fixedCostCents: 2000 } },
  {
    offerId: 'flat',
    schedule: { kind: 'all-units', tiers: [{ fromQuantity: 0, unitPriceCents: 850 }], fixedCostCents: 0 },
  },
];
const commitments: MemberCommitment[] = [
  { memberId: 'a', quantity: 80, currentUnitPriceCents: 1100, ceilingUnitPriceCents: 900 },
  { memberId: 'b', quantity: 40, ceilingUnitPriceCents: 820 },
];

describe('compareOffers', () => {
  it('prices every offer at the committed volume, cheapest first', () => {
    const outcome = compareOffers(offers, commitments);
    assert.ok(outcome.ok);
    // 120 units: all-units 120 × 8 € + 20 € = 980 €; flat 120 × 8.50 € = 1020 €;
    // incremental 100 × 10 € + 20 × 8 € = 1160 €.
    assert.deepEqual(
      outcome.comparisons.map(({ offerId, totalCostCents, reachedTierIndex }) => ({
        offerId,
        totalCostCents,
        reachedTierIndex,
      })),
      [
        { offerId: 'all-units', totalCostCents: 98_000, reachedTierIndex: 1 },
        { offerId: 'flat', totalCostCents: 102_000, reachedTierIndex: 0 },
        { offerId: 'incremental', totalCostCents: 116_000, reachedTierIndex: 1 },
      ],
    );
  });

  it('reports unit price, savings and ceilings for each offer', () => {
    const outcome = compareOffers(offers, commitments);
    assert.ok(outcome.ok);
    const best = outcome.comparisons[0]!;
    assert.equal(best.averageUnitPriceCents, 98_000 / 120);
    // Alone: a pays 80 × 10 € + 20 €, b 40 × 10 € + 20 €.
    assert.equal(best.standAloneCostCents, 82_000 + 42_000);
    assert.equal(best.savingsVsStandAloneCents, 124_000 - 98_000);
    // Only a stated a current price: 80 × 11 € against 80 units at 8.1667 €.
    assert.equal(best.currentCostCents, 88_000);
    assert.equal(best.savingsVsCurrentCents, 88_000 - Math.round((80 * 98_000) / 120));
    assert.equal(best.savingsVsCurrentRatio, best.savingsVsCurrentCents / 88_000);
    assert.deepEqual(best.membersAboveCeiling, []);
    assert.deepEqual(outcome.comparisons[1]!.membersAboveCeiling, ['b']);
    assert.deepEqual(outcome.comparisons[2]!.membersAboveCeiling, ['a', 'b']);
  });

  it('has no savings ratio when nobody stated a current price', () => {
    const outcome = compareOffers(offers, [{ memberId: 'a', quantity: 10 }]);
    assert.ok(outcome.ok);
    assert.equal(outcome.comparisons[0]!.savingsVsCurrentRatio, null);
  });

  it('names the offer of each schedule issue', () => {
    const outcome = compareOffers(
      [
        ...offers,
        {
          offerId: 'broken',
          schedule: { kind: 'all-units', tiers: [{ fromQuantity: 5, unitPriceCents: 1 }], fixedCostCents: 0 },
        },
      ],
      commitments,
    );
    assert.equal(outcome.ok, false);
    if (outcome.ok) return;
    assert.deepEqual(
      outcome.scheduleIssues.map(({ offerId, code }) => ({ offerId, code })),
      [{ offerId: 'broken', code: 'FIRST_TIER_NOT_AT_ZERO' }],
    );
  });
});
