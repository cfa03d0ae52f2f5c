import { printerMeasure, tick, type Drawing, type Item } from './label.drawing.js';

/**
 * The printer font for Chinese. ZPL's built-in fonts have no Han characters, so the text fields name a TrueType
 * font stored on the printer's flash (drive E:). SimSun (宋体) is what Chinese sites usually load onto their
 * Zebra-compatible printers; a site with another font (Zebra's Andale `E:ANMDS.TTF`, say) changes this one name.
 * Layouts for ZPL are measured with `printerMeasure` (full-width Han, half-width digits), as SimSun prints them.
 */
export const ZPL_CJK_FONT = 'E:SIMSUN.TTF';
const DOTS_PER_MM = 8; // 203 dpi

const d = (mm: number) => Math.max(0, Math.round(mm * DOTS_PER_MM));

/** ^FH_ lets a field carry the three characters ZPL would read as commands or as the escape itself. */
const field = (s: string) => `^FH_^FD${s.replace(/[_^~]/g, (c) => `_${c.charCodeAt(0).toString(16).toUpperCase()}`)}^FS`;

/**
 * ZPL II for a 203-dpi thermal printer, written by hand: UTF-8 text (^CI28) in the printer's CJK font, the QR
 * as the printer's own ^BQ symbol (model 2, error correction M, module size in dots), boxes as ^GB. The
 * printer prints `copies` of the label (^PQ) without the host sending it again.
 */
export function drawingToZpl(drawing: Drawing, copies: number): string {
  const lines = ['^XA', '^CI28', `^PW${d(drawing.width)}`, `^LL${d(drawing.height)}`, '^LH0,0'];
  for (const item of drawing.items) lines.push(...zplItem(item));
  lines.push(`^PQ${copies},0,1,Y`, '^XZ', '');
  return lines.join('\n');
}

function zplItem(item: Item): string[] {
  switch (item.kind) {
    case 'text': {
      const width = printerMeasure(item.text, item.size);
      const x = item.x - (item.anchor === 'middle' ? width / 2 : item.anchor === 'end' ? width : 0);
      const h = d(item.size);
      // ^FO is the top-left of the character cell; the baseline of a CJK font sits about 0.88 em below it.
      return [`^FO${d(x)},${d(item.y - item.size * 0.88)}^A@N,${h},${h},${ZPL_CJK_FONT}${field(item.text)}`];
    }
    case 'qr':
      // "MA,": error correction M, automatic encoding mode.
      return [`^FO${d(item.x)},${d(item.y)}^BQN,2,${Math.min(10, Math.max(1, d(item.module)))}^FDMA,${item.data}^FS`];
    case 'box':
      return [`^FO${d(item.x)},${d(item.y)}^GB${d(item.w)},${d(item.h)},${item.line > 0 ? Math.max(1, d(item.line)) : Math.min(d(item.w), d(item.h))}^FS`];
    case 'check': {
      const s = d(item.size);
      const box = `^FO${d(item.x)},${d(item.y)}^GB${s},${s},${Math.max(1, d(item.size * 0.09))}^FS`;
      if (!item.checked) return [box];
      // The tick as two diagonals: down-right (^GD…,L) then up-right (^GD…,R), each placed by its top-left corner.
      const [a, b, c] = tick(item);
      const t = Math.max(2, d(item.size * 0.14));
      return [
        box,
        `^FO${d(a[0])},${d(a[1])}^GD${Math.max(t, d(b[0] - a[0]))},${Math.max(t, d(b[1] - a[1]))},${t},B,L^FS`,
        `^FO${d(b[0])},${d(c[1])}^GD${Math.max(t, d(c[0] - b[0]))},${Math.max(t, d(b[1] - c[1]))},${t},B,R^FS`,
      ];
    }
  }
}
