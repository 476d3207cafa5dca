import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findSimilarPairs } from './similarity-graph.ts';
import { dotProduct, type SparseVector } from './vectors.ts';

const FEATURES = 12;

/** A random unit vector with non-negative weights over a small vocabulary, so that pairs overlap. */
const unitVector = fc
  .uniqueArray(fc.integer({ min: 0, max: FEATURES - 1 }), { minLength: 0, maxLength: 6 })
  .chain((ids) =>
    fc
      .array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: ids.length, maxLength: ids.length })
      .map((weights): SparseVector => {
        const sorted = ids.map((id, k) => ({ id, weight: weights[k]! })).sort((a, b) => a.id - b.id);
        const norm = Math.sqrt(sorted.reduce((sum, { weight }) => sum + weight * weight, 0)) || 1;
        return {
          ids: Int32Array.from(sorted.map(({ id }) => id)),
          weights: Float64Array.from(sorted.map(({ weight }) => weight / norm)),
        };
      }),
  );

describe('findSimilarPairs', () => {
  it('finds exactly the pairs a brute-force comparison finds', () => {
    fc.assert(
      fc.property(
        fc.array(unitVector, { maxLength: 25 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (vectors, minimum) => {
          const found = findSimilarPairs(vectors, FEATURES, minimum);
          const foundPairs = new Map<string, number>();
          for (let k = 0; k < found.count; k += 1) {
            assert.ok(found.first[k]! < found.second[k]!);
            foundPairs.set(`${found.first[k]}-${found.second[k]}`, found.similarity[k]!);
          }
          for (let a = 0; a < vectors.length; a += 1) {
            for (let b = a + 1; b < vectors.length; b += 1) {
              const exact = dotProduct(vectors[a]!, vectors[b]!);
              const similarity = foundPairs.get(`${a}-${b}`);
              // Pairs within rounding of the minimum may go either way.
              if (Math.abs(exact - minimum) < 1e-9) continue;
              if (exact >= minimum) {
                assert.ok(similarity !== undefined, `missing ${a}-${b} (${exact})`);
                assert.ok(Math.abs(similarity - Math.min(1, exact)) < 1e-9);
              } else assert.equal(similarity, undefined, `extra ${a}-${b} (${exact})`);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a minimum of 0, which would list every pair', () => {
    assert.throws(() => findSimilarPairs([], 0, 0), RangeError);
  });
});
