import { DOT, fitText, qrItem, qrSide, text, type Drawing, type Item, type Measure } from './label.drawing.js';
import { groupCode, type Size } from './label.shared.js';

// The layout shared by the 承诺达标合格证 and the 入市追溯凭证: a frame, a title, paragraphs on the left (text and
// check boxes, wrapped and sized to fill the space) and the QR with its code on the right (证码融合).

/** A piece of a paragraph: text, optionally after a check box. `keep` pieces wrap as a whole (an option). */
export type Piece = { text: string; check?: boolean; keep?: boolean };
export type Paragraph = Piece[];
export type DocumentSpec = { title: string; paragraphs: Paragraph[]; qrData: string; code: string };

type Run = { dx: number; text: string } | { dx: number; check: boolean };
const LEADING = 1.32;

/** Wraps the paragraphs for text of `size`, line n at `widthOf(n)`, each line a list of runs placed from its left edge. */
function wrap(paragraphs: Paragraph[], size: number, widthOf: (line: number) => number, measure: Measure): Run[][] {
  const lines: Run[][] = [];
  for (const paragraph of paragraphs) {
    let line: Run[] = [];
    let x = 0;
    let width = widthOf(lines.length);
    const newLine = () => {
      lines.push(line);
      line = [];
      x = 0;
      width = widthOf(lines.length);
    };
    const put = (ch: string) => {
      const w = measure(ch, size);
      if (x + w > width && x > 0) newLine();
      const last = line[line.length - 1];
      if (last && 'text' in last) last.text += ch;
      else line.push({ dx: x, text: ch });
      x += w;
    };
    for (const piece of paragraph) {
      const box = piece.check === undefined ? 0 : size * 1.05;
      const whole = box + measure(piece.text, size);
      if (piece.keep && x > 0 && x + whole > width && whole <= width) newLine();
      if (piece.check !== undefined) {
        if (x + box + measure([...piece.text][0] ?? '', size) > width && x > 0) newLine();
        line.push({ dx: x, check: piece.check });
        x += box;
      }
      for (const ch of piece.text) put(ch);
    }
    newLine();
  }
  return lines;
}

export function drawDocument(spec: DocumentSpec, size: Size, measure: Measure): Drawing {
  const { width: w, height: h } = size;
  const m = Math.min(3, Math.max(1.5, h * 0.04));
  const items: Item[] = [{ kind: 'box', x: m * 0.6, y: m * 0.6, w: w - 1.2 * m, h: h - 1.2 * m, line: Math.max(0.2, h * 0.004) }];

  const title = fitText(measure, spec.title, h * 0.085, w - 2 * m, 2);
  items.push(text(w / 2, m + title.size * 1.05, title.size, title.text, 'middle'));
  const top = m + title.size * 1.5;
  const bottom = h - m;
  const pad = m * 0.5;

  // The QR column: the code under the QR on one line, or two when one would print too small.
  const column = w * 0.3;
  const grouped = groupCode(spec.code);
  const oneLine = fitText(measure, grouped, h * 0.055, column, 1.2);
  const codeLines = oneLine.size >= 1.8 && oneLine.text === grouped ? [grouped] : [grouped.slice(0, 14), grouped.slice(15)];
  const codeSize = codeLines.length === 1 ? oneLine.size : fitText(measure, codeLines[0]!, h * 0.055, column, 1.2).size;
  const codeHeight = codeLines.length * codeSize * LEADING;
  const qr = qrItem(spec.qrData, 0, top, Math.min(column, bottom - top - codeHeight - pad));
  qr.x = Math.round((w - m - pad - column / 2 - qrSide(qr) / 2) / DOT) * DOT; // centred, on the printer's dot grid
  items.push(qr);
  const codeX = qr.x + qrSide(qr) / 2;
  codeLines.forEach((l, i) => items.push(text(codeX, qr.y + qrSide(qr) + codeSize * (1.05 + i * LEADING), codeSize, l, 'middle')));

  // Paragraphs: the largest size at which they all fit, beside the QR and then under it across the whole width.
  const left = m + pad;
  const room = Math.min(qr.x, w - m - pad - column) - pad - left;
  const qrBottom = qr.y + qrSide(qr) + codeHeight + pad;
  const widthAt = (size: number) => (line: number) => (top + line * size * LEADING >= qrBottom ? w - m - pad - left : room);
  const height = bottom - top;
  let lo = 1.2;
  let hi = h * 0.075;
  for (let i = 0; i < 14; i++) {
    const mid = (lo + hi) / 2;
    if (wrap(spec.paragraphs, mid, widthAt(mid), measure).length * mid * LEADING <= height) lo = mid;
    else hi = mid;
  }
  const s = lo;
  let y = top;
  for (const line of wrap(spec.paragraphs, s, widthAt(s), measure)) {
    y += s * LEADING;
    const baseline = y - s * 0.32;
    for (const run of line) {
      if ('check' in run) items.push({ kind: 'check', x: left + run.dx, y: baseline - s * 0.82, size: s * 0.85, checked: run.check });
      else items.push(text(left + run.dx, baseline, s, run.text));
    }
  }
  return { width: w, height: h, items };
}
