/**
 * Every pair of vectors whose cosine reaches a minimum, without comparing every pair: the
 * All-Pairs algorithm of Bayardo, Ma and Srikant (WWW 2007).
 *
 * Features are numbered most common first. Each vector, once compared with those before it, is
 * put in an inverted index — but only from the feature at which the weights left out could no
 * longer reach the minimum by themselves (bounded by each feature's weight times its largest
 * weight in any vector, and by their norm: the L2AP bounds of Anastasiu and Karypis, 2014). Common character n-grams, whose posting lists would make the search quadratic, thus
 * mostly stay out of the index, and the result is still exact: a pair is found through the
 * indexed part of the earlier vector, then its left-out part is added by a direct product.
 */

import { dotProduct, type SparseVector } from './vectors.ts';

/** Pairs `first[k] < second[k]` (vector positions) with their cosine `similarity[k]`. */
export interface SimilarPairs {
  readonly first: Int32Array;
  readonly second: Int32Array;
  readonly similarity: Float64Array;
  readonly count: number;
}

class PairBuffer {
  first = new Int32Array(1024);
  second = new Int32Array(1024);
  similarity = new Float64Array(1024);
  count = 0;

  push(first: number, second: number, similarity: number): void {
    if (this.count === this.first.length) {
      const grow = <T extends Int32Array | Float64Array>(array: T, make: (n: number) => T): T => {
        const bigger = make(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.first = grow(this.first, (n) => new Int32Array(n));
      this.second = grow(this.second, (n) => new Int32Array(n));
      this.similarity = grow(this.similarity, (n) => new Float64Array(n));
    }
    this.first[this.count] = first;
    this.second[this.count] = second;
    this.similarity[this.count] = similarity;
    this.count += 1;
  }

  toPairs(): SimilarPairs {
    return {
      first: this.first.subarray(0, this.count),
      second: this.second.subarray(0, this.count),
      similarity: this.similarity.subarray(0, this.count),
      count: this.count,
    };
  }
}

/**
 * The position from which a vector is indexed: the left-out features before it could not, by
 * themselves, bring a cosine to `minSimilarity`. Two bounds on what they can add: each weight
 * times the largest weight of its feature in any vector, and (Cauchy–Schwarz, the other vector
 * being unit) their norm. Also returns that norm, to prune candidates later.
 */
function indexingStart(
  vector: SparseVector,
  maxWeight: Float64Array,
  minSimilarity: number,
): { from: number; leftOutNorm: number } {
  let maxWeightBound = 0;
  let squaredNorm = 0;
  for (let k = 0; k < vector.ids.length; k += 1) {
    const weight = vector.weights[k]!;
    const nextBound = maxWeightBound + maxWeight[vector.ids[k]!]! * weight;
    const nextSquaredNorm = squaredNorm + weight * weight;
    if (Math.min(nextBound, Math.sqrt(nextSquaredNorm)) >= minSimilarity) {
      return { from: k, leftOutNorm: Math.sqrt(squaredNorm) };
    }
    maxWeightBound = nextBound;
    squaredNorm = nextSquaredNorm;
  }
  return { from: vector.ids.length, leftOutNorm: Math.sqrt(squaredNorm) };
}

/** How many of the sorted ids are below `limit` (binary search). */
function countBelow(ids: Int32Array, limit: number): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ids[middle]! < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * All pairs of vectors with a cosine of at least `minSimilarity` (> 0), in increasing order of
 * the second vector, then of the order in which the first was found. Vectors must be unit length
 * with non-negative weights and ids below `featureCount`.
 */
export function findSimilarPairs(
  vectors: readonly SparseVector[],
  featureCount: number,
  minSimilarity: number,
): SimilarPairs {
  if (!(minSimilarity > 0)) throw new RangeError('findSimilarPairs needs a minimum similarity above 0');
  const maxWeight = new Float64Array(featureCount);
  for (const vector of vectors) {
    for (let k = 0; k < vector.ids.length; k += 1) {
      const id = vector.ids[k]!;
      if (vector.weights[k]! > maxWeight[id]!) maxWeight[id] = vector.weights[k]!;
    }
  }
  // The indexed part of every vector is known in advance, so the inverted index is laid out
  // once in flat arrays (compressed sparse columns) and filled as vectors are reached.
  const indexedFrom = new Int32Array(vectors.length);
  const leftOutNorm = new Float64Array(vectors.length);
  const postingStart = new Int32Array(featureCount + 1);
  vectors.forEach((vector, position) => {
    const start = indexingStart(vector, maxWeight, minSimilarity);
    indexedFrom[position] = start.from;
    leftOutNorm[position] = start.leftOutNorm;
    for (let k = start.from; k < vector.ids.length; k += 1) postingStart[vector.ids[k]! + 1]! += 1;
  });
  for (let id = 0; id < featureCount; id += 1) postingStart[id + 1]! += postingStart[id]!;
  const postingVector = new Int32Array(postingStart[featureCount]!);
  const postingWeight = new Float64Array(postingStart[featureCount]!);
  const postingEnd = postingStart.slice(0, featureCount);

  const accumulated = new Float64Array(vectors.length);
  const touched = new Int32Array(vectors.length);
  const pairs = new PairBuffer();
  vectors.forEach((vector, position) => {
    const length = vector.ids.length;
    // Running sums over this vector's features [0, k): the two bounds of what they can add.
    const sumMaxWeight = new Float64Array(length + 1);
    const sumSquares = new Float64Array(length + 1);
    for (let k = 0; k < length; k += 1) {
      const weight = vector.weights[k]!;
      sumMaxWeight[k + 1] = sumMaxWeight[k]! + weight * maxWeight[vector.ids[k]!]!;
      sumSquares[k + 1] = sumSquares[k]! + weight * weight;
    }
    let touchedCount = 0;
    // Rarest features first: once the features left could not reach the minimum on their own,
    // a vector not met yet can no longer qualify, so only those already met are updated.
    for (let k = length - 1; k >= 0; k -= 1) {
      const id = vector.ids[k]!;
      const weight = vector.weights[k]!;
      const canMeetNew = Math.min(sumMaxWeight[k + 1]!, Math.sqrt(sumSquares[k + 1]!)) >= minSimilarity;
      const end = postingEnd[id]!;
      for (let p = postingStart[id]!; p < end; p += 1) {
        const other = postingVector[p]!;
        if (accumulated[other] === 0) {
          if (!canMeetNew) continue;
          touched[touchedCount++] = other;
        }
        accumulated[other]! += weight * postingWeight[p]!;
      }
    }
    for (let t = 0; t < touchedCount; t += 1) {
      const other = touched[t]!;
      const partial = accumulated[other]!;
      accumulated[other] = 0;
      // The left-out part of `other` meets only this vector's features below its first indexed
      // one: their norm times its norm bounds the rest of the product.
      const firstIndexed =
        indexedFrom[other]! < vectors[other]!.ids.length
          ? vectors[other]!.ids[indexedFrom[other]!]!
          : featureCount;
      const below = countBelow(vector.ids, firstIndexed);
      if (partial + leftOutNorm[other]! * Math.sqrt(sumSquares[below]!) < minSimilarity) continue;
      const similarity = partial + dotProduct(vector, vectors[other]!, indexedFrom[other]!);
      if (similarity >= minSimilarity) pairs.push(other, position, Math.min(1, similarity));
    }
    for (let k = indexedFrom[position]!; k < length; k += 1) {
      const id = vector.ids[k]!;
      const slot = postingEnd[id]!;
      postingVector[slot] = position;
      postingWeight[slot] = vector.weights[k]!;
      postingEnd[id] = slot + 1;
    }
  });
  return pairs.toPairs();
}
