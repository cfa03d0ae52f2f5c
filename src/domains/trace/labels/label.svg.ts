import { tick, type Drawing, type Item } from './label.drawing.js';
import { textOutlines } from './label.glyphs.js';

const n = (v: number) => String(Math.round(v * 1000) / 1000);
const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An SVG sized in mm. Text is drawn as the font's outlines (the words kept in `aria-label`), so it shows the same
 * in any viewer and needs no font there; a white background keeps the QR's quiet zone on any page colour.
 */
export function drawingToSvg(drawing: Drawing, title: string): string {
  const body = drawing.items.map(svgItem).join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(drawing.width)}mm" height="${n(drawing.height)}mm" viewBox="0 0 ${n(drawing.width)} ${n(drawing.height)}">`,
    `<title>${xml(title)}</title>`,
    `<rect width="${n(drawing.width)}" height="${n(drawing.height)}" fill="#fff"/>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}

function svgItem(item: Item): string {
  switch (item.kind) {
    case 'text': {
      const d = textOutlines(item)
        .flat()
        .map((c) => c.op + c.p.map(n).join(' '))
        .join('');
      return `<path role="img" aria-label="${xml(item.text)}" d="${d}"/>`;
    }
    case 'qr': {
      let d = '';
      item.dark.forEach((row, r) => {
        for (let c = 0; c < row.length; c++) {
          if (!row[c]) continue;
          const start = c;
          while (c < row.length && row[c]) c++;
          d += `M${n(item.x + start * item.module)} ${n(item.y + r * item.module)}h${n((c - start) * item.module)}v${n(item.module)}h${n(-(c - start) * item.module)}z`;
        }
      });
      return `<path role="img" aria-label="${xml(item.data)}" shape-rendering="crispEdges" d="${d}"/>`;
    }
    case 'box':
      return item.line > 0
        ? `<rect x="${n(item.x + item.line / 2)}" y="${n(item.y + item.line / 2)}" width="${n(item.w - item.line)}" height="${n(item.h - item.line)}" fill="none" stroke="#000" stroke-width="${n(item.line)}"/>`
        : `<rect x="${n(item.x)}" y="${n(item.y)}" width="${n(item.w)}" height="${n(item.h)}"/>`;
    case 'check': {
      const lw = item.size * 0.09;
      const box = `<rect x="${n(item.x + lw / 2)}" y="${n(item.y + lw / 2)}" width="${n(item.size - lw)}" height="${n(item.size - lw)}" fill="none" stroke="#000" stroke-width="${n(lw)}"/>`;
      if (!item.checked) return box;
      const points = tick(item)
        .map(([x, y]) => `${n(x)},${n(y)}`)
        .join(' ');
      return `${box}<polyline points="${points}" fill="none" stroke="#000" stroke-width="${n(item.size * 0.14)}" stroke-linecap="round" stroke-linejoin="round"/>`;
    }
  }
}
