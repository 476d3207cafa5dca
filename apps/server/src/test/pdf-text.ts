import { inflateSync } from 'node:zlib';

/** What WinAnsi bytes 0x80–0x9F stand for, in order (_ for the few unused ones); the rest is Latin-1. */
const WIN_ANSI_HIGH = '€_‚ƒ„…†‡ˆ‰Š‹Œ_Ž__‘’“”•–—˜™š›œ_žŸ';

const decodeHex = (hex: string) =>
  (hex.match(/[0-9a-f]{2}/gi) ?? [])
    .map((pair) => {
      const byte = Number.parseInt(pair, 16);
      return byte >= 128 && byte < 160 ? WIN_ANSI_HIGH.charAt(byte - 128) : String.fromCharCode(byte);
    })
    .join('');

/**
 * The pages of a PDF written by pdfkit with the standard fonts, and the text of each, without
 * a PDF library: the content streams are inflated and their hex strings decoded from WinAnsi.
 * Enough for tests that check what a document says and to whom; not a general PDF parser.
 */
export function readPdf(pdf: Buffer): { pageCount: number; pages: string[] } {
  const raw = pdf.toString('latin1');
  const pageCount = (raw.match(/\/Type \/Page(?![s\w])/g) ?? []).length;
  const pages: string[] = [];
  const streams = /(?<!end)stream\r?\n/g;
  for (let match = streams.exec(raw); match; match = streams.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    streams.lastIndex = end + 'endstream'.length;
    if (!/T[Jj]/.test(content)) continue;
    const lines: string[] = [];
    for (const op of content.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const parts =
        op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] ?? '') : [op[2] ?? ''];
      lines.push(parts.map(decodeHex).join(''));
    }
    pages.push(lines.join('\n'));
  }
  return { pageCount, pages };
}
