import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  isValidSiren,
  isValidSiret,
  LA_POSTE_SIREN,
  luhnCheckDigit,
  normaliseSiretInput,
  sirenOfSiret,
  siretError,
} from './siren.ts';

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));

const validSiren = digits(8).map((body) => body + luhnCheckDigit(body));
const validSiret = digits(13).map((body) => body + luhnCheckDigit(body));

/** Replaces the digit at `index` by another digit (`shift` in 1..9 steps away, modulo 10). */
function changeOneDigit(value: string, index: number, shift: number): string {
  const changed = String((Number(value[index]) + shift) % 10);
  return value.slice(0, index) + changed + value.slice(index + 1);
}

const digitSum = (value: string) => [...value].reduce((sum, d) => sum + Number(d), 0);

describe('SIREN', () => {
  it('accepts real SIRENs', () => {
    for (const siren of ['732829320', '356000000', '552032534', '775672272']) {
      assert.equal(isValidSiren(siren), true, siren);
    }
  });

  it('accepts every number whose last digit is the Luhn check digit', () => {
    fc.assert(fc.property(validSiren, (siren) => isValidSiren(siren)));
  });

  it('rejects a valid SIREN with any one digit changed', () => {
    fc.assert(
      fc.property(validSiren, fc.nat(8), fc.integer({ min: 1, max: 9 }), (siren, index, shift) => {
        return !isValidSiren(changeOneDigit(siren, index, shift));
      }),
    );
  });

  it('rejects anything that is not exactly 9 digits', () => {
    for (const value of ['', '73282932', '7328293200', '73282932O', ' 732829320', '732 829 320']) {
      assert.equal(isValidSiren(value), false, value);
    }
  });
});

describe('SIRET', () => {
  it('accepts real SIRETs', () => {
    for (const siret of ['73282932000074', '55203253400646', '35600000000048']) {
      assert.equal(isValidSiret(siret), true, siret);
      assert.equal(siretError(siret), null, siret);
    }
  });

  it('accepts every number whose last digit is the Luhn check digit', () => {
    fc.assert(fc.property(validSiret, (siret) => isValidSiret(siret)));
  });

  it('rejects a valid SIRET with any one digit changed, outside La Poste', () => {
    fc.assert(
      fc.property(validSiret, fc.nat(13), fc.integer({ min: 1, max: 9 }), (siret, index, shift) => {
        const changed = changeOneDigit(siret, index, shift);
        fc.pre(!changed.startsWith(LA_POSTE_SIREN));
        return !isValidSiret(changed) && siretError(changed) === 'CHECKSUM';
      }),
    );
  });

  it('accepts La Poste SIRETs whose digit sum is a multiple of 5, even when Luhn fails', () => {
    for (const siret of ['35600000009075', '35600000009093', '35600000000001']) {
      assert.equal(isValidSiret(siret), true, siret);
    }
    fc.assert(
      fc.property(digits(5), (nic) => {
        const siret = LA_POSTE_SIREN + nic;
        return isValidSiret(siret) === (digitSum(siret) % 5 === 0 || isLuhnValid(siret));
      }),
    );
  });

  it('rejects La Poste SIRETs that fail both the Luhn check and the digit-sum rule', () => {
    for (const siret of ['35600000009090', '35600000000002']) {
      assert.equal(siretError(siret), 'CHECKSUM', siret);
    }
  });

  it('does not extend the digit-sum rule to other companies', () => {
    // 73282932000070: digit sum 40, a multiple of 5, but not Luhn-valid.
    assert.equal(isValidSiret('73282932000070'), false);
  });

  it('reports a format error for anything but 14 digits after removing separators', () => {
    for (const value of ['', '7328293200007', '732829320000745', '7328293200007A', 'SIRET']) {
      assert.equal(siretError(value), 'FORMAT', value);
    }
  });

  it('checks what a user typed with spaces, dots or non-breaking spaces', () => {
    assert.equal(siretError('732 829 320 00074'), null);
    assert.equal(siretError('732.829.320.00074'), null);
    assert.equal(siretError('732\u00a0829\u00a0320\u202f00074 '), null);
    assert.equal(siretError('732 829 320 00075'), 'CHECKSUM');
    // isValidSiret takes the canonical form only.
    assert.equal(isValidSiret('732 829 320 00074'), false);
  });
});

describe('normaliseSiretInput and sirenOfSiret', () => {
  it('removes spaces, dots and hyphens and keeps other characters', () => {
    assert.equal(normaliseSiretInput(' 732 829.320-00074 '), '73282932000074');
    assert.equal(normaliseSiretInput('FR 732'), 'FR732');
  });

  it('returns the first 9 digits of a SIRET, or null for anything else', () => {
    assert.equal(sirenOfSiret('73282932000074'), '732829320');
    assert.equal(sirenOfSiret('732829320'), null);
    assert.equal(sirenOfSiret('7328293200007A'), null);
  });

  it('keeps the SIREN of a valid SIRET built on a valid SIREN', () => {
    fc.assert(
      fc.property(validSiren, digits(4), (siren, nicBody) => {
        const body = siren + nicBody;
        const siret = body + luhnCheckDigit(body);
        return sirenOfSiret(siret) === siren && isValidSiren(sirenOfSiret(siret)!);
      }),
    );
  });
});

function isLuhnValid(value: string): boolean {
  return luhnCheckDigit(value.slice(0, -1)) === value.slice(-1);
}
