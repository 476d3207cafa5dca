/**
 * Supplier price schedules (paliers de prix): the price of a total quantity bought in one order.
 *
 * Quantities are in the campaign's unit (kg, users, MWh …), finite and non-negative; they may be
 * fractional. Unit prices are in cents and may carry fractions of a cent (energy is priced per
 * kWh to the hundredth of a cent); fixed costs are integer cents. Costs are returned as real
 * cents: only what a person pays is rounded, once, by the allocation.
 */

/**
 * `all-units`: the whole volume is billed at the price of the tier it reaches.
 * `incremental`: each slice of the volume is billed at its own tier's price.
 */
export type PricingKind = 'all-units' | 'incremental';

export const PRICING_KINDS: readonly PricingKind[] = ['all-units', 'incremental'];

export interface PriceTier {
  /** Total quantity from which this tier applies (inclusive). The first tier starts at 0. */
  fromQuantity: number;
  /** Price of one unit in cents (may be fractional), ≥ 0. */
  unitPriceCents: number;
}

export interface PriceSchedule {
  kind: PricingKind;
  /** Tiers by strictly increasing `fromQuantity`; the last one is open-ended. */
  tiers: readonly PriceTier[];
  /** Charged once per order whatever the quantity (delivery, set-up), integer cents ≥ 0. */
  fixedCostCents: number;
}

export type PriceScheduleIssueCode =
  | 'PRICING_KIND_UNKNOWN'
  | 'NO_TIERS'
  | 'FIRST_TIER_NOT_AT_ZERO'
  | 'TIER_START_INVALID'
  | 'TIERS_NOT_ASCENDING'
  | 'UNIT_PRICE_INVALID'
  | 'FIXED_COST_INVALID';

export interface PriceScheduleIssue {
  code: PriceScheduleIssueCode;
  /** The tier concerned (0-based), when the issue is about one tier. */
  tierIndex?: number;
  /** For developers and logs; users read the translation of `code`. */
  message: string;
}

/**
 * Every problem of a schedule, in tier order; an empty list means the schedule is usable by
 * every other function of this module.
 */
export function validatePriceSchedule(schedule: PriceSchedule): PriceScheduleIssue[] {
  const issues: PriceScheduleIssue[] = [];
  if (!PRICING_KINDS.includes(schedule.kind)) {
    issues.push({ code: 'PRICING_KIND_UNKNOWN', message: `kind must be one of ${PRICING_KINDS.join(', ')}` });
  }
  if (!Number.isSafeInteger(schedule.fixedCostCents) || schedule.fixedCostCents < 0) {
    issues.push({ code: 'FIXED_COST_INVALID', message: 'fixedCostCents must be a non-negative integer' });
  }
  if (schedule.tiers.length === 0) {
    issues.push({ code: 'NO_TIERS', message: 'a schedule needs at least one tier' });
    return issues;
  }
  schedule.tiers.forEach((tier, tierIndex) => {
    if (!Number.isFinite(tier.fromQuantity) || tier.fromQuantity < 0) {
      issues.push({ code: 'TIER_START_INVALID', tierIndex, message: 'fromQuantity must be finite and ≥ 0' });
    } else if (tierIndex === 0 && tier.fromQuantity !== 0) {
      issues.push({ code: 'FIRST_TIER_NOT_AT_ZERO', tierIndex, message: 'the first tier must start at 0' });
    } else if (tierIndex > 0 && !(tier.fromQuantity > (schedule.tiers[tierIndex - 1]?.fromQuantity ?? 0))) {
      issues.push({
        code: 'TIERS_NOT_ASCENDING',
        tierIndex,
        message: 'each tier must start above the previous one',
      });
    }
    if (!Number.isFinite(tier.unitPriceCents) || tier.unitPriceCents < 0) {
      issues.push({
        code: 'UNIT_PRICE_INVALID',
        tierIndex,
        message: 'unitPriceCents must be finite and ≥ 0',
      });
    }
  });
  return issues;
}

function assertQuantity(quantity: number): void {
  if (!Number.isFinite(quantity) || quantity < 0) {
    throw new RangeError(`A quantity must be finite and ≥ 0, got ${quantity}`);
  }
}

/**
 * The total from which a tier applies, less a trillionth: a sum of decimal quantities such as
 * 0.1 + 0.2 + … can land a few ulps below the tier start it equals on paper.
 */
export function tierThreshold(fromQuantity: number): number {
  return fromQuantity * (1 - 1e-12);
}

/** Index of the tier whose price applies to a total of `quantity` (the last tier starting at or below it). */
export function reachedTierIndex(schedule: PriceSchedule, quantity: number): number {
  assertQuantity(quantity);
  let reached = 0;
  for (let index = 1; index < schedule.tiers.length; index++) {
    if (tierThreshold(schedule.tiers[index]!.fromQuantity) <= quantity) reached = index;
    else break;
  }
  return reached;
}

/**
 * The cost of buying `quantity` in one order, in real cents: tiers plus fixed costs, and 0 for
 * nothing bought (fixed costs are due only when something is ordered).
 */
export function costOfQuantity(schedule: PriceSchedule, quantity: number): number {
  assertQuantity(quantity);
  if (quantity === 0) return 0;
  return schedule.fixedCostCents + variableCost(schedule, quantity);
}

/** Average price of one unit, fixed costs included, when `quantity` (> 0) is bought in one order. */
export function averageUnitPriceCents(schedule: PriceSchedule, quantity: number): number {
  if (!(quantity > 0)) throw new RangeError(`An average unit price needs a quantity > 0, got ${quantity}`);
  return costOfQuantity(schedule, quantity) / quantity;
}

/**
 * Whether no tier is dearer than the one before. Then the average unit price never rises with
 * quantity (for either kind, fixed costs included), which puts the equal-unit-price split in
 * the core of the purchasing game.
 */
export function hasNonIncreasingTierPrices(schedule: PriceSchedule): boolean {
  return schedule.tiers.every(
    (tier, index) => index === 0 || tier.unitPriceCents <= schedule.tiers[index - 1]!.unitPriceCents,
  );
}

/** Cost without fixed costs. Right-continuous in `quantity` (a tier applies from its start). */
export function variableCost(schedule: PriceSchedule, quantity: number): number {
  const { tiers } = schedule;
  if (schedule.kind === 'all-units') {
    return quantity * tiers[reachedTierIndex(schedule, quantity)]!.unitPriceCents;
  }
  let cost = 0;
  for (let index = 0; index < tiers.length; index++) {
    const start = tiers[index]!.fromQuantity;
    if (quantity <= start) break;
    const end = Math.min(quantity, tiers[index + 1]?.fromQuantity ?? Number.POSITIVE_INFINITY);
    cost += (end - start) * tiers[index]!.unitPriceCents;
  }
  return cost;
}

/**
 * The limit of `variableCost` from below at `quantity` (> 0): differs from the value itself at
 * the threshold of an all-units tier, where the cost jumps. Used to bound marginal costs exactly.
 */
export function variableCostJustBelow(schedule: PriceSchedule, quantity: number): number {
  if (schedule.kind === 'incremental') return variableCost(schedule, quantity);
  let tier = schedule.tiers[0]!;
  for (const candidate of schedule.tiers) {
    if (tierThreshold(candidate.fromQuantity) < quantity) tier = candidate;
    else break;
  }
  return quantity * tier.unitPriceCents;
}
