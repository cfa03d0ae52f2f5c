import { cjkFont } from '../../../platform/print/cjk-font.js';
import { fontMeasure, type TextItem } from './label.drawing.js';

/** A path command in mm on the drawing (y down): move, line, quadratic or cubic curve, close. */
export type PathCommand = { op: 'M' | 'L' | 'Q' | 'C' | 'Z'; p: number[] };

const OPS = { moveTo: 'M', lineTo: 'L', quadraticCurveTo: 'Q', bezierCurveTo: 'C', closePath: 'Z' } as const;

/**
 * The outlines of a line of text, glyph by glyph, placed on the drawing. SVGs and PNGs draw text from these,
 * so they look the same everywhere without the viewer or a canvas library having a Chinese font.
 */
export function textOutlines(item: TextItem): PathCommand[][] {
  const font = cjkFont();
  const k = item.size / font.unitsPerEm;
  const width = item.anchor === 'start' ? 0 : fontMeasure(item.text, item.size);
  let penX = item.x - (item.anchor === 'middle' ? width / 2 : item.anchor === 'end' ? width : 0);
  const run = font.layout(item.text);
  const glyphs: PathCommand[][] = [];
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i]!;
    const ox = penX + pos.xOffset * k;
    const oy = item.y - pos.yOffset * k;
    const commands = glyph.path.commands.map((c) => ({
      op: OPS[c.command],
      p: c.args.map((v, j) => (j % 2 === 0 ? ox + v * k : oy - v * k)),
    }));
    if (commands.length) glyphs.push(commands);
    penX += pos.xAdvance * k;
  });
  return glyphs;
}
