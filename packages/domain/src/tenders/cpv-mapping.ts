/**
 * CPV → competence mapping: which competences of the network's taxonomy a CPV code (Common
 * Procurement Vocabulary) calls for. The mapping is data that staff edit; these functions only
 * read it. CPV codes are hierarchical by prefix with trailing zeros (`45000000` works,
 * `45300000` building installation, `45310000` electrical installation), so an entry for a
 * code also applies to every code below it, and the most specific entry wins.
 */
import type { TenderRequirement } from './model.ts';

export interface CpvCompetenceRule {
  /** CPV code, 8 digits (a `-d` check digit is ignored), e.g. `45310000`. */
  cpv: string;
  /** Competence ids of the network's taxonomy. */
  competences: string[];
}

/** The staff-edited mapping, as a list of rules (order does not matter). */
export type CpvCompetenceMapping = readonly CpvCompetenceRule[];

/** The 8 digits of a CPV code (drops a `-d` check digit and spaces); null if it is not a CPV code. */
export function normaliseCpv(code: string): string | null {
  const digits = code.trim().replace(/-\d$/, '');
  return /^\d{8}$/.test(digits) ? digits : null;
}

/** The significant prefix of a CPV code: its digits without the trailing zeros (at least 2). */
export function cpvPrefix(cpv: string): string {
  const trimmed = cpv.replace(/0+$/, '');
  return trimmed.length >= 2 ? trimmed : cpv.slice(0, 2);
}

/**
 * The competences a CPV code calls for: those of the most specific rule whose code is `cpv` or
 * an ancestor of it; [] when no rule applies or the code is not a CPV code.
 */
export function competencesForCpv(mapping: CpvCompetenceMapping, cpv: string): string[] {
  const code = normaliseCpv(cpv);
  if (!code) return [];
  let best: CpvCompetenceRule | undefined;
  let bestLength = -1;
  for (const rule of mapping) {
    const ruleCode = normaliseCpv(rule.cpv);
    if (!ruleCode) continue;
    const prefix = cpvPrefix(ruleCode);
    if (code.startsWith(prefix) && prefix.length > bestLength) {
      best = rule;
      bestLength = prefix.length;
    }
  }
  return best ? [...best.competences] : [];
}

/** Mapping rules that are not usable, with why (for the staff's editing screen). */
export function checkCpvMapping(mapping: CpvCompetenceMapping): { index: number; message: string }[] {
  const issues: { index: number; message: string }[] = [];
  const seen = new Set<string>();
  mapping.forEach((rule, index) => {
    const code = normaliseCpv(rule.cpv);
    if (!code) issues.push({ index, message: `${rule.cpv} is not an 8-digit CPV code` });
    else if (seen.has(code)) issues.push({ index, message: `${code} appears twice` });
    else seen.add(code);
    if (rule.competences.length === 0)
      issues.push({ index, message: 'A rule needs at least one competence' });
  });
  return issues;
}

/**
 * One competence requirement per distinct competence that the lot's CPV codes call for, in the
 * order of the codes, with ids `${lotId}/${competence}` and quantity `quantity` (0: "someone
 * holds it", to be set by staff when the notice states volumes). Unmapped codes are returned so
 * that staff can complete the mapping.
 */
export function requirementsFromCpv(
  mapping: CpvCompetenceMapping,
  lotId: string,
  cpvCodes: readonly string[],
  quantity = 0,
): { requirements: TenderRequirement[]; unmappedCpv: string[] } {
  const requirements: TenderRequirement[] = [];
  const unmappedCpv: string[] = [];
  const seen = new Set<string>();
  for (const cpv of cpvCodes) {
    const competences = competencesForCpv(mapping, cpv);
    if (competences.length === 0) unmappedCpv.push(cpv);
    for (const competence of competences) {
      if (seen.has(competence)) continue;
      seen.add(competence);
      requirements.push({
        id: `${lotId}/${competence}`,
        kind: 'competence',
        code: competence,
        quantity,
        label: `CPV ${cpv}`,
      });
    }
  }
  return { requirements, unmappedCpv };
}
