import fs from 'node:fs';
import { createRequire } from 'node:module';
import { categoryForHeadcountBand, HEADCOUNT_BAND_CODES } from '@meute/domain';
import { currentCommuneCode, getCommune, getNafIndex } from '../../reference/reference.ts';

/** Where an organisation is, as the organisations table stores it. */
export interface Place {
  communeCode: string;
  epciCode: string | null;
  departementCode: string;
  regionCode: string;
  lon: number | null;
  lat: number | null;
  /** Mainland France and Corsica, where SIRENE coordinates are Lambert-93. */
  mainland: boolean;
}

/**
 * The place of an INSEE commune code as SIRENE or a person writes it: a current commune, a
 * municipal arrondissement (`75108` → Paris), or the code of a former commune merged into a
 * current one. Null when unknown.
 */
export function resolveCommune(code: string): Place | null {
  const current = currentCommuneCode(code);
  if (!current) return null;
  let commune = getCommune(current);
  if (commune?.parentCommuneCode) commune = getCommune(commune.parentCommuneCode);
  if (!commune) return null;
  const departement = commune.departement.code;
  return {
    communeCode: commune.code,
    epciCode: commune.epci?.code ?? null,
    departementCode: departement,
    regionCode: commune.region.code,
    lon: commune.point?.lon ?? null,
    lat: commune.point?.lat ?? null,
    mainland: !departement.startsWith('97') && !departement.startsWith('98'),
  };
}

interface RawCommune {
  code: string;
  anciensCodes?: string[];
}

let communeCodes: string[] | undefined;

/** Every code a commune may go by: current, arrondissement, delegated, associated, former. */
function allCommuneCodes(): string[] {
  if (!communeCodes) {
    const require = createRequire(import.meta.url);
    const raw = JSON.parse(
      fs.readFileSync(require.resolve('@etalab/decoupage-administratif/data/communes.json'), 'utf8'),
    ) as RawCommune[];
    const codes = new Set<string>();
    for (const commune of raw) {
      codes.add(commune.code);
      for (const former of commune.anciensCodes ?? []) codes.add(former);
    }
    communeCodes = [...codes];
  }
  return communeCodes;
}

const csvCell = (value: string | number | boolean | null) => (value === null ? '' : String(value));

let communePlaces: Map<string, Place> | undefined;
let communeCsv: string | undefined;
let nafCsv: string | undefined;
let nafCompact: Map<string, string> | undefined;

/**
 * Every commune code SIRENE may write (current, arrondissement, delegated, associated, former)
 * with the place it stands for, built once.
 */
export function communePlaceByCode(): ReadonlyMap<string, Place> {
  if (!communePlaces) {
    communePlaces = new Map();
    for (const code of allCommuneCodes()) {
      const place = resolveCommune(code);
      if (place) communePlaces.set(code, place);
    }
  }
  return communePlaces;
}

/**
 * The lookup tables the SQL validation joins, as CSV for one COPY each:
 * `code, commune_code, epci_code, departement_code, region_code, lon, lat, mainland`.
 */
export function communeLookupCsv(): string {
  if (!communeCsv) {
    const lines: string[] = [];
    for (const [code, place] of communePlaceByCode()) {
      lines.push(
        [
          code,
          place.communeCode,
          place.epciCode,
          place.departementCode,
          place.regionCode,
          place.lon,
          place.lat,
          place.mainland,
        ]
          .map(csvCell)
          .join(','),
      );
    }
    communeCsv = `${lines.join('\n')}\n`;
  }
  return communeCsv;
}

/** Every NAF rév. 2 sub-class by its code without the dot: `6201Z` → `62.01Z`. */
export function nafSubclassByCompact(): ReadonlyMap<string, string> {
  if (!nafCompact) {
    nafCompact = new Map();
    for (const node of getNafIndex().nodes.values()) {
      if (node.level === 'subclass') nafCompact.set(node.code.replace('.', ''), node.code);
    }
  }
  return nafCompact;
}

/** `compact code, code` of every NAF rév. 2 sub-class: `6201Z,62.01Z`. */
export function nafLookupCsv(): string {
  if (!nafCsv) {
    const lines: string[] = [];
    for (const node of getNafIndex().nodes.values()) {
      if (node.level === 'subclass') lines.push(`${node.code.replace('.', '')},${node.code}`);
    }
    nafCsv = `${lines.join('\n')}\n`;
  }
  return nafCsv;
}

/** `band, category` of every INSEE headcount band (category empty for NN). */
export function bandLookupCsv(): string {
  return `${HEADCOUNT_BAND_CODES.map((code) => `${code},${categoryForHeadcountBand(code) ?? ''}`).join('\n')}\n`;
}

/** A NAF sub-class as typed (`6201Z`, `62.01z`, `62 01 Z`), canonical (`62.01Z`), or null. */
export function nafSubclass(input: string): string | null {
  const compact = input.replace(/[\s.]/g, '').toUpperCase();
  if (!/^\d{4}[A-Z]$/.test(compact)) return null;
  const code = `${compact.slice(0, 2)}.${compact.slice(2)}`;
  return getNafIndex().nodes.get(code)?.level === 'subclass' ? code : null;
}
