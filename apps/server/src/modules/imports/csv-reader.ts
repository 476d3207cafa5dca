/**
 * A streaming CSV reader (RFC 4180 with the habits of spreadsheets: `;` or `,` or tab, CRLF or LF,
 * quoted fields over several lines) that keeps the line number where each record starts, for the
 * import report.
 */

export interface CsvRecord {
  /** The line of the file where the record starts, the first line being 1. */
  line: number;
  fields: string[];
}

export type CsvEvent = CsvRecord | { line: number; unterminatedQuote: true };

/** Splits one line of text (a header) into fields. */
export function parseCsvLine(text: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += char;
    } else if (char === '"') inQuotes = true;
    else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

/**
 * The records of CSV text arriving in chunks. Empty lines are skipped. A quote opens a quoted
 * field only at the start of a field (elsewhere it is a character like any other); an
 * unterminated quoted field ends the file with an `unterminatedQuote` event at the line where
 * its record started.
 */
export async function* readCsvRecords(
  chunks: AsyncIterable<string>,
  delimiter: string,
): AsyncGenerator<CsvEvent> {
  const DELIMITER = delimiter.charCodeAt(0);
  const QUOTE = 0x22;
  const LF = 0x0a;
  const CR = 0x0d;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  // A quote just closed a quoted section: a second quote right after is an escaped quote.
  let quoteClosed = false;
  let atFieldStart = true;
  let line = 1;
  let recordLine = 1;
  let recordHasContent = false;
  // The previous character was a CR: an LF right after belongs to the same line break.
  let pendingCr = false;

  const endRecord = (): CsvRecord | null => {
    fields.push(field);
    const record = recordHasContent || fields.length > 1 ? { line: recordLine, fields } : null;
    fields = [];
    field = '';
    recordHasContent = false;
    atFieldStart = true;
    return record;
  };

  for await (const chunk of chunks) {
    const out: CsvRecord[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const char = chunk.charCodeAt(i);
      if (pendingCr) {
        pendingCr = false;
        if (char === LF) {
          if (!inQuotes) start = i + 1;
          continue;
        }
      }
      if (inQuotes) {
        if (char === QUOTE) {
          field += chunk.slice(start, i);
          start = i + 1;
          inQuotes = false;
          quoteClosed = true;
        } else if (char === CR) {
          line++;
          pendingCr = true;
        } else if (char === LF) line++;
        continue;
      }
      if (quoteClosed) {
        quoteClosed = false;
        if (char === QUOTE) {
          // "" inside a quoted field: one quote, and the field goes on quoted.
          field += '"';
          start = i + 1;
          inQuotes = true;
          continue;
        }
      }
      if (char === QUOTE && atFieldStart) {
        start = i + 1;
        inQuotes = true;
        recordHasContent = true;
        atFieldStart = false;
      } else if (char === DELIMITER) {
        fields.push(field + chunk.slice(start, i));
        field = '';
        start = i + 1;
        atFieldStart = true;
      } else if (char === LF || char === CR) {
        field += chunk.slice(start, i);
        start = i + 1;
        const record = endRecord();
        if (record) out.push(record);
        line++;
        recordLine = line;
        if (char === CR) pendingCr = true;
      } else {
        atFieldStart = false;
        if (char !== 0x20 && char !== 0x09) recordHasContent = true;
      }
    }
    if (start < chunk.length) field += chunk.slice(start);
    yield* out;
  }
  if (inQuotes) {
    yield { line: recordLine, unterminatedQuote: true };
    return;
  }
  const last = endRecord();
  if (last) yield last;
}

/** True when every field of a record is blank: a spreadsheet's trailing `;;;;` line. */
export function isBlankRecord(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}
