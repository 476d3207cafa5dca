import { COMPANY_CATEGORIES, type CompanyCategory } from '../headcount.ts';

/**
 * Public funding schemes (dispositifs d'aide) and who may claim them. Staff describe a scheme's
 * conditions as a structured rule; `matchScheme` checks a company or a collective project against
 * it and says, criterion by criterion, what matched, what failed and what Meute cannot tell
 * because a profile lacks the data — the "why" shown to members.
 */

export const AID_SCHEME_LEVELS = ['territorial', 'national', 'european'] as const;
export type AidSchemeLevel = (typeof AID_SCHEME_LEVELS)[number];

export const AID_PROJECT_STAGES = ['idea', 'pilot', 'project', 'industrial', 'market'] as const;
export type AidProjectStage = (typeof AID_PROJECT_STAGES)[number];

export interface AidSchemeRule {
  level: AidSchemeLevel;
  /** Empty: every company size. */
  categories: readonly CompanyCategory[];
  /** NAF rév. 2 section letters; a company matches a section or a division. Both empty: every activity. */
  nafSections: readonly string[];
  /** NAF rév. 2 divisions, two digits (`62`). */
  nafDivisions: readonly string[];
  /** INSEE région codes (`28` Normandie); a company matches a région or a département. Both empty: all France. */
  regions: readonly string[];
  /** INSEE département codes (`76`, `2A`, `974`). */
  departements: readonly string[];
  /** Empty: every project stage. */
  projectStages: readonly AidProjectStage[];
  /** Amount of the aid that may be asked for, in euro cents, both inclusive; null: no bound. */
  amountMinCents: number | null;
  amountMaxCents: number | null;
  /** Calendar dates `YYYY-MM-DD`, both inclusive; null: always open (on that side). */
  opensOn: string | null;
  closesOn: string | null;
}

/** What Meute knows of a company; null where its profile is empty. */
export interface AidCompanyProfile {
  id: string;
  name: string;
  category: CompanyCategory | null;
  /** The APE code or any NAF code at division level or below (`62.02A`). */
  nafCode: string | null;
  /** The section of `nafCode`, looked up in the nomenclature by the caller. */
  nafSection: string | null;
  departementCode: string | null;
  regionCode: string | null;
}

export type AidSubject =
  | { kind: 'company'; company: AidCompanyProfile }
  | {
      kind: 'project';
      stage: AidProjectStage;
      /** The aid the project would ask for, in cents; null when not known yet. */
      requestedAmountCents: number | null;
      /** The organisation carrying the project, if any. */
      lead: AidCompanyProfile | null;
      /** The other organisations of the project. */
      members: readonly AidCompanyProfile[];
    };

export const AID_CRITERIA = ['dates', 'category', 'naf', 'territory', 'stage', 'amount'] as const;
export type AidCriterion = (typeof AID_CRITERIA)[number];

export type CriterionStatus = 'matched' | 'failed' | 'unknown';

/** Why a criterion came out as it did, with the values a sentence needs. */
export type AidReason =
  | { code: 'NO_CONDITION' }
  | { code: 'OPEN'; opensOn: string | null; closesOn: string | null }
  | { code: 'CLOSED'; closesOn: string }
  | { code: 'NOT_YET_OPEN'; opensOn: string }
  | { code: 'CATEGORY_IN'; value: CompanyCategory; allowed: readonly CompanyCategory[] }
  | { code: 'CATEGORY_NOT_IN'; value: CompanyCategory; allowed: readonly CompanyCategory[] }
  | { code: 'CATEGORY_MISSING'; allowed: readonly CompanyCategory[] }
  | { code: 'NAF_SECTION_IN'; value: string; allowed: readonly string[] }
  | { code: 'NAF_DIVISION_IN'; value: string; allowed: readonly string[] }
  | { code: 'NAF_NOT_IN'; value: string; sections: readonly string[]; divisions: readonly string[] }
  | { code: 'NAF_MISSING'; sections: readonly string[]; divisions: readonly string[] }
  | { code: 'DEPARTEMENT_IN'; value: string; allowed: readonly string[] }
  | { code: 'REGION_IN'; value: string; allowed: readonly string[] }
  | {
      code: 'TERRITORY_NOT_IN';
      departement: string | null;
      region: string | null;
      regions: readonly string[];
      departements: readonly string[];
    }
  | { code: 'TERRITORY_MISSING'; regions: readonly string[]; departements: readonly string[] }
  | { code: 'STAGE_IN'; value: AidProjectStage; allowed: readonly AidProjectStage[] }
  | { code: 'STAGE_NOT_IN'; value: AidProjectStage; allowed: readonly AidProjectStage[] }
  | { code: 'STAGE_NOT_KNOWN'; allowed: readonly AidProjectStage[] }
  | { code: 'AMOUNT_IN'; value: number; min: number | null; max: number | null }
  | { code: 'AMOUNT_BELOW_MIN'; value: number; min: number }
  | { code: 'AMOUNT_ABOVE_MAX'; value: number; max: number }
  | { code: 'AMOUNT_NOT_KNOWN'; min: number | null; max: number | null };

export interface CriterionCheck {
  criterion: AidCriterion;
  status: CriterionStatus;
  reason: AidReason;
  /** For a project, the organisation whose profile decided a company criterion. */
  organisation?: { id: string; name: string };
}

export type AidVerdict = 'eligible' | 'not-eligible' | 'unknown';

export interface AidSchemeMatch {
  verdict: AidVerdict;
  /** One check per criterion, in the order of AID_CRITERIA. */
  checks: CriterionCheck[];
}

/** Whether the rule sets a condition on the criterion. */
export function hasCondition(rule: AidSchemeRule, criterion: AidCriterion): boolean {
  switch (criterion) {
    case 'dates':
      return rule.opensOn !== null || rule.closesOn !== null;
    case 'category':
      return rule.categories.length > 0;
    case 'naf':
      return rule.nafSections.length > 0 || rule.nafDivisions.length > 0;
    case 'territory':
      return rule.regions.length > 0 || rule.departements.length > 0;
    case 'stage':
      return rule.projectStages.length > 0;
    case 'amount':
      return rule.amountMinCents !== null || rule.amountMaxCents !== null;
  }
}

/** Whether the scheme is past its closing date on `today` (`YYYY-MM-DD`). */
export function isSchemeClosed(rule: Pick<AidSchemeRule, 'closesOn'>, today: string): boolean {
  return rule.closesOn !== null && rule.closesOn < today;
}

type Check = Omit<CriterionCheck, 'criterion'>;

function checkDates(rule: AidSchemeRule, today: string): Check {
  if (rule.closesOn !== null && rule.closesOn < today) {
    return { status: 'failed', reason: { code: 'CLOSED', closesOn: rule.closesOn } };
  }
  if (rule.opensOn !== null && rule.opensOn > today) {
    return { status: 'failed', reason: { code: 'NOT_YET_OPEN', opensOn: rule.opensOn } };
  }
  if (!hasCondition(rule, 'dates')) return { status: 'matched', reason: { code: 'NO_CONDITION' } };
  return { status: 'matched', reason: { code: 'OPEN', opensOn: rule.opensOn, closesOn: rule.closesOn } };
}

function checkCategory(rule: AidSchemeRule, company: AidCompanyProfile): Check {
  const allowed = rule.categories;
  if (allowed.length === 0) return { status: 'matched', reason: { code: 'NO_CONDITION' } };
  if (!company.category) return { status: 'unknown', reason: { code: 'CATEGORY_MISSING', allowed } };
  return allowed.includes(company.category)
    ? { status: 'matched', reason: { code: 'CATEGORY_IN', value: company.category, allowed } }
    : { status: 'failed', reason: { code: 'CATEGORY_NOT_IN', value: company.category, allowed } };
}

/** The NAF division (two digits) of a code at division level or below, or null. */
export function nafDivisionOf(code: string | null): string | null {
  const match = code ? /^(\d\d)/.exec(code.trim()) : null;
  return match ? match[1]! : null;
}

function checkNaf(rule: AidSchemeRule, company: AidCompanyProfile): Check {
  const sections = rule.nafSections;
  const divisions = rule.nafDivisions;
  if (sections.length === 0 && divisions.length === 0) {
    return { status: 'matched', reason: { code: 'NO_CONDITION' } };
  }
  const division = nafDivisionOf(company.nafCode);
  if (division && divisions.includes(division)) {
    return { status: 'matched', reason: { code: 'NAF_DIVISION_IN', value: division, allowed: divisions } };
  }
  if (company.nafSection && sections.includes(company.nafSection)) {
    return {
      status: 'matched',
      reason: { code: 'NAF_SECTION_IN', value: company.nafSection, allowed: sections },
    };
  }
  // A section condition cannot be decided from a division alone: the caller looks the section up.
  if (!division || (sections.length > 0 && !company.nafSection)) {
    return { status: 'unknown', reason: { code: 'NAF_MISSING', sections, divisions } };
  }
  return {
    status: 'failed',
    reason: { code: 'NAF_NOT_IN', value: company.nafCode ?? division, sections, divisions },
  };
}

function checkTerritory(rule: AidSchemeRule, company: AidCompanyProfile): Check {
  const { regions, departements } = rule;
  if (regions.length === 0 && departements.length === 0) {
    return { status: 'matched', reason: { code: 'NO_CONDITION' } };
  }
  const departement = company.departementCode;
  const region = company.regionCode;
  if (departement && departements.includes(departement)) {
    return {
      status: 'matched',
      reason: { code: 'DEPARTEMENT_IN', value: departement, allowed: departements },
    };
  }
  if (region && regions.includes(region)) {
    return { status: 'matched', reason: { code: 'REGION_IN', value: region, allowed: regions } };
  }
  // A région condition needs the région, a département condition the département.
  if ((departements.length > 0 && !departement) || (regions.length > 0 && !region)) {
    return { status: 'unknown', reason: { code: 'TERRITORY_MISSING', regions, departements } };
  }
  return {
    status: 'failed',
    reason: { code: 'TERRITORY_NOT_IN', departement, region, regions, departements },
  };
}

function checkStage(rule: AidSchemeRule, stage: AidProjectStage | null): Check {
  const allowed = rule.projectStages;
  if (allowed.length === 0) return { status: 'matched', reason: { code: 'NO_CONDITION' } };
  if (stage === null) return { status: 'unknown', reason: { code: 'STAGE_NOT_KNOWN', allowed } };
  return allowed.includes(stage)
    ? { status: 'matched', reason: { code: 'STAGE_IN', value: stage, allowed } }
    : { status: 'failed', reason: { code: 'STAGE_NOT_IN', value: stage, allowed } };
}

function checkAmount(rule: AidSchemeRule, amountCents: number | null): Check {
  const min = rule.amountMinCents;
  const max = rule.amountMaxCents;
  if (min === null && max === null) return { status: 'matched', reason: { code: 'NO_CONDITION' } };
  if (amountCents === null) return { status: 'unknown', reason: { code: 'AMOUNT_NOT_KNOWN', min, max } };
  if (min !== null && amountCents < min) {
    return { status: 'failed', reason: { code: 'AMOUNT_BELOW_MIN', value: amountCents, min } };
  }
  if (max !== null && amountCents > max) {
    return { status: 'failed', reason: { code: 'AMOUNT_ABOVE_MAX', value: amountCents, max } };
  }
  return { status: 'matched', reason: { code: 'AMOUNT_IN', value: amountCents, min, max } };
}

const RANK: Record<CriterionStatus, number> = { matched: 2, unknown: 1, failed: 0 };

/**
 * A company criterion for a project: the lead organisation carries the application, so its
 * profile decides; a project without a lead matches when one of its members does (that member
 * could carry it), and is unknown when none matches but one lacks the data.
 */
function checkProjectCompany(
  lead: AidCompanyProfile | null,
  members: readonly AidCompanyProfile[],
  check: (company: AidCompanyProfile) => Check,
  whenNobody: Check,
): Check {
  const candidates = lead ? [lead] : members;
  let best: CriterionCheck | null = null;
  for (const company of candidates) {
    const result = {
      criterion: 'category' as const,
      ...check(company),
      organisation: { id: company.id, name: company.name },
    };
    if (!best || RANK[result.status] > RANK[best.status]) best = result;
    if (best.status === 'matched') break;
  }
  if (!best) return whenNobody;
  const { criterion: _criterion, ...rest } = best;
  // A criterion without condition names nobody.
  return rest.reason.code === 'NO_CONDITION' ? { status: rest.status, reason: rest.reason } : rest;
}

/**
 * Checks a subject against a scheme's rule on `today` (`YYYY-MM-DD`).
 *
 * Every criterion is reported, in the order of AID_CRITERIA; one without condition is matched
 * with reason NO_CONDITION. The verdict is 'not-eligible' when any criterion failed — a closed
 * scheme is therefore never eligible — 'eligible' when all matched, and 'unknown' otherwise:
 * the scheme may fit, once the missing data (company size, NAF code, stage, amount…) is known.
 * A company alone has no project stage nor requested amount: those criteria stay unknown.
 */
export function matchScheme(rule: AidSchemeRule, subject: AidSubject, today: string): AidSchemeMatch {
  const checks: CriterionCheck[] = [];
  const push = (criterion: AidCriterion, check: Check) => checks.push({ criterion, ...check });
  push('dates', checkDates(rule, today));
  if (subject.kind === 'company') {
    push('category', checkCategory(rule, subject.company));
    push('naf', checkNaf(rule, subject.company));
    push('territory', checkTerritory(rule, subject.company));
    push('stage', checkStage(rule, null));
    push('amount', checkAmount(rule, null));
  } else {
    const { lead, members } = subject;
    push(
      'category',
      checkProjectCompany(
        lead,
        members,
        (c) => checkCategory(rule, c),
        hasCondition(rule, 'category')
          ? { status: 'unknown', reason: { code: 'CATEGORY_MISSING', allowed: rule.categories } }
          : { status: 'matched', reason: { code: 'NO_CONDITION' } },
      ),
    );
    push(
      'naf',
      checkProjectCompany(
        lead,
        members,
        (c) => checkNaf(rule, c),
        hasCondition(rule, 'naf')
          ? {
              status: 'unknown',
              reason: { code: 'NAF_MISSING', sections: rule.nafSections, divisions: rule.nafDivisions },
            }
          : { status: 'matched', reason: { code: 'NO_CONDITION' } },
      ),
    );
    push(
      'territory',
      checkProjectCompany(
        lead,
        members,
        (c) => checkTerritory(rule, c),
        hasCondition(rule, 'territory')
          ? {
              status: 'unknown',
              reason: { code: 'TERRITORY_MISSING', regions: rule.regions, departements: rule.departements },
            }
          : { status: 'matched', reason: { code: 'NO_CONDITION' } },
      ),
    );
    push('stage', checkStage(rule, subject.stage));
    push('amount', checkAmount(rule, subject.requestedAmountCents));
  }
  const verdict: AidVerdict = checks.some((c) => c.status === 'failed')
    ? 'not-eligible'
    : checks.every((c) => c.status === 'matched')
      ? 'eligible'
      : 'unknown';
  return { verdict, checks };
}

export type AidRuleIssue =
  | { code: 'CATEGORY_UNKNOWN'; field: 'categories'; index: number; value: string }
  | { code: 'NAF_SECTION_UNKNOWN'; field: 'nafSections'; index: number; value: string }
  | { code: 'NAF_DIVISION_UNKNOWN'; field: 'nafDivisions'; index: number; value: string }
  | { code: 'REGION_UNKNOWN'; field: 'regions'; index: number; value: string }
  | { code: 'DEPARTEMENT_UNKNOWN'; field: 'departements'; index: number; value: string }
  | { code: 'STAGE_UNKNOWN'; field: 'projectStages'; index: number; value: string }
  | { code: 'LEVEL_UNKNOWN'; field: 'level'; value: string }
  | { code: 'AMOUNT_NEGATIVE'; field: 'amountMinCents' | 'amountMaxCents'; value: number }
  | { code: 'AMOUNT_MIN_ABOVE_MAX'; field: 'amountMinCents'; min: number; max: number }
  | { code: 'DATE_INVALID'; field: 'opensOn' | 'closesOn'; value: string }
  | { code: 'CLOSES_BEFORE_OPENS'; field: 'closesOn'; opensOn: string; closesOn: string };

export interface AidRuleInput {
  level: string;
  categories?: readonly string[];
  nafSections?: readonly string[];
  nafDivisions?: readonly string[];
  regions?: readonly string[];
  departements?: readonly string[];
  projectStages?: readonly string[];
  amountMinCents?: number | null;
  amountMaxCents?: number | null;
  opensOn?: string | null;
  closesOn?: string | null;
}

/** Which reference codes exist; the caller passes the nomenclatures it holds. */
export interface AidReferenceCheck {
  isNafDivision?: (code: string) => boolean;
  isRegion?: (code: string) => boolean;
  isDepartement?: (code: string) => boolean;
}

const NAF_SECTION = /^[A-U]$/;
const NAF_DIVISION = /^\d\d$/;
const REGION = /^(0[1-6]|\d\d)$/;
const DEPARTEMENT = /^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Cleans a rule typed by staff — trims, upper-cases, pads `1` to `01`, sorts, removes repeats —
 * or names the first field at fault, with the index of the faulty value in the list as typed.
 */
export function normaliseAidSchemeRule(
  input: AidRuleInput,
  reference: AidReferenceCheck = {},
): { ok: true; rule: AidSchemeRule } | { ok: false; issue: AidRuleIssue } {
  if (!(AID_SCHEME_LEVELS as readonly string[]).includes(input.level)) {
    return { ok: false, issue: { code: 'LEVEL_UNKNOWN', field: 'level', value: input.level } };
  }
  const clean = (value: string, pad = false) => {
    const trimmed = value.trim().toUpperCase();
    return pad && /^\d$/.test(trimmed) ? `0${trimmed}` : trimmed;
  };
  function list<F extends string, C extends string>(
    values: readonly string[] | undefined,
    field: F,
    code: C,
    valid: (value: string) => boolean,
    pad = false,
    lower = false,
  ):
    | { ok: true; values: string[] }
    | { ok: false; issue: { code: C; field: F; index: number; value: string } } {
    const out = new Set<string>();
    for (const [index, raw] of (values ?? []).entries()) {
      const value = lower ? raw.trim().toLowerCase() : clean(raw, pad);
      if (value === '') continue;
      if (!valid(value)) return { ok: false, issue: { code, field, index, value: raw } };
      out.add(value);
    }
    return { ok: true, values: [...out].sort() };
  }
  const categories = list(input.categories, 'categories', 'CATEGORY_UNKNOWN', (v) =>
    (COMPANY_CATEGORIES as readonly string[]).includes(v),
  );
  if (!categories.ok) return categories;
  const nafSections = list(input.nafSections, 'nafSections', 'NAF_SECTION_UNKNOWN', (v) =>
    NAF_SECTION.test(v),
  );
  if (!nafSections.ok) return nafSections;
  const nafDivisions = list(
    input.nafDivisions,
    'nafDivisions',
    'NAF_DIVISION_UNKNOWN',
    (v) => NAF_DIVISION.test(v) && (reference.isNafDivision?.(v) ?? true),
    true,
  );
  if (!nafDivisions.ok) return nafDivisions;
  const regions = list(
    input.regions,
    'regions',
    'REGION_UNKNOWN',
    (v) => REGION.test(v) && (reference.isRegion?.(v) ?? true),
    true,
  );
  if (!regions.ok) return regions;
  const departements = list(
    input.departements,
    'departements',
    'DEPARTEMENT_UNKNOWN',
    (v) => DEPARTEMENT.test(v) && (reference.isDepartement?.(v) ?? true),
    true,
  );
  if (!departements.ok) return departements;
  const projectStages = list(
    input.projectStages,
    'projectStages',
    'STAGE_UNKNOWN',
    (v) => (AID_PROJECT_STAGES as readonly string[]).includes(v),
    false,
    true,
  );
  if (!projectStages.ok) return projectStages;
  const min = input.amountMinCents ?? null;
  const max = input.amountMaxCents ?? null;
  if (min !== null && (!Number.isSafeInteger(min) || min < 0)) {
    return { ok: false, issue: { code: 'AMOUNT_NEGATIVE', field: 'amountMinCents', value: min } };
  }
  if (max !== null && (!Number.isSafeInteger(max) || max < 0)) {
    return { ok: false, issue: { code: 'AMOUNT_NEGATIVE', field: 'amountMaxCents', value: max } };
  }
  if (min !== null && max !== null && min > max) {
    return { ok: false, issue: { code: 'AMOUNT_MIN_ABOVE_MAX', field: 'amountMinCents', min, max } };
  }
  const opensOn = input.opensOn?.trim() || null;
  const closesOn = input.closesOn?.trim() || null;
  if (opensOn !== null && !isCalendarDate(opensOn)) {
    return { ok: false, issue: { code: 'DATE_INVALID', field: 'opensOn', value: opensOn } };
  }
  if (closesOn !== null && !isCalendarDate(closesOn)) {
    return { ok: false, issue: { code: 'DATE_INVALID', field: 'closesOn', value: closesOn } };
  }
  if (opensOn !== null && closesOn !== null && closesOn < opensOn) {
    return { ok: false, issue: { code: 'CLOSES_BEFORE_OPENS', field: 'closesOn', opensOn, closesOn } };
  }
  return {
    ok: true,
    rule: {
      level: input.level as AidSchemeLevel,
      categories: categories.values as CompanyCategory[],
      nafSections: nafSections.values,
      nafDivisions: nafDivisions.values,
      regions: regions.values,
      departements: departements.values,
      projectStages: projectStages.values as AidProjectStage[],
      amountMinCents: min,
      amountMaxCents: max,
      opensOn,
      closesOn,
    },
  };
}
