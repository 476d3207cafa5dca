import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  AID_PROJECT_STAGES,
  type AidCompanyProfile,
  type AidCriterion,
  type AidSchemeMatch,
  type AidSchemeRule,
  type AidSubject,
  isSchemeClosed,
  matchScheme,
  nafDivisionOf,
  normaliseAidSchemeRule,
} from './aid-scheme-eligibility.ts';

const OPEN_TO_ALL: AidSchemeRule = {
  level: 'national',
  categories: [],
  nafSections: [],
  nafDivisions: [],
  regions: [],
  departements: [],
  projectStages: [],
  amountMinCents: null,
  amountMaxCents: null,
  opensOn: null,
  closesOn: null,
};

const TODAY = '2026-11-22';

/** A PME of Rouen (Seine-Maritime, Normandie) in software publishing (J 58.29C). */
const rouenSoftware: AidCompanyProfile = {
  id: 'a',
  name: 'Logiciels Rouen',
  category: 'PME',
  nafCode: '58.29C',
  nafSection: 'J',
  departementCode: '76',
  regionCode: '28',
};
const blank: AidCompanyProfile = {
  id: 'b',
  name: 'Profil vide',
  category: null,
  nafCode: null,
  nafSection: null,
  departementCode: null,
  regionCode: null,
};

const company = (profile: AidCompanyProfile) => ({ kind: 'company' as const, company: profile });
const check = (match: AidSchemeMatch, criterion: AidCriterion) =>
  match.checks.find((c) => c.criterion === criterion)!;
const rule = (over: Partial<AidSchemeRule>): AidSchemeRule => ({ ...OPEN_TO_ALL, ...over });

describe('matchScheme', () => {
  it('reports every criterion, and a rule without condition is eligible for anyone', () => {
    const match = matchScheme(OPEN_TO_ALL, company(blank), TODAY);
    assert.equal(match.verdict, 'eligible');
    assert.deepEqual(
      match.checks.map((c) => [c.criterion, c.status, c.reason.code]),
      [
        ['dates', 'matched', 'NO_CONDITION'],
        ['category', 'matched', 'NO_CONDITION'],
        ['naf', 'matched', 'NO_CONDITION'],
        ['territory', 'matched', 'NO_CONDITION'],
        ['stage', 'matched', 'NO_CONDITION'],
        ['amount', 'matched', 'NO_CONDITION'],
      ],
    );
  });

  it('never lets a closed scheme be eligible, and says when it closed', () => {
    const closed = rule({ closesOn: '2026-11-21' });
    assert.ok(isSchemeClosed(closed, TODAY));
    const match = matchScheme(closed, company(rouenSoftware), TODAY);
    assert.equal(match.verdict, 'not-eligible');
    assert.deepEqual(check(match, 'dates'), {
      criterion: 'dates',
      status: 'failed',
      reason: { code: 'CLOSED', closesOn: '2026-11-21' },
    });
  });

  it('keeps a scheme open on its closing day and fails it before its opening day', () => {
    assert.equal(matchScheme(rule({ closesOn: TODAY }), company(rouenSoftware), TODAY).verdict, 'eligible');
    assert.ok(!isSchemeClosed(rule({ closesOn: TODAY }), TODAY));
    const early = matchScheme(rule({ opensOn: '2027-01-01' }), company(rouenSoftware), TODAY);
    assert.equal(check(early, 'dates').status, 'failed');
    assert.deepEqual(check(early, 'dates').reason, { code: 'NOT_YET_OPEN', opensOn: '2027-01-01' });
    const open = matchScheme(
      rule({ opensOn: '2026-01-01', closesOn: '2026-12-31' }),
      company(rouenSoftware),
      TODAY,
    );
    assert.deepEqual(check(open, 'dates').reason, {
      code: 'OPEN',
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
    });
  });

  it('checks the company category: matched, failed, unknown when the profile has none', () => {
    const r = rule({ categories: ['TPE', 'PME'] });
    assert.deepEqual(check(matchScheme(r, company(rouenSoftware), TODAY), 'category'), {
      criterion: 'category',
      status: 'matched',
      reason: { code: 'CATEGORY_IN', value: 'PME', allowed: ['TPE', 'PME'] },
    });
    const eti = matchScheme(r, company({ ...rouenSoftware, category: 'ETI' }), TODAY);
    assert.equal(eti.verdict, 'not-eligible');
    assert.equal(check(eti, 'category').reason.code, 'CATEGORY_NOT_IN');
    const unknown = matchScheme(r, company(blank), TODAY);
    assert.equal(unknown.verdict, 'unknown');
    assert.equal(check(unknown, 'category').status, 'unknown');
  });

  it('checks the NAF section or division', () => {
    const bySection = matchScheme(rule({ nafSections: ['J'] }), company(rouenSoftware), TODAY);
    assert.deepEqual(check(bySection, 'naf').reason, { code: 'NAF_SECTION_IN', value: 'J', allowed: ['J'] });
    const byDivision = matchScheme(
      rule({ nafSections: ['C'], nafDivisions: ['58'] }),
      company(rouenSoftware),
      TODAY,
    );
    assert.deepEqual(check(byDivision, 'naf').reason, {
      code: 'NAF_DIVISION_IN',
      value: '58',
      allowed: ['58'],
    });
    const industry = matchScheme(rule({ nafSections: ['C'] }), company(rouenSoftware), TODAY);
    assert.equal(check(industry, 'naf').status, 'failed');
    assert.deepEqual(check(industry, 'naf').reason, {
      code: 'NAF_NOT_IN',
      value: '58.29C',
      sections: ['C'],
      divisions: [],
    });
    assert.equal(
      check(matchScheme(rule({ nafSections: ['C'] }), company(blank), TODAY), 'naf').status,
      'unknown',
    );
    // A division alone cannot tell the section: ask for it rather than refuse.
    const noSection = matchScheme(
      rule({ nafSections: ['C'] }),
      company({ ...rouenSoftware, nafSection: null }),
      TODAY,
    );
    assert.equal(check(noSection, 'naf').status, 'unknown');
  });

  it('checks the territory by département or région; empty means all France', () => {
    const seineMaritime = matchScheme(rule({ departements: ['76'] }), company(rouenSoftware), TODAY);
    assert.deepEqual(check(seineMaritime, 'territory').reason, {
      code: 'DEPARTEMENT_IN',
      value: '76',
      allowed: ['76'],
    });
    const normandie = matchScheme(
      rule({ regions: ['28'], departements: ['69'] }),
      company(rouenSoftware),
      TODAY,
    );
    assert.deepEqual(check(normandie, 'territory').reason, {
      code: 'REGION_IN',
      value: '28',
      allowed: ['28'],
    });
    const bretagne = matchScheme(rule({ regions: ['53'] }), company(rouenSoftware), TODAY);
    assert.equal(check(bretagne, 'territory').status, 'failed');
    assert.equal(check(bretagne, 'territory').reason.code, 'TERRITORY_NOT_IN');
    assert.equal(
      check(matchScheme(rule({ regions: ['53'] }), company(blank), TODAY), 'territory').status,
      'unknown',
    );
  });

  it('leaves stage and amount unknown for a company alone', () => {
    const match = matchScheme(
      rule({ projectStages: ['pilot'], amountMaxCents: 10_000_000 }),
      company(rouenSoftware),
      TODAY,
    );
    assert.equal(match.verdict, 'unknown');
    assert.equal(check(match, 'stage').reason.code, 'STAGE_NOT_KNOWN');
    assert.equal(check(match, 'amount').reason.code, 'AMOUNT_NOT_KNOWN');
  });

  it('checks a project: its stage, its amount, and its lead organisation for company criteria', () => {
    const r = rule({
      projectStages: ['pilot', 'project'],
      amountMinCents: 1_000_000,
      amountMaxCents: 5_000_000,
      regions: ['28'],
      categories: ['PME'],
    });
    const project = (stage: 'idea' | 'pilot', amount: number | null, lead: AidCompanyProfile | null) => ({
      kind: 'project' as const,
      stage,
      requestedAmountCents: amount,
      lead,
      members: [blank],
    });
    const ok = matchScheme(r, project('pilot', 2_000_000, rouenSoftware), TODAY);
    assert.equal(ok.verdict, 'eligible');
    assert.deepEqual(check(ok, 'territory').organisation, { id: 'a', name: 'Logiciels Rouen' });
    assert.deepEqual(check(ok, 'amount').reason, {
      code: 'AMOUNT_IN',
      value: 2_000_000,
      min: 1_000_000,
      max: 5_000_000,
    });
    const idea = matchScheme(r, project('idea', 2_000_000, rouenSoftware), TODAY);
    assert.equal(idea.verdict, 'not-eligible');
    assert.deepEqual(check(idea, 'stage').reason, {
      code: 'STAGE_NOT_IN',
      value: 'idea',
      allowed: ['pilot', 'project'],
    });
    assert.deepEqual(
      check(matchScheme(r, project('pilot', 500_000, rouenSoftware), TODAY), 'amount').reason,
      {
        code: 'AMOUNT_BELOW_MIN',
        value: 500_000,
        min: 1_000_000,
      },
    );
    assert.deepEqual(
      check(matchScheme(r, project('pilot', 9_000_000, rouenSoftware), TODAY), 'amount').reason,
      {
        code: 'AMOUNT_ABOVE_MAX',
        value: 9_000_000,
        max: 5_000_000,
      },
    );
    const noAmount = matchScheme(r, project('pilot', null, rouenSoftware), TODAY);
    assert.equal(noAmount.verdict, 'unknown');
    assert.equal(check(noAmount, 'amount').status, 'unknown');
  });

  it('without a lead, lets the best-placed member decide a company criterion', () => {
    const r = rule({ regions: ['28'] });
    const match = matchScheme(
      r,
      {
        kind: 'project',
        stage: 'idea',
        requestedAmountCents: null,
        lead: null,
        members: [blank, rouenSoftware],
      },
      TODAY,
    );
    assert.equal(check(match, 'territory').status, 'matched');
    assert.equal(check(match, 'territory').organisation?.name, 'Logiciels Rouen');
    const nobody = matchScheme(
      r,
      { kind: 'project', stage: 'idea', requestedAmountCents: null, lead: null, members: [] },
      TODAY,
    );
    assert.equal(check(nobody, 'territory').status, 'unknown');
  });
});

describe('normaliseAidSchemeRule', () => {
  it('cleans what staff typed', () => {
    const result = normaliseAidSchemeRule({
      level: 'territorial',
      categories: [' pme', 'TPE', 'PME'],
      nafSections: ['c'],
      nafDivisions: ['62', '25'],
      regions: ['28'],
      departements: ['76', '1', ''],
      projectStages: ['Pilot'],
      amountMinCents: 0,
      amountMaxCents: 100,
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
    });
    assert.ok(result.ok);
    assert.deepEqual(result.rule, {
      level: 'territorial',
      categories: ['PME', 'TPE'],
      nafSections: ['C'],
      nafDivisions: ['25', '62'],
      regions: ['28'],
      departements: ['01', '76'],
      projectStages: ['pilot'],
      amountMinCents: 0,
      amountMaxCents: 100,
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
    });
  });

  it('names the field and the value at fault', () => {
    const issue = (input: Parameters<typeof normaliseAidSchemeRule>[0], ref = {}) => {
      const result = normaliseAidSchemeRule(input, ref);
      assert.ok(!result.ok);
      return result.issue;
    };
    assert.deepEqual(issue({ level: 'galactic' }), {
      code: 'LEVEL_UNKNOWN',
      field: 'level',
      value: 'galactic',
    });
    assert.deepEqual(issue({ level: 'national', categories: ['PME', 'XXL'] }), {
      code: 'CATEGORY_UNKNOWN',
      field: 'categories',
      index: 1,
      value: 'XXL',
    });
    assert.equal(issue({ level: 'national', nafSections: ['Z'] }).code, 'NAF_SECTION_UNKNOWN');
    assert.equal(
      issue({ level: 'national', nafDivisions: ['04'] }, { isNafDivision: (c: string) => c !== '04' }).code,
      'NAF_DIVISION_UNKNOWN',
    );
    assert.equal(
      issue({ level: 'national', regions: ['99'] }, { isRegion: () => false }).code,
      'REGION_UNKNOWN',
    );
    assert.equal(issue({ level: 'national', departements: ['96'] }).code, 'DEPARTEMENT_UNKNOWN');
    assert.equal(issue({ level: 'national', projectStages: ['dream'] }).code, 'STAGE_UNKNOWN');
    assert.deepEqual(issue({ level: 'national', amountMinCents: 10, amountMaxCents: 5 }), {
      code: 'AMOUNT_MIN_ABOVE_MAX',
      field: 'amountMinCents',
      min: 10,
      max: 5,
    });
    assert.equal(issue({ level: 'national', amountMaxCents: -1 }).code, 'AMOUNT_NEGATIVE');
    assert.deepEqual(issue({ level: 'national', opensOn: '2026-06-01', closesOn: '2026-05-01' }), {
      code: 'CLOSES_BEFORE_OPENS',
      field: 'closesOn',
      opensOn: '2026-06-01',
      closesOn: '2026-05-01',
    });
    assert.equal(issue({ level: 'national', closesOn: '2026-02-30' }).code, 'DATE_INVALID');
  });

  it('reads the NAF division of a code', () => {
    assert.equal(nafDivisionOf('62.02A'), '62');
    assert.equal(nafDivisionOf(null), null);
    assert.equal(nafDivisionOf('J'), null);
  });
});

describe('matchScheme properties', () => {
  const categories = fc.subarray(['TPE', 'PME', 'ETI', 'GE'] as const);
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
  const day = fc
    .integer({ min: 0, max: 3000 })
    .map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
  const ruleArb: fc.Arbitrary<AidSchemeRule> = fc.record({
    level: fc.constantFrom('territorial', 'national', 'european' as const),
    categories,
    nafSections: fc.subarray(['A', 'C', 'F', 'J']),
    nafDivisions: fc.subarray(['25', '43', '62']),
    regions: fc.subarray(['28', '53', '84']),
    departements: fc.subarray(['14', '61', '69', '76']),
    projectStages: fc.subarray([...AID_PROJECT_STAGES]),
    amountMinCents: maybe(fc.integer({ min: 0, max: 1_000_000 })),
    amountMaxCents: maybe(fc.integer({ min: 1_000_000, max: 5_000_000 })),
    opensOn: maybe(day),
    closesOn: maybe(day),
  });
  const profileArb: fc.Arbitrary<AidCompanyProfile> = fc.record({
    id: fc.constant('x'),
    name: fc.constant('X'),
    category: maybe(fc.constantFrom('TPE', 'PME', 'ETI', 'GE' as const)),
    nafCode: maybe(fc.constantFrom('25.62A', '43.29A', '62.02A', '01.11Z')),
    nafSection: maybe(fc.constantFrom('A', 'C', 'F', 'J')),
    departementCode: maybe(fc.constantFrom('14', '61', '69', '76')),
    regionCode: maybe(fc.constantFrom('28', '53', '84')),
  });
  const subjectArb: fc.Arbitrary<AidSubject> = fc.oneof(
    profileArb.map((company) => ({ kind: 'company' as const, company })),
    fc.record({
      kind: fc.constant('project' as const),
      stage: fc.constantFrom(...AID_PROJECT_STAGES),
      requestedAmountCents: maybe(fc.integer({ min: 0, max: 6_000_000 })),
      lead: maybe(profileArb),
      members: fc.array(profileArb, { maxLength: 3 }),
    }),
  );

  it('never finds a scheme eligible after its closing day', () => {
    fc.assert(
      fc.property(ruleArb, subjectArb, day, (rule, subject, today) => {
        const match = matchScheme(rule, subject, today);
        if (rule.closesOn !== null && rule.closesOn < today) assert.equal(match.verdict, 'not-eligible');
      }),
    );
  });

  it('is eligible exactly when every criterion matched, and reports each criterion once', () => {
    fc.assert(
      fc.property(ruleArb, subjectArb, day, (rule, subject, today) => {
        const match = matchScheme(rule, subject, today);
        assert.deepEqual(
          match.checks.map((c) => c.criterion),
          ['dates', 'category', 'naf', 'territory', 'stage', 'amount'],
        );
        assert.equal(
          match.verdict === 'eligible',
          match.checks.every((c) => c.status === 'matched'),
        );
        assert.equal(
          match.verdict === 'not-eligible',
          match.checks.some((c) => c.status === 'failed'),
        );
      }),
    );
  });

  it('never lets a subject in by adding a condition', () => {
    fc.assert(
      fc.property(ruleArb, subjectArb, day, categories, (rule, subject, today, extra) => {
        const before = matchScheme({ ...rule, categories: [] }, subject, today);
        const after = matchScheme({ ...rule, categories: extra }, subject, today);
        if (before.verdict !== 'eligible') assert.notEqual(after.verdict, 'eligible');
      }),
    );
  });
});
