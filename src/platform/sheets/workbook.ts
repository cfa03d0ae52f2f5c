import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * One worksheet. Without headers the sheet has no header row (a two-column summary of labels and values). `rows` may be
 * a generator, so a list of tens of thousands of rows is written as it is made rather than held twice in memory.
 */
export type Sheet = { name: string; columns: { header?: string; key: string; width: number }[]; rows: Iterable<Record<string, unknown>> };

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sheets written by exceljs's streaming writer (an export of a period may hold thousands of rows), header bold. */
export async function workbookOf(sheets: Sheet[]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
  wb.creator = 'Tracenet';
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    ws.columns = sheet.columns;
    if (sheet.columns.some((c) => c.header !== undefined)) {
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
    }
    for (const row of sheet.rows) ws.addRow(row).commit();
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
