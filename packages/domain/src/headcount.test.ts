import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  bandFitsSizeRule,
  categoryForHeadcount,
  categoryForHeadcountBand,
  HEADCOUNT_BAND_CODES,
  HEADCOUNT_BANDS,
  headcountBand,
} from './headcount.ts';

const employerBands = HEADCOUNT_BANDS.filter((band) => band.code !== 'NN');

describe('headcount bands', () => {
  it('covers every INSEE code, in INSEE order, with French and English labels', () => {
    assert.deepEqual(
      HEADCOUNT_BANDS.map((band) => band.code),
      [...HEADCOUNT_BAND_CODES],
    );
    for (const band of HEADCOUNT_BANDS) {
      assert.ok(band.labelFr.length > 0 && band.labelEn.length > 0, band.code);
    }
  });

  it('tiles 0 to infinity with contiguous, non-overlapping ranges', () => {
    assert.equal(employerBands[0]?.minStaff, 0);
    for (let i = 1; i < employerBands.length; i++) {
      assert.equal(employerBands[i]?.minStaff, (employerBands[i - 1]?.maxStaff ?? Number.NaN) + 1);
    }
    assert.equal(employerBands.at(-1)?.maxStaff, null);
  });

  it('finds a band by code and returns null for an empty or unknown code', () => {
    assert.deepEqual(headcountBand('32'), {
      code: '32',
      minStaff: 250,
      maxStaff: 499,
      labelFr: '250 à 499 salariés',
      labelEn: '250 to 499 employees',
    });
    assert.equal(headcountBand('NN')?.minStaff, null);
    for (const code of ['', '99', '3', null, undefined]) assert.equal(headcountBand(code), null);
  });
});

describe('company category from headcount', () => {
  it('puts the thresholds at 10, 250 and 5,000 employees', () => {
    const cases: [number, string][] = [
      [0, 'TPE'],
      [9, 'TPE'],
      [10, 'PME'],
      [249, 'PME'],
      [250, 'ETI'],
      [4999, 'ETI'],
      [5000, 'GE'],
      [120000, 'GE'],
    ];
    for (const [staff, category] of cases) assert.equal(categoryForHeadcount(staff), category, String(staff));
  });

  it('gives a whole band a single category', () => {
    for (const band of employerBands) {
      const upper = band.maxStaff ?? band.minStaff! * 10;
      assert.equal(categoryForHeadcount(band.minStaff!), categoryForHeadcount(upper), band.code);
    }
    assert.equal(categoryForHeadcountBand('03'), 'TPE');
    assert.equal(categoryForHeadcountBand('31'), 'PME');
    assert.equal(categoryForHeadcountBand('51'), 'ETI');
    assert.equal(categoryForHeadcountBand('52'), 'GE');
    assert.equal(categoryForHeadcountBand('NN'), null);
  });
});

describe('size rules', () => {
  const etiClub = { minStaff: 250, maxStaff: 4999 };

  it('accepts the bands wholly inside "250 to 4,999 staff" and rejects those outside', () => {
    const fits = employerBands.map((band) => [band.code, bandFitsSizeRule(band.code, etiClub)]);
    assert.deepEqual(fits, [
      ['00', 'no'],
      ['01', 'no'],
      ['02', 'no'],
      ['03', 'no'],
      ['11', 'no'],
      ['12', 'no'],
      ['21', 'no'],
      ['22', 'no'],
      ['31', 'no'],
      ['32', 'yes'],
      ['41', 'yes'],
      ['42', 'yes'],
      ['51', 'yes'],
      ['52', 'no'],
      ['53', 'no'],
    ]);
  });

  it('cannot tell for NN, an unknown code, or a band straddling a bound of the rule', () => {
    assert.equal(bandFitsSizeRule('NN', etiClub), 'unknown');
    assert.equal(bandFitsSizeRule('', etiClub), 'unknown');
    assert.equal(bandFitsSizeRule('32', { minStaff: 300, maxStaff: null }), 'unknown');
  });

  it('treats a missing bound as unbounded', () => {
    assert.equal(bandFitsSizeRule('53', { minStaff: 250, maxStaff: null }), 'yes');
    assert.equal(bandFitsSizeRule('00', { minStaff: null, maxStaff: 9 }), 'yes');
    assert.equal(bandFitsSizeRule('53', { minStaff: null, maxStaff: null }), 'yes');
  });

  it('says yes exactly when every headcount of the band satisfies the rule', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...employerBands),
        fc.option(fc.nat(20000)),
        fc.option(fc.nat(20000)),
        (band, minStaff, maxStaff) => {
          const verdict = bandFitsSizeRule(band.code, { minStaff, maxStaff });
          const inRule = (n: number) => n >= (minStaff ?? 0) && n <= (maxStaff ?? Number.POSITIVE_INFINITY);
          const upper = band.maxStaff ?? 20001;
          const counts = [band.minStaff!, upper];
          if (verdict === 'yes') return counts.every(inRule) && (band.maxStaff !== null || maxStaff === null);
          if (verdict === 'no') return !inRule(band.minStaff!) && !inRule(upper);
          return true;
        },
      ),
    );
  });
});
