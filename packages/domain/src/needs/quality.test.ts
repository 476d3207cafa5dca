import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
// The NAF rév. 2 labels as the server ships them (built from INSEE's nomenclature by
// scripts/build-reference-data.ts): real labelled text that the engine's authors did not write.
import nafReference from '../../../../apps/server/src/reference/data/naf-rev2.json' with { type: 'json' };
import { PLAIN_TEXT_FEATURES } from './features.ts';
import { DEFAULT_GROUPING_THRESHOLD } from './need-index.ts';
import { adjustedRandIndex, measureGroupingQuality, nafClassesByGroup, pairwiseScores } from './quality.ts';

describe('adjustedRandIndex', () => {
  it('is 1 for the same partition under other names', () => {
    assert.equal(adjustedRandIndex(['a', 'a', 'b', 'c'], ['x', 'x', 'y', 'z']), 1);
  });

  it('matches a value computed by hand', () => {
    // Contingency [[2, 1], [0, 3]]: 4 pairs together in both; 6 true and 7 predicted pairs of
    // 15, so 6 × 7 / 15 = 2.8 expected, maximum (6 + 7) / 2: ARI = (4 − 2.8) / (6.5 − 2.8) = 12/37.
    const truth = ['a', 'a', 'a', 'b', 'b', 'b'];
    const predicted = ['x', 'x', 'y', 'y', 'y', 'y'];
    assert.ok(Math.abs(adjustedRandIndex(truth, predicted) - 12 / 37) < 1e-12);
  });

  it('is symmetric and at most 1', () => {
    const labels = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 2, maxLength: 30 });
    fc.assert(
      fc.property(labels, labels, (x, y) => {
        const n = Math.min(x.length, y.length);
        const a = x.slice(0, n);
        const b = y.slice(0, n);
        assert.ok(Math.abs(adjustedRandIndex(a, b) - adjustedRandIndex(b, a)) < 1e-12);
        assert.ok(adjustedRandIndex(a, b) <= 1 + 1e-12);
      }),
    );
  });
});

describe('pairwiseScores', () => {
  it('counts pairs grouped together in the prediction and in the truth', () => {
    const scores = pairwiseScores(['a', 'a', 'a', 'b'], ['x', 'x', 'y', 'y']);
    // Predicted pairs: (0,1) true, (2,3) false; true pairs: (0,1), (0,2), (1,2).
    assert.equal(scores.precision, 1 / 2);
    assert.equal(scores.recall, 1 / 3);
    assert.ok(Math.abs(scores.f1 - 0.4) < 1e-12);
  });

  it('counts no false pair when nothing is grouped', () => {
    assert.deepEqual(pairwiseScores(['a', 'a'], ['x', 'y']), { precision: 1, recall: 0, f1: 0 });
  });
});

describe('the NAF benchmark', () => {
  const entries = nafReference.entries.map(([code, label]) => ({ code: code!, label: label! }));
  const classes = nafClassesByGroup(entries);

  it('takes the 615 classes, each labelled with its group', () => {
    assert.equal(classes.length, 615);
    assert.deepEqual(
      classes.find((item) => item.id === '62.01'),
      { id: '62.01', text: 'Programmation informatique', label: '62.0' },
    );
  });

  // Floors 0.02 below the scores measured on 2026-11-22 (bench/README.md): a change of the
  // pipeline that loses quality fails here.
  it('groups the class labels by group better than plain TF-IDF, above the measured floor', () => {
    const [full] = measureGroupingQuality(classes, [DEFAULT_GROUPING_THRESHOLD]);
    const [plain] = measureGroupingQuality(classes, [DEFAULT_GROUPING_THRESHOLD], {
      textFeatures: PLAIN_TEXT_FEATURES,
    });
    assert.ok(full!.adjustedRandIndex >= 0.222, `ARI ${full!.adjustedRandIndex}`);
    assert.ok(full!.f1 >= 0.226, `F1 ${full!.f1}`);
    assert.ok(full!.precision >= 0.22 && full!.recall >= 0.21, `P ${full!.precision} R ${full!.recall}`);
    assert.ok(full!.adjustedRandIndex > plain!.adjustedRandIndex, `baseline ARI ${plain!.adjustedRandIndex}`);
  });
});
