import { existsSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { defineErrors } from '../http/errors.js';

// Debian's fonts-wqy-microhei (installed by .ci/run; README says how). Every printed thing with Chinese on it —
// PDFs through PDFKit, label SVGs and PNGs drawn from the glyph outlines — takes its glyphs from this one font.
export const CJK_FONT_PATH = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
/** The font's PostScript name inside the .ttc collection. */
export const CJK_FONT_NAME = 'WenQuanYiMicroHei';

const fontError = defineErrors({
  PDF_FONT_MISSING: {
    status: 503,
    zh: '服务器缺少中文字体(fonts-wqy-microhei),暂不能生成 PDF 或标签',
    en: 'The server lacks the Chinese font (fonts-wqy-microhei), so it cannot make PDFs or labels yet',
  },
});

/** A 503 PDF_FONT_MISSING instead of a file with Chinese printed as garbage. */
export function requireCjkFont(): void {
  if (!existsSync(CJK_FONT_PATH)) throw fontError('PDF_FONT_MISSING');
}

/** Registers the font on a PDFKit document as 'cjk' and selects it. */
export function useCjkFont(doc: PDFKit.PDFDocument): void {
  requireCjkFont();
  doc.registerFont('cjk', CJK_FONT_PATH, CJK_FONT_NAME);
  doc.font('cjk');
}

let loaded: fontkit.Font | undefined;
/** The font itself (metrics and glyph outlines), read once. */
export function cjkFont(): fontkit.Font {
  requireCjkFont();
  loaded ??= fontkit.openSync(CJK_FONT_PATH, CJK_FONT_NAME) as fontkit.Font;
  return loaded;
}

/** A PDFKit document with the CJK font selected, and the promise of its bytes once `doc.end()` is called. */
export function cjkPdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  requireCjkFont();
  const doc = new PDFDocument(options);
  useCjkFont(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}
