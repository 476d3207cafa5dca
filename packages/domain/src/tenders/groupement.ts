import { roundSharesToCents } from '../purchasing/rounding.ts';
import type { Tender } from './model.ts';

/** A groupement's members are jointly liable (solidaire) or each liable for its own part (conjoint). */
export type GroupementKind = 'conjoint' | 'solidaire';

/** The whole of the work, in basis points: members' work shares add up to it. */
export const FULL_SHARE_BP = 10_000;

export interface GroupementMemberDraft {
  organisationId: string;
  /** Lot ids of the tender this member works on. */
  lotIds: readonly string[];
  /** Share of the work, in basis points (10,000 = the whole). */
  workShareBp: number;
  /** The member's price for its part, in integer cents; null when not given yet. */
  priceCents: number | null;
}

export interface GroupementDraft {
  kind: GroupementKind;
  mandataireId: string | null;
  members: readonly GroupementMemberDraft[];
}

export type GroupementIssueCode =
  | 'NO_MEMBERS'
  | 'DUPLICATE_MEMBER'
  | 'SHARES_NOT_FULL'
  | 'SHARE_OUT_OF_RANGE'
  | 'MANDATAIRE_REQUIRED'
  | 'MANDATAIRE_NOT_MEMBER'
  | 'UNKNOWN_LOT'
  | 'LOT_NOT_COVERED'
  | 'MEMBER_WITHOUT_LOT'
  | 'PRICE_OUT_OF_RANGE';

/** One thing wrong with a groupement, with the field (request path) to name. */
export interface GroupementIssue {
  code: GroupementIssueCode;
  field: string;
  /** The lot or member concerned, when there is one. */
  subject?: string;
}

/**
 * Checks a groupement against its tender: at least one member, each once; work shares in
 * basis points adding up to 10,000; the mandataire is one of the members (and a 'solidaire'
 * groupement, whose members answer for each other, must name one — a 'conjoint' one too as soon
 * as it has several members, as the buyer's code requires a lead); every lot named exists in the
 * tender and every lot of the tender is covered by someone; prices are non-negative integers.
 * Returns every issue found, in field order; an empty list means the groupement is sound.
 */
export function validateGroupement(draft: GroupementDraft, tender: Pick<Tender, 'lots'>): GroupementIssue[] {
  const issues: GroupementIssue[] = [];
  if (draft.members.length === 0) {
    issues.push({ code: 'NO_MEMBERS', field: 'members' });
    return issues;
  }
  const memberIds = new Set<string>();
  draft.members.forEach((member, index) => {
    if (memberIds.has(member.organisationId)) {
      issues.push({
        code: 'DUPLICATE_MEMBER',
        field: `members.${index}.organisationId`,
        subject: member.organisationId,
      });
    }
    memberIds.add(member.organisationId);
  });
  if (draft.mandataireId === null) {
    if (draft.kind === 'solidaire' || draft.members.length > 1) {
      issues.push({ code: 'MANDATAIRE_REQUIRED', field: 'mandataireId' });
    }
  } else if (!memberIds.has(draft.mandataireId)) {
    issues.push({ code: 'MANDATAIRE_NOT_MEMBER', field: 'mandataireId', subject: draft.mandataireId });
  }
  const lotIds = new Set(tender.lots.map((lot) => lot.id));
  const covered = new Set<string>();
  let shareSum = 0;
  draft.members.forEach((member, index) => {
    if (
      !Number.isInteger(member.workShareBp) ||
      member.workShareBp < 0 ||
      member.workShareBp > FULL_SHARE_BP
    ) {
      issues.push({ code: 'SHARE_OUT_OF_RANGE', field: `members.${index}.workShareBp` });
    } else {
      shareSum += member.workShareBp;
    }
    if (member.lotIds.length === 0) {
      issues.push({
        code: 'MEMBER_WITHOUT_LOT',
        field: `members.${index}.lotIds`,
        subject: member.organisationId,
      });
    }
    member.lotIds.forEach((lotId, l) => {
      if (!lotIds.has(lotId)) {
        issues.push({ code: 'UNKNOWN_LOT', field: `members.${index}.lotIds.${l}`, subject: lotId });
      } else {
        covered.add(lotId);
      }
    });
    if (member.priceCents !== null && (!Number.isSafeInteger(member.priceCents) || member.priceCents < 0)) {
      issues.push({ code: 'PRICE_OUT_OF_RANGE', field: `members.${index}.priceCents` });
    }
  });
  if (!issues.some((issue) => issue.code === 'SHARE_OUT_OF_RANGE') && shareSum !== FULL_SHARE_BP) {
    issues.push({ code: 'SHARES_NOT_FULL', field: 'members', subject: String(shareSum) });
  }
  for (const lot of tender.lots) {
    if (!covered.has(lot.id)) issues.push({ code: 'LOT_NOT_COVERED', field: 'members', subject: lot.id });
  }
  return issues;
}

/**
 * Work shares in basis points from the consortium builder's fractions (0..1), adding up to
 * exactly 10,000 by the largest remainder (equal shares when every fraction is zero).
 */
export function workSharesToBasisPoints(fractions: readonly number[]): number[] {
  if (fractions.length === 0) return [];
  const total = fractions.reduce((sum, f) => sum + Math.max(0, f), 0);
  const exact =
    total > 0
      ? fractions.map((f) => (Math.max(0, f) / total) * FULL_SHARE_BP)
      : fractions.map(() => FULL_SHARE_BP / fractions.length);
  return roundSharesToCents(exact, FULL_SHARE_BP);
}

export interface PriceCutMember {
  organisationId: string;
  workShareBp: number;
  priceCents: number | null;
}

export type PriceCutRequest = { cutBp: number } | { cutCents: number };

export type PriceCutResult =
  | {
      ok: true;
      /** The whole cut, in cents. */
      totalCutCents: number;
      /** What the split was proportional to. */
      basis: 'price' | 'work-share';
      shares: { organisationId: string; shareCents: number }[];
    }
  | { ok: false; reason: 'NO_MEMBERS' | 'NO_TOTAL_PRICE' | 'CUT_EXCEEDS_PRICE' };

/**
 * Splits the cut a buyer asks among the members of a groupement, in integer cents that add up
 * exactly to the cut (largest remainder). The split follows each member's price when every
 * member has given one (and they are not all zero), its work share otherwise. A cut in basis
 * points needs the prices (it is a percentage of their total); a cut in cents does not. No
 * member is asked more than its own price when prices are known.
 */
export function splitPriceCut(members: readonly PriceCutMember[], request: PriceCutRequest): PriceCutResult {
  if (members.length === 0) return { ok: false, reason: 'NO_MEMBERS' };
  const prices = members.map((m) => m.priceCents);
  const hasPrices = prices.every((p): p is number => p !== null) && prices.some((p) => (p ?? 0) > 0);
  const totalPrice = hasPrices ? (prices as number[]).reduce((sum, p) => sum + p, 0) : null;
  let totalCutCents: number;
  if ('cutBp' in request) {
    if (totalPrice === null) return { ok: false, reason: 'NO_TOTAL_PRICE' };
    // Rounded half up to the cent: −5 % of 100.01 € is 5.00 €.
    totalCutCents = Math.round((totalPrice * request.cutBp) / FULL_SHARE_BP);
  } else {
    totalCutCents = request.cutCents;
    if (totalPrice !== null && totalCutCents > totalPrice) return { ok: false, reason: 'CUT_EXCEEDS_PRICE' };
  }
  const weights = hasPrices ? (prices as number[]) : members.map((m) => Math.max(0, m.workShareBp));
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  const exact =
    weightSum > 0
      ? weights.map((w) => (w / weightSum) * totalCutCents)
      : members.map(() => totalCutCents / members.length);
  const rounded = roundSharesToCents(
    exact,
    totalCutCents,
    hasPrices ? { upperBoundsCents: prices as number[] } : {},
  );
  return {
    ok: true,
    totalCutCents,
    basis: hasPrices ? 'price' : 'work-share',
    shares: members.map((m, i) => ({ organisationId: m.organisationId, shareCents: rounded[i]! })),
  };
}
