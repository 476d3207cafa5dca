import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PriceSchedule } from '@meute/domain';
import {
  aloneVsGroupRows,
  axisTicks,
  monthLabel,
  monthlySeries,
  niceCeil,
  priceCurveMaxPrice,
  priceCurveMaxQuantity,
  priceCurvePoints,
  reachedPoint,
  tierRows,
} from './chart-data.ts';

const allUnits: PriceSchedule = {
  kind: 'all-units',
  tiers: [
    { fromQuantity: 0, unitPriceCents: 500 },
    { fromQuantity: 100, unitPriceCents: 450 },
    { fromQuantity: 500, unitPriceCents: 400 },
  ],
  fixedCostCents: 0,
};
const incremental: PriceSchedule = { ...allUnits, kind: 'incremental', fixedCostCents: 10_000 };

describe('niceCeil', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    assert.equal(niceCeil(1), 1);
    assert.equal(niceCeil(300), 500);
    assert.equal(niceCeil(200), 200);
    assert.equal(niceCeil(201), 250);
    assert.equal(niceCeil(0.07), 0.1);
    assert.equal(niceCeil(7_001), 10_000);
    assert.equal(niceCeil(0), 1);
    assert.equal(niceCeil(Number.NaN), 1);
  });
});

describe('axisTicks', () => {
  it('splits the axis in even parts', () => {
    assert.deepEqual(axisTicks(10), [0, 2.5, 5, 7.5, 10]);
    assert.deepEqual(axisTicks(1_000, 2), [0, 500, 1_000]);
  });
});

describe('price curve', () => {
  it('spans half again the reached volume or a quarter past the last tier, whichever is more', () => {
    assert.equal(priceCurveMaxQuantity(allUnits, 1_000), 2_000); // 1 500 → 2 000
    assert.equal(priceCurveMaxQuantity(allUnits, 120), 1_000); // 500 × 1.25 = 625 → 1 000
    assert.equal(priceCurveMaxQuantity(allUnits, null), 1_000);
    assert.equal(
      priceCurveMaxQuantity({ ...allUnits, tiers: [{ fromQuantity: 0, unitPriceCents: 1 }] }, 0),
      10,
    );
  });

  it('draws all-units thresholds as a drop: just below the old price, at the start the new one', () => {
    const points = priceCurvePoints(allUnits, 1_000);
    assert.deepEqual(points[0], { quantity: 0, averageUnitPriceCents: 500 });
    const at = points.findIndex((p) => p.quantity === 100);
    assert.ok(at > 0);
    assert.equal(points[at]!.averageUnitPriceCents, 450);
    assert.ok(points[at - 1]!.quantity < 100 && points[at - 1]!.quantity > 99.99);
    assert.ok(Math.abs(points[at - 1]!.averageUnitPriceCents - 500) < 1e-9);
    assert.equal(points.at(-1)!.quantity, 1_000);
    assert.equal(points.at(-1)!.averageUnitPriceCents, 400);
    for (let i = 1; i < points.length; i++) assert.ok(points[i]!.quantity > points[i - 1]!.quantity);
  });

  it('spreads fixed costs and keeps incremental pricing continuous, starting after 0', () => {
    const points = priceCurvePoints(incremental, 1_000);
    assert.ok(points[0]!.quantity > 0);
    const at100 = points.find((p) => p.quantity === 100)!;
    assert.equal(at100.averageUnitPriceCents, 500 + 10_000 / 100);
    assert.equal(points.filter((p) => p.quantity > 99 && p.quantity < 100).length, 0);
    // 100 × 500 + 400 × 450 + 500 × 400 + 10 000 over 1 000.
    assert.equal(points.at(-1)!.averageUnitPriceCents, (50_000 + 180_000 + 200_000 + 10_000) / 1_000);
  });

  it('clips the fixed-cost spike near 0 out of the price axis', () => {
    const points = priceCurvePoints(incremental, 1_000);
    // From 50 on, the dearest average is at 50: 500 + 10 000 / 50 = 700; × 1.1 = 770 → 1 000.
    assert.equal(priceCurveMaxPrice(points, 1_000), 1_000);
    assert.equal(priceCurveMaxPrice(priceCurvePoints(allUnits, 1_000), 1_000), 1_000);
  });

  it('lists the tiers with their end and the average at their start', () => {
    assert.deepEqual(tierRows(incremental), [
      { fromQuantity: 0, toQuantity: 100, unitPriceCents: 500, averageAtStartCents: null },
      { fromQuantity: 100, toQuantity: 500, unitPriceCents: 450, averageAtStartCents: 600 },
      {
        fromQuantity: 500,
        toQuantity: null,
        unitPriceCents: 400,
        averageAtStartCents: (230_000 + 10_000) / 500,
      },
    ]);
  });

  it('places the reached volume on its tier, or nowhere when nothing is committed', () => {
    assert.deepEqual(reachedPoint(allUnits, 500), {
      quantity: 500,
      averageUnitPriceCents: 400,
      tierIndex: 2,
    });
    assert.deepEqual(reachedPoint(allUnits, 99), { quantity: 99, averageUnitPriceCents: 500, tierIndex: 0 });
    assert.equal(reachedPoint(allUnits, 0), null);
    assert.equal(reachedPoint(allUnits, null), null);
  });
});

describe('aloneVsGroupRows', () => {
  it('gives unit prices alone and in the group, with the saving ratio, and skips empty shares', () => {
    const rows = aloneVsGroupRows([
      {
        organisationId: 'a',
        organisationName: 'A',
        quantity: 100,
        shareCents: 41_000,
        standAloneCostCents: 50_000,
      },
      { organisationId: 'b', organisationName: 'B', quantity: 0, shareCents: 0, standAloneCostCents: 0 },
      { organisationId: 'c', organisationName: 'C', quantity: 10, shareCents: 0, standAloneCostCents: 0 },
    ]);
    assert.deepEqual(rows, [
      {
        organisationId: 'a',
        name: 'A',
        quantity: 100,
        aloneUnitCents: 500,
        groupUnitCents: 410,
        savingRatio: 0.18,
      },
      { organisationId: 'c', name: 'C', quantity: 10, aloneUnitCents: 0, groupUnitCents: 0, savingRatio: 0 },
    ]);
  });
});

describe('monthlySeries', () => {
  it('orders months, fills gaps with 0, adds duplicates and runs the total', () => {
    assert.deepEqual(
      monthlySeries([
        { month: '2026-02', savingsCents: 300 },
        { month: '2025-12', savingsCents: 100 },
        { month: '2026-02', savingsCents: 50 },
      ]),
      [
        { month: '2025-12', savingsCents: 100, cumulativeCents: 100 },
        { month: '2026-01', savingsCents: 0, cumulativeCents: 100 },
        { month: '2026-02', savingsCents: 350, cumulativeCents: 450 },
      ],
    );
    assert.deepEqual(monthlySeries([]), []);
    assert.throws(() => monthlySeries([{ month: '2026-13', savingsCents: 1 }]), RangeError);
  });

  it('labels months in the reader’s language', () => {
    assert.equal(monthLabel('2026-01', 'fr'), 'janv. 2026');
    assert.equal(monthLabel('2026-01', 'en'), 'Jan 2026');
    assert.equal(monthLabel('2025-12', 'fr'), 'déc. 2025');
  });
});
