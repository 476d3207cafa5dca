import type { Readable } from 'node:stream';
import { detectEncoding, hasUtf8Bom, hasUtf16Bom, type TextEncoding } from '@meute/domain';
import type { Reason } from './import-messages.ts';

/** How much of a file is read before deciding what it is: enough for encoding detection. */
export const HEAD_BYTES = 1024 * 1024;

/**
 * An uploaded or local file as a byte stream whose first bytes have been read to tell what it is.
 * `chunks()` yields the whole file (the head first), each chunk once: the file is never held
 * in memory beyond the head.
 */
export interface FileSource {
  format: 'csv' | 'xlsx';
  /** CSV only: the text encoding, the UTF-8 byte order mark already dropped from the bytes. */
  encoding: TextEncoding;
  /** The first bytes (BOM removed). */
  head: Buffer;
  /** True when the head is the whole file. */
  complete: boolean;
  chunks(): AsyncGenerator<Buffer>;
  /** Reads and drops what is left, so that an upload's request can end. */
  drain(): Promise<void>;
}

export class FileProblem extends Error {
  readonly reason: Reason;
  constructor(reason: Reason) {
    super(reason.code);
    this.reason = reason;
  }
}

const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304;
// Old Excel (.xls), PDF, images, archives: clearly not text.
const BINARY_SIGNATURES = [
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0]),
  Buffer.from('%PDF'),
  Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  Buffer.from([0xff, 0xd8, 0xff]),
  Buffer.from([0x1f, 0x8b]),
];

/**
 * Text has next to no control characters besides tab, CR and LF; binary data has plenty. (A stray
 * NUL in a text file is reported on its line by the COPY.)
 */
function looksBinary(bytes: Buffer): boolean {
  if (BINARY_SIGNATURES.some((signature) => bytes.subarray(0, signature.length).equals(signature)))
    return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample.length / 100;
}

/**
 * Reads the head of `stream` and tells what the file is: XLSX (a zip), or CSV text with its
 * encoding. Throws a {@link FileProblem} for an empty, UTF-16 or binary file.
 * @param onBytes called with the size of every chunk read, for a progress bar
 */
export async function openFileSource(
  stream: Readable | AsyncIterable<Buffer>,
  onBytes: (bytes: number) => void = () => undefined,
): Promise<FileSource> {
  // An upload's stream must not be destroyed when we stop early: drain() reads the rest.
  const iterator: AsyncIterator<Buffer> =
    'iterator' in stream && typeof stream.iterator === 'function'
      ? stream.iterator({ destroyOnReturn: false })
      : stream[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    onBytes(chunk.length);
    parts.push(chunk);
    size += chunk.length;
  }
  let head = Buffer.concat(parts, size);

  const rest = async function* () {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
      onBytes(chunk.length);
      yield chunk;
    }
  };
  let consumed = false;
  const source = (format: 'csv' | 'xlsx', encoding: TextEncoding): FileSource => ({
    format,
    encoding,
    head,
    complete: done,
    async *chunks() {
      if (consumed) throw new Error('A file source is read once');
      consumed = true;
      if (head.length) yield head;
      if (!done) yield* rest();
    },
    async drain() {
      if (done) return;
      for (;;) {
        const next = await iterator.next().catch(() => ({ done: true as const, value: undefined }));
        if (next.done) return;
      }
    },
  });
  const fail = async (reason: Reason): Promise<never> => {
    await source('csv', 'utf-8').drain();
    throw new FileProblem(reason);
  };

  if (head.length === 0) return fail({ code: 'file.empty' });
  if (isZip(head)) return source('xlsx', 'utf-8');
  if (hasUtf16Bom(head)) return fail({ code: 'file.utf16' });
  if (looksBinary(head)) return fail({ code: 'file.binary' });
  const encoding = detectEncoding(head.subarray(0, HEAD_BYTES));
  if (hasUtf8Bom(head)) head = head.subarray(3);
  if (done && head.toString('latin1').trim() === '') return fail({ code: 'file.empty' });
  return source('csv', encoding);
}

/**
 * The first line of CSV bytes (without its line break), or null when the head holds no line
 * break outside quotes: a header longer than the head, or a file of a single line (`complete`).
 */
export function firstLine(head: Buffer): { line: Buffer; rest: number } | null {
  let inQuotes = false;
  for (let i = 0; i < head.length; i++) {
    const byte = head[i];
    if (byte === 0x22) inQuotes = !inQuotes;
    else if (byte === 0x0a && !inQuotes) {
      const end = i > 0 && head[i - 1] === 0x0d ? i - 1 : i;
      return { line: head.subarray(0, end), rest: i + 1 };
    }
  }
  return null;
}

/**
 * Follows CSV bytes on their way to COPY to know where an unterminated quote opened:
 * PostgreSQL only says that the file ended inside a quoted field. Lines are counted as COPY
 * counts them (a line break inside quotes does not end a line). Only quotes and line breaks are
 * looked at, with `indexOf`, so that a large file costs next to nothing.
 */
export class QuoteTracker {
  /** The line being read, the first line of the file being 1. */
  line = 1;
  inQuotes = false;
  /** The line where the quote still open was opened. */
  quoteLine = 0;

  scan(bytes: Buffer): void {
    let position = 0;
    for (;;) {
      const quote = bytes.indexOf(0x22, position);
      const end = quote === -1 ? bytes.length : quote;
      if (!this.inQuotes) {
        for (
          let lf = bytes.indexOf(0x0a, position);
          lf !== -1 && lf < end;
          lf = bytes.indexOf(0x0a, lf + 1)
        ) {
          this.line++;
        }
      }
      if (quote === -1) return;
      this.inQuotes = !this.inQuotes;
      if (this.inQuotes) this.quoteLine = this.line;
      position = quote + 1;
    }
  }

  async *follow(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      this.scan(chunk);
      yield chunk;
    }
  }
}
