import { COMPANY_CATEGORIES, type CompanyCategory } from '../headcount.ts';

/**
 * Who may join a purchase campaign. Staff may reserve a campaign to some company categories,
 * NAF sections and départements; an empty list sets no condition. The rule is shown to every
 * member before they commit, and a refusal names the criteria that failed.
 */

export interface EligibilityRule {
  categories: readonly CompanyCategory[];
  /** NAF rev. 2 section letters, A to U. */
  nafSections: readonly string[];
  /** Département codes as INSEE writes them: 01 … 95, 2A, 2B, 971 … 976. */
  departements: readonly string[];
}

export interface EligibilityProfile {
  category: CompanyCategory | null;
  nafSection: string | null;
  departementCode: string | null;
}

export type EligibilityCriterion = 'category' | 'naf-section' | 'departement';

export type EligibilityVerdict = { eligible: true } | { eligible: false; failed: EligibilityCriterion[] };

export const NO_ELIGIBILITY_CONDITION: EligibilityRule = {
  categories: [],
  nafSections: [],
  departements: [],
};

const NAF_SECTION = /^[A-U]$/;
const DEPARTEMENT = /^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/;

export function isOpenToAll(rule: EligibilityRule): boolean {
  return rule.categories.length === 0 && rule.nafSections.length === 0 && rule.departements.length === 0;
}

/**
 * A company meets the rule when it meets every criterion that has a condition. A profile that
 * lacks the field a criterion needs (no category known, say) does not meet it: staff asked for
 * it, and the company can fill its profile.
 */
export function checkEligibility(rule: EligibilityRule, profile: EligibilityProfile): EligibilityVerdict {
  const failed: EligibilityCriterion[] = [];
  if (rule.categories.length > 0 && !(profile.category && rule.categories.includes(profile.category))) {
    failed.push('category');
  }
  if (rule.nafSections.length > 0 && !(profile.nafSection && rule.nafSections.includes(profile.nafSection))) {
    failed.push('naf-section');
  }
  if (
    rule.departements.length > 0 &&
    !(profile.departementCode && rule.departements.includes(profile.departementCode))
  ) {
    failed.push('departement');
  }
  return failed.length === 0 ? { eligible: true } : { eligible: false, failed };
}

export type EligibilityIssue =
  | { code: 'NAF_SECTION_UNKNOWN'; value: string }
  | { code: 'DEPARTEMENT_UNKNOWN'; value: string }
  | { code: 'CATEGORY_UNKNOWN'; value: string };

/** Cleans a rule typed by staff (trims, upper-cases, sorts, removes repeats) or says what is wrong. */
export function normaliseEligibilityRule(input: {
  categories?: readonly string[];
  nafSections?: readonly string[];
  departements?: readonly string[];
}): { ok: true; rule: EligibilityRule } | { ok: false; issue: EligibilityIssue } {
  const clean = (values: readonly string[] | undefined) =>
    [...new Set((values ?? []).map((value) => value.trim().toUpperCase()).filter(Boolean))].sort();
  const categories = clean(input.categories);
  const unknownCategory = categories.find((c) => !(COMPANY_CATEGORIES as readonly string[]).includes(c));
  if (unknownCategory) return { ok: false, issue: { code: 'CATEGORY_UNKNOWN', value: unknownCategory } };
  const nafSections = clean(input.nafSections);
  const unknownSection = nafSections.find((s) => !NAF_SECTION.test(s));
  if (unknownSection) return { ok: false, issue: { code: 'NAF_SECTION_UNKNOWN', value: unknownSection } };
  // "1" and "01" are the same département to a person; INSEE writes two digits.
  const departements = clean(input.departements?.map((d) => (/^\d$/.test(d.trim()) ? `0${d.trim()}` : d)));
  const unknownDepartement = departements.find((d) => !DEPARTEMENT.test(d));
  if (unknownDepartement) {
    return { ok: false, issue: { code: 'DEPARTEMENT_UNKNOWN', value: unknownDepartement } };
  }
  return {
    ok: true,
    rule: { categories: categories as CompanyCategory[], nafSections, departements },
  };
}
