import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type CsvEvent, parseCsvLine, readCsvRecords } from './csv-reader.ts';
import { FileProblem, firstLine, openFileSource, QuoteTracker } from './file-source.ts';

async function read(chunks: string[], delimiter = ';'): Promise<CsvEvent[]> {
  const events: CsvEvent[] = [];
  for await (const event of readCsvRecords(
    (async function* () {
      yield* chunks;
    })(),
    delimiter,
  )) {
    events.push(event);
  }
  return events;
}

describe('CSV reader', () => {
  it('reads quoted fields, doubled quotes, line breaks inside quotes, CRLF, and numbers lines from where each record starts', async () => {
    const text = 'a;b\r\n"x;1";"say ""hi"""\r\n"two\r\nlines";z\r\n\r\n;;\nlast;5" screen';
    assert.deepEqual(await read([text]), [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x;1', 'say "hi"'] },
      { line: 3, fields: ['two\r\nlines', 'z'] },
      { line: 6, fields: ['', '', ''] },
      { line: 7, fields: ['last', '5" screen'] },
    ]);
  });

  it('reports an unterminated quote at the line where its record starts', async () => {
    assert.deepEqual(await read(['a;b\nok;1\nbad;"never\nclosed\n']), [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['ok', '1'] },
      { line: 3, unterminatedQuote: true },
    ]);
  });

  it('gives the same records whatever the chunks (property)', async () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'é', ' ', ';', ',', '"', '\n', '\r', 'x', '1'),
      maxLength: 6,
    });
    const record = fc.array(field, { minLength: 2, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }),
        async (records, eol, cuts) => {
          const quote = (f: string) =>
            /[;"\r\n]/.test(f) || f.startsWith(' ') ? `"${f.replaceAll('"', '""')}"` : f;
          const lines = records.map((r) => r.map(quote).join(';'));
          const text = lines.join(eol) + eol;
          const chunks: string[] = [];
          let position = 0;
          for (let i = 0; position < text.length; i++) {
            const size = cuts[i % cuts.length]!;
            chunks.push(text.slice(position, position + size));
            position += size;
          }
          // Where each record starts: one line per line break of the text before it.
          let line = 1;
          const expected = records.map((fields, i) => {
            const start = line;
            line += (lines[i]!.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
            return { line: start, fields };
          });
          assert.deepEqual(await read(chunks), expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('splits a header line', () => {
    assert.deepEqual(parseCsvLine('siret,"nom, raison",x', ','), ['siret', 'nom, raison', 'x']);
  });
});

describe('file sources', () => {
  const open = (bytes: Buffer | string) => openFileSource(Readable.from([Buffer.from(bytes)]));
  const problem = async (bytes: Buffer | string) => {
    try {
      await open(bytes);
      return null;
    } catch (error) {
      assert.ok(error instanceof FileProblem);
      return error.reason.code;
    }
  };

  it('tells CSV encodings, workbooks and unreadable files apart', async () => {
    assert.equal((await open('siret;nom\n')).encoding, 'utf-8');
    const bom = await open(Buffer.from('\ufeffsiret;nom\n'));
    assert.equal(bom.encoding, 'utf-8-bom');
    assert.equal(bom.head.toString(), 'siret;nom\n', 'the BOM is dropped');
    assert.equal((await open(Buffer.from([0x73, 0x3b, 0xe9, 0x0a]))).encoding, 'windows-1252');
    assert.equal((await open(Buffer.from('PK\u0003\u0004rest'))).format, 'xlsx');
    assert.equal(await problem(''), 'file.empty');
    assert.equal(await problem('\ufeff \r\n'), 'file.empty');
    assert.equal(await problem(Buffer.from('\ufeffa;b', 'utf16le')), 'file.utf16');
    assert.equal(await problem(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])), 'file.binary');
    assert.equal(await problem(Buffer.alloc(300, 1)), 'file.binary');
  });

  it('reads the whole file once, head first, from any chunking', async () => {
    const parts = Array.from({ length: 50 }, (_, i) => Buffer.from(`line ${i};${'x'.repeat(40_000)}\n`));
    let counted = 0;
    const source = await openFileSource(Readable.from(parts), (n) => {
      counted += n;
    });
    assert.ok(!source.complete);
    const all: Buffer[] = [];
    for await (const chunk of source.chunks()) all.push(chunk);
    assert.deepEqual(Buffer.concat(all), Buffer.concat(parts));
    assert.equal(counted, Buffer.concat(parts).length);
  });

  it('finds the first line outside quotes', () => {
    assert.equal(firstLine(Buffer.from('a,"b\nc"\r\nd'))?.line.toString(), 'a,"b\nc"');
    assert.equal(firstLine(Buffer.from('no line break')), null);
  });

  it('knows where an unterminated quote opened, lines counted as COPY counts them', () => {
    const tracker = new QuoteTracker();
    for (const part of ['h1,h2\n"a\nb",1\nok,2\n', 'x,"open\n', 'more\n']) tracker.scan(Buffer.from(part));
    assert.equal(tracker.inQuotes, true);
    assert.equal(tracker.quoteLine, 4);
  });
});
