import ExcelJS from 'exceljs';
import { subjectError } from './subject.errors.js';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, type ImportField } from './import.template.js';

// Reading an uploaded import workbook into plain rows: the zip is looked at before exceljs inflates it, the
// sheet is found by its headers, and every cell becomes a trimmed string or a number (undefined when empty).

export type CellValue = string | number | undefined;
export type SheetRow = { row: number; cells: Record<ImportField, CellValue> };

/** What the parts of a 10 MB upload may unpack to; real templates of 5,000 rows stay far below. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** Rows exceljs may materialise per sheet (formatted empty rows count), before the 5,000 data rows are judged. */
const MAX_SHEET_ROWS = 50_000;
/** Parts of a sheet the import never reads; skipping them also avoids expanding huge validation ranges. */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'mergeCells', 'hyperlinks', 'picture', 'drawing', 'tableParts', 'extLst', 'autoFilter', 'rowBreaks'];

/**
 * Looks at the zip's central directory: an .xlsx is a zip holding xl/workbook.xml. The declared sizes of the
 * parts are summed so that a small file unpacking to gigabytes (a zip bomb) is refused before it is inflated.
 */
export function inspectZip(bytes: Buffer): { ok: true } | { ok: false; reason: string; unpacked?: number } {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) return { ok: false, reason: 'not a zip archive' };
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'no zip directory' };
  const entries = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || at === 0xffffffff) return { ok: false, reason: 'zip64 archives are not accepted' };
  let unpacked = 0;
  let hasWorkbook = false;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return { ok: false, reason: 'damaged zip directory' };
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    if (size === 0xffffffff) return { ok: false, reason: 'zip64 archives are not accepted' };
    unpacked += size;
    if (name === 'xl/workbook.xml') hasWorkbook = true;
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  if (unpacked > MAX_UNPACKED_BYTES) return { ok: false, reason: 'unpacks too large', unpacked };
  if (!hasWorkbook) return { ok: false, reason: 'a zip archive, but no Excel workbook inside' };
  return { ok: true };
}

/** A cell as the import sees it: text trimmed, numbers kept, formulas by their result, empty as undefined. */
export function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return cellValue(value.richText.map((r) => r.text).join(''));
    if ('formula' in value || 'sharedFormula' in value) return cellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value && typeof value.text === 'string') return cellValue(value.text);
    if ('error' in value) return String(value.error);
  }
  return undefined;
}

const FIELDS = new Set<string>(IMPORT_COLUMNS.map((c) => c.key));
const BY_ZH = new Map(IMPORT_COLUMNS.map((c) => [c.zh, c.key]));

/** "主体名称 (name)", "主体名称", "name" (and full-width brackets) all name the column `name`. */
export function headerKey(text: string): ImportField | undefined {
  const t = text.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, ' ').trim();
  const bracket = /\(\s*([A-Za-z]+)\s*\)$/.exec(t)?.[1];
  if (bracket && FIELDS.has(bracket)) return bracket as ImportField;
  const zh = BY_ZH.get(t);
  if (zh) return zh;
  return FIELDS.has(t) ? (t as ImportField) : undefined;
}

type HeaderMatch = { columns: Map<number, ImportField>; missing: ImportField[]; duplicated: ImportField[]; unknown: string[] };

function matchHeader(ws: ExcelJS.Worksheet): HeaderMatch {
  const columns = new Map<number, ImportField>();
  const seen = new Set<ImportField>();
  const duplicated: ImportField[] = [];
  const unknown: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const text = cellValue(cell.value);
    if (text === undefined) return;
    const key = headerKey(String(text));
    if (!key) unknown.push(String(text).slice(0, 40));
    else if (seen.has(key)) duplicated.push(key);
    else {
      seen.add(key);
      columns.set(col, key);
    }
  });
  return { columns, missing: IMPORT_COLUMNS.map((c) => c.key).filter((k) => !seen.has(k)), duplicated, unknown };
}

/**
 * The data rows of an upload (Excel row numbers kept), or a 400 saying why the file cannot be read at all:
 * not an .xlsx, a header that is not the template's, no rows, or more than IMPORT_MAX_ROWS.
 */
export async function readImportSheet(bytes: Buffer): Promise<SheetRow[]> {
  const zip = inspectZip(bytes);
  if (!zip.ok) {
    if (zip.unpacked !== undefined) throw subjectError('IMPORT_UNPACKED_TOO_LARGE', { unpacked: zip.unpacked, max: MAX_UNPACKED_BYTES });
    throw subjectError('IMPORT_NOT_XLSX', { reason: zip.reason });
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES, maxRows: MAX_SHEET_ROWS, maxCols: 200 } as Partial<ExcelJS.XlsxReadOptions>);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/^Max row count/.test(message)) throw subjectError('IMPORT_TOO_MANY_ROWS', { max: IMPORT_MAX_ROWS, rows: `>${MAX_SHEET_ROWS}` });
    throw subjectError('IMPORT_NOT_XLSX', { reason: message.slice(0, 200) });
  }
  if (!wb.worksheets.length) throw subjectError('IMPORT_NOT_XLSX', { reason: 'no worksheet' });
  // The data sheet is the first whose header matches; otherwise the first sheet's header is what we report.
  const matches = wb.worksheets.map((ws) => ({ ws, header: matchHeader(ws) }));
  const found = matches.find((m) => !m.header.missing.length && !m.header.duplicated.length && !m.header.unknown.length);
  if (!found) {
    const best = [...matches].sort((a, b) => b.header.columns.size - a.header.columns.size)[0]!;
    throw subjectError('IMPORT_BAD_HEADER', { sheet: best.ws.name, missing: best.header.missing, duplicated: best.header.duplicated, unknown: best.header.unknown });
  }
  const rows: SheetRow[] = [];
  let count = 0;
  found.ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = {} as Record<ImportField, CellValue>;
    let any = false;
    for (const [col, key] of found.header.columns) {
      const v = cellValue(row.getCell(col).value);
      cells[key] = v;
      if (v !== undefined) any = true;
    }
    if (!any) return;
    if (++count <= IMPORT_MAX_ROWS) rows.push({ row: rowNumber, cells });
  });
  if (count > IMPORT_MAX_ROWS) throw subjectError('IMPORT_TOO_MANY_ROWS', { max: IMPORT_MAX_ROWS, rows: count });
  if (!rows.length) throw subjectError('IMPORT_EMPTY', { sheet: found.ws.name });
  return rows;
}
