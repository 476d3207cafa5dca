/**
 * Measuring the grouping against labelled text the engine's authors did not write: the adjusted
 * Rand index and pairwise precision, recall and F1 of a partition against the truth, and the
 * NAF benchmark (class labels grouped by text alone, compared with their NAF group).
 */

import { nafLevelOfCode } from '../naf.ts';
import { clusterByAverageLinkage } from './clustering.ts';
import { buildNeedIndex, MIN_EDGE_SHARE_OF_THRESHOLD, type NeedEngineOptions } from './need-index.ts';
import { similarityEdges } from './shared-needs.ts';

/** Number of unordered pairs among `n`. */
function pairsAmong(n: number): number {
  return (n * (n - 1)) / 2;
}

interface PairCounts {
  /** Pairs together in both partitions. */
  together: number;
  /** Pairs together in the truth. */
  truePairs: number;
  /** Pairs together in the prediction. */
  predictedPairs: number;
  allPairs: number;
}

function countPairs(truth: readonly string[], predicted: readonly string[]): PairCounts {
  if (truth.length !== predicted.length) throw new RangeError('Both partitions must label the same items');
  const cells = new Map<string, number>();
  const truthSizes = new Map<string, number>();
  const predictedSizes = new Map<string, number>();
  truth.forEach((label, k) => {
    const cluster = predicted[k]!;
    const cell = `${label}\u0000${cluster}`;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
    truthSizes.set(label, (truthSizes.get(label) ?? 0) + 1);
    predictedSizes.set(cluster, (predictedSizes.get(cluster) ?? 0) + 1);
  });
  const sumPairs = (sizes: Map<string, number>) =>
    [...sizes.values()].reduce((sum, n) => sum + pairsAmong(n), 0);
  return {
    together: sumPairs(cells),
    truePairs: sumPairs(truthSizes),
    predictedPairs: sumPairs(predictedSizes),
    allPairs: pairsAmong(truth.length),
  };
}

/**
 * Adjusted Rand index (Hubert and Arabie, 1985) of a predicted partition against the truth,
 * each given as one label per item: 1 for the same partition, about 0 for a random one (it can
 * go below). When both partitions are trivial in the same way the index is 1.
 */
export function adjustedRandIndex(truth: readonly string[], predicted: readonly string[]): number {
  const { together, truePairs, predictedPairs, allPairs } = countPairs(truth, predicted);
  if (allPairs === 0) return 1;
  const expected = (truePairs * predictedPairs) / allPairs;
  const maximum = (truePairs + predictedPairs) / 2;
  if (maximum === expected) return 1;
  return (together - expected) / (maximum - expected);
}

export interface PairwiseScores {
  /** Share of predicted pairs that are true pairs; 1 when nothing is grouped (no false pair). */
  precision: number;
  /** Share of true pairs that are predicted; 1 when the truth has no pair. */
  recall: number;
  f1: number;
}

/** Pairwise precision, recall and F1 of a predicted partition against the truth. */
export function pairwiseScores(truth: readonly string[], predicted: readonly string[]): PairwiseScores {
  const { together, truePairs, predictedPairs } = countPairs(truth, predicted);
  const precision = predictedPairs === 0 ? 1 : together / predictedPairs;
  const recall = truePairs === 0 ? 1 : together / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** A text with its true group. */
export interface LabelledText {
  id: string;
  text: string;
  label: string;
}

export interface GroupingQuality extends PairwiseScores {
  threshold: number;
  adjustedRandIndex: number;
  /** Groups of two items or more. */
  groupCount: number;
  /** Items in such groups. */
  groupedItemCount: number;
}

/**
 * Groups labelled texts by text alone, each text as the need of its own organisation, at each
 * threshold, and scores the groups against the labels. The index is built once; the similarity
 * graph at each threshold is the one grouping would use (same minimum edge similarity).
 */
export function measureGroupingQuality(
  items: readonly LabelledText[],
  thresholds: readonly number[],
  options: Omit<NeedEngineOptions, 'threshold' | 'minEdgeSimilarity'> = {},
): GroupingQuality[] {
  const index = buildNeedIndex(
    items.map((item) => ({ id: item.id, organisationId: item.id, title: item.text })),
    options,
  );
  const labelOf = new Map(items.map((item) => [item.id, item.label]));
  const truth = index.needs.map((need) => labelOf.get(need.id)!);
  return thresholds.map((threshold) => {
    const edges = similarityEdges(index, MIN_EDGE_SHARE_OF_THRESHOLD * threshold);
    const { clusters } = clusterByAverageLinkage({ itemCount: index.needs.length, edges, threshold });
    const predicted: string[] = new Array(index.needs.length);
    clusters.forEach((cluster, k) => {
      for (const position of cluster) predicted[position] = String(k);
    });
    const grouped = clusters.filter((cluster) => cluster.length >= 2);
    return {
      threshold,
      adjustedRandIndex: adjustedRandIndex(truth, predicted),
      ...pairwiseScores(truth, predicted),
      groupCount: grouped.length,
      groupedItemCount: grouped.reduce((sum, cluster) => sum + cluster.length, 0),
    };
  });
}

/**
 * The NAF benchmark's items: every class of the nomenclature (`62.01`) with its label as text
 * and its group (`62.0`) as the truth. Takes `{ code, label }` entries of any level; the others
 * are skipped.
 */
export function nafClassesByGroup(entries: readonly { code: string; label: string }[]): LabelledText[] {
  return entries
    .filter((entry) => nafLevelOfCode(entry.code) === 'class')
    .map((entry) => ({ id: entry.code, text: entry.label, label: entry.code.slice(0, 4) }));
}
