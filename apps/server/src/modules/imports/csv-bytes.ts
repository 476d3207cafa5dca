/**
 * CSV read and COPY text written at the byte level, for files of millions of rows: a record's
 * fields are offsets into the bytes read (only the fields used become strings), and the rows for
 * COPY are written into one buffer per batch (a million rows built as strings and joined cost
 * more than reading the file).
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Buffer's own latin1 slice, without toString's dispatch (a million rows call it ten times each). */
export type FastSlices = Buffer & {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
};

/** A value as COPY's text format writes it: `\N` for null, backslash and control characters escaped. */
export function copyValue(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : value;
}

/**
 * The fields of one CSV record, as offsets into its buffer: the fast path for records without
 * quotes (all of a real SIRENE file but a few names), a quote-aware one for the others.
 */
export class RecordScanner {
  /** Field i spans [starts[i], ends[i]) of the buffer; `quoted[i]` when it needs unescaping. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly quoted: Uint8Array;
  /** How many fields the record has (only the first `starts.length - 1` are kept). */
  count = 0;
  /** No field of the record is quoted. */
  plain = true;
  private readonly delimiter: number;

  constructor(delimiter: string, width: number) {
    this.delimiter = delimiter.charCodeAt(0);
    // A record wider than the header is refused: one more field is enough to tell.
    this.starts = new Int32Array(width + 2);
    this.ends = new Int32Array(width + 2);
    this.quoted = new Uint8Array(width + 2);
  }

  /** Splits [from, to) (a line without its line break and without quotes): the hot loop. */
  splitPlain(buffer: Buffer, from: number, to: number): void {
    const delimiter = this.delimiter;
    const starts = this.starts;
    const ends = this.ends;
    const capacity = starts.length - 1;
    let n = 0;
    let start = from;
    for (let i = from; i < to; i++) {
      if (buffer[i] === delimiter) {
        if (n < capacity) {
          starts[n] = start;
          ends[n] = i;
        }
        n++;
        start = i + 1;
      }
    }
    if (n < capacity) {
      starts[n] = start;
      ends[n] = to;
    }
    this.count = n + 1;
    this.plain = true;
  }

  /**
   * Splits the record starting at `from`, quotes honoured (a line break inside quotes belongs to
   * the field). Returns the offset after the record's line break, or -1 when the buffer ends
   * before the record does.
   */
  splitQuoted(buffer: Buffer, from: number, atEnd: boolean): number {
    const delimiter = this.delimiter;
    let n = 0;
    let i = from;
    const capacity = this.starts.length - 1;
    this.plain = false;
    for (;;) {
      // Past the capacity, fields are counted but not kept: the last slot is overwritten.
      const slot = n < capacity ? n : capacity;
      if (buffer[i] === QUOTE) {
        // A quoted field: up to the closing quote ("" is a quote inside it).
        let j = i + 1;
        for (;;) {
          const q = buffer.indexOf(QUOTE, j);
          if (q === -1) return -1;
          if (buffer[q + 1] === QUOTE) {
            j = q + 2;
            continue;
          }
          if (q + 1 >= buffer.length && !atEnd) return -1;
          this.starts[slot] = i + 1;
          this.ends[slot] = q;
          this.quoted[slot] = 1;
          i = q + 1;
          break;
        }
        // Whatever follows the closing quote up to the delimiter belongs to the field (COPY reads
        // `"a"b` as `ab`); rare enough to take the slow way.
        let k = i;
        while (k < buffer.length && buffer[k] !== delimiter && buffer[k] !== LF) k++;
        if (k > i && !(k === i + 1 && buffer[i] === CR)) {
          this.quoted[slot] = 2;
          this.ends[slot] = k;
        }
        i = k;
      } else {
        let k = i;
        while (k < buffer.length && buffer[k] !== delimiter && buffer[k] !== LF) k++;
        this.starts[slot] = i;
        this.ends[slot] =
          k > i && buffer[k - 1] === CR && (k === buffer.length || buffer[k] === LF) ? k - 1 : k;
        this.quoted[slot] = 0;
        i = k;
      }
      n++;
      if (i >= buffer.length) {
        if (!atEnd) return -1;
        this.count = n;
        return i;
      }
      if (buffer[i] === LF) {
        this.count = n;
        return i + 1;
      }
      i++; // the delimiter
    }
  }
}

/**
 * Rows in COPY's text format, written byte by byte into one buffer per batch: a million rows
 * built as strings and joined cost more than reading the file.
 */
export class RowWriter {
  private buffer = Buffer.allocUnsafe(1 << 22);
  private position = 0;

  private room(bytes: number): void {
    if (this.position + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.position + bytes));
    this.buffer.copy(bigger, 0, 0, this.position);
    this.buffer = bigger;
  }

  /** Bytes of the file as they are (a plain field: no escaping needed). */
  raw(source: Buffer, start: number, end: number): void {
    this.room(end - start);
    const target = this.buffer;
    let p = this.position;
    for (let i = start; i < end; i++) target[p++] = source[i]!;
    this.position = p;
  }

  /** Bytes prepared once (a commune's cells, a constant). */
  bytes(source: Buffer): void {
    this.room(source.length);
    if (source.length < 16) {
      const target = this.buffer;
      let p = this.position;
      for (let i = 0; i < source.length; i++) target[p++] = source[i]!;
      this.position = p;
      return;
    }
    this.buffer.set(source, this.position);
    this.position += source.length;
  }

  /** Text known to be plain ASCII without tab, backslash or line break (a checked SIRET). */
  ascii(text: string): void {
    this.room(text.length);
    const target = this.buffer;
    let p = this.position;
    for (let i = 0; i < text.length; i++) target[p++] = text.charCodeAt(i);
    this.position = p;
  }

  /** A value as COPY's text format wants it (null, escapes), UTF-8. */
  value(value: string | null): void {
    const text = copyValue(value);
    this.room(text.length * 3);
    this.position += this.buffer.write(text, this.position, 'utf8');
  }

  /** A non-negative or negative integer. */
  integer(value: number): void {
    this.room(24);
    let n = value;
    if (n < 0) {
      this.buffer[this.position++] = 45;
      n = -n;
    }
    let digits = 1;
    for (let power = 10; power <= n; power *= 10) digits++;
    let p = this.position + digits;
    this.position = p;
    do {
      this.buffer[--p] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  /** An integer count of 1e-7 as a decimal number (`12345678` → `1.2345678`): coordinates. */
  decimal7(value: number): void {
    this.room(24);
    let n = value;
    if (n < 0) {
      this.buffer[this.position++] = 45;
      n = -n;
    }
    const whole = Math.floor(n / 1e7);
    let fraction = n - whole * 1e7;
    this.integer(whole);
    this.buffer[this.position++] = 46;
    let p = this.position + 7;
    this.position = p;
    for (let i = 0; i < 7; i++) {
      this.buffer[--p] = 48 + (fraction % 10);
      fraction = Math.floor(fraction / 10);
    }
  }

  byte(value: number): void {
    this.room(1);
    this.buffer[this.position++] = value;
  }

  get size(): number {
    return this.position;
  }

  /** What was written since the last call, as a buffer of its own. */
  take(): Buffer {
    const out = Buffer.from(this.buffer.subarray(0, this.position));
    this.position = 0;
    return out;
  }
}
