import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { clusterByAverageLinkage, type ItemPair, type SimilarityEdges } from './clustering.ts';

function edgesOf(list: readonly [number, number, number][]): SimilarityEdges {
  return {
    first: list.map(([a]) => a),
    second: list.map(([, b]) => b),
    similarity: list.map(([, , similarity]) => similarity),
    count: list.length,
  };
}

/** Random graphs: each pair of `itemCount` items has an edge with some probability. */
const graphs = fc.integer({ min: 2, max: 12 }).chain((itemCount) =>
  fc
    .array(
      fc.tuple(
        fc.integer({ min: 0, max: itemCount - 1 }),
        fc.integer({ min: 0, max: itemCount - 1 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
      ),
      { maxLength: 40 },
    )
    .map((raw) => {
      // One edge per pair, the first one drawn.
      const seen = new Set<string>();
      const edges: [number, number, number][] = [];
      for (const [a, b, similarity] of raw) {
        const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
        if (a === b || seen.has(key)) continue;
        seen.add(key);
        edges.push([Math.min(a, b), Math.max(a, b), similarity]);
      }
      return { itemCount, edges };
    }),
);

const pairsOf = (itemCount: number) =>
  fc.array(
    fc.tuple(
      fc.integer({ min: 0, max: itemCount - 1 }),
      fc.integer({ min: 0, max: itemCount - 1 }),
    ) as fc.Arbitrary<ItemPair>,
    { maxLength: 6 },
  );

/**
 * Textbook average linkage for the comparison: at each step, compute every pair of clusters'
 * average similarity and merge the best, until none reaches the threshold.
 */
function naiveAverageLinkage(
  itemCount: number,
  edges: readonly [number, number, number][],
  threshold: number,
  cannotLink: readonly ItemPair[],
): number[][] {
  const similarity = (a: number, b: number) =>
    edges.find(([x, y]) => (x === a && y === b) || (x === b && y === a))?.[2] ?? 0;
  const forbidden = (x: number[], y: number[]) =>
    cannotLink.some(([a, b]) => (x.includes(a) && y.includes(b)) || (x.includes(b) && y.includes(a)));
  let clusters = Array.from({ length: itemCount }, (_, k) => [k]);
  for (;;) {
    let best: { x: number; y: number; average: number } | null = null;
    for (let x = 0; x < clusters.length; x += 1) {
      for (let y = x + 1; y < clusters.length; y += 1) {
        if (forbidden(clusters[x]!, clusters[y]!)) continue;
        let sum = 0;
        for (const a of clusters[x]!) for (const b of clusters[y]!) sum += similarity(a, b);
        const average = sum / (clusters[x]!.length * clusters[y]!.length);
        if (average >= threshold && (!best || average > best.average)) best = { x, y, average };
      }
    }
    if (!best) break;
    const merged = [...clusters[best.x]!, ...clusters[best.y]!].sort((a, b) => a - b);
    clusters = clusters.filter((_, k) => k !== best.x && k !== best.y).concat([merged]);
  }
  return clusters.sort((x, y) => x[0]! - y[0]!);
}

describe('clusterByAverageLinkage', () => {
  it('gives the clusters of textbook average linkage', () => {
    fc.assert(
      fc.property(
        graphs.chain((graph) => fc.tuple(fc.constant(graph), pairsOf(graph.itemCount))),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        ([{ itemCount, edges }, cannotLink], threshold) => {
          const { clusters } = clusterByAverageLinkage({
            itemCount,
            edges: edgesOf(edges),
            threshold,
            cannotLink,
          });
          assert.deepEqual(clusters, naiveAverageLinkage(itemCount, edges, threshold, cannotLink));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('merges by average similarity down to the threshold', () => {
    // 0–1 alike; 2 alike to 0 but not to 1: the average (0.5 + 0.1) / 2 is below 0.4.
    const { clusters } = clusterByAverageLinkage({
      itemCount: 4,
      edges: edgesOf([
        [0, 1, 0.9],
        [0, 2, 0.5],
        [1, 2, 0.1],
      ]),
      threshold: 0.4,
    });
    assert.deepEqual(clusters, [[0, 1], [2], [3]]);
  });

  it('keeps a chain together while the averages hold', () => {
    const { clusters } = clusterByAverageLinkage({
      itemCount: 3,
      edges: edgesOf([
        [0, 1, 0.8],
        [1, 2, 0.8],
        [0, 2, 0.6],
      ]),
      threshold: 0.5,
    });
    assert.deepEqual(clusters, [[0, 1, 2]]);
  });

  it('never puts a cannot-link pair together, even through others', () => {
    const { clusters } = clusterByAverageLinkage({
      itemCount: 3,
      edges: edgesOf([
        [0, 1, 0.9],
        [1, 2, 0.9],
        [0, 2, 0.9],
      ]),
      threshold: 0.3,
      cannotLink: [[0, 2]],
    });
    assert.deepEqual(clusters, [[0, 1], [2]]);
  });

  it('applies must-links whatever the similarity, except against a cannot-link', () => {
    const { clusters, ignoredMustLinks } = clusterByAverageLinkage({
      itemCount: 4,
      edges: edgesOf([]),
      threshold: 0.5,
      mustLink: [
        [1, 0],
        [1, 2],
        [3, 3],
      ],
      cannotLink: [[0, 2]],
    });
    assert.deepEqual(clusters, [[0, 1], [2], [3]]);
    assert.deepEqual(ignoredMustLinks, [[1, 2]]);
  });

  it('returns a partition of the items, honouring every cannot-link', () => {
    fc.assert(
      fc.property(
        graphs.chain((graph) =>
          fc.tuple(fc.constant(graph), pairsOf(graph.itemCount), pairsOf(graph.itemCount)),
        ),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        ([{ itemCount, edges }, cannotLink, mustLink], threshold) => {
          const { clusters } = clusterByAverageLinkage({
            itemCount,
            edges: edgesOf(edges),
            threshold,
            cannotLink,
            mustLink,
          });
          const items = clusters.flat().sort((a, b) => a - b);
          assert.deepEqual(
            items,
            Array.from({ length: itemCount }, (_, k) => k),
          );
          const clusterOf = new Map<number, number>();
          clusters.forEach((cluster, k) => {
            for (const item of cluster) clusterOf.set(item, k);
          });
          for (const [a, b] of cannotLink) if (a !== b) assert.notEqual(clusterOf.get(a), clusterOf.get(b));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same clusters whatever the order of the constraints', () => {
    fc.assert(
      fc.property(
        graphs.chain((graph) =>
          fc.tuple(fc.constant(graph), pairsOf(graph.itemCount), pairsOf(graph.itemCount)),
        ),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.integer(),
        ([{ itemCount, edges }, cannotLink, mustLink], threshold, seed) => {
          const shuffle = <T>(list: readonly T[]) =>
            list
              .map((value, k) => ({ value, key: Math.sin(seed + k * 7919) }))
              .sort((x, y) => x.key - y.key)
              .map(({ value }) => value);
          const once = clusterByAverageLinkage({
            itemCount,
            edges: edgesOf(edges),
            threshold,
            cannotLink,
            mustLink,
          });
          const again = clusterByAverageLinkage({
            itemCount,
            edges: edgesOf(edges),
            threshold,
            cannotLink: shuffle(cannotLink),
            mustLink: shuffle(mustLink),
          });
          assert.deepEqual(again, once);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a threshold outside (0, 1]', () => {
    assert.throws(
      () => clusterByAverageLinkage({ itemCount: 1, edges: edgesOf([]), threshold: 0 }),
      RangeError,
    );
  });
});
