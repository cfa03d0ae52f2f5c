import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import woff from 'woff2sfnt-sfnt2woff';

// Every printed thing with Chinese on it — PDFs through PDFKit, label SVGs and PNGs drawn from the glyph outlines —
// takes its glyphs from this one font. By default it is Noto Sans SC (SIL OFL 1.1) from the npm package
// @openfonts/noto-sans-sc_all, so a bare machine prints Chinese with nothing but `npm install`; CJK_FONT_PATH may
// name another TrueType/OpenType file or collection (e.g. Debian's WenQuanYi Micro Hei, wqy-microhei.ttc).

/** The regular (400) weight of the packaged font, complete (30,000+ glyphs: GB 18030's common hanzi and more). */
export const PACKAGED_CJK_FONT = createRequire(import.meta.url).resolve('@openfonts/noto-sans-sc_all/files/noto-sans-sc-all-400.woff');

/** `face` names the face inside a collection (.ttc), which PDFKit needs; a single font must not be given one. */
type Loaded = { path: string; bytes: Buffer; postscriptName: string; face: string | undefined; font: fontkit.Font };
let configuredPath: string | undefined;
let loaded: Loaded | undefined;

/**
 * Chooses the font file (from CJK_FONT_PATH). A path that is missing or not a font is reported and the packaged
 * font used instead: no start and no print ever fails for want of a font.
 */
export function configureCjkFont(path: string | undefined, warn: (message: string) => void = () => {}): void {
  loaded = undefined;
  configuredPath = undefined;
  if (!path) return;
  if (!existsSync(path)) {
    warn(`CJK_FONT_PATH ${path} does not exist; printing with the packaged Noto Sans SC instead`);
    return;
  }
  try {
    load(path);
    configuredPath = path;
  } catch (e) {
    loaded = undefined;
    warn(`CJK_FONT_PATH ${path} is not a usable font (${(e as Error).message}); printing with the packaged Noto Sans SC instead`);
  }
}

function load(path: string): Loaded {
  let bytes = readFileSync(path);
  // WOFF 1.0 is stored compressed table by table; fontkit would inflate the whole glyph table again for every glyph
  // it reads (seconds per PDF), so it is unpacked to a plain sfnt once (~0.3 s, ~10 MB held).
  if (bytes.subarray(0, 4).toString('latin1') === 'wOFF') bytes = Buffer.from(woff.toSfnt(bytes));
  const opened = fontkit.create(bytes) as fontkit.Font | fontkit.FontCollection;
  // A collection (.ttc) holds several faces: the first is the regular one in the fonts we know of.
  const collection = 'fonts' in opened;
  const font = collection ? opened.fonts[0]! : opened;
  if (!font.hasGlyphForCodePoint('中'.codePointAt(0)!)) throw new Error('it has no Chinese glyphs');
  return { path, bytes, postscriptName: font.postscriptName, face: collection ? font.postscriptName : undefined, font };
}

function current(): Loaded {
  loaded ??= load(configuredPath ?? PACKAGED_CJK_FONT);
  return loaded;
}

/** Which font prints, for the start-up log and tests. */
export function cjkFontInfo(): { path: string; postscriptName: string; packaged: boolean } {
  const f = current();
  return { path: f.path, postscriptName: f.postscriptName, packaged: f.path === PACKAGED_CJK_FONT };
}

/** Line spacing of printed Chinese, in thousandths of the font size: 0.96 above the baseline, 0.24 below. */
const LINE = { ascender: 960, descender: -240, lineGap: 0 };

/**
 * Registers the font on a PDFKit document as 'cjk' and selects it. Lines are spaced 1.2 em whatever the font says:
 * the forms and labels are laid out for that spacing (WenQuanYi's own is 1.17 em), and Noto Sans SC's 1.45 em would
 * push a one-page sampling sheet onto three. PDFKit reads the spacing from the embedded font, so it is set there.
 */
export function useCjkFont(doc: PDFKit.PDFDocument): void {
  const f = current();
  doc.registerFont('cjk', f.bytes, f.face);
  doc.font('cjk');
  const embedded = (doc as unknown as { _font: { ascender: number; descender: number; lineGap: number } })._font;
  Object.assign(embedded, LINE);
}


/** The font itself (metrics and glyph outlines). */
export function cjkFont(): fontkit.Font {
  return current().font;
}

/** A PDFKit document with the CJK font selected, and the promise of its bytes once `doc.end()` is called. */
export function cjkPdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
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
