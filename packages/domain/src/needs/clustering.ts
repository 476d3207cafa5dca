/**
 * Agglomerative clustering with average linkage and a similarity threshold: no preset number of
 * groups. Starting from one cluster per item (or per must-link component), it repeatedly merges
 * the two clusters with the highest average pairwise similarity, as long as that average reaches
 * the threshold and no cannot-link pair would end up together.
 *
 * The similarity graph is sparse: pairs not given as edges count as similarity 0. Clusters keep
 * the sum of similarities to their neighbours, so a merge costs the size of the smaller
 * neighbourhood, and the nearest-neighbour chain finds the pairs to merge.
 *
 * Deterministic: ties are broken by the smallest item of each cluster and must-links are applied
 * in sorted order, so equal input gives equal output. Callers that want independence from input
 * order number their items in a canonical order (the need engine sorts needs by id).
 */

/** A pair of item positions. */
export type ItemPair = readonly [number, number];

export interface SimilarityEdges {
  readonly first: ArrayLike<number>;
  readonly second: ArrayLike<number>;
  readonly similarity: ArrayLike<number>;
  readonly count: number;
}

export interface AverageLinkageInput {
  itemCount: number;
  /** Similarity edges in [0, 1], each pair at most once; missing pairs count as 0. */
  edges: SimilarityEdges;
  /** Minimum average similarity for two clusters to merge, in (0, 1]. */
  threshold: number;
  /** Pairs that must never share a cluster. */
  cannotLink?: readonly ItemPair[];
  /** Pairs that must share a cluster, whatever their similarity. */
  mustLink?: readonly ItemPair[];
}

export interface AverageLinkageResult {
  /** Clusters of item positions, each sorted, ordered by their smallest item; singletons included. */
  clusters: number[][];
  /** Must-link pairs left out because they would have joined a cannot-link pair (sorted). */
  ignoredMustLinks: ItemPair[];
}

function sortedPair(a: number, b: number): ItemPair {
  return a < b ? [a, b] : [b, a];
}

function comparePairs(x: ItemPair, y: ItemPair): number {
  return x[0] - y[0] || x[1] - y[1];
}

/**
 * Clusters items by average linkage above a threshold, honouring must-link and cannot-link
 * pairs. A must-link that contradicts the cannot-links (directly or through other must-links) is
 * not applied and is reported, so that a staff merge can never override a dismissal silently.
 */
export function clusterByAverageLinkage(input: AverageLinkageInput): AverageLinkageResult {
  const { itemCount, edges, threshold } = input;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError('The clustering threshold must be in (0, 1]');
  const inRange = ([a, b]: ItemPair) => a >= 0 && b >= 0 && a < itemCount && b < itemCount && a !== b;

  // Cluster of each item; a cluster's id is the position of one of its items.
  const clusterOf = new Int32Array(itemCount);
  const members: number[][] = [];
  const representative = new Int32Array(itemCount);
  const forbidden: Set<number>[] = [];
  const alive = new Uint8Array(itemCount).fill(1);
  for (let item = 0; item < itemCount; item += 1) {
    clusterOf[item] = item;
    members.push([item]);
    representative[item] = item;
    forbidden.push(new Set());
  }
  for (const pair of input.cannotLink ?? []) {
    if (!inRange(pair)) continue;
    forbidden[pair[0]]!.add(pair[1]);
    forbidden[pair[1]]!.add(pair[0]);
  }
  // Items a cluster may never be merged with, looked up through clusterOf.
  const isForbiddenPair = (a: number, b: number): boolean => {
    // Called for every candidate merge: no allocation, and usually two empty sets.
    const small = forbidden[a]!.size <= forbidden[b]!.size ? a : b;
    const large = small === a ? b : a;
    for (const item of forbidden[small]!) if (clusterOf[item] === large) return true;
    return false;
  };
  const absorb = (target: number, source: number): void => {
    for (const item of members[source]!) clusterOf[item] = target;
    for (const item of members[source]!) members[target]!.push(item);
    members[source] = [];
    for (const item of forbidden[source]!) forbidden[target]!.add(item);
    forbidden[source]!.clear();
    representative[target] = Math.min(representative[target]!, representative[source]!);
    alive[source] = 0;
  };

  const ignoredMustLinks: ItemPair[] = [];
  const mustLinks = (input.mustLink ?? []).filter(inRange).map(([a, b]) => sortedPair(a, b));
  for (const [a, b] of mustLinks.sort(comparePairs)) {
    const clusterA = clusterOf[a]!;
    const clusterB = clusterOf[b]!;
    if (clusterA === clusterB) continue;
    if (isForbiddenPair(clusterA, clusterB)) {
      ignoredMustLinks.push([a, b]);
      continue;
    }
    const [target, source] = clusterA < clusterB ? [clusterA, clusterB] : [clusterB, clusterA];
    absorb(target, source);
  }

  // Sum of edge similarities between neighbouring clusters.
  const links: Map<number, number>[] = Array.from({ length: itemCount }, () => new Map());
  for (let k = 0; k < edges.count; k += 1) {
    const a = clusterOf[edges.first[k]!]!;
    const b = clusterOf[edges.second[k]!]!;
    if (a === b) continue;
    const similarity = edges.similarity[k]!;
    links[a]!.set(b, (links[a]!.get(b) ?? 0) + similarity);
    links[b]!.set(a, (links[b]!.get(a) ?? 0) + similarity);
  }

  // Nearest-neighbour chain (Murtagh 1983; Müllner 2011): follow each cluster to its most
  // similar neighbour until two clusters are each other's nearest, and merge those. Average
  // linkage is reducible — a merged cluster is never closer to a third than the nearer of its
  // parts, and a cannot-link only lowers a similarity — so this gives the same merges as always
  // taking the best pair overall, without a heap of every pair. A cluster whose best neighbour is
  // under the threshold can never merge again (its similarity to any future cluster is at most
  // that best) and leaves the search.
  const isFinal = new Uint8Array(itemCount);
  /** The most similar neighbour, ties to the smallest representative, preferring `favoured`. */
  const nearestNeighbour = (a: number, favoured: number): { b: number; average: number } => {
    let best = -1;
    let bestAverage = -1;
    const size = members[a]!.length;
    for (const [b, sum] of links[a]!) {
      const average = sum / (size * members[b]!.length);
      if (average < bestAverage) continue;
      if (
        average === bestAverage &&
        !(b === favoured || (best !== favoured && representative[b]! < representative[best]!))
      ) {
        continue;
      }
      if (isForbiddenPair(a, b)) continue;
      best = b;
      bestAverage = average;
    }
    return { b: best, average: bestAverage };
  };
  const merge = (a: number, b: number): void => {
    // The larger neighbourhood absorbs the smaller one: a merge costs the smaller side only.
    const [target, source] = links[a]!.size >= links[b]!.size ? [a, b] : [b, a];
    const targetLinks = links[target]!;
    targetLinks.delete(source);
    for (const [neighbour, sum] of links[source]!) {
      if (neighbour === target) continue;
      const merged = (targetLinks.get(neighbour) ?? 0) + sum;
      targetLinks.set(neighbour, merged);
      const neighbourLinks = links[neighbour]!;
      neighbourLinks.delete(source);
      neighbourLinks.set(target, merged);
    }
    links[source]!.clear();
    absorb(target, source);
  };

  const chain: number[] = [];
  let next = 0;
  for (;;) {
    if (chain.length === 0) {
      while (next < itemCount && (!alive[next] || isFinal[next])) next += 1;
      if (next === itemCount) break;
      chain.push(next);
    }
    const a = chain.at(-1)!;
    const previous = chain.length >= 2 ? chain.at(-2)! : -1;
    const { b, average } = nearestNeighbour(a, previous);
    if (b < 0 || average < threshold) {
      isFinal[a] = 1;
      chain.pop();
    } else if (b === previous) {
      chain.length -= 2;
      merge(a, b);
    } else {
      chain.push(b);
    }
  }

  const clusters: number[][] = [];
  for (let cluster = 0; cluster < itemCount; cluster += 1) {
    if (alive[cluster]) clusters.push([...members[cluster]!].sort((x, y) => x - y));
  }
  clusters.sort((x, y) => x[0]! - y[0]!);
  return { clusters, ignoredMustLinks };
}
