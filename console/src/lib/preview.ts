// Reads the first sheet of a downloaded .xlsx for the on-screen preview of a statement.
export async function readSheet(blob: Blob, maxRows = 200): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await blob.arrayBuffer());
  const ws = book.worksheets[0];
  const rows: string[][] = [];
  ws?.eachRow((row) => {
    if (rows.length >= maxRows) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? cell(v) : String(v))));
  });
  return rows;
}

function cell(v: object): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('result' in v) return String((v as { result: unknown }).result ?? '');
  if ('richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  if ('text' in v) return String((v as { text: unknown }).text);
  return '';
}
