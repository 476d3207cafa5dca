import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { roundSharesToCents } from './rounding.ts';

describe('roundSharesToCents', () => {
  it('gives the leftover cents to the largest remainders', () => {
    // Floors 33 + 33 + 33 = 99: one cent left, to the largest remainder (0.4).
    assert.deepEqual(roundSharesToCents([33.3, 33.4, 33.3], 100), [33, 34, 33]);
  });

  it('breaks ties in favour of the member listed first', () => {
    assert.deepEqual(roundSharesToCents([100 / 3, 100 / 3, 100 / 3], 100), [34, 33, 33]);
  });

  it('spreads the rounding of the total over the members', () => {
    // Exact total 100.4 billed as 100: every share loses 0.133… before rounding.
    assert.deepEqual(roundSharesToCents([50.2, 50.2], 100), [50, 50]);
    // Exact total 99.6 billed as 100.
    assert.deepEqual(roundSharesToCents([49.8, 49.8], 100), [50, 50]);
  });

  it('rounds negative shares (a member paid by the group) the same way', () => {
    assert.deepEqual(roundSharesToCents([-10.5, 110.5], 100), [-10, 110]);
  });

  it('gives a leftover cent to a member below its upper bound first', () => {
    assert.deepEqual(roundSharesToCents([33.6, 33.4, 33], 100), [34, 33, 33]);
    assert.deepEqual(
      roundSharesToCents([33.6, 33.4, 33], 100, { upperBoundsCents: [33, 40, 40] }),
      [33, 34, 33],
    );
  });

  it('ignores floating-point noise between equal shares', () => {
    assert.deepEqual(roundSharesToCents([12.499999999999, 12.500000000001, 75], 100), [13, 12, 75]);
  });

  it('refuses a fractional total and a total shared among nobody', () => {
    assert.throws(() => roundSharesToCents([1, 2], 3.5), RangeError);
    assert.throws(() => roundSharesToCents([], 1), RangeError);
    assert.deepEqual(roundSharesToCents([], 0), []);
  });

  it('always adds up to the total, each share within a cent of its exact value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e8, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (exact) => {
          const total = Math.round(exact.reduce((sum, share) => sum + share, 0));
          const rounded = roundSharesToCents(exact, total);
          const spread = (total - exact.reduce((sum, share) => sum + share, 0)) / exact.length;
          return (
            rounded.reduce((sum, share) => sum + share, 0) === total &&
            rounded.every(
              (share, index) =>
                Number.isInteger(share) && Math.abs(share - exact[index]! - spread) < 1 + 1e-6,
            )
          );
        },
      ),
    );
  });
});
