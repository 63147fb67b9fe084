// One way to stream a table as CSV (with a BOM, so Excel reads the Chinese) or as XLSX, row by row,
// so an export of any size never sits in memory. The settlement, care-bed and 金民 visit exports share it.
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';

export type TableRows = AsyncIterable<unknown[]> | Iterable<unknown[]>;

interface Drainable {
  once(event: 'drain', fn: () => void): unknown;
  off(event: 'drain', fn: () => void): unknown;
}

/**
 * Resolves once `target` has drained, when `needsDrain` says it must, or once `out` (the response)
 * closes, as no drain would then come; throws once `out` is gone, so a closed download stops reading.
 */
async function drained(needsDrain: boolean, target: Drainable, out: Writable): Promise<void> {
  if (needsDrain && !out.destroyed) {
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        target.off('drain', done);
        out.off('close', done).off('error', reject);
        resolve();
      };
      target.once('drain', done);
      out.once('close', done).once('error', reject);
    });
  }
  if (out.destroyed) throw new Error('export stream closed');
}

/** Resolves once `out` has room again, so a slow client holds the export back instead of filling memory. */
export const roomIn = (out: Writable) => drained(out.writableNeedDrain, out, out);

/**
 * Resolves once the sheet's rows can flow on, so rows wait for the zip's deflate instead of piling
 * up ahead of it. exceljs writes a streamed sheet's XML into the archive's entry stream and ignores
 * what write() returns, so without this a 400,000-row sheet queued most of its uncompressed XML
 * (200 MB of buffers) before deflate caught up; waiting for `out` alone never waits, as the queue is
 * upstream of it. The entry stream is a readable-stream v2 PassThrough (no writableNeedDrain), hence
 * its state is read directly; a sheet without one (another exceljs) is not held back. Throws once
 * `out` is gone.
 */
export function sheetRoom(sheet: object, out: Writable): Promise<void> {
  type Entry = Drainable & { _writableState?: { needDrain?: boolean } };
  const entry = (sheet as { stream?: { pipes?: Entry[] } }).stream?.pipes?.[0];
  return entry ? drained(!!entry._writableState?.needDrain, entry, out) : drained(false, out, out);
}

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
  for await (const row of rows) {
    sheet.addRow(row).commit();
    await sheetRoom(sheet, out);
  }
  sheet.commit();
  await book.commit();
}
