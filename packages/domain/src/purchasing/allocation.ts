/**
 * What each member pays once an offer is awarded, by the rule stated when the campaign opened,
 * with the checks every member is shown: it pays no more than alone (individual rationality),
 * and no sub-group would pay less on its own (core).
 */
import { type CommitmentIssue, type MemberCommitment, validateCommitments } from './commitments.ts';
import { findLargestExcess, playersOf } from './cooperative-game.ts';
import {
  costOfQuantity,
  type PriceSchedule,
  type PriceScheduleIssue,
  reachedTierIndex,
  validatePriceSchedule,
  variableCost,
} from './price-schedule.ts';
import {
  findLargestExcessByQuantity,
  type MonteCarloBound,
  purchasingGameTable,
  type ShapleyMethod,
  type ShapleyOptions,
  shapleyOfPurchasingGame,
} from './purchasing-game.ts';
import { roundSharesToCents } from './rounding.ts';

/**
 * `equal-unit-price`: everybody pays the group's average unit price (the reached all-units
 * tier's price when there are no fixed costs), i.e. the cost is shared in proportion to
 * quantity.
 * `proportional-with-fixed-costs`: the tiered cost in proportion to quantity, the fixed costs
 * (delivery, set-up) in equal parts per member, since each member causes them equally.
 * `shapley`: the Shapley value of the purchasing game, each member's average marginal cost.
 */
export type AllocationRule = 'equal-unit-price' | 'proportional-with-fixed-costs' | 'shapley';

export const ALLOCATION_RULES: readonly AllocationRule[] = [
  'equal-unit-price',
  'proportional-with-fixed-costs',
  'shapley',
];

/** Members up to which the core is checked by enumerating every sub-group (2^20 of them). */
export const MAX_MEMBERS_FOR_CORE_ENUMERATION = 20;

export interface AllocateCostInput {
  /** The awarded offer's schedule. */
  schedule: PriceSchedule;
  commitments: readonly MemberCommitment[];
  rule: AllocationRule;
  /** For the `shapley` rule: method, Monte-Carlo samples, seed, confidence. */
  shapley?: ShapleyOptions;
}

export interface MemberShare {
  memberId: string;
  quantity: number;
  /** What the member pays, integer cents; the shares add up exactly to `totalCostCents`. */
  shareCents: number;
  /** The rule's exact share before rounding, real cents. */
  exactShareCents: number;
  /** `shareCents / quantity`. */
  unitPriceCents: number;
  /** What the member would pay buying its quantity alone from the same offer, integer cents. */
  standAloneCostCents: number;
  /** `shareCents ≤ standAloneCostCents`, up to one rounding cent when buying together saves nothing. */
  isIndividuallyRational: boolean;
  /** `standAloneCostCents − shareCents`. */
  savingsVsStandAloneCents: number;
  /** Current unit price × quantity, integer cents; null without a current price. */
  currentCostCents: number | null;
  /** `currentCostCents − shareCents`; null without a current price. */
  savingsVsCurrentCents: number | null;
  /** Whether the unit price paid is above the member's stated ceiling. */
  isAboveCeiling: boolean;
  /** Monte-Carlo Shapley only: the exact share is within this many cents (see `monteCarlo.confidence`). */
  shapleyErrorBoundCents?: number;
}

export type CoreCheckMethod = 'enumeration' | 'quantity-knapsack';

/**
 * Whether no sub-group of members would pay less on its own than its members pay together in
 * the split (checked on the exact shares; rounding moves each share by less than a cent).
 * `coalitionMemberIds` is the sub-group with the largest excess x(S) − c(S): the one that
 * objects (status `not-in-core`), or the one closest to objecting. A single member is
 * trivially in the core.
 */
export type CoreCheck =
  | {
      status: 'in-core' | 'not-in-core';
      method: CoreCheckMethod;
      coalitionMemberIds: string[];
      /** Real cents; > 0 (beyond floating-point noise) means the coalition objects. */
      largestExcessCents: number;
      /**
       * Monte-Carlo Shapley only: the sum of the coalition's members' error bounds. The verdict
       * is about the shares charged (the estimate); under the exact Shapley value this
       * coalition's excess would be within this of `largestExcessCents` (at the stated confidence).
       */
      excessErrorBoundCents?: number;
    }
  | {
      status: 'not-checked';
      /** More than 20 members, and quantities too fine or too large for the knapsack table. */
      reason: 'TOO_LARGE';
    };

export interface SavingsSummary {
  /** Σ stand-alone costs: what the members would pay each buying alone from this offer. */
  standAloneCostCents: number;
  /** `standAloneCostCents − totalCostCents`: what buying together saves on this offer. */
  savingsVsStandAloneCents: number;
  /** Members who stated a current unit price. */
  membersWithCurrentPrice: number;
  /** Σ current costs of those members. */
  currentCostCents: number;
  /** Σ shares of those members. */
  groupCostCents: number;
  /** `currentCostCents − groupCostCents`. */
  savingsVsCurrentCents: number;
}

export interface CostAllocation {
  rule: AllocationRule;
  /** `shapley` rule only: how the value was obtained. */
  shapleyMethod?: ShapleyMethod;
  /** `shapley` rule by Monte-Carlo only: samples, seed, confidence and per-member bounds. */
  monteCarlo?: MonteCarloBound;
  totalQuantity: number;
  /** The group's cost, rounded once to integer cents. */
  totalCostCents: number;
  /** Group cost / total quantity, real cents. */
  averageUnitPriceCents: number;
  /** Tier reached by the total quantity (0-based). */
  reachedTierIndex: number;
  /** One per commitment, in the commitments' order. */
  members: MemberShare[];
  individualRationality: { holds: boolean; violatingMemberIds: string[] };
  core: CoreCheck;
  savings: SavingsSummary;
}

export type AllocationOutcome =
  | { ok: true; allocation: CostAllocation }
  | { ok: false; scheduleIssues: PriceScheduleIssue[]; commitmentIssues: CommitmentIssue[] };

/**
 * Below this, an excess is floating-point noise, not an objection: a millionth of a cent, or a
 * billionth of the total for large totals.
 */
export function comparisonToleranceCents(totalCost: number): number {
  return Math.max(1e-6, 1e-9 * Math.abs(totalCost));
}

/**
 * The rule's exact shares in real cents (they add up to the group's cost), with Shapley details
 * when the rule is `shapley`. Quantities finite and > 0, the schedule valid.
 */
export function computeExactShares(
  schedule: PriceSchedule,
  quantities: readonly number[],
  rule: AllocationRule,
  shapleyOptions: ShapleyOptions = {},
): { sharesCents: number[]; shapleyMethod?: ShapleyMethod; monteCarlo?: MonteCarloBound } {
  const totalQuantity = quantities.reduce((sum, quantity) => sum + quantity, 0);
  if (rule === 'equal-unit-price') {
    const unitPrice = costOfQuantity(schedule, totalQuantity) / totalQuantity;
    return { sharesCents: quantities.map((quantity) => quantity * unitPrice) };
  }
  if (rule === 'proportional-with-fixed-costs') {
    const unitPrice = variableCost(schedule, totalQuantity) / totalQuantity;
    const fixedShare = schedule.fixedCostCents / quantities.length;
    return { sharesCents: quantities.map((quantity) => fixedShare + quantity * unitPrice) };
  }
  const shapley = shapleyOfPurchasingGame(schedule, quantities, shapleyOptions);
  return {
    sharesCents: shapley.sharesCents,
    shapleyMethod: shapley.method,
    ...(shapley.monteCarlo ? { monteCarlo: shapley.monteCarlo } : {}),
  };
}

/**
 * Checks the core for the exact shares of a purchasing game: by enumerating every sub-group up
 * to 20 members, beyond by the knapsack over total quantities (exact too, when quantities are
 * whole units of a small enough table). Member ids name the coalition; `errorBoundsCents`, the
 * Monte-Carlo bounds of estimated shares.
 */
export function checkPurchasingCore(
  schedule: PriceSchedule,
  quantities: readonly number[],
  exactSharesCents: readonly number[],
  memberIds: readonly string[],
  errorBoundsCents?: readonly number[],
): CoreCheck {
  const memberCount = quantities.length;
  const totalCost = exactSharesCents.reduce((sum, share) => sum + share, 0);
  const tolerance = comparisonToleranceCents(totalCost);
  if (memberCount === 1) {
    return { status: 'in-core', method: 'enumeration', coalitionMemberIds: [], largestExcessCents: 0 };
  }
  let method: CoreCheckMethod;
  let members: number[];
  let excess: number;
  if (memberCount <= MAX_MEMBERS_FOR_CORE_ENUMERATION) {
    const largest = findLargestExcess(purchasingGameTable(schedule, quantities), exactSharesCents, 'cost');
    method = 'enumeration';
    members = playersOf(largest.mask);
    excess = largest.excess;
  } else {
    const largest = findLargestExcessByQuantity(schedule, quantities, exactSharesCents);
    if (largest === null) return { status: 'not-checked', reason: 'TOO_LARGE' };
    method = 'quantity-knapsack';
    members = largest.members;
    excess = largest.excess;
  }
  return {
    status: excess > tolerance ? 'not-in-core' : 'in-core',
    method,
    coalitionMemberIds: members.map((member) => memberIds[member]!),
    largestExcessCents: excess,
    ...(errorBoundsCents
      ? { excessErrorBoundCents: members.reduce((sum, member) => sum + errorBoundsCents[member]!, 0) }
      : {}),
  };
}

/** Totals of the savings of a list of member shares (for a campaign, or summed for a network). */
export function summariseSavings(members: readonly MemberShare[]): SavingsSummary {
  let standAloneCostCents = 0;
  let totalCostCents = 0;
  let membersWithCurrentPrice = 0;
  let currentCostCents = 0;
  let groupCostCents = 0;
  for (const member of members) {
    standAloneCostCents += member.standAloneCostCents;
    totalCostCents += member.shareCents;
    if (member.currentCostCents !== null) {
      membersWithCurrentPrice++;
      currentCostCents += member.currentCostCents;
      groupCostCents += member.shareCents;
    }
  }
  return {
    standAloneCostCents,
    savingsVsStandAloneCents: standAloneCostCents - totalCostCents,
    membersWithCurrentPrice,
    currentCostCents,
    groupCostCents,
    savingsVsCurrentCents: currentCostCents - groupCostCents,
  };
}

const hasPrice = (price: number | null | undefined): price is number => price !== null && price !== undefined;

/**
 * Shares the awarded offer's cost among the committed members by `rule`: integer cents adding
 * up exactly to the group's cost (rounded once), each member's stand-alone cost and savings,
 * and the individual-rationality and core checks. Invalid input is returned as issues, never
 * half-allocated. Exponential for the `shapley` rule on some inputs and for the core check up
 * to 20 members (milliseconds there): run it through `runInWorker` on a server.
 */
/** Float error allowed when comparing exact (real-valued) cents. */
const ROUNDING_TOLERANCE_CENTS = 1e-6;

export function allocateCost(input: AllocateCostInput): AllocationOutcome {
  const scheduleIssues = validatePriceSchedule(input.schedule);
  const commitmentIssues = validateCommitments(input.commitments);
  if (scheduleIssues.length > 0 || commitmentIssues.length > 0) {
    return { ok: false, scheduleIssues, commitmentIssues };
  }
  const { schedule, commitments, rule } = input;
  const quantities = commitments.map((commitment) => commitment.quantity);
  const memberIds = commitments.map((commitment) => commitment.memberId);
  const totalQuantity = quantities.reduce((sum, quantity) => sum + quantity, 0);
  const totalCostCents = Math.round(costOfQuantity(schedule, totalQuantity));

  const exact = computeExactShares(schedule, quantities, rule, input.shapley);
  const exactStandAloneCosts = quantities.map((quantity) => costOfQuantity(schedule, quantity));
  const standAloneCosts = exactStandAloneCosts.map((cost) => Math.round(cost));
  // Stand-alone costs as upper bounds: a leftover cent never pushes a member above its price alone.
  const sharesCents = roundSharesToCents(exact.sharesCents, totalCostCents, {
    upperBoundsCents: standAloneCosts,
  });

  const members = commitments.map((commitment, index): MemberShare => {
    const shareCents = sharesCents[index]!;
    const standAloneCostCents = standAloneCosts[index]!;
    const unitPriceCents = shareCents / commitment.quantity;
    const currentCostCents = hasPrice(commitment.currentUnitPriceCents)
      ? Math.round(commitment.currentUnitPriceCents * commitment.quantity)
      : null;
    const errorBound = exact.monteCarlo?.errorBoundCents[index];
    return {
      memberId: commitment.memberId,
      quantity: commitment.quantity,
      shareCents,
      exactShareCents: exact.sharesCents[index]!,
      unitPriceCents,
      standAloneCostCents,
      // When buying together saves nothing, the rounded total can exceed the sum of the rounded
      // stand-alone costs by a cent: a member then pays that rounding cent, not a real surcharge.
      isIndividuallyRational:
        shareCents <= standAloneCostCents ||
        (shareCents - standAloneCostCents <= 1 &&
          exact.sharesCents[index]! <= exactStandAloneCosts[index]! + ROUNDING_TOLERANCE_CENTS),
      savingsVsStandAloneCents: standAloneCostCents - shareCents,
      currentCostCents,
      savingsVsCurrentCents: currentCostCents === null ? null : currentCostCents - shareCents,
      isAboveCeiling:
        hasPrice(commitment.ceilingUnitPriceCents) && unitPriceCents > commitment.ceilingUnitPriceCents,
      ...(errorBound === undefined ? {} : { shapleyErrorBoundCents: errorBound }),
    };
  });
  const violatingMemberIds = members
    .filter((member) => !member.isIndividuallyRational)
    .map((m) => m.memberId);

  return {
    ok: true,
    allocation: {
      rule,
      ...(exact.shapleyMethod ? { shapleyMethod: exact.shapleyMethod } : {}),
      ...(exact.monteCarlo ? { monteCarlo: exact.monteCarlo } : {}),
      totalQuantity,
      totalCostCents,
      averageUnitPriceCents: costOfQuantity(schedule, totalQuantity) / totalQuantity,
      reachedTierIndex: reachedTierIndex(schedule, totalQuantity),
      members,
      individualRationality: { holds: violatingMemberIds.length === 0, violatingMemberIds },
      core: checkPurchasingCore(
        schedule,
        quantities,
        exact.sharesCents,
        memberIds,
        exact.monteCarlo?.errorBoundCents,
      ),
      savings: summariseSavings(members),
    },
  };
}
