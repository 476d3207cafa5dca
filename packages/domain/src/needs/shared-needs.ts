/**
 * The shared-need engine: groups needs of different members that say the same thing in
 * different words, ranks the groups and explains them; places a new need among existing groups.
 *
 * Staff decisions come back as constraints: a dismissed group gives cannot-link pairs (never
 * proposed together again), a merge gives must-link pairs, a split both. The service stores the
 * pairs; the engine honours them on every run.
 */

import { clusterByAverageLinkage, type ItemPair, type SimilarityEdges } from './clustering.ts';
import { explainGroup, explainNeedPair, type GroupExplanation, type PairExplanation } from './explain.ts';
import {
  buildNeedIndex,
  compareProjectedNeeds,
  indexedNeed,
  type Need,
  type NeedEngineOptions,
  type NeedIndex,
  projectNeed,
} from './need-index.ts';
import { findSimilarPairs } from './similarity-graph.ts';
import { combineSimilarities, competenceSimilarity, nafSimilarity } from './structured-similarity.ts';

/** Two need ids, in any order. */
export type NeedIdPair = readonly [string, string];

/** What staff decided about earlier proposals. Pairs naming needs not in the index are ignored. */
export interface GroupingConstraints {
  /** Pairs that must never be in one group (from dismissed groups and splits). */
  cannotLink?: readonly NeedIdPair[];
  /** Pairs that must be in one group whatever their similarity (from merges and splits). */
  mustLink?: readonly NeedIdPair[];
}

/** A group of needs, from at least two organisations, that the engine proposes to staff. */
export interface SharedNeedGroup {
  /** The smallest need id of the group: stable as long as that need stays in it. */
  key: string;
  /** Sorted. */
  needIds: string[];
  /** Distinct, sorted. */
  organisationIds: string[];
  /**
   * Mean similarity of the group's pairs of needs from different organisations, each pair compared
   * exactly, in [0, 1]. Groups form at an average of at least the threshold (0.2 by default), so
   * it is mostly above it: in the hand-written example, four ways of asking for a security test
   * score 0.28 and two energy-purchase needs 0.53; 1 is the same need posted twice.
   */
  confidence: number;
  explanation: GroupExplanation;
}

export interface SharedNeedGrouping {
  /** By number of organisations, then confidence, then key: the order of the staff's board. */
  groups: SharedNeedGroup[];
  /** Must-link pairs not applied because they contradict cannot-link pairs (sorted). */
  ignoredMustLinks: NeedIdPair[];
}

function positionPairs(index: NeedIndex, pairs: readonly NeedIdPair[] | undefined): ItemPair[] {
  const positions: ItemPair[] = [];
  for (const [idA, idB] of pairs ?? []) {
    const a = index.positionById.get(idA);
    const b = index.positionById.get(idB);
    if (a !== undefined && b !== undefined && a !== b) positions.push([a, b]);
  }
  return positions;
}

function distinctOrganisations(index: NeedIndex, positions: readonly number[]): string[] {
  return [...new Set(positions.map((position) => index.needs[position]!.organisationId))].sort();
}

/**
 * The similarity graph of the index: every pair whose text similarity reaches the minimum edge
 * similarity, weighted by its combined similarity (text, competences, NAF).
 */
export function similarityEdges(
  index: NeedIndex,
  minEdgeSimilarity = index.settings.minEdgeSimilarity,
): SimilarityEdges {
  const textPairs = findSimilarPairs(index.vectors, index.space.keys.length, minEdgeSimilarity);
  const similarity = new Float64Array(textPairs.count);
  const weights = index.settings.similarityWeights;
  for (let k = 0; k < textPairs.count; k += 1) {
    const a = textPairs.first[k]!;
    const b = textPairs.second[k]!;
    similarity[k] = combineSimilarities(
      textPairs.similarity[k]!,
      competenceSimilarity(index.competences[a]!, index.competences[b]!),
      nafSimilarity(index.naf[a]!, index.naf[b]!),
      weights,
    );
  }
  return { first: textPairs.first, second: textPairs.second, similarity, count: textPairs.count };
}

/**
 * Groups the needs of an index. A group is proposed only when its needs come from at least two
 * organisations; needs of one organisation may sit in a group together (a member that asked
 * twice) but never form one alone.
 */
export function groupSharedNeeds(
  index: NeedIndex,
  constraints: GroupingConstraints = {},
): SharedNeedGrouping {
  const { clusters, ignoredMustLinks } = clusterByAverageLinkage({
    itemCount: index.needs.length,
    edges: similarityEdges(index),
    threshold: index.settings.threshold,
    cannotLink: positionPairs(index, constraints.cannotLink),
    mustLink: positionPairs(index, constraints.mustLink),
  });
  const groups: SharedNeedGroup[] = [];
  for (const positions of clusters) {
    const organisationIds = distinctOrganisations(index, positions);
    if (organisationIds.length < 2) continue;
    const explanation = explainGroup(index, positions);
    const needIds = positions.map((position) => index.needs[position]!.id);
    groups.push({
      key: needIds[0]!,
      needIds,
      organisationIds,
      confidence: explanation.meanPairSimilarity,
      explanation,
    });
  }
  groups.sort(
    (x, y) =>
      y.organisationIds.length - x.organisationIds.length ||
      y.confidence - x.confidence ||
      (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
  );
  const idOf = (position: number) => index.needs[position]!.id;
  return {
    groups,
    ignoredMustLinks: ignoredMustLinks.map(([a, b]) => [idOf(a), idOf(b)] as const),
  };
}

/** Builds the index and groups in one call: what a nightly job or a "refresh" button does. */
export function findSharedNeeds(
  needs: readonly Need[],
  options: NeedEngineOptions & GroupingConstraints = {},
): SharedNeedGrouping {
  return groupSharedNeeds(buildNeedIndex(needs, options), options);
}

/** A need like the one being placed. */
export interface SimilarNeed {
  needId: string;
  organisationId: string;
  similarity: number;
}

/** Where a new need belongs among the groups of the last grouping. */
export type NeedPlacement =
  | {
      kind: 'joins-group';
      groupKey: string;
      /** Mean similarity to the group's needs, at least the threshold. */
      similarity: number;
      /** The pair with the group's most similar need, explained. */
      evidence: PairExplanation;
      similarNeeds: SimilarNeed[];
    }
  | {
      kind: 'forms-group';
      /** The need of another organisation it would be grouped with. */
      needId: string;
      similarity: number;
      evidence: PairExplanation;
      similarNeeds: SimilarNeed[];
    }
  | { kind: 'alone'; similarNeeds: SimilarNeed[] };

const SIMILAR_NEEDS_SHOWN = 5;

/**
 * Places a new need (not in the index) with the same rule as grouping: it joins the group whose
 * needs it is most similar to on average, if that reaches the threshold and no cannot-link
 * pair forbids it; otherwise it may form a new group with the most similar need of another
 * organisation that is in no group; otherwise it stays alone. `similarNeeds` lists the closest
 * needs of other organisations either way (for a « similar needs » panel).
 *
 * It uses the index's vocabulary and IDF: words the corpus never saw cannot match until the next
 * full grouping, which also re-balances groups.
 */
export function placeNeed(
  index: NeedIndex,
  grouping: SharedNeedGrouping,
  need: Need,
  constraints: Pick<GroupingConstraints, 'cannotLink'> = {},
): NeedPlacement {
  const projected = projectNeed(index, need);
  const forbidden = new Set<string>();
  for (const [a, b] of constraints.cannotLink ?? []) {
    if (a === need.id) forbidden.add(b);
    if (b === need.id) forbidden.add(a);
  }
  const similarities = index.needs.map(
    (_, position) => compareProjectedNeeds(index, projected, indexedNeed(index, position)).similarity,
  );
  const similarityOf = (needId: string) => similarities[index.positionById.get(needId)!] ?? 0;
  const similarNeeds: SimilarNeed[] = index.needs
    .map((other, position) => ({
      needId: other.id,
      organisationId: other.organisationId,
      similarity: similarities[position]!,
    }))
    .filter(
      (other) =>
        other.organisationId !== need.organisationId && other.similarity >= index.settings.minEdgeSimilarity,
    )
    .sort((x, y) => y.similarity - x.similarity || (x.needId < y.needId ? -1 : 1))
    .slice(0, SIMILAR_NEEDS_SHOWN);
  const threshold = index.settings.threshold;
  const evidenceWith = (needId: string) =>
    explainNeedPair(index, projected, indexedNeed(index, index.positionById.get(needId)!));

  let best: { group: SharedNeedGroup; similarity: number } | null = null;
  for (const group of grouping.groups) {
    const known = group.needIds.filter((id) => index.positionById.has(id));
    if (known.length === 0 || known.some((id) => forbidden.has(id))) continue;
    const similarity = known.reduce((sum, id) => sum + similarityOf(id), 0) / known.length;
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { group, similarity };
  }
  if (best) {
    const closest = best.group.needIds
      .filter((id) => index.positionById.has(id))
      .reduce((x, y) => (similarityOf(y) > similarityOf(x) ? y : x));
    return {
      kind: 'joins-group',
      groupKey: best.group.key,
      similarity: best.similarity,
      evidence: evidenceWith(closest),
      similarNeeds,
    };
  }

  const grouped = new Set(grouping.groups.flatMap((group) => group.needIds));
  const partner = similarNeeds.find(
    (other) => other.similarity >= threshold && !grouped.has(other.needId) && !forbidden.has(other.needId),
  );
  if (partner) {
    return {
      kind: 'forms-group',
      needId: partner.needId,
      similarity: partner.similarity,
      evidence: evidenceWith(partner.needId),
      similarNeeds,
    };
  }
  return { kind: 'alone', similarNeeds };
}

/** The cannot-link pairs that record the dismissal of a group: every pair across organisations. */
export function cannotLinksForDismissedGroup(
  needs: readonly Pick<Need, 'id' | 'organisationId'>[],
): NeedIdPair[] {
  const pairs: NeedIdPair[] = [];
  for (let x = 0; x < needs.length; x += 1) {
    for (let y = x + 1; y < needs.length; y += 1) {
      if (needs[x]!.organisationId !== needs[y]!.organisationId) pairs.push([needs[x]!.id, needs[y]!.id]);
    }
  }
  return pairs;
}

/** The must-link pairs that record a merge of groups (or needs) into one: a chain through all. */
export function mustLinksForMerge(needIds: readonly string[]): NeedIdPair[] {
  return needIds.slice(1).map((id, k) => [needIds[k]!, id] as const);
}

/**
 * The constraints that record a split of a group into parts: each part stays together and no
 * two parts are proposed together again.
 */
export function constraintsForSplit(parts: readonly (readonly string[])[]): Required<GroupingConstraints> {
  const cannotLink: NeedIdPair[] = [];
  parts.forEach((part, p) => {
    for (const other of parts.slice(p + 1))
      for (const a of part) for (const b of other) cannotLink.push([a, b]);
  });
  return { cannotLink, mustLink: parts.flatMap((part) => mustLinksForMerge(part)) };
}
