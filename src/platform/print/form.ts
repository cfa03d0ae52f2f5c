import { cjkPdf } from './cjk-font.js';
import { fillQrModules, qrModules } from './qr.js';

// A4 forms an official signs or files — sampling sheets, test reports — laid out by PDFKit's text flow: a title,
// sections, label/value grids, tables that carry on over pages with their header, and signature lines. Units are
// PostScript points; `mm` converts.

export const mm = (v: number) => (v * 72) / 25.4;

const LINE = 0.6;
const PAD = 3.5;
const SHADE = '#f0f0f0';

/**
 * An A4 form. `date` is the document's own date (sampled, issued) and becomes the PDF's creation date, so the
 * same record always prints the same bytes; `footer` is printed on every page with its number.
 */
export function a4Form(title: string, date: Date, footer: string): { doc: PDFKit.PDFDocument; done: () => Promise<Buffer> } {
  const { doc, bytes } = cjkPdf({ size: 'A4', margin: mm(15), bufferPages: true, info: { Title: title, Producer: 'Tracenet', Creator: 'Tracenet', CreationDate: date } });
  const done = () => {
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      const { left, width } = area(doc);
      // Below the bottom margin PDFKit would start a new page for the text: lift the margin while writing it.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.fontSize(7.5).fillColor('#555').text(`${footer} · 第 ${i + 1} 页 / 共 ${count} 页`, left, doc.page.height - bottom + mm(4), { width, align: 'center', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
    doc.fillColor('black').end();
    return bytes;
  };
  return { doc, done };
}

function area(doc: PDFKit.PDFDocument) {
  const m = doc.page.margins;
  return { left: m.left, top: m.top, width: doc.page.width - m.left - m.right, bottom: doc.page.height - m.bottom };
}

/** Starts a new page unless `height` more points fit above the bottom margin. */
export function keepRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > area(doc).bottom) doc.addPage();
}

/** The form's title, Chinese large and English under it, centred. */
export function formTitle(doc: PDFKit.PDFDocument, zh: string, en: string): void {
  const { left, width } = area(doc);
  doc.fillColor('black').fontSize(18).text(zh, left, doc.y, { width, align: 'center', characterSpacing: 2 });
  doc.fontSize(9).fillColor('#444').text(en, left, doc.y, { width, align: 'center' });
  doc.fillColor('black').moveDown(0.8);
}

/** A section heading, kept on the page with at least a few lines of what follows it. */
export function formSection(doc: PDFKit.PDFDocument, heading: string): void {
  const { left, width } = area(doc);
  doc.moveDown(0.5);
  keepRoom(doc, 70);
  doc.fillColor('black').fontSize(11).text(heading, left, doc.y, { width });
  doc.moveDown(0.25);
}

/** A paragraph across the text width. */
export function formParagraph(doc: PDFKit.PDFDocument, text: string, size = 9.5, color = 'black'): void {
  const { left, width } = area(doc);
  keepRoom(doc, doc.fontSize(size).heightOfString(text, { width }));
  doc.fillColor(color).text(text, left, doc.y, { width });
  doc.fillColor('black');
}

/** A label and its value; a `wide` field takes a whole row of the grid. */
export type FormField = { label: string; value: string; wide?: boolean };

/**
 * Label/value cells in a ruled grid, two fields a row; a wide field — or a narrow one with no partner beside it —
 * takes the whole row. Values wrap; a row never splits over pages.
 */
export function fieldGrid(doc: PDFKit.PDFDocument, fields: FormField[], size = 9.5): void {
  const { left, width } = area(doc);
  const labelW = width * 0.16;
  const rows: FormField[][] = [];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const next = fields[i + 1];
    if (!f.wide && next && !next.wide) {
      rows.push([f, next]);
      i++;
    } else rows.push([f]);
  }
  doc.fontSize(size).lineWidth(LINE);
  for (const row of rows) {
    const cellW = width / row.length;
    const valueW = cellW - labelW;
    const h = Math.max(...row.map((f) => Math.max(doc.heightOfString(f.label, { width: labelW - 2 * PAD }), doc.heightOfString(f.value || ' ', { width: valueW - 2 * PAD })))) + 2 * PAD;
    keepRoom(doc, h);
    const y = doc.y;
    row.forEach((f, i) => {
      const x = left + i * cellW;
      doc.rect(x, y, labelW, h).fillAndStroke(SHADE, 'black');
      doc.rect(x + labelW, y, valueW, h).stroke('black');
      doc.fillColor('black').text(f.label, x + PAD, y + PAD, { width: labelW - 2 * PAD });
      doc.text(f.value, x + labelW + PAD, y + PAD, { width: valueW - 2 * PAD });
    });
    doc.x = left;
    doc.y = y + h;
  }
}

/** A column of a table: its header, its share of the width, how its cells align. */
export type FormColumn = { header: string; share: number; align?: 'left' | 'center' | 'right' };

/**
 * A ruled table across the text width. Its header row is repeated on each page it runs onto; rows for which
 * `marked` answers true are shaded (failed results).
 */
export function formTable(doc: PDFKit.PDFDocument, columns: FormColumn[], rows: string[][], options: { size?: number; marked?: (row: number) => boolean } = {}): void {
  const { left, width } = area(doc);
  const total = columns.reduce((s, c) => s + c.share, 0);
  const widths = columns.map((c) => (width * c.share) / total);
  doc.fontSize(options.size ?? 8.5).lineWidth(LINE);
  const heightOf = (cells: string[]) => Math.max(...cells.map((t, i) => doc.heightOfString(t || ' ', { width: widths[i]! - 2 * PAD }))) + 2 * PAD;
  const drawRow = (cells: string[], fill: string | null) => {
    const h = heightOf(cells);
    const y = doc.y;
    let x = left;
    cells.forEach((t, i) => {
      const w = widths[i]!;
      if (fill) doc.rect(x, y, w, h).fillAndStroke(fill, 'black');
      else doc.rect(x, y, w, h).stroke('black');
      doc.fillColor('black').text(t, x + PAD, y + PAD, { width: w - 2 * PAD, align: columns[i]!.align ?? 'left' });
      x += w;
    });
    doc.x = left;
    doc.y = y + h;
  };
  const headers = columns.map((c) => c.header);
  keepRoom(doc, heightOf(headers) + (rows[0] ? heightOf(rows[0]) : 0));
  drawRow(headers, SHADE);
  rows.forEach((cells, r) => {
    if (doc.y + heightOf(cells) > area(doc).bottom) {
      doc.addPage();
      drawRow(headers, SHADE);
    }
    drawRow(cells, options.marked?.(r) ? '#fbe3e3' : null);
  });
}

/** Lines to sign on: the role, the printed name when known, a line for the signature and one for the date. */
export function signatureLines(doc: PDFKit.PDFDocument, signers: { role: string; name?: string | undefined }[]): void {
  const { left, width } = area(doc);
  doc.fontSize(9.5).lineWidth(LINE);
  for (const s of signers) {
    // The role line 16 pt down, the printed name 11 pt under it: the whole block stays on one page.
    keepRoom(doc, 16 + (s.name ? 11 : 0) + doc.currentLineHeight(true));
    const y = doc.y + 16;
    const roleW = width * 0.3;
    doc.fillColor('black').text(s.role, left, y, { width: roleW, lineBreak: false });
    if (s.name) doc.fillColor('#444').text(s.name, left, y + 11, { width: roleW, lineBreak: false }).fillColor('black');
    const signX = left + roleW;
    doc.text('签字 Signature', signX, y, { lineBreak: false });
    doc.moveTo(signX + 72, y + 10).lineTo(signX + width * 0.38, y + 10).stroke('black');
    const dateX = left + width * 0.72;
    doc.text('日期 Date', dateX, y, { lineBreak: false });
    doc.moveTo(dateX + 48, y + 10).lineTo(left + width, y + 10).stroke('black');
    doc.x = left;
    doc.y = y + 22;
  }
}

/**
 * A QR in the top right corner of the current page, `side` wide, with a caption under it; answers where the
 * caption ends. Draw it first and keep the title short: the title is centred and does not reach the corner.
 */
export function cornerQr(doc: PDFKit.PDFDocument, data: string, side: number, caption: string): number {
  const { left, top, width } = area(doc);
  const dark = qrModules(data);
  const module = side / dark.length;
  const x = left + width - side;
  fillQrModules(doc, dark, x, top, module);
  doc.fontSize(6.5).fillColor('#444').text(caption, x - 10, top + side + 2, { width: side + 20, align: 'center' });
  const end = doc.y;
  doc.fillColor('black');
  doc.x = left;
  doc.y = top;
  return end;
}

/** A framed block across the width, its first line large: a verdict, a notice that a document was corrected. */
export function formBanner(doc: PDFKit.PDFDocument, headline: string, lines: string[], options: { size?: number; color?: string } = {}): void {
  const { left, width } = area(doc);
  const size = options.size ?? 16;
  const color = options.color ?? 'black';
  const inner = width - 4 * PAD;
  const h = doc.fontSize(size).heightOfString(headline, { width: inner }) + lines.reduce((s, l) => s + doc.fontSize(9.5).heightOfString(l, { width: inner }) + 2, 0) + 4 * PAD;
  keepRoom(doc, h);
  const y = doc.y;
  doc.lineWidth(1.5).rect(left, y, width, h).stroke(color);
  doc.fillColor(color).fontSize(size).text(headline, left + 2 * PAD, y + 2 * PAD, { width: inner, align: 'center' });
  for (const l of lines) doc.fontSize(9.5).text(l, left + 2 * PAD, doc.y + 2, { width: inner, align: 'center' });
  doc.fillColor('black').lineWidth(LINE);
  doc.x = left;
  doc.y = y + h + 6;
}
