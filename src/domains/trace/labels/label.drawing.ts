import { cjkFont } from '../../../platform/print/cjk-font.js';
import { qrModules } from '../../../platform/print/qr.js';
import type { Size } from './label.shared.js';

// The drawing a label, certificate or voucher is made of, in millimetres from the top-left corner. Layouts
// produce it; the PDF, SVG, PNG and ZPL writers each turn the same drawing into their format.

export type Anchor = 'start' | 'middle' | 'end';
/** A line of text; `y` is its baseline and `size` its em in mm. */
export type TextItem = { kind: 'text'; x: number; y: number; size: number; text: string; anchor: Anchor };
/** A QR symbol whose top-left module is at x, y; `module` is a whole number of 1/8 mm printer dots. */
export type QrItem = { kind: 'qr'; x: number; y: number; module: number; data: string; dark: boolean[][] };
/** A frame (`line` > 0: its stroke width) or a filled box (`line` 0). */
export type BoxItem = { kind: 'box'; x: number; y: number; w: number; h: number; line: number };
/** A check box, ticked or not (drawn, since the font has no ☑). */
export type CheckItem = { kind: 'check'; x: number; y: number; size: number; checked: boolean };
export type Item = TextItem | QrItem | BoxItem | CheckItem;
export type Drawing = Size & { items: Item[] };

/** Width in mm of a text at a size: from the font's advances, or the thermal printer's font for ZPL. */
export type Measure = (text: string, size: number) => number;

export const fontMeasure: Measure = (text, size) => {
  const font = cjkFont();
  const run = font.layout(text);
  let units = 0;
  for (const p of run.positions) units += p.xAdvance;
  return (units * size) / font.unitsPerEm;
};

/** A printer's CJK font (SimSun and its kin): Han characters and full-width signs one em, the rest half. */
export const printerMeasure: Measure = (text, size) => {
  let ems = 0;
  for (const ch of text) ems += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 1 : 0.5;
  return ems * size;
};

/** One printer dot at 203 dpi. QR modules and their position are whole dots, so thermal prints stay sharp. */
export const DOT = 0.125;
const toDots = (mm: number) => Math.round(mm / DOT) * DOT;

/** The largest QR for `data` that fits in a square of `max` mm, modules a whole number of dots (at least 2). */
export function qrItem(data: string, x: number, y: number, max: number): QrItem {
  const dark = qrModules(data);
  const module = Math.max(2 * DOT, Math.floor(max / dark.length / DOT) * DOT);
  return { kind: 'qr', x: toDots(x), y: toDots(y), module, data, dark };
}

export const qrSide = (q: QrItem) => q.module * q.dark.length;

/** A size at which `text` fits in `width` (never below `min`), and the text, cut with an ellipsis if even `min` is too big. */
export function fitText(measure: Measure, text: string, size: number, width: number, min: number): { size: number; text: string } {
  const w = measure(text, size);
  if (w <= width) return { size, text };
  const shrunk = Math.max(min, (size * width) / w);
  if (measure(text, shrunk) <= width) return { size: shrunk, text };
  let cut = [...text];
  while (cut.length > 1 && measure(`${cut.join('')}…`, shrunk) > width) cut = cut.slice(0, -1);
  return { size: shrunk, text: `${cut.join('')}…` };
}

export const text = (x: number, y: number, size: number, content: string, anchor: Anchor = 'start'): TextItem => ({ kind: 'text', x, y, size, text: content, anchor });

type Pt = [number, number];
/** The three points of a check mark inside its box: down to the lower third, then up to the top right. */
export function tick(item: { x: number; y: number; size: number }): [Pt, Pt, Pt] {
  const s = item.size;
  return [
    [item.x + s * 0.2, item.y + s * 0.52],
    [item.x + s * 0.42, item.y + s * 0.76],
    [item.x + s * 0.82, item.y + s * 0.24],
  ];
}
