import { cjkPdf } from '../../../platform/print/cjk-font.js';
import { fillQrModules } from '../../../platform/print/qr.js';
import { fontMeasure, tick, type Drawing, type Item } from './label.drawing.js';
import type { Size } from './label.shared.js';

/** Where copies of a drawing go: a page size and the cells on it (one cell for a roll, a grid for a sheet). */
export type Sheet = { page: Size; cells: { x: number; y: number }[] };

const PT_PER_MM = 72 / 25.4;

/**
 * A vector PDF: `copies` of the drawing fill the sheet's cells, page after page. Text is real text in the
 * embedded (subset) CJK font, so it can be searched and copied; the QR is filled module runs, never an image.
 */
export async function drawingToPdf(drawing: Drawing, sheet: Sheet, copies: number, title: string): Promise<Buffer> {
  const { doc, bytes } = cjkPdf({ autoFirstPage: false, margin: 0, info: { Title: title, Producer: 'Tracenet' } });
  for (let done = 0; done < copies; ) {
    doc.addPage({ size: [sheet.page.width * PT_PER_MM, sheet.page.height * PT_PER_MM], margin: 0 });
    for (const cell of sheet.cells) {
      if (done >= copies) break;
      doc.save();
      doc.transform(PT_PER_MM, 0, 0, PT_PER_MM, cell.x * PT_PER_MM, cell.y * PT_PER_MM);
      for (const item of drawing.items) drawItem(doc, item);
      doc.restore();
      done++;
    }
    // A thousand labels take PDFKit seconds: let other requests run between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
  doc.end();
  return bytes;
}

function drawItem(doc: PDFKit.PDFDocument, item: Item): void {
  switch (item.kind) {
    case 'text': {
      const width = item.anchor === 'start' ? 0 : fontMeasure(item.text, item.size);
      const x = item.x - (item.anchor === 'middle' ? width / 2 : item.anchor === 'end' ? width : 0);
      doc.fillColor('black').fontSize(item.size).text(item.text, x, item.y, { lineBreak: false, baseline: 'alphabetic' });
      return;
    }
    case 'qr':
      fillQrModules(doc, item.dark, item.x, item.y, item.module);
      return;
    case 'box':
      if (item.line > 0) doc.lineWidth(item.line).rect(item.x + item.line / 2, item.y + item.line / 2, item.w - item.line, item.h - item.line).stroke('black');
      else doc.rect(item.x, item.y, item.w, item.h).fill('black');
      return;
    case 'check': {
      const lw = item.size * 0.09;
      doc.lineWidth(lw).rect(item.x + lw / 2, item.y + lw / 2, item.size - lw, item.size - lw).stroke('black');
      if (item.checked) {
        const [a, b, c] = tick(item);
        doc.lineWidth(item.size * 0.14).lineJoin('round').lineCap('round').moveTo(...a).lineTo(...b).lineTo(...c).stroke('black');
      }
      return;
    }
  }
}
