import { Resvg } from '@resvg/resvg-js';
import type { Drawing } from './label.drawing.js';
import { drawingToSvg } from './label.svg.js';

/**
 * A PNG of the drawing at `dpi`, rasterised from its SVG by resvg (text is already glyph outlines there, so no
 * font is needed). At 203 dpi a millimetre is exactly 8 printer dots (what the printers call 203 dpi), so QR
 * modules, which layouts make whole dots, land on whole pixels.
 */
export function drawingToPng(drawing: Drawing, dpi: number): Buffer {
  const scale = dpi === 203 ? 8 : dpi / 25.4;
  const svg = drawingToSvg(drawing, '');
  return new Resvg(svg, { fitTo: { mode: 'width', value: Math.round(drawing.width * scale) }, background: '#fff', shapeRendering: 2, font: { loadSystemFonts: false } }).render().asPng();
}
