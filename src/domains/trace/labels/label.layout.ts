import { fitText, qrItem, qrSide, text, type Drawing, type Item, type Measure } from './label.drawing.js';
import { groupCode, type Size } from './label.shared.js';

/** What a product label shows (pure data, loaded and access-checked by label.service.ts). */
export type LabelData = {
  code: string;
  /** What the QR carries: `{publicUrl}/t/{code}`, or the GS1 Digital Link when the product has a GTIN. */
  url: string;
  productName: string;
  spec: string;
  brand: string | null;
  subjectName: string;
  /** 采收/生产日期, yyyy-mm-dd. */
  date: string | null;
};

/**
 * One label: the QR on the left, the code in groups along the bottom edge (under the QR and the text, so it can
 * be printed large enough to type from even on 40×30 mm), and product, specification, subject and date beside
 * the QR. Sizes follow the label's height, and each line shrinks (down to a floor) to fit its width.
 */
export function drawLabel(data: LabelData, size: Size, measure: Measure): Drawing {
  const { width: w, height: h } = size;
  const m = Math.min(3, Math.max(1.5, h * 0.05));
  const items: Item[] = [];

  const grouped = groupCode(data.code);
  const code = fitText(measure, grouped, h * 0.085, w - 2 * m, 1.6);
  const codeBaseline = h - m - code.size * 0.2;
  items.push(text(w / 2, codeBaseline, code.size, code.text, 'middle'));

  const qrTop = m;
  const qrRoom = Math.min(codeBaseline - code.size * 1.15 - qrTop, w * 0.45);
  const qr = qrItem(data.url, m, qrTop, qrRoom);
  items.push(qr);

  const x = qr.x + qrSide(qr) + Math.max(1.2, 2 * qr.module);
  const colWidth = w - m - x;
  const line = (s: string, big: number, min: number) => fitText(measure, s, big, colWidth, min);
  const lines: Line[] = [
    line(data.productName, h * 0.12, 1.8),
    line([data.spec, data.brand].filter(Boolean).join(' · '), h * 0.075, 1.6),
    ...twoLines(measure, data.subjectName, h * 0.075, colWidth),
    ...(data.date ? [line(`采收/生产 ${data.date}`, h * 0.07, 1.6)] : []),
  ];
  // Spread the lines over the QR's height, the product name first and largest; a name's second line stays close.
  const lead = (l: Line) => (l.joined ? l.size * 0.25 : 0);
  const glyphs = lines.reduce((sum, l) => sum + l.size + lead(l), 0);
  const gaps = lines.filter((l, i) => i > 0 && !l.joined).length;
  const gap = gaps ? Math.max(0, (qrSide(qr) - glyphs) / gaps) : 0;
  let y = qr.y;
  lines.forEach((l, i) => {
    y += i === 0 ? 0 : l.joined ? lead(l) : Math.min(gap, l.size * 1.2);
    y += l.size;
    items.push(text(x, y - l.size * 0.12, l.size, l.text));
  });
  return { width: w, height: h, items };
}

/** A line beside the QR; `joined` continues the line before it. */
type Line = { size: number; text: string; joined?: boolean };

/** A name that would shrink by more than a fifth on one line goes on two (a co-operative's full name). */
function twoLines(measure: Measure, s: string, size: number, width: number): Line[] {
  const one = fitText(measure, s, size, width, 1.6);
  const chars = [...s];
  if ((one.text === s && one.size >= size * 0.8) || chars.length < 2) return [one];
  let cut = chars.length - 1;
  while (cut > 1 && measure(chars.slice(0, cut).join(''), size) > width) cut--;
  const first = fitText(measure, chars.slice(0, cut).join(''), size, width, 1.6);
  const rest = fitText(measure, chars.slice(cut).join(''), first.size, width, 1.6);
  return [first, { ...rest, joined: true }];
}
