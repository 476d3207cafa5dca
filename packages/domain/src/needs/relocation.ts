/**
 * The relocation challenge: for something a member buys outside the network, which member
 * companies could supply it. Candidates are ranked with the need engine's text vectors (what
 * they say they do against what is bought), then NAF proximity, certifications and distance.
 */

import { normaliseForSearch } from '../french-text.ts';
import { explainNeedPair, type PairContribution } from './explain.ts';
import { buildNeedIndex, compareProjectedNeeds, indexedNeed, type Need, projectNeed } from './need-index.ts';
import {
  NAF_LEVEL_SIMILARITY,
  type NafMatchLevel,
  nafLineage,
  sharedNafLevel,
} from './structured-similarity.ts';
import type { SynonymSet } from './thesaurus.ts';

/** What a member buys from outside the network. */
export interface PurchasedItem {
  /** What is bought, in the member's words (« usinage de pièces inox », « étiquettes adhésives »). */
  description: string;
  /** NAF code of the activity that makes it, when known. */
  nafCode?: string | null;
  /** Certifications a supplier must hold (« ISO 9001 », « EN 9100 »). */
  requiredCertifications?: readonly string[];
}

/** A member company that might supply it. */
export interface RelocationCandidate {
  organisationId: string;
  /** What the company does, as in the directory. */
  description: string;
  /** Readable labels of its competences: they are matched as text. */
  competenceLabels?: readonly string[];
  nafCode?: string | null;
  certifications?: readonly string[];
  /** Distance from the buying member, in kilometres, when known. */
  distanceKm?: number | null;
}

export interface RelocationWeights {
  text: number;
  naf: number;
  certifications: number;
  proximity: number;
}

/** What the company does matters most; a close NAF code confirms it; then certification, then distance. */
export const DEFAULT_RELOCATION_WEIGHTS: RelocationWeights = {
  text: 0.55,
  naf: 0.25,
  certifications: 0.1,
  proximity: 0.1,
};

export interface RelocationOptions {
  weights?: Partial<RelocationWeights>;
  /** Distance at which proximity falls to 0 (linearly from 0 km). Default 200 km. */
  maxDistanceKm?: number;
  /**
   * A candidate is proposed only if its text similarity reaches this, or its NAF code shares at
   * least the group with the item's: a nearby certified company that does something else is not
   * a supplier. Default 0.05.
   */
  minTextSimilarity?: number;
  /** At most this many candidates, best first. Default 20. */
  limit?: number;
  extraSynonymSets?: readonly SynonymSet[];
}

export interface RelocationMatch {
  organisationId: string;
  /** Weighted mean of the components known for this candidate, in [0, 1]. */
  score: number;
  textSimilarity: number;
  nafMatch: NafMatchLevel | null;
  certificationsHeld: string[];
  certificationsMissing: string[];
  distanceKm: number | null;
  /** The terms of its description that match what is bought, largest first. */
  matchedTerms: PairContribution[];
}

const ITEM_ID = 'relocation-item';

/** The candidate as a need: its competences are the title (precise), its description the body. */
function candidateAsNeed(candidate: RelocationCandidate): Need {
  const competences = (candidate.competenceLabels ?? []).join(', ');
  return {
    id: candidate.organisationId,
    organisationId: candidate.organisationId,
    title: competences || candidate.description,
    description: competences ? candidate.description : null,
  };
}

/**
 * Ranks candidate suppliers for a purchased item, best first. Throws if two candidates have the
 * same organisation id (a caller's bug).
 */
export function rankRelocationCandidates(
  item: PurchasedItem,
  candidates: readonly RelocationCandidate[],
  options: RelocationOptions = {},
): RelocationMatch[] {
  if (candidates.length === 0) return [];
  const weights = { ...DEFAULT_RELOCATION_WEIGHTS, ...options.weights };
  const maxDistanceKm = options.maxDistanceKm ?? 200;
  const minTextSimilarity = options.minTextSimilarity ?? 0.05;
  const index = buildNeedIndex(
    candidates.map(candidateAsNeed),
    options.extraSynonymSets ? { extraSynonymSets: options.extraSynonymSets } : {},
  );
  const projected = projectNeed(index, { id: ITEM_ID, organisationId: ITEM_ID, title: item.description });
  const itemNaf = nafLineage(item.nafCode);
  const required = [...new Set(item.requiredCertifications ?? [])];

  const matches: RelocationMatch[] = [];
  for (const candidate of candidates) {
    const position = index.positionById.get(candidate.organisationId)!;
    const textSimilarity = compareProjectedNeeds(index, projected, indexedNeed(index, position)).text;
    const candidateNaf = nafLineage(candidate.nafCode);
    const nafMatch = itemNaf && candidateNaf ? sharedNafLevel(itemNaf, candidateNaf) : null;
    const isRelevant = textSimilarity >= minTextSimilarity || nafMatch === 'class' || nafMatch === 'group';
    if (!isRelevant) continue;

    const held = new Set((candidate.certifications ?? []).map(normaliseForSearch));
    const certificationsHeld = required.filter((name) => held.has(normaliseForSearch(name)));
    const certificationsMissing = required.filter((name) => !held.has(normaliseForSearch(name)));
    const distanceKm = candidate.distanceKm ?? null;

    let sum = weights.text * textSimilarity;
    let total = weights.text;
    if (itemNaf && candidateNaf) {
      sum += weights.naf * (nafMatch ? NAF_LEVEL_SIMILARITY[nafMatch] : 0);
      total += weights.naf;
    }
    if (required.length > 0) {
      sum += (weights.certifications * certificationsHeld.length) / required.length;
      total += weights.certifications;
    }
    if (distanceKm !== null) {
      sum += weights.proximity * Math.max(0, 1 - distanceKm / maxDistanceKm);
      total += weights.proximity;
    }
    matches.push({
      organisationId: candidate.organisationId,
      score: total > 0 ? sum / total : 0,
      textSimilarity,
      nafMatch,
      certificationsHeld,
      certificationsMissing,
      distanceKm,
      matchedTerms: explainNeedPair(index, projected, indexedNeed(index, position)).topContributions,
    });
  }
  return matches
    .sort(
      (x, y) =>
        y.score - x.score ||
        (x.distanceKm ?? Number.POSITIVE_INFINITY) - (y.distanceKm ?? Number.POSITIVE_INFINITY) ||
        (x.organisationId < y.organisationId ? -1 : 1),
    )
    .slice(0, options.limit ?? 20);
}
