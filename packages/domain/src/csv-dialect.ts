/**
 * The dialect of CSV files people upload — encoding and delimiter — and the neutralisation of
 * cells that a spreadsheet would run as formulas when we export.
 */

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';
export type CsvDelimiter = ';' | ',' | '\t';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/**
 * True when the bytes start with a UTF-16 byte order mark (FF FE or FE FF), as Excel's
 * « Texte Unicode » export writes. Such files are not supported by {@link detectEncoding}: tell
 * the user to save as « CSV UTF-8 » instead of decoding garbage.
 */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * Whether `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
 * A multi-byte sequence cut off by the end of the buffer counts as well-formed, so that a
 * file's first chunk can be checked.
 */
function isWellFormedUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) min = 0xa0; // overlong
      if (b === 0xed) max = 0x9f; // UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) min = 0x90; // overlong
      if (b === 0xf4) max = 0x8f; // above U+10FFFF
    } else return false;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return true;
      const c = bytes[i + k]!;
      if (c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return false;
    }
    i += length;
  }
  return true;
}

/**
 * The encoding of a text file from its bytes: `utf-8-bom` when it starts with the UTF-8 byte
 * order mark (Excel's « CSV UTF-8 »), `utf-8` when the bytes are well-formed UTF-8 (pure ASCII
 * included), otherwise `windows-1252`, which is what French Excel writes for « CSV (séparateur :
 * point-virgule) ». Windows-1252 text with accented letters is practically never well-formed
 * UTF-8 (« é » is the byte E9, which UTF-8 only allows before two continuation bytes), so the test
 * is reliable on real files.
 * @param bytes the whole file or its first chunk; a sequence cut at the end is fine. With a chunk,
 *   a Windows-1252 file whose first accented letter comes later is taken for UTF-8, so pass a
 *   generous chunk (1 MiB) when the whole file is too big.
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (hasUtf8Bom(bytes)) return 'utf-8-bom';
  return isWellFormedUtf8(bytes) ? 'utf-8' : 'windows-1252';
}

/**
 * A decoder for `encoding`, for streaming (`decoder.decode(chunk, { stream: true })`). The UTF-8
 * byte order mark is dropped; invalid bytes become U+FFFD rather than throwing.
 */
export function textDecoderFor(encoding: TextEncoding): InstanceType<typeof TextDecoder> {
  return new TextDecoder(encoding === 'windows-1252' ? 'windows-1252' : 'utf-8');
}

/** The text of `bytes` in `encoding`, without the byte order mark. */
export function decodeBytes(bytes: Uint8Array, encoding: TextEncoding): string {
  return textDecoderFor(encoding).decode(bytes);
}

const DELIMITERS: readonly CsvDelimiter[] = [';', '\t', ','];

/**
 * The delimiter of a CSV file from its header line: the most frequent of `;`, tab and `,`
 * outside double-quoted fields. On a tie `;` wins, then tab: French spreadsheets write `;`
 * because `,` is their decimal separator. A line with none of them (a single column) gives `,`.
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (const char of headerLine) {
    // A doubled quote inside a quoted field toggles twice, which leaves the state unchanged.
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = counts.get(delimiter)!;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

// A plain decimal number, negative or not, with a point or a French decimal comma.
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * A cell value that a spreadsheet will show as text rather than evaluate (OWASP « CSV
 * injection »): a value starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading
 * apostrophe. Plain negative numbers such as `-12.5` or `-12,5` are left alone: they cannot
 * hold a formula, and quoting them would turn amounts into text that no longer adds up.
 * Everything else is returned unchanged; CSV quoting is the writer's job.
 */
export function neutraliseFormula(cell: string): string {
  if (cell.length === 0 || !FORMULA_TRIGGERS.has(cell[0]!)) return cell;
  if (PLAIN_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}
