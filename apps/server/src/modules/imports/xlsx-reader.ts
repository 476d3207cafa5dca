import { Readable } from 'node:stream';
import type { CsvRecord } from './csv-reader.ts';

/** The text a person sees in a cell, whatever exceljs made of it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    // Big integers (a SIRET typed as a number) without an exponent.
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: string;
      hyperlink?: string;
    };
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join('');
    if (cell.text !== undefined) return cellText(cell.text);
    if ('result' in cell) return cellText(cell.result);
    if (cell.error) return '';
    if (cell.hyperlink) return cell.hyperlink;
  }
  return String(value);
}

/**
 * The rows of the first worksheet of an XLSX workbook, read as a stream (exceljs's streaming
 * reader: the workbook is never held whole in memory), each with its row number as `line`.
 */
export async function* readXlsxRows(chunks: AsyncIterable<Buffer>): AsyncGenerator<CsvRecord> {
  // Loaded on first use: the library weighs some 30 MB that an idle server need not hold.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      // row.values is 1-based: index 0 is always empty.
      const values = row.values as unknown[];
      const fields: string[] = [];
      for (let i = 1; i < values.length; i++) fields.push(cellText(values[i]));
      yield { line: row.number, fields };
    }
    // Only the first worksheet: the rest of the workbook is read but not parsed.
    break;
  }
}
