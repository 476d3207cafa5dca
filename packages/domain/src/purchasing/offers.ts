/**
 * Supplier offers side by side at the volume the members committed, for the award.
 */
import { type CommitmentIssue, type MemberCommitment, validateCommitments } from './commitments.ts';
import {
  costOfQuantity,
  type PriceSchedule,
  type PriceScheduleIssue,
  reachedTierIndex,
  validatePriceSchedule,
} from './price-schedule.ts';

export interface SupplierOffer {
  offerId: string;
  schedule: PriceSchedule;
}

export interface OfferComparison {
  offerId: string;
  /** The group's cost at the committed volume, integer cents. */
  totalCostCents: number;
  /** Group cost / committed volume, real cents (fixed costs included). */
  averageUnitPriceCents: number;
  /** Tier reached by the committed volume (0-based). */
  reachedTierIndex: number;
  /** Σ of what each member would pay buying its own quantity alone from this offer, integer cents. */
  standAloneCostCents: number;
  /** `standAloneCostCents − totalCostCents`: what pooling saves with this offer. */
  savingsVsStandAloneCents: number;
  /** Members with a current unit price: their current cost, integer cents. */
  currentCostCents: number;
  /**
   * Their current cost minus what they would pay at this offer's average unit price (the
   * equal-unit-price split), integer cents; other rules move savings between members, not in total
   * for the group.
   */
  savingsVsCurrentCents: number;
  /** `savingsVsCurrentCents / currentCostCents`, or null when nobody stated a current price. */
  savingsVsCurrentRatio: number | null;
  /** Members whose ceiling unit price is below this offer's average unit price. */
  membersAboveCeiling: string[];
}

export type OfferComparisonOutcome =
  | { ok: true; comparisons: OfferComparison[] }
  | {
      ok: false;
      scheduleIssues: (PriceScheduleIssue & { offerId: string })[];
      commitmentIssues: CommitmentIssue[];
    };

/** One offer at the committed volume (commitments and schedule already valid). */
export function compareOffer(
  offer: SupplierOffer,
  commitments: readonly MemberCommitment[],
): OfferComparison {
  const { schedule } = offer;
  const totalQuantity = commitments.reduce((sum, commitment) => sum + commitment.quantity, 0);
  const groupCost = costOfQuantity(schedule, totalQuantity);
  const averageUnitPriceCents = groupCost / totalQuantity;
  let standAloneCostCents = 0;
  let currentCostCents = 0;
  let currentQuantity = 0;
  const membersAboveCeiling: string[] = [];
  for (const commitment of commitments) {
    standAloneCostCents += Math.round(costOfQuantity(schedule, commitment.quantity));
    const { currentUnitPriceCents, ceilingUnitPriceCents } = commitment;
    if (currentUnitPriceCents !== null && currentUnitPriceCents !== undefined) {
      currentCostCents += Math.round(currentUnitPriceCents * commitment.quantity);
      currentQuantity += commitment.quantity;
    }
    if (ceilingUnitPriceCents !== null && ceilingUnitPriceCents !== undefined) {
      if (averageUnitPriceCents > ceilingUnitPriceCents) membersAboveCeiling.push(commitment.memberId);
    }
  }
  const totalCostCents = Math.round(groupCost);
  const savingsVsCurrentCents = currentCostCents - Math.round(currentQuantity * averageUnitPriceCents);
  return {
    offerId: offer.offerId,
    totalCostCents,
    averageUnitPriceCents,
    reachedTierIndex: reachedTierIndex(schedule, totalQuantity),
    standAloneCostCents,
    savingsVsStandAloneCents: standAloneCostCents - totalCostCents,
    currentCostCents,
    savingsVsCurrentCents,
    savingsVsCurrentRatio: currentCostCents > 0 ? savingsVsCurrentCents / currentCostCents : null,
    membersAboveCeiling,
  };
}

/**
 * Every offer at the committed volume, cheapest first (ties by offer id): the staff's side by
 * side view before the award. Invalid offers or commitments are returned as issues.
 */
export function compareOffers(
  offers: readonly SupplierOffer[],
  commitments: readonly MemberCommitment[],
): OfferComparisonOutcome {
  const scheduleIssues = offers.flatMap((offer) =>
    validatePriceSchedule(offer.schedule).map((issue) => ({ ...issue, offerId: offer.offerId })),
  );
  const commitmentIssues = validateCommitments(commitments);
  if (scheduleIssues.length > 0 || commitmentIssues.length > 0) {
    return { ok: false, scheduleIssues, commitmentIssues };
  }
  const comparisons = offers
    .map((offer) => compareOffer(offer, commitments))
    .sort(
      (a, b) =>
        a.totalCostCents - b.totalCostCents || (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0),
    );
  return { ok: true, comparisons };
}
