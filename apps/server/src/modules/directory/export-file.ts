import { neutraliseFormula } from '@meute/domain';
import { stringify } from 'csv-stringify/sync';

export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => string;
  width?: number;
}

/**
 * A CSV as French Excel opens it (UTF-8 with BOM, `;`), every cell neutralised against formula
 * injection: a cell starting with = + - @ is shown as text, never run.
 */
export function toCsv<Row>(rows: Row[], columns: ExportColumn<Row>[]): Buffer {
  const records = [
    columns.map((c) => c.header),
    ...rows.map((row) => columns.map((c) => neutraliseFormula(c.value(row)))),
  ];
  return Buffer.concat([
    Buffer.from('\uFEFF'),
    Buffer.from(stringify(records, { delimiter: ';', record_delimiter: '\r\n' })),
  ]);
}

export async function toXlsx<Row>(
  rows: Row[],
  columns: ExportColumn<Row>[],
  sheetName: string,
): Promise<Buffer> {
  // Loaded on first use: the library weighs some 30 MB that an idle server need not hold.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Meute';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow(columns.map((c) => neutraliseFormula(c.value(row))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
