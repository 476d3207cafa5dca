/**
 * The member spreadsheet template: `siret;nom;code_naf;tranche_effectifs;code_commune;site_web;
 * description;competences` (or the English `siret;name;naf_code;headcount_band;commune_code;
 * website;description;competences`), headers matched ignoring case and accents. Each row is
 * checked here with the domain's rules and the reference data.
 */
import { categoryForHeadcountBand, isHeadcountBandCode, normaliseForSearch, siretError } from '@meute/domain';
import { nafSubclass, resolveCommune } from './import-lookups.ts';
import type { Reason } from './import-messages.ts';
import { COMPETENCE_SEPARATOR } from './imports.repository.ts';

export type MemberField =
  | 'siret'
  | 'name'
  | 'naf'
  | 'band'
  | 'commune'
  | 'website'
  | 'description'
  | 'competences';

/** Header names, as {@link normaliseForSearch} gives them with spaces as underscores. */
const HEADER_NAMES: Record<string, MemberField> = {
  siret: 'siret',
  nom: 'name',
  name: 'name',
  raison_sociale: 'name',
  denomination: 'name',
  code_naf: 'naf',
  naf_code: 'naf',
  naf: 'naf',
  code_ape: 'naf',
  ape: 'naf',
  tranche_effectifs: 'band',
  tranche_d_effectifs: 'band',
  headcount_band: 'band',
  code_commune: 'commune',
  commune_code: 'commune',
  code_insee: 'commune',
  site_web: 'website',
  site_internet: 'website',
  website: 'website',
  description: 'description',
  competences: 'competences',
  competence: 'competences',
};

const REQUIRED: readonly MemberField[] = ['siret', 'name'];
/** How the template names each field (French), for messages about a missing column. */
const TEMPLATE_NAMES: Record<MemberField, string> = {
  siret: 'siret',
  name: 'nom',
  naf: 'code_naf',
  band: 'tranche_effectifs',
  commune: 'code_commune',
  website: 'site_web',
  description: 'description',
  competences: 'competences',
};

export interface MemberHeader {
  /** Index of each field's column in the file. */
  index: Partial<Record<MemberField, number>>;
  /** The header cells as the file writes them, for error messages. */
  names: string[];
}

export interface HeaderProblem {
  column: string;
  reason: Reason;
}

export function normaliseHeader(name: string): string {
  return normaliseForSearch(name).replaceAll(' ', '_');
}

/** Maps a header row to the template's fields; lists what is missing or repeated. */
export function readMemberHeader(
  cells: readonly string[],
  delimiter: string | null,
): { header: MemberHeader; problems: HeaderProblem[] } {
  const index: Partial<Record<MemberField, number>> = {};
  const problems: HeaderProblem[] = [];
  const names = cells.map((cell) => cell.trim());
  names.forEach((name, i) => {
    const field = HEADER_NAMES[normaliseHeader(name)];
    if (!field) return;
    if (index[field] !== undefined)
      problems.push({ column: name, reason: { code: 'header.duplicate', params: { column: name } } });
    else index[field] = i;
  });
  const found = names.filter(Boolean).slice(0, 10).join(', ') || '—';
  for (const field of REQUIRED) {
    if (index[field] === undefined) {
      const column = TEMPLATE_NAMES[field];
      problems.push({
        column,
        reason: delimiter
          ? { code: 'header.missing', params: { column, delimiter, found } }
          : { code: 'header.missingSheet', params: { column, found } },
      });
    }
  }
  return { header: { index, names }, problems };
}

export interface MemberRow {
  line: number;
  siret: string;
  name: string;
  naf: string | null;
  band: string | null;
  category: string | null;
  commune: ReturnType<typeof resolveCommune>;
  website: string;
  description: string;
  competences: string[];
}

export interface RowProblem {
  line: number;
  column: string;
  reason: Reason;
}

const value = (fields: readonly string[], i: number | undefined) =>
  i === undefined ? '' : (fields[i] ?? '');

function websiteOf(raw: string): string | null {
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  if (candidate.length > 300 || /\s/.test(candidate)) return null;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname.includes('.')) return null;
    return candidate;
  } catch {
    return null;
  }
}

/** Competences separated by `|`, or by `,` when the cell has no `|`. */
export function splitCompetences(cell: string): string[] {
  const parts = cell.includes('|') ? cell.split('|') : cell.split(',');
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of parts) {
    const label = part.trim().replace(/\s+/g, ' ');
    if (label && !seen.has(label.toLowerCase())) {
      seen.add(label.toLowerCase());
      out.push(label);
    }
  }
  return out;
}

/** Checks one data row; returns the row to import, or its problems (every bad cell). */
export function readMemberRow(
  header: MemberHeader,
  line: number,
  fields: readonly string[],
): { row: MemberRow | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const columnName = (field: MemberField) => header.names[header.index[field]!] ?? TEMPLATE_NAMES[field];
  const problem = (field: MemberField, reason: Reason) =>
    problems.push({
      line,
      column: header.index[field] === undefined ? TEMPLATE_NAMES[field] : columnName(field),
      reason,
    });

  if (fields.length > header.names.length && fields.slice(header.names.length).some((f) => f.trim() !== '')) {
    problems.push({
      line,
      column: '',
      reason: { code: 'csv.columns', params: { count: fields.length, expected: header.names.length } },
    });
    return { row: null, problems };
  }
  const cell = (field: MemberField) => value(fields, header.index[field]);
  for (const field of Object.keys(header.index) as MemberField[]) {
    const text = cell(field);
    if (text.includes('\uFFFD')) problem(field, { code: 'csv.encoding', params: { encoding: 'UTF-8' } });
    else if (text.includes('\u0000')) problem(field, { code: 'csv.nul' });
  }
  if (problems.length) return { row: null, problems };

  const rawSiret = cell('siret').trim();
  const siret = rawSiret.replace(/[\s.-]/g, '');
  if (!rawSiret) problem('siret', { code: 'siret.required' });
  else {
    const error = siretError(siret);
    if (error)
      problem('siret', {
        code: error === 'FORMAT' ? 'siret.format' : 'siret.checksum',
        params: { value: rawSiret },
      });
  }

  const name = cell('name').trim().replace(/\s+/g, ' ');
  if (!name) problem('name', { code: 'name.required' });
  else if (name.length > 200) problem('name', { code: 'name.tooLong' });

  const rawNaf = cell('naf').trim();
  const naf = rawNaf ? nafSubclass(rawNaf) : null;
  if (rawNaf && !naf) problem('naf', { code: 'naf.unknown', params: { value: rawNaf } });

  let band: string | null = cell('band').trim().toUpperCase() || null;
  // A spreadsheet turns « 01 » into the number 1.
  if (band && /^\d$/.test(band)) band = `0${band}`;
  if (band && !isHeadcountBandCode(band)) {
    problem('band', { code: 'band.unknown', params: { value: cell('band').trim() } });
    band = null;
  }

  let communeCode = cell('commune').trim().toUpperCase();
  if (/^\d{4}$/.test(communeCode)) communeCode = `0${communeCode}`;
  const commune = communeCode ? resolveCommune(communeCode) : null;
  if (communeCode && !commune)
    problem('commune', { code: 'commune.unknown', params: { value: cell('commune').trim() } });

  const rawWebsite = cell('website').trim();
  const website = rawWebsite ? websiteOf(rawWebsite) : '';
  if (website === null) problem('website', { code: 'website.invalid', params: { value: rawWebsite } });

  const description = cell('description').trim();
  if (description.length > 5000) problem('description', { code: 'description.tooLong' });

  const competences = splitCompetences(cell('competences'));
  const tooLong = competences.find((c) => c.length > 80);
  if (tooLong) problem('competences', { code: 'competence.tooLong', params: { value: tooLong } });
  else if (competences.length > 50)
    problem('competences', { code: 'competences.tooMany', params: { count: competences.length } });

  if (problems.length) return { row: null, problems };
  return {
    row: {
      line,
      siret,
      name,
      naf,
      band,
      category: categoryForHeadcountBand(band),
      commune,
      website: website ?? '',
      description,
      competences,
    },
    problems,
  };
}

const q = (text: string) => `"${text.replaceAll('"', '""')}"`;
const n = (text: string | number | null | undefined) =>
  text === null || text === undefined ? '' : typeof text === 'number' ? String(text) : q(text);

/** The row as one CSV line for `copy imp_members` (MEMBER_ROW_COLUMNS order). */
export function memberRowCsv(row: MemberRow): string {
  const place = row.commune;
  return `${[
    String(row.line),
    q(row.siret),
    q(row.name),
    n(row.naf),
    n(row.band),
    n(row.category),
    n(place?.communeCode),
    n(place?.epciCode),
    n(place?.departementCode),
    n(place?.regionCode),
    n(place?.lon),
    n(place?.lat),
    q(row.website),
    q(row.description),
    q(row.competences.join(COMPETENCE_SEPARATOR)),
  ].join(',')}\n`;
}
