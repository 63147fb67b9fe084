// 导出 Excel for any list: the rows as shown (Chinese headers, 元 and hours already formatted),
// written with ExcelJS in the browser. Loaded on first use so the pages do not carry it.
import { saveBlob } from '../api/client';

export interface ExcelColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  width?: number;
}

export async function exportExcel<T>(filename: string, sheet: string, columns: ExcelColumn<T>[], rows: T[]) {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '颐联';
  const ws = book.addWorksheet(sheet);
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(columns.map((c) => c.value(row) ?? ''));
  const buffer = await book.xlsx.writeBuffer();
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  saveBlob(new Blob([buffer], { type }), filename.endsWith('.xlsx') ? filename : `${filename}.xlsx`);
}
