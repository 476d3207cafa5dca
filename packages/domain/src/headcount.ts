/**
 * INSEE headcount bands (`trancheEffectifsEtablissement` / `trancheEffectifsUniteLegale` in
 * SIRENE) and the company size categories derived from them. Staff counts are numbers of
 * salaried employees (salariés).
 */

export const HEADCOUNT_BAND_CODES = [
  'NN',
  '00',
  '01',
  '02',
  '03',
  '11',
  '12',
  '21',
  '22',
  '31',
  '32',
  '41',
  '42',
  '51',
  '52',
  '53',
] as const;

export type HeadcountBandCode = (typeof HEADCOUNT_BAND_CODES)[number];

export interface HeadcountBand {
  code: HeadcountBandCode;
  /** Lowest number of salaried employees in the band; null for NN (non-employer or unknown). */
  minStaff: number | null;
  /** Highest number of salaried employees in the band; null when unbounded (53) or for NN. */
  maxStaff: number | null;
  labelFr: string;
  labelEn: string;
}

/** The bands in INSEE order, ranges and French labels from the INSEE SIRENE code lists. */
export const HEADCOUNT_BANDS: readonly HeadcountBand[] = [
  {
    code: 'NN',
    minStaff: null,
    maxStaff: null,
    labelFr: 'Unité non employeuse / non renseigné',
    labelEn: 'Non-employer unit / not stated',
  },
  { code: '00', minStaff: 0, maxStaff: 0, labelFr: '0 salarié', labelEn: 'No employees' },
  { code: '01', minStaff: 1, maxStaff: 2, labelFr: '1 ou 2 salariés', labelEn: '1 or 2 employees' },
  { code: '02', minStaff: 3, maxStaff: 5, labelFr: '3 à 5 salariés', labelEn: '3 to 5 employees' },
  { code: '03', minStaff: 6, maxStaff: 9, labelFr: '6 à 9 salariés', labelEn: '6 to 9 employees' },
  { code: '11', minStaff: 10, maxStaff: 19, labelFr: '10 à 19 salariés', labelEn: '10 to 19 employees' },
  { code: '12', minStaff: 20, maxStaff: 49, labelFr: '20 à 49 salariés', labelEn: '20 to 49 employees' },
  { code: '21', minStaff: 50, maxStaff: 99, labelFr: '50 à 99 salariés', labelEn: '50 to 99 employees' },
  {
    code: '22',
    minStaff: 100,
    maxStaff: 199,
    labelFr: '100 à 199 salariés',
    labelEn: '100 to 199 employees',
  },
  {
    code: '31',
    minStaff: 200,
    maxStaff: 249,
    labelFr: '200 à 249 salariés',
    labelEn: '200 to 249 employees',
  },
  {
    code: '32',
    minStaff: 250,
    maxStaff: 499,
    labelFr: '250 à 499 salariés',
    labelEn: '250 to 499 employees',
  },
  {
    code: '41',
    minStaff: 500,
    maxStaff: 999,
    labelFr: '500 à 999 salariés',
    labelEn: '500 to 999 employees',
  },
  {
    code: '42',
    minStaff: 1000,
    maxStaff: 1999,
    labelFr: '1 000 à 1 999 salariés',
    labelEn: '1,000 to 1,999 employees',
  },
  {
    code: '51',
    minStaff: 2000,
    maxStaff: 4999,
    labelFr: '2 000 à 4 999 salariés',
    labelEn: '2,000 to 4,999 employees',
  },
  {
    code: '52',
    minStaff: 5000,
    maxStaff: 9999,
    labelFr: '5 000 à 9 999 salariés',
    labelEn: '5,000 to 9,999 employees',
  },
  {
    code: '53',
    minStaff: 10000,
    maxStaff: null,
    labelFr: '10 000 salariés et plus',
    labelEn: '10,000 employees or more',
  },
];

const BANDS_BY_CODE = new Map<string, HeadcountBand>(HEADCOUNT_BANDS.map((band) => [band.code, band]));

export function isHeadcountBandCode(code: string): code is HeadcountBandCode {
  return BANDS_BY_CODE.has(code);
}

/** The band of an INSEE `trancheEffectifs` code, or null for an empty or unknown code. */
export function headcountBand(code: string | null | undefined): HeadcountBand | null {
  return (code && BANDS_BY_CODE.get(code)) || null;
}

export const COMPANY_CATEGORIES = ['TPE', 'PME', 'ETI', 'GE'] as const;
export type CompanyCategory = (typeof COMPANY_CATEGORIES)[number];

/**
 * The size category of a company with `minStaff` salaried employees: TPE (très petite
 * entreprise) under 10, PME under 250, ETI under 5,000, GE from 5,000.
 *
 * INSEE's definition (décret 2008-1354) also uses turnover and balance sheet total, so a
 * 300-person company with a small turnover can be a PME; headcount is the proxy we use when those
 * figures are unknown. Prefer SIRENE's `categorieEntreprise` when it is available.
 * @param minStaff number of salaried employees (for a band, its lower bound), ≥ 0
 */
export function categoryForHeadcount(minStaff: number): CompanyCategory {
  if (minStaff < 10) return 'TPE';
  if (minStaff < 250) return 'PME';
  if (minStaff < 5000) return 'ETI';
  return 'GE';
}

/**
 * The size category of a headcount band, or null for NN or an unknown code. The category
 * thresholds (10, 250, 5,000) are band boundaries, so the whole band lies in one category.
 */
export function categoryForHeadcountBand(code: string | null | undefined): CompanyCategory | null {
  const band = headcountBand(code);
  return band?.minStaff == null ? null : categoryForHeadcount(band.minStaff);
}

/** A network's size rule, in salaried employees, both bounds inclusive; null means unbounded. */
export interface SizeRule {
  minStaff: number | null;
  maxStaff: number | null;
}

/**
 * Whether a company in headcount band `code` fits a size rule such as "250 to 4,999 staff":
 * - 'yes' when the band's whole range lies inside the rule,
 * - 'no' when the band's range lies wholly outside it,
 * - 'unknown' for NN, an unknown code, or a band that straddles a bound of the rule (the band
 *   cannot tell whether the company's real headcount is inside; someone has to ask).
 */
export function bandFitsSizeRule(code: string | null | undefined, rule: SizeRule): 'yes' | 'no' | 'unknown' {
  const band = headcountBand(code);
  if (band?.minStaff == null) return 'unknown';
  const bandMax = band.maxStaff ?? Number.POSITIVE_INFINITY;
  const ruleMin = rule.minStaff ?? 0;
  const ruleMax = rule.maxStaff ?? Number.POSITIVE_INFINITY;
  if (band.minStaff >= ruleMin && bandMax <= ruleMax) return 'yes';
  if (bandMax < ruleMin || band.minStaff > ruleMax) return 'no';
  return 'unknown';
}
