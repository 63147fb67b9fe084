// One way to stream a table as CSV (with a BOM, so Excel reads the Chinese) or as XLSX, row by row,
// so an export of any size never sits in memory. The settlement, care-bed and 金民 visit exports share it.
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';

export type TableRows = AsyncIterable<unknown[]> | Iterable<unknown[]>;

/** Writes `header` (when given) and then `rows` to `out`, and resolves once `out` has everything. */
export async function streamTable(
  format: 'csv' | 'xlsx',
  out: Writable,
  sheetName: string,
  rows: TableRows,
  header?: readonly unknown[],
): Promise<void> {
  if (format === 'csv') {
    const csv = stringify({ bom: true });
    csv.pipe(out);
    if (header) csv.write([...header]);
    for await (const row of rows) if (!csv.write(row)) await new Promise<void>((r) => csv.once('drain', () => r()));
    await new Promise<void>((resolve, reject) => {
      out.once('finish', () => resolve()).once('error', reject);
      csv.end();
    });
    return;
  }
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = book.addWorksheet(sheetName);
  if (header) sheet.addRow([...header]).commit();
  for await (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await book.commit();
}
