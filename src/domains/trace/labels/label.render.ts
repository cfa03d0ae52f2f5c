import { fontMeasure, printerMeasure, type Drawing, type Measure } from './label.drawing.js';
import { drawLabel, type LabelData } from './label.layout.js';
import { drawingToPdf, type Sheet } from './label.pdf.js';
import { drawingToPng } from './label.png.js';
import { A4, A4_LABEL_GRID, ROLL_SIZES, type LabelFormat, type LabelLayout, type SheetGrid, type Size } from './label.shared.js';
import { drawingToSvg } from './label.svg.js';
import { drawingToZpl } from './label.zpl.js';

// Pure rendering: data in, file out. Loading and access are label.service.ts's.

export type RenderedFile = { body: Buffer | string; contentType: string; filename: string; disposition: 'inline' | 'attachment' };

/** One layout as printed: the size of one label, the sheet its copies go on, and the PNG resolution. */
export type PrintTarget = { size: Size; sheet: Sheet; defaultCopies: number; dpi: number };

/**
 * A4: the cells of a die-cut sheet, one sheet by default, PNG at 300 dpi (office printers). Rolls: one label per
 * page of the label's own size, PNG at 203 dpi (8 dots/mm, the thermal printers of the technical guide).
 */
export function printTarget(layout: LabelLayout, grid: SheetGrid): PrintTarget {
  if (layout === 'a4') {
    const cells: { x: number; y: number }[] = [];
    for (let r = 0; r < grid.rows; r++) for (let c = 0; c < grid.columns; c++) cells.push({ x: grid.left + c * grid.pitchX, y: grid.top + r * grid.pitchY });
    return { size: { width: grid.width, height: grid.height }, sheet: { page: A4, cells }, defaultCopies: cells.length, dpi: 300 };
  }
  const size = ROLL_SIZES[layout];
  return { size, sheet: { page: size, cells: [{ x: 0, y: 0 }] }, defaultCopies: 1, dpi: 203 };
}

const TYPES: Record<LabelFormat, string> = { pdf: 'application/pdf', png: 'image/png', svg: 'image/svg+xml', zpl: 'text/plain; charset=utf-8' };

/**
 * Draws once (measured as the format will print: the server's font, or the printer's for ZPL) and writes the
 * format. PDF and ZPL carry the copies; PNG and SVG are one label, shown inline (a preview), the others downloaded.
 */
export async function renderDrawing(draw: (measure: Measure) => Drawing, format: LabelFormat, target: PrintTarget, copies: number | undefined, names: { title: string; file: string }): Promise<RenderedFile> {
  const n = copies ?? target.defaultCopies;
  const drawing = draw(format === 'zpl' ? printerMeasure : fontMeasure);
  const file = (body: Buffer | string, disposition: RenderedFile['disposition']): RenderedFile => ({ body, contentType: TYPES[format], filename: `${names.file}.${format}`, disposition });
  switch (format) {
    case 'pdf':
      return file(await drawingToPdf(drawing, target.sheet, n, names.title), 'attachment');
    case 'png':
      return file(drawingToPng(drawing, target.dpi), 'inline');
    case 'svg':
      return file(drawingToSvg(drawing, names.title), 'inline');
    case 'zpl':
      return file(drawingToZpl(drawing, n), 'attachment');
  }
}

export type LabelOptions = { format: LabelFormat; layout: LabelLayout; copies?: number | undefined };

/** A product label of a batch (追溯标签). */
export function renderLabel(data: LabelData, options: LabelOptions): Promise<RenderedFile> {
  const target = printTarget(options.layout, A4_LABEL_GRID);
  return renderDrawing((measure) => drawLabel(data, target.size, measure), options.format, target, options.copies, {
    title: `追溯标签 ${data.code} ${data.productName}`,
    file: `label-${data.code}-${options.layout}`,
  });
}
