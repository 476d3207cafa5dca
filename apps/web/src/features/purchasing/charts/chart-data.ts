/**
 * Pure data preparation for the group-purchasing charts: points, ranges and rows, with no React
 * and no chart library, so that it is unit-tested in milliseconds. Prices come from the domain's
 * schedule functions, never re-implemented here.
 */
import { averageUnitPriceCents, type PriceSchedule, reachedTierIndex } from '@meute/domain';

/** The smallest "round" number (1, 2, 2.5 or 5 × 10^k) at or above `value` (> 0); 1 otherwise. */
export function niceCeil(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    // A relative tolerance keeps 300 at 300 despite 3 × 100 landing on 300.00000000000006.
    if (step * power >= value * (1 - 1e-12)) return step * power;
  }
  return 10 * power;
}

/** `parts` + 1 evenly spaced ticks from 0 to `max` (a round number from niceCeil). */
export function axisTicks(max: number, parts = 4): number[] {
  return Array.from({ length: parts + 1 }, (_, index) => (max * index) / parts);
}

/** The right end of the quantity axis: half again the reached volume, a quarter past the last tier. */
export function priceCurveMaxQuantity(schedule: PriceSchedule, reachedQuantity: number | null): number {
  const lastStart = schedule.tiers.at(-1)?.fromQuantity ?? 0;
  const wanted = Math.max((reachedQuantity ?? 0) * 1.5, lastStart * 1.25);
  return niceCeil(wanted > 0 ? wanted : 10);
}

export interface PricePoint {
  quantity: number;
  /** Average price of one unit in cents (fixed costs spread), possibly fractional. */
  averageUnitPriceCents: number;
}

/**
 * The average unit price along the quantity axis, from 0 (or the first sample when fixed costs
 * make the average infinite at 0) to `maxQuantity`. Tier starts are sampled exactly, and for
 * `all-units` pricing also just below, so that the drop at each threshold is drawn as a step.
 */
export function priceCurvePoints(schedule: PriceSchedule, maxQuantity: number, samples = 120): PricePoint[] {
  const epsilon = maxQuantity * 1e-6;
  const points: PricePoint[] = [];
  const firstPrice = schedule.tiers[0]?.unitPriceCents ?? 0;
  if (schedule.fixedCostCents === 0) points.push({ quantity: 0, averageUnitPriceCents: firstPrice });
  for (let index = 1; index <= samples; index++) {
    // Multiply before dividing: the last sample is then exactly maxQuantity.
    const quantity = (maxQuantity * index) / samples;
    points.push({ quantity, averageUnitPriceCents: averageUnitPriceCents(schedule, quantity) });
  }
  for (const tier of schedule.tiers) {
    const start = tier.fromQuantity;
    if (!(start > 0) || start > maxQuantity) continue;
    points.push({ quantity: start, averageUnitPriceCents: averageUnitPriceCents(schedule, start) });
    if (schedule.kind === 'all-units' && start - epsilon > 0) {
      const below = start - epsilon;
      points.push({ quantity: below, averageUnitPriceCents: averageUnitPriceCents(schedule, below) });
    }
  }
  points.sort((a, b) => a.quantity - b.quantity);
  // Several samples may coincide with a tier start: keep one point per quantity.
  return points.filter((point, index) => index === 0 || point.quantity !== points[index - 1]!.quantity);
}

/**
 * The top of the price axis: the dearest average from a twentieth of the axis on (with fixed
 * costs the average climbs without bound towards 0, and that spike is clipped), a tenth above.
 */
export function priceCurveMaxPrice(points: readonly PricePoint[], maxQuantity: number): number {
  const from = maxQuantity / 20;
  let dearest = 0;
  for (const point of points) {
    if (point.quantity >= from) dearest = Math.max(dearest, point.averageUnitPriceCents);
  }
  return niceCeil(dearest * 1.1);
}

export interface TierRow {
  fromQuantity: number;
  /** Where the next tier starts, or null for the open-ended last tier. */
  toQuantity: number | null;
  unitPriceCents: number;
  /** Average unit price with fixed costs spread, when exactly the tier's start is bought (null at 0). */
  averageAtStartCents: number | null;
}

/** One row per tier, for the text alternative of the price chart. */
export function tierRows(schedule: PriceSchedule): TierRow[] {
  return schedule.tiers.map((tier, index) => ({
    fromQuantity: tier.fromQuantity,
    toQuantity: schedule.tiers[index + 1]?.fromQuantity ?? null,
    unitPriceCents: tier.unitPriceCents,
    averageAtStartCents: tier.fromQuantity > 0 ? averageUnitPriceCents(schedule, tier.fromQuantity) : null,
  }));
}

export interface ReachedPoint extends PricePoint {
  /** 0-based index of the tier whose price applies. */
  tierIndex: number;
}

/** Where the committed volume sits on the curve, or null when nothing is committed. */
export function reachedPoint(schedule: PriceSchedule, reachedQuantity: number | null): ReachedPoint | null {
  if (reachedQuantity === null || !(reachedQuantity > 0) || !Number.isFinite(reachedQuantity)) return null;
  return {
    quantity: reachedQuantity,
    averageUnitPriceCents: averageUnitPriceCents(schedule, reachedQuantity),
    tierIndex: reachedTierIndex(schedule, reachedQuantity),
  };
}

export interface ShareLike {
  organisationId: string;
  organisationName: string;
  quantity: number;
  shareCents: number;
  standAloneCostCents: number;
}

export interface AloneVsGroupRow {
  organisationId: string;
  name: string;
  quantity: number;
  /** Unit price the organisation would pay buying alone from the same offer, in cents. */
  aloneUnitCents: number;
  /** Unit price it pays in the group, in cents. */
  groupUnitCents: number;
  /** (alone − group) / alone: 0.18 for 18 % saved; negative when the group costs more; 0 when alone is free. */
  savingRatio: number;
}

/** Each organisation's unit price alone and in the group; organisations with no quantity are left out. */
export function aloneVsGroupRows(shares: readonly ShareLike[]): AloneVsGroupRow[] {
  return shares
    .filter((share) => share.quantity > 0)
    .map((share) => {
      const aloneUnitCents = share.standAloneCostCents / share.quantity;
      const groupUnitCents = share.shareCents / share.quantity;
      return {
        organisationId: share.organisationId,
        name: share.organisationName,
        quantity: share.quantity,
        aloneUnitCents,
        groupUnitCents,
        savingRatio: aloneUnitCents > 0 ? (aloneUnitCents - groupUnitCents) / aloneUnitCents : 0,
      };
    });
}

export interface MonthSavings {
  /** 'YYYY-MM' */
  month: string;
  savingsCents: number;
}

export interface MonthPoint extends MonthSavings {
  cumulativeCents: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function monthIndex(month: string): number {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`A month must read YYYY-MM, got ${month}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function monthOfIndex(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Months in order from the first to the last given, a month without savings counting 0 (so the
 * time axis is even), several entries for one month added up, with the running total.
 */
export function monthlySeries(months: readonly MonthSavings[]): MonthPoint[] {
  if (months.length === 0) return [];
  const byIndex = new Map<number, number>();
  for (const entry of months) {
    const index = monthIndex(entry.month);
    byIndex.set(index, (byIndex.get(index) ?? 0) + entry.savingsCents);
  }
  const indices = [...byIndex.keys()];
  const first = Math.min(...indices);
  const last = Math.max(...indices);
  const series: MonthPoint[] = [];
  let cumulativeCents = 0;
  for (let index = first; index <= last; index++) {
    const savingsCents = byIndex.get(index) ?? 0;
    cumulativeCents += savingsCents;
    series.push({ month: monthOfIndex(index), savingsCents, cumulativeCents });
  }
  return series;
}

/** « janv. 2026 » in French, « Jan 2026 » in English (en-GB), from 'YYYY-MM'. */
export function monthLabel(month: string, language: string): string {
  const index = monthIndex(month);
  const date = new Date(Date.UTC(Math.floor(index / 12), index % 12, 1));
  return new Intl.DateTimeFormat(chartLocale(language), {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** The Intl locale the app uses for a language (the same as components/format.ts). */
export function chartLocale(language: string): string {
  return language === 'en' ? 'en-GB' : 'fr-FR';
}
