/**
 * Reads a SIRENE `StockEtablissement` file as it streams, checks every row with the domain's
 * rules, and writes the network's register rows (`sirene_establishments`, COPY text format):
 * PostgreSQL receives a dozen ready columns instead of the file's 54 raw ones.
 *
 * Why in Node rather than in SQL (decision 0016): the import then runs on two cores at once —
 * this process reads and checks while the database server writes — and the rows are checked by
 * the same functions as everywhere else in Meute. The scan is written for speed: bytes are read
 * once, only the fields the import uses become strings, lookups are memoised, numbers are written
 * as integers, and the output goes into one buffer per batch (see csv-bytes.ts).
 */
import { isUtf8 } from 'node:buffer';
import {
  categoryForHeadcountBand,
  HEADCOUNT_BAND_CODES,
  LA_POSTE_SIREN,
  lambert93ToWgs84BySeries,
  siretError,
} from '@meute/domain';
import { copyValue, type FastSlices, RecordScanner, RowWriter } from './csv-bytes.ts';
import { communePlaceByCode, nafSubclassByCompact, type Place } from './import-lookups.ts';
import type { Reason } from './import-messages.ts';
import { SIRENE_HIDDEN } from './sirene-format.ts';

/** The StockEtablissement fields the import reads, by name. */
export const SIRENE_FIELDS = [
  'siret',
  'siren',
  'nic',
  'trancheEffectifsEtablissement',
  'codeCommuneEtablissement',
  'etatAdministratifEtablissement',
  'enseigne1Etablissement',
  'denominationUsuelleEtablissement',
  'activitePrincipaleEtablissement',
  'nomenclatureActivitePrincipaleEtablissement',
  'coordonneeLambertAbscisseEtablissement',
  'coordonneeLambertOrdonneeEtablissement',
] as const;
export type SireneField = (typeof SIRENE_FIELDS)[number];

/** Where each field is in the file's header (0-based), or -1 when the file lacks it. */
export type SireneFieldIndex = Record<SireneField, number>;

/**
 * The columns of `sirene_establishments`, in the order the reader writes them (the network's id
 * is the default of the import's table).
 */
export const REGISTER_COLUMNS = [
  'siret',
  'siren',
  'name',
  'naf_code',
  'naf_version',
  'headcount_band',
  'category',
  'commune_code',
  'epci_code',
  'departement_code',
  'region_code',
  'lon',
  'lat',
  'is_active',
] as const;

/** A bad field of a row: where, why, and the value as the file wrote it. */
export interface SireneRowProblem {
  line: number;
  column: SireneField;
  code:
    | 'siret.required'
    | 'siret.format'
    | 'siret.checksum'
    | 'siret.mismatch'
    | 'siret.duplicate'
    | 'state.unknown'
    | 'band.unknown'
    | 'naf.unknown'
    | 'commune.unknown'
    | 'coordinate.invalid';
  value: string;
  /** siret.duplicate: the line where the SIRET came first. */
  first?: number;
}

/** The file cannot be read past this line (broken quoting, a NUL byte, an invalid encoding). */
export class SireneFileError extends Error {
  readonly line: number;
  readonly reason: Reason;
  constructor(line: number, reason: Reason) {
    super(reason.code);
    this.line = line;
    this.reason = reason;
  }
}

export interface SireneReadOptions {
  /** The header's column names (the header is line 1 and is skipped). */
  names: readonly string[];
  fields: SireneFieldIndex;
  delimiter: string;
  /** `windows-1252` decodes names as such; anything else is UTF-8 and checked to be. */
  encoding: string;
  includeClosed: boolean;
  onProblem: (problem: SireneRowProblem | { line: number; column: string; reason: Reason }) => void;
}

/** Filled as the file is read. */
export interface SireneReadResult {
  rows: number;
  /** Closed establishments left out (without `includeClosed`). */
  skipped: number;
  /** Their SIRETs: the organisations they were become inactive. */
  closedSirets: string[];
  /** Register rows written, and how many of them are active establishments. */
  written: number;
  active: number;
  /** A row was bad: from then on nothing more is written (the import is refused anyway). */
  failed: boolean;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const BACKSLASH = 0x5c;
const NUMBER = /^-?[0-9]+([.][0-9]*)?$/;
const DIGITS_14 = /^[0-9]{14}$/;
const BANDS: ReadonlySet<string> = new Set(HEADCOUNT_BAND_CODES);

const NO_STATE = 0;
const ACTIVE = 1;
const CLOSED = 2;
const UNKNOWN_STATE = 3;

const NULL = Buffer.from('\\N');
const NO_PLACE = Buffer.from('\\N\t\\N\t\\N\t\\N');
const NULL_POINT = Buffer.from('\\N\t\\N');
const NAF_REV_2 = Buffer.from('NAFRev2');
const SIRET_PREFIX = Buffer.from('SIRET ');
const LA_POSTE = Buffer.from(LA_POSTE_SIREN);
const ACTIVE_END = Buffer.from('\tt\n');
const INACTIVE_END = Buffer.from('\tf\n');

/** A digit or capital letter as 1–36 (0 stays free so that `0` and `00` differ), else -1. */
function base37(c: number): number {
  return c >= 48 && c <= 57 ? c - 47 : c >= 65 && c <= 90 ? c - 54 : -1;
}

/** A short code of digits and capitals (a commune, a headcount band) as an integer. */
function keyOf(code: string): number {
  let key = 0;
  for (let i = 0; i < code.length; i++) key = key * 37 + base37(code.charCodeAt(i));
  return key;
}

/**
 * The SIRETs seen so far, with the line each came on: an open-addressing table of numbers (a
 * SIRET is 14 digits, exact in a double), at most 70 % full — about 17 bytes per row, where a
 * Set of strings would take several times that (4.7 million rows: 100 MB).
 */
class SiretLines {
  private keys = new Float64Array(1 << 16);
  private lines = new Int32Array(1 << 16);
  private size = 0;

  /** Records the SIRET `high`·10⁷ + `low` on `line`; returns the line it was first seen on, or 0. */
  firstLine(high: number, low: number, line: number): number {
    if (this.size >= this.keys.length * 0.7) this.grow();
    return this.place(
      high * 1e7 + low + 1,
      (Math.imul(high, 0x9e3779b1) ^ Math.imul(low, 0x85ebca6b)) >>> 0,
      line,
    );
  }

  /** `key` is the SIRET plus one (0 marks an empty slot). */
  private place(key: number, hash: number, line: number): number {
    const mask = this.keys.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const found = this.keys[slot]!;
      if (found === 0) {
        this.keys[slot] = key;
        this.lines[slot] = line;
        this.size++;
        return 0;
      }
      if (found === key) return this.lines[slot]!;
    }
  }

  private grow(): void {
    const { keys, lines } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.lines = new Int32Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (key === 0) continue;
      const high = Math.floor((key - 1) / 1e7);
      const low = key - 1 - high * 1e7;
      this.place(key, (Math.imul(high, 0x9e3779b1) ^ Math.imul(low, 0x85ebca6b)) >>> 0, lines[i]!);
    }
  }
}

/**
 * Reads the StockEtablissement bytes (the header included, as the file starts) and yields the
 * register rows as COPY text, in batches. Bad rows are reported through `onProblem` (from the
 * first one on, nothing more is written: the import is refused anyway); closed establishments are
 * left out and unchecked unless `includeClosed`. Throws {@link SireneFileError} when the file
 * cannot be read further.
 */
export async function* sireneRegisterRows(
  chunks: AsyncIterable<Buffer>,
  options: SireneReadOptions,
  result: SireneReadResult,
): AsyncGenerator<Buffer> {
  const { fields, names, includeClosed } = options;
  const out = new RowWriter();
  const windows1252 = options.encoding === 'windows-1252';
  const nameDecoder = windows1252 ? new TextDecoder('windows-1252') : null;
  const communes = communePlaceByCode();
  const nafs = nafSubclassByCompact();
  const scanner = new RecordScanner(options.delimiter, names.length);
  const seen = new SiretLines();
  const expected = names.length;
  const iSiret = fields.siret;
  const iSiren = fields.siren;
  const iNic = fields.nic;
  const iBand = fields.trancheEffectifsEtablissement;
  const iCommune = fields.codeCommuneEtablissement;
  const iState = fields.etatAdministratifEtablissement;
  const iSign = fields.enseigne1Etablissement;
  const iUsualName = fields.denominationUsuelleEtablissement;
  const iNaf = fields.activitePrincipaleEtablissement;
  const iNomenclature = fields.nomenclatureActivitePrincipaleEtablissement;
  const iX = fields.coordonneeLambertAbscisseEtablissement;
  const iY = fields.coordonneeLambertOrdonneeEtablissement;

  let buffer = Buffer.alloc(0) as FastSlices;
  let line = 0;

  const problem = (found: Parameters<SireneReadOptions['onProblem']>[0]) => {
    result.failed = true;
    options.onProblem(found);
  };

  /** A field as text: null when absent, or empty and unquoted (as COPY reads it). */
  const text = (index: number, ascii: boolean): string | null => {
    if (index < 0 || index >= scanner.count) return null;
    const start = scanner.starts[index]!;
    const end = scanner.ends[index]!;
    const quoted = scanner.plain ? 0 : scanner.quoted[index]!;
    if (quoted === 0) {
      if (start === end) return null;
      if (ascii) return buffer.latin1Slice(start, end);
      return nameDecoder ? nameDecoder.decode(buffer.subarray(start, end)) : buffer.utf8Slice(start, end);
    }
    const raw = nameDecoder ? nameDecoder.decode(buffer.subarray(start, end)) : buffer.utf8Slice(start, end);
    if (quoted === 1) return raw.replaceAll('""', '"');
    // `"a"b`: the quoted part, then the rest as it is.
    const close = raw.lastIndexOf('"');
    return raw.slice(0, close).replaceAll('""', '"') + raw.slice(close + 1);
  };
  /** The field is read from the file's bytes as they are (not quoted: nothing to unescape). */
  const rawAt = (index: number): boolean => scanner.plain || scanner.quoted[index] === 0;
  /** A field as text, `[ND]` (hidden) read as null. */
  const known = (index: number, ascii: boolean): string | null => {
    const value = text(index, ascii);
    return value === SIRENE_HIDDEN ? null : value;
  };
  /** The field has a value (present, not empty, not `[ND]`), told from its bytes when it can. */
  const isKnown = (index: number): boolean => {
    if (index < 0 || index >= scanner.count) return false;
    if (!rawAt(index)) return known(index, false) !== null;
    const start = scanner.starts[index]!;
    const end = scanner.ends[index]!;
    return start !== end && !hiddenAt(start, end);
  };
  /** A bad field as the file wrote it, for the report. */
  const asWritten = (index: number) => text(index, false) ?? '';

  /** The field's bytes are `[ND]`, SIRENE's mark of a hidden value. */
  const hiddenAt = (start: number, end: number) =>
    end - start === 4 &&
    buffer[start] === 0x5b &&
    buffer[start + 1] === 0x4e &&
    buffer[start + 2] === 0x44 &&
    buffer[start + 3] === 0x5d;

  /** `A`, `F`, absent or empty (null as COPY reads it), or anything else. */
  const stateAt = (index: number): number => {
    if (index < 0 || index >= scanner.count) return NO_STATE;
    const start = scanner.starts[index]!;
    const end = scanner.ends[index]!;
    if (start === end) return scanner.plain || !scanner.quoted[index] ? NO_STATE : UNKNOWN_STATE;
    if (end - start !== 1) return UNKNOWN_STATE;
    const c = buffer[start];
    return c === 0x41 ? ACTIVE : c === 0x46 ? CLOSED : UNKNOWN_STATE;
  };

  /** The siren or nic column, when given and known, holds the SIRET's part at `offset`. */
  const agreesWithSiret = (index: number, siret: string, offset: number, length: number): boolean => {
    const value = known(index, false);
    return value === null || value === siret.slice(offset, offset + length);
  };

  /**
   * A plain record's SIRET, from its bytes: what is wrong with it (siretError's rules: 14 digits,
   * Luhn, or La Poste's digit sum; then the siren and nic columns agree), or null.
   */
  const siretProblemAt = (index: number): SireneRowProblem['code'] | null => {
    if (index < 0 || index >= scanner.count) return 'siret.required';
    const start = scanner.starts[index]!;
    const end = scanner.ends[index]!;
    if (start === end) return 'siret.required';
    if (end - start !== 14) return 'siret.format';
    let luhn = 0;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      const digit = buffer[start + i]! - 48;
      if (digit < 0 || digit > 9) return 'siret.format';
      // From the right, every second digit is doubled (minus 9 above 9): the even positions.
      luhn += i % 2 === 0 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
      sum += digit;
    }
    if (luhn % 10 !== 0 && !(sum % 5 === 0 && bytesAre(start, LA_POSTE))) return 'siret.checksum';
    if (!sameBytes(iSiren, start, 9) || !sameBytes(iNic, start + 9, 5)) return 'siret.mismatch';
    return null;
  };
  /** The bytes at `start` spell `text` (ASCII). */
  const bytesAre = (start: number, text: Buffer): boolean => {
    for (let i = 0; i < text.length; i++) if (buffer[start + i] !== text[i]) return false;
    return true;
  };
  /** The field, when present and known, has the `length` bytes found at `at`. */
  const sameBytes = (index: number, at: number, length: number): boolean => {
    if (index < 0 || index >= scanner.count) return true;
    const start = scanner.starts[index]!;
    const end = scanner.ends[index]!;
    if (start === end || hiddenAt(start, end)) return true;
    if (end - start !== length) return false;
    for (let i = 0; i < length; i++) if (buffer[start + i] !== buffer[at + i]) return false;
    return true;
  };
  /** A checked SIRET's two halves of 7 digits, as integers. */
  const halvesAt = (start: number): [number, number] => {
    let high = 0;
    let low = 0;
    for (let i = 0; i < 7; i++) high = high * 10 + buffer[start + i]! - 48;
    for (let i = 7; i < 14; i++) low = low * 10 + buffer[start + i]! - 48;
    return [high, low];
  };

  /** A code of `length` digits and capitals as a small integer (see keyOf), from the bytes; or -1. */
  const codeKey = (index: number, length: number, skipDots = false): number => {
    if (index < 0 || index >= scanner.count || !rawAt(index)) return -1;
    const start = scanner.starts[index]!;
    const end = scanner.ends[index]!;
    if (end - start !== length && !(skipDots && end - start > length)) return -1;
    let key = 0;
    let count = 0;
    for (let i = start; i < end; i++) {
      const c = buffer[i]!;
      if (skipDots && c === 0x2e) continue;
      const digit = base37(c);
      if (digit < 0 || ++count > length) return -1;
      key = key * 37 + digit;
    }
    return count === length ? key : -1;
  };

  /**
   * A Lambert-93 coordinate: null when absent or `[ND]`, NaN when not a decimal number
   * (`-?[0-9]+([.][0-9]*)?`), read from the bytes.
   */
  const numberAt = (index: number): number | null => {
    if (index < 0 || index >= scanner.count) return null;
    const start = scanner.starts[index]!;
    const end = scanner.ends[index]!;
    if (!rawAt(index)) {
      const value = known(index, false);
      return value === null ? null : NUMBER.test(value) ? Number(value) : Number.NaN;
    }
    if (start === end || hiddenAt(start, end)) return null;
    let i = start;
    const negative = buffer[i] === 0x2d;
    if (negative) i++;
    const digitsFrom = i;
    let value = 0;
    for (; i < end && buffer[i]! >= 48 && buffer[i]! <= 57; i++) value = value * 10 + (buffer[i]! - 48);
    if (i === digitsFrom) return Number.NaN;
    if (i < end) {
      if (buffer[i] !== 0x2e) return Number.NaN;
      i++;
      let fraction = 0;
      let scale = 1;
      for (; i < end && buffer[i]! >= 48 && buffer[i]! <= 57; i++) {
        fraction = fraction * 10 + (buffer[i]! - 48);
        scale *= 10;
      }
      if (i < end) return Number.NaN;
      value += fraction / scale;
    }
    return negative ? -value : value;
  };

  /** Headcount bands with their category already written out. */
  interface Band {
    code: Buffer;
    category: Buffer;
  }
  const bandByKey = new Map<number, Band>();
  const bandByCode = new Map<string, Band>();
  for (const code of BANDS) {
    const category = categoryForHeadcountBand(code);
    const band = { code: Buffer.from(code), category: category ? Buffer.from(category) : NULL };
    bandByKey.set(keyOf(code), band);
    bandByCode.set(code, band);
  }

  /**
   * NAF codes as written (`62.01Z`, `6201Z`) → the sub-class's code, written out, or null when
   * unknown; memoised by the code's integer key (dots left out) when it has one.
   */
  const nafByKey = new Map<number, Buffer | null>();
  const nafCode = (raw: string, key: number): Buffer | null => {
    const found = nafs.get(raw.replaceAll('.', '').toUpperCase());
    const code = found ? Buffer.from(found) : null;
    if (key >= 0) nafByKey.set(key, code);
    return code;
  };
  /** The nomenclature column says `NAFRev2`. */
  const isNafRev2 = (index: number): boolean => {
    if (!rawAt(index)) return known(index, false) === 'NAFRev2';
    const start = scanner.starts[index]!;
    return scanner.ends[index]! - start === 7 && buffer.latin1Slice(start, start + 7) === 'NAFRev2';
  };

  /**
   * A commune code's place with its cells of the row written out (numbers are costly to format:
   * some 39,000 codes, a million rows), by the code's integer key when it has one.
   */
  interface Where {
    place: Place;
    cells: Buffer;
    /** `lon\tlat` of the commune's centre. */
    centre: Buffer;
  }
  const placeCache = new Map<string | number, Where | null>();
  const placeOf = (code: string, key: number): Where | null => {
    let entry = placeCache.get(key >= 0 ? key : code);
    if (entry === undefined) {
      const place = communes.get(code);
      entry = place
        ? {
            place,
            cells: Buffer.from(
              [place.communeCode, place.epciCode, place.departementCode, place.regionCode]
                .map(copyValue)
                .join('\t'),
            ),
            centre: Buffer.from(`${copyValue(place.lon)}\t${copyValue(place.lat)}`),
          }
        : null;
      placeCache.set(key >= 0 ? key : code, entry);
    }
    return entry;
  };

  /** A field as the file wrote it, into the row (a plain record's bytes need no escaping). */
  const copyField = (index: number): void => {
    if (scanner.plain) out.raw(buffer, scanner.starts[index]!, scanner.ends[index]!);
    else out.value(text(index, false));
  };

  /**
   * One record, split by the scanner: checked, and written as a register row. `plain`: the
   * record holds no backslash, tab or quote, so that its bytes can go to COPY as they are.
   */
  const row = (plain: boolean): void => {
    result.rows++;
    const state = stateAt(iState);
    if (state === CLOSED && !includeClosed) {
      result.skipped++;
      const siret = text(iSiret, true);
      if (siret !== null) result.closedSirets.push(siret);
      return;
    }
    // SIRET: present, 14 digits, its key; then the siren and nic columns, when given, agree; and
    // only once in the file. A plain record's SIRET is checked on its bytes, others as text.
    let siretProblem: SireneRowProblem['code'] | null = null;
    let siretStart = -1;
    let siretText: string | null = null;
    if (rawAt(iSiret) && (iSiren < 0 || rawAt(iSiren)) && (iNic < 0 || rawAt(iNic))) {
      siretProblem = siretProblemAt(iSiret);
      if (!siretProblem) siretStart = scanner.starts[iSiret]!;
    } else {
      siretText = text(iSiret, true);
      if (siretText === null) siretProblem = 'siret.required';
      else {
        const verdict = DIGITS_14.test(siretText) ? siretError(siretText) : 'FORMAT';
        if (verdict === 'FORMAT') siretProblem = 'siret.format';
        else if (verdict === 'CHECKSUM') siretProblem = 'siret.checksum';
        else if (!agreesWithSiret(iSiren, siretText, 0, 9) || !agreesWithSiret(iNic, siretText, 9, 5))
          siretProblem = 'siret.mismatch';
      }
    }
    if (siretProblem) problem({ line, column: 'siret', code: siretProblem, value: asWritten(iSiret) });
    else {
      const [high, low] =
        siretStart >= 0
          ? halvesAt(siretStart)
          : [Number(siretText!.slice(0, 7)), Number(siretText!.slice(7))];
      const first = seen.firstLine(high, low, line);
      if (first) problem({ line, column: 'siret', code: 'siret.duplicate', value: asWritten(iSiret), first });
    }
    if (state === UNKNOWN_STATE || state === NO_STATE)
      problem({
        line,
        column: 'etatAdministratifEtablissement',
        code: 'state.unknown',
        value: asWritten(iState),
      });

    const bandKey = codeKey(iBand, 2);
    const bandText = bandKey >= 0 ? null : known(iBand, false);
    const band =
      bandKey >= 0 ? bandByKey.get(bandKey) : bandText !== null ? bandByCode.get(bandText) : undefined;
    if (band === undefined && (bandKey >= 0 || bandText !== null))
      problem({
        line,
        column: 'trancheEffectifsEtablissement',
        code: 'band.unknown',
        value: asWritten(iBand),
      });

    const isRev2 = !isKnown(iNomenclature) || isNafRev2(iNomenclature);
    const nafKey = isRev2 ? codeKey(iNaf, 5, true) : -1;
    const nafHit = nafKey >= 0 ? nafByKey.get(nafKey) : undefined;
    const nafRaw = nafHit ? null : known(iNaf, false);
    const naf = nafHit ?? (nafRaw !== null && isRev2 ? nafCode(nafRaw, nafKey) : null);
    if (nafRaw !== null && isRev2 && naf === null)
      problem({ line, column: 'activitePrincipaleEtablissement', code: 'naf.unknown', value: nafRaw });

    const communeKey = codeKey(iCommune, 5);
    const hit = communeKey >= 0 ? placeCache.get(communeKey) : undefined;
    const communeRaw = hit ? '' : known(iCommune, true);
    const where = hit ?? (communeRaw === null ? null : placeOf(communeRaw, communeKey));
    if (communeRaw !== null && where === null)
      problem({
        line,
        column: 'codeCommuneEtablissement',
        code: 'commune.unknown',
        value: asWritten(iCommune),
      });

    const x = numberAt(iX);
    const y = numberAt(iY);
    if (Number.isNaN(x))
      problem({
        line,
        column: 'coordonneeLambertAbscisseEtablissement',
        code: 'coordinate.invalid',
        value: asWritten(iX),
      });
    if (Number.isNaN(y))
      problem({
        line,
        column: 'coordonneeLambertOrdonneeEtablissement',
        code: 'coordinate.invalid',
        value: asWritten(iY),
      });
    if (result.failed) return;

    // siret, siren (the SIRET is 14 checked digits)
    if (siretStart >= 0) {
      out.raw(buffer, siretStart, siretStart + 14);
      out.byte(TAB);
      out.raw(buffer, siretStart, siretStart + 9);
    } else {
      out.ascii(siretText!);
      out.byte(TAB);
      out.ascii(siretText!.slice(0, 9));
    }
    out.byte(TAB);
    // name: the establishment's own, else « SIRET … » (the legal unit's name, when given, wins)
    const nameIndex = isKnown(iUsualName) ? iUsualName : isKnown(iSign) ? iSign : -1;
    if (nameIndex < 0) {
      out.bytes(SIRET_PREFIX);
      if (siretStart >= 0) out.raw(buffer, siretStart, siretStart + 14);
      else out.ascii(siretText!);
    } else if (plain && !windows1252) copyField(nameIndex);
    else out.value(text(nameIndex, false));
    out.byte(TAB);
    // naf_code (the sub-class, or the code as written in another nomenclature), naf_version
    if (naf) out.bytes(naf);
    else out.value(nafRaw);
    out.byte(TAB);
    if (isRev2) out.bytes(NAF_REV_2);
    else out.value(known(iNomenclature, false));
    out.byte(TAB);
    // headcount_band, category
    if (band) {
      out.bytes(band.code);
      out.byte(TAB);
      out.bytes(band.category);
    } else {
      out.bytes(NULL);
      out.byte(TAB);
      out.bytes(NULL);
    }
    out.byte(TAB);
    // commune_code, epci_code, departement_code, region_code
    out.bytes(where ? where.cells : NO_PLACE);
    out.byte(TAB);
    // lon, lat: Lambert-93 in mainland France and Corsica, within bounds; else the commune's centre
    let located = false;
    if (where?.place.mainland && x !== null && y !== null) {
      const { lon, lat } = lambert93ToWgs84BySeries(x, y);
      if (lon >= -5.5 && lon <= 10 && lat >= 41 && lat <= 51.5) {
        out.decimal7(Math.round(lon * 1e7));
        out.byte(TAB);
        out.decimal7(Math.round(lat * 1e7));
        located = true;
      }
    }
    if (!located) out.bytes(where ? where.centre : NULL_POINT);
    out.bytes(state === ACTIVE ? ACTIVE_END : INACTIVE_END);
    result.written++;
    if (state === ACTIVE) result.active++;
  };

  /** A record of the wrong width is reported and not read further. */
  const widthOk = (): boolean => {
    if (scanner.count === expected) return true;
    result.rows++;
    if (scanner.count > expected) problem({ line, column: '', reason: { code: 'csv.extraColumns' } });
    else
      problem({
        line,
        column: '',
        reason: { code: 'csv.missingColumns', params: { column: names[scanner.count] ?? '' } },
      });
    return false;
  };

  /** The records of `buffer` from `from` on; returns where the first incomplete one starts. */
  const records = (from: number, atEnd: boolean): number => {
    // The next quote, backslash and tab, found once for many records: a record before all three
    // is split the fast way and its bytes written as they are.
    const after = (byte: number, at: number) => {
      const found = buffer.indexOf(byte, at);
      return found === -1 ? buffer.length : found;
    };
    const tabIsDelimiter = options.delimiter === '\t';
    let position = from;
    let nextQuote = after(QUOTE, position);
    let nextBackslash = after(BACKSLASH, position);
    let nextTab = tabIsDelimiter ? buffer.length : after(TAB, position);
    while (position < buffer.length) {
      let lf = buffer.indexOf(LF, position);
      if (lf === -1) {
        if (!atEnd) break;
        lf = buffer.length;
      }
      let next: number;
      let plain: boolean;
      if (nextQuote < lf) {
        const end = scanner.splitQuoted(buffer, position, atEnd);
        if (end === -1) {
          if (atEnd) throw new SireneFileError(line + 1, { code: 'csv.quote' });
          break;
        }
        next = end;
        plain = false;
        nextQuote = after(QUOTE, next);
      } else {
        const end = lf > position && buffer[lf - 1] === CR ? lf - 1 : lf;
        // A blank line is no row (a file's last line break followed by nothing is common).
        if (end === position) {
          line++;
          position = lf + 1;
          continue;
        }
        scanner.splitPlain(buffer, position, end);
        next = lf + 1;
        plain = nextBackslash >= end && nextTab >= end;
      }
      if (nextBackslash < next) nextBackslash = after(BACKSLASH, next);
      if (nextTab < next) nextTab = after(TAB, next);
      line++;
      if (line > 1 && widthOk()) row(plain);
      position = next;
    }
    return position;
  };

  /** The line of the first NUL byte or invalid UTF-8 sequence of `part` (after `line`), if any. */
  const invalidLine = (part: Buffer): { line: number; reason: Reason } | null => {
    const nul = part.indexOf(0);
    const utf8 = windows1252 || isUtf8(part);
    if (nul === -1 && utf8) return null;
    let bad = nul === -1 ? part.length : nul;
    let reason: Reason = { code: 'csv.nul' };
    if (!utf8) {
      // The first invalid byte: the longest valid prefix, by bisection over isUtf8.
      let lo = 0;
      let hi = part.length;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (isUtf8(part.subarray(0, mid)) || isUtf8Truncated(part.subarray(0, mid))) lo = mid;
        else hi = mid;
      }
      if (lo < bad) {
        bad = lo;
        reason = { code: 'csv.encoding', params: { encoding: 'UTF-8' } };
      }
    }
    // Its line: the line breaks before it (a line break inside quotes is rare enough here).
    let count = 0;
    for (let i = part.indexOf(LF); i !== -1 && i < bad; i = part.indexOf(LF, i + 1)) count++;
    return { line: line + 1 + count, reason };
  };

  for await (const chunk of chunks) {
    buffer = (buffer.length ? Buffer.concat([buffer, chunk]) : chunk) as FastSlices;
    // Complete lines only are checked for NUL and encoding; the rest waits for the next chunk.
    const lastLf = buffer.lastIndexOf(LF);
    if (lastLf === -1) continue;
    const bad = invalidLine(buffer.subarray(0, lastLf + 1));
    if (bad) throw new SireneFileError(bad.line, bad.reason);
    buffer = buffer.subarray(records(0, false)) as FastSlices;
    if (out.size) yield out.take();
  }
  if (buffer.length) {
    const bad = invalidLine(buffer);
    if (bad) throw new SireneFileError(bad.line, bad.reason);
    records(0, true);
    if (out.size) yield out.take();
  }
}

/** Whether `bytes` is valid UTF-8 but for a multi-byte sequence cut at its end. */
function isUtf8Truncated(bytes: Buffer): boolean {
  for (let cut = 1; cut <= 3 && cut <= bytes.length; cut++) {
    if (isUtf8(bytes.subarray(0, bytes.length - cut))) {
      const lead = bytes[bytes.length - cut]!;
      return lead >= 0xc2 && lead <= 0xf4;
    }
  }
  return false;
}
