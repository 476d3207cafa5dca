/**
 * Candidates of the consortium builder and their pruning: before any integer program, keep only
 * the companies that could take part — not excluded, close enough to the place of performance,
 * covering at least one requirement with some capacity. Linear in the directory with an index by
 * competence and certification; the nearest holders of each requirement (at any distance) are
 * kept aside to explain what is missing when nothing covers a requirement.
 */
import { distanceKm, type LonLat } from '../geo.ts';
import { pushTo } from './collections.ts';
import { placeOfLot, referencePoint, requirementsOf, type Tender, type TenderRequirement } from './model.ts';

/** A company that could join a grouping. */
export interface ConsortiumCandidate {
  /** Organisation id (e.g. SIREN). */
  id: string;
  name?: string;
  /** Where it works from; null when unknown (then it is kept only if no distance limit applies). */
  point: LonLat | null;
  /**
   * Competence id → capacity it can put into this tender, in the unit of the requirements. A
   * competence present with capacity 0 is held, but brings no capacity.
   */
  capacities: Readonly<Record<string, number>>;
  /** Certification codes it holds. */
  certifications: readonly string[];
  /** Ids of companies it already worked with in a grouping (the "already worked together" bonus). */
  pastPartners: readonly string[];
  /** True for a company of the directory outside the network: never proposed, only shown as "nearest". */
  outsideNetwork?: boolean;
}

/** Why a candidate was left out before the integer program. */
export type PruneReason = 'excluded' | 'outside-network' | 'no-location' | 'too-far' | 'covers-nothing';

/** A candidate kept for the integer program, with what it can cover. */
export interface KeptCandidate {
  candidate: ConsortiumCandidate;
  /** Distance to the tender's reference point, km (0 when either point is unknown). */
  distanceKm: number;
  /** Ids of the requirements it can cover (holds the competence or certification, lot within reach). */
  requirementIds: string[];
  pinned: boolean;
}

/** A holder of a requirement's competence or certification, for the "what is missing" report. */
export interface NearbyHolder {
  companyId: string;
  name?: string;
  /** Distance to the lot's place, km; null when a point is unknown. */
  distanceKm: number | null;
  /** Its capacity for the competence (null for a certification). */
  capacity: number | null;
  /** Why it could not be used, if it was left out. */
  leftOut: PruneReason | null;
}

export interface PruneOptions {
  /** Maximum distance from the place of performance, km; null or absent: no limit. */
  maxDistanceKm?: number | null;
  /** Always kept (whatever the distance), and forced into every grouping. */
  pinned?: readonly string[];
  /** Never proposed. */
  excluded?: readonly string[];
  /** Holders listed per requirement in `nearest` (default 3). */
  nearestCount?: number;
}

export interface PruneResult {
  kept: KeptCandidate[];
  /** How many candidates were left out, by reason. */
  leftOut: Record<PruneReason, number>;
  /** Pinned ids that are not among the candidates at all. */
  unknownPinned: string[];
  /** Requirement id → its nearest holders among all candidates (at any distance), nearest first. */
  nearest: Record<string, NearbyHolder[]>;
}

/** Competence and certification → candidates holding it; build once per directory and reuse. */
export interface CandidateIndex {
  candidates: readonly ConsortiumCandidate[];
  byCompetence: Map<string, number[]>;
  byCertification: Map<string, number[]>;
}

export function buildCandidateIndex(candidates: readonly ConsortiumCandidate[]): CandidateIndex {
  const byCompetence = new Map<string, number[]>();
  const byCertification = new Map<string, number[]>();
  candidates.forEach((candidate, index) => {
    for (const competence of Object.keys(candidate.capacities)) {
      pushTo(byCompetence, competence, index);
    }
    for (const certification of candidate.certifications) {
      pushTo(byCertification, certification, index);
    }
  });
  return { candidates, byCompetence, byCertification };
}

/** True when `candidate` can bring something to `requirement` (ignoring distance). */
export function canCover(candidate: ConsortiumCandidate, requirement: TenderRequirement): boolean {
  if (requirement.kind === 'certification') return candidate.certifications.includes(requirement.code);
  const capacity = candidate.capacities[requirement.code];
  if (capacity === undefined) return false;
  return requirement.quantity > 0 ? capacity > 0 : capacity >= 0;
}

function holdersOf(index: CandidateIndex, requirement: TenderRequirement): number[] {
  return (
    (requirement.kind === 'certification'
      ? index.byCertification.get(requirement.code)
      : index.byCompetence.get(requirement.code)) ?? []
  );
}

/**
 * Keeps the candidates that can take part in a grouping for `tender`. A candidate is kept when it
 * is not excluded, is in the network, is within `maxDistanceKm` of the tender's reference point,
 * and covers at least one requirement of a lot whose place is within `maxDistanceKm` (lots
 * without a point are within reach). Pinned candidates are kept whatever their distance.
 */
export function pruneCandidates(
  tender: Tender,
  directory: readonly ConsortiumCandidate[] | CandidateIndex,
  options: PruneOptions = {},
): PruneResult {
  const index = 'byCompetence' in directory ? directory : buildCandidateIndex(directory);
  const maxKm = options.maxDistanceKm ?? null;
  const pinned = new Set(options.pinned ?? []);
  const excluded = new Set(options.excluded ?? []);
  const nearestCount = options.nearestCount ?? 3;
  const reference = referencePoint(tender);
  const leftOut: Record<PruneReason, number> = {
    excluded: 0,
    'outside-network': 0,
    'no-location': 0,
    'too-far': 0,
    'covers-nothing': 0,
  };

  // Requirements each candidate holds (by index), from the index: only holders are visited.
  const held = new Map<number, TenderRequirement[]>();
  const lotPointOf = new Map<string, LonLat | null>();
  for (const { lot, requirement } of requirementsOf(tender)) {
    lotPointOf.set(requirement.id, placeOfLot(tender, lot)?.point ?? null);
    for (const candidateIndex of holdersOf(index, requirement)) {
      if (!canCover(index.candidates[candidateIndex]!, requirement)) continue;
      pushTo(held, candidateIndex, requirement);
    }
  }

  const byId = new Map<string, number>();
  index.candidates.forEach((candidate, i) => {
    byId.set(candidate.id, i);
  });
  const unknownPinned = [...pinned].filter((id) => !byId.has(id));

  const kept: KeptCandidate[] = [];
  const reasonOf = new Map<number, PruneReason>();
  const visit = (candidateIndex: number, requirements: TenderRequirement[]) => {
    const candidate = index.candidates[candidateIndex]!;
    const isPinned = pinned.has(candidate.id);
    const distance = reference && candidate.point ? distanceKm(reference, candidate.point) : 0;
    let reason: PruneReason | null = null;
    if (excluded.has(candidate.id)) reason = 'excluded';
    else if (candidate.outsideNetwork) reason = 'outside-network';
    else if (!isPinned && maxKm !== null && reference && !candidate.point) reason = 'no-location';
    else if (!isPinned && maxKm !== null && distance > maxKm) reason = 'too-far';
    const requirementIds: string[] = [];
    if (reason === null) {
      for (const requirement of requirements) {
        const lotPoint = lotPointOf.get(requirement.id) ?? null;
        const inReach =
          isPinned ||
          maxKm === null ||
          !lotPoint ||
          !candidate.point ||
          distanceKm(lotPoint, candidate.point) <= maxKm;
        if (inReach) requirementIds.push(requirement.id);
      }
      if (requirementIds.length === 0 && !isPinned) reason = 'covers-nothing';
    }
    if (reason === null) kept.push({ candidate, distanceKm: distance, requirementIds, pinned: isPinned });
    else {
      leftOut[reason]++;
      reasonOf.set(candidateIndex, reason);
    }
  };
  for (const [candidateIndex, requirements] of held) visit(candidateIndex, requirements);
  // Pinned companies that hold nothing are still forced in (staff's choice), so kept.
  for (const id of pinned) {
    const candidateIndex = byId.get(id);
    if (candidateIndex !== undefined && !held.has(candidateIndex)) visit(candidateIndex, []);
  }
  leftOut['covers-nothing'] +=
    index.candidates.length -
    held.size -
    [...pinned].filter((id) => {
      const i = byId.get(id);
      return i !== undefined && !held.has(i);
    }).length;
  kept.sort((a, b) => (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0));

  const nearest: Record<string, NearbyHolder[]> = {};
  for (const { requirement } of requirementsOf(tender)) {
    const lotPoint = lotPointOf.get(requirement.id) ?? reference;
    const holders: NearbyHolder[] = [];
    for (const candidateIndex of holdersOf(index, requirement)) {
      const candidate = index.candidates[candidateIndex]!;
      if (!canCover(candidate, requirement) || excluded.has(candidate.id)) continue;
      const reason = reasonOf.get(candidateIndex) ?? null;
      const far =
        maxKm !== null && lotPoint && candidate.point ? distanceKm(lotPoint, candidate.point) > maxKm : false;
      holders.push({
        companyId: candidate.id,
        ...(candidate.name === undefined ? {} : { name: candidate.name }),
        distanceKm: lotPoint && candidate.point ? distanceKm(lotPoint, candidate.point) : null,
        capacity: requirement.kind === 'certification' ? null : (candidate.capacities[requirement.code] ?? 0),
        leftOut: reason ?? (far ? 'too-far' : null),
      });
    }
    holders.sort(
      (a, b) => (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY),
    );
    nearest[requirement.id] = holders.slice(0, nearestCount);
  }
  return { kept, leftOut, unknownPinned, nearest };
}
