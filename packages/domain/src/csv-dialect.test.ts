import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  decodeBytes,
  detectDelimiter,
  detectEncoding,
  hasUtf16Bom,
  neutraliseFormula,
  textDecoderFor,
} from './csv-dialect.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Windows-1252 bytes of text made of Latin-1 letters and the few extra letters French needs. */
function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '€': 0x80, œ: 0x9c, Œ: 0x8c, Ÿ: 0x9f, '’': 0x92 };
  return Uint8Array.from([...text].map((char) => extra[char] ?? char.charCodeAt(0)));
}

const frenchHeader = 'Raison sociale;SIRET;Activité;Effectif;Commune;Coût €;Œuvre;Côte-d’Or\r\n';

describe('detectEncoding', () => {
  it('recognises the UTF-8 byte order mark Excel writes in « CSV UTF-8 »', () => {
    assert.equal(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(frenchHeader)])), 'utf-8-bom');
  });

  it('takes well-formed UTF-8 and plain ASCII as UTF-8', () => {
    assert.equal(detectEncoding(utf8(frenchHeader)), 'utf-8');
    assert.equal(detectEncoding(utf8('siren,nic,siret\n')), 'utf-8');
    assert.equal(detectEncoding(new Uint8Array()), 'utf-8');
  });

  it('takes what French Excel writes as Windows-1252', () => {
    assert.equal(detectEncoding(windows1252(frenchHeader)), 'windows-1252');
    assert.equal(detectEncoding(windows1252('Société Générale;ÉLECTRICITÉ\r\n')), 'windows-1252');
  });

  it('accepts a UTF-8 chunk that ends in the middle of a character', () => {
    const bytes = utf8('Activité');
    assert.equal(detectEncoding(bytes.subarray(0, bytes.length - 1)), 'utf-8');
  });

  it('rejects overlong forms and surrogates as UTF-8', () => {
    assert.equal(detectEncoding(Uint8Array.from([0x41, 0xc0, 0xaf])), 'windows-1252');
    assert.equal(detectEncoding(Uint8Array.from([0xed, 0xa0, 0x80, 0x41])), 'windows-1252');
  });

  it('agrees with a strict UTF-8 decoder on every well-formed text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => detectEncoding(utf8(text)) === 'utf-8'));
  });

  it('agrees with a strict UTF-8 decoder on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        // Append ASCII so that a sequence cut at the end is not excused.
        const complete = Uint8Array.from([...bytes, 0x41, 0x41, 0x41]);
        let strictlyValid = true;
        try {
          new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(complete);
        } catch {
          strictlyValid = false;
        }
        return (detectEncoding(complete) !== 'windows-1252') === strictlyValid;
      }),
    );
  });

  it('flags the UTF-16 files of Excel’s « Texte Unicode » export', () => {
    assert.equal(hasUtf16Bom(Uint8Array.from([0xff, 0xfe, 0x41, 0x00])), true);
    assert.equal(hasUtf16Bom(utf8(frenchHeader)), false);
  });
});

describe('decodeBytes', () => {
  it('decodes each encoding back to the same text, without the byte order mark', () => {
    assert.equal(decodeBytes(utf8(frenchHeader), 'utf-8'), frenchHeader);
    assert.equal(
      decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(frenchHeader)]), 'utf-8-bom'),
      frenchHeader,
    );
    assert.equal(decodeBytes(windows1252(frenchHeader), 'windows-1252'), frenchHeader);
  });

  it('decodes a stream cut in the middle of a character', () => {
    const bytes = utf8(frenchHeader);
    const decoder = textDecoderFor('utf-8');
    const text = decoder.decode(bytes.subarray(0, 20), { stream: true }) + decoder.decode(bytes.subarray(20));
    assert.equal(text, frenchHeader);
  });
});

describe('detectDelimiter', () => {
  it('finds the delimiter of SIRENE stock files and of French spreadsheets', () => {
    assert.equal(detectDelimiter('siren,nic,siret,statutDiffusionEtablissement'), ',');
    assert.equal(detectDelimiter('Raison sociale;SIRET;Effectif'), ';');
    assert.equal(detectDelimiter('Raison sociale\tSIRET\tEffectif'), '\t');
  });

  it('ignores delimiters inside quoted fields', () => {
    assert.equal(detectDelimiter('"Nom, prénom";"Ville, CP";Tél'), ';');
    assert.equal(detectDelimiter('"a;b;c;d","e ""x;y"" f",g'), ',');
  });

  it('prefers the semicolon on a tie and falls back to a comma for a single column', () => {
    assert.equal(detectDelimiter('a;b,c'), ';');
    assert.equal(detectDelimiter('siret'), ',');
  });

  it('finds the delimiter used to join any header', () => {
    const name = fc.stringMatching(/^[A-Za-zÀ-ÿ ]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 2, maxLength: 10 }),
        fc.constantFrom(';', ',', '\t'),
        (names, d) => {
          return detectDelimiter(names.join(d)) === d;
        },
      ),
    );
  });
});

describe('neutraliseFormula', () => {
  it('prefixes cells a spreadsheet would evaluate with an apostrophe', () => {
    const cases = [
      ['=HYPERLINK("http://evil","clic")', `'=HYPERLINK("http://evil","clic")`],
      ['+33 6 12 34 56 78', `'+33 6 12 34 56 78`],
      ["-2+3+cmd|' /C calc'!A0", `'-2+3+cmd|' /C calc'!A0`],
      ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
      ['\t=1+1', `'\t=1+1`],
      ['\r=1+1', `'\r=1+1`],
      ['-', `'-`],
      ['- point de liste', `'- point de liste`],
    ];
    for (const [cell, expected] of cases) assert.equal(neutraliseFormula(cell!), expected);
  });

  it('keeps plain negative numbers as numbers, with a point or a French comma', () => {
    for (const cell of ['-12.5', '-12,5', '-3', '-0.001']) assert.equal(neutraliseFormula(cell), cell);
  });

  it('leaves ordinary text and positive numbers unchanged', () => {
    for (const cell of ['', 'Société Générale', '12.5', 'a=b', ' =1+1']) {
      assert.equal(neutraliseFormula(cell), cell);
    }
  });

  it('never returns a cell starting with a trigger unless it is a plain negative number', () => {
    fc.assert(
      fc.property(fc.string(), (cell) => {
        const out = neutraliseFormula(cell);
        return !/^[=+\-@\t\r]/.test(out) || /^-\d+([.,]\d+)?$/.test(out);
      }),
    );
  });
});
