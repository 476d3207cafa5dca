import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkEligibility,
  isOpenToAll,
  NO_ELIGIBILITY_CONDITION,
  normaliseEligibilityRule,
} from './eligibility.ts';

const plasturgist = { category: 'PME', nafSection: 'C', departementCode: '69' } as const;

describe('checkEligibility', () => {
  it('lets everyone in when the rule sets no condition', () => {
    assert.ok(isOpenToAll(NO_ELIGIBILITY_CONDITION));
    assert.deepEqual(checkEligibility(NO_ELIGIBILITY_CONDITION, plasturgist), { eligible: true });
    assert.deepEqual(
      checkEligibility(NO_ELIGIBILITY_CONDITION, { category: null, nafSection: null, departementCode: null }),
      { eligible: true },
    );
  });

  it('requires every criterion that has a condition, and names each one that fails', () => {
    const rule = { categories: ['TPE', 'PME'], nafSections: ['F'], departements: ['69', '01'] } as const;
    assert.deepEqual(checkEligibility(rule, { ...plasturgist, nafSection: 'F' }), { eligible: true });
    assert.deepEqual(checkEligibility(rule, plasturgist), { eligible: false, failed: ['naf-section'] });
    assert.deepEqual(checkEligibility(rule, { category: 'ETI', nafSection: 'C', departementCode: '38' }), {
      eligible: false,
      failed: ['category', 'naf-section', 'departement'],
    });
  });

  it('does not let a company with an unknown field pass a condition on that field', () => {
    const rule = { categories: ['PME'], nafSections: [], departements: [] } as const;
    assert.deepEqual(checkEligibility(rule, { ...plasturgist, category: null }), {
      eligible: false,
      failed: ['category'],
    });
  });
});

describe('normaliseEligibilityRule', () => {
  it('cleans what staff type', () => {
    assert.deepEqual(
      normaliseEligibilityRule({
        categories: ['pme', 'TPE', 'pme'],
        nafSections: [' c '],
        departements: ['1', '69', '2a'],
      }),
      {
        ok: true,
        rule: { categories: ['PME', 'TPE'], nafSections: ['C'], departements: ['01', '2A', '69'] },
      },
    );
    assert.deepEqual(normaliseEligibilityRule({}), { ok: true, rule: NO_ELIGIBILITY_CONDITION });
  });

  it('names the value it does not know', () => {
    assert.deepEqual(normaliseEligibilityRule({ departements: ['69', '99'] }), {
      ok: false,
      issue: { code: 'DEPARTEMENT_UNKNOWN', value: '99' },
    });
    assert.deepEqual(normaliseEligibilityRule({ nafSections: ['Z'] }), {
      ok: false,
      issue: { code: 'NAF_SECTION_UNKNOWN', value: 'Z' },
    });
    assert.deepEqual(normaliseEligibilityRule({ categories: ['SME'] }), {
      ok: false,
      issue: { code: 'CATEGORY_UNKNOWN', value: 'SME' },
    });
  });
});
