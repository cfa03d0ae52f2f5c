import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import woff from 'woff2sfnt-sfnt2woff';
import { pdfText } from '../../../test/pdf.js';
import { cjkFont, cjkFontInfo, cjkPdf, configureCjkFont, PACKAGED_CJK_FONT } from './cjk-font.js';

// A bare machine has no Chinese font: the one printed with comes from npm, and a misconfigured one never stops a
// start or a print.

async function printed(text: string): Promise<Buffer> {
  const { doc, bytes } = cjkPdf({ size: 'A6' });
  doc.fontSize(12).text(text);
  doc.end();
  return bytes;
}

const baseFont = (pdf: Buffer) => /\/BaseFont\s*\/[A-Z]{6}\+([\w-]+)/.exec(pdf.toString('latin1'))?.[1];

describe('the Chinese font', () => {
  afterEach(() => configureCjkFont(undefined));

  it('is the packaged Noto Sans SC by default, and its text reads back', async () => {
    expect(cjkFontInfo()).toEqual({ path: PACKAGED_CJK_FONT, postscriptName: 'NotoSansSC-Regular', packaged: true });
    const pdf = await printed('寿光市化龙镇绿源蔬菜专业合作社：承诺达标合格证');
    expect(baseFont(pdf)).toBe('NotoSansSC-Regular');
    expect((await pdfText(pdf)).replace(/\s+/g, '')).toContain('寿光市化龙镇绿源蔬菜专业合作社：承诺达标合格证');
  });

  it('has the glyphs of rare characters people put in names (not only the common 3,500)', () => {
    for (const c of '龘犇骉鑫淼焱垚晟琰昊喆赟') expect(cjkFont().hasGlyphForCodePoint(c.codePointAt(0)!), c).toBe(true);
  });

  it('CJK_FONT_PATH names another font file, which then prints', async () => {
    // A plain TrueType file of its own (the packaged WOFF unpacked), as an installation would configure one.
    const file = path.join(tmpdir(), `cjk-font-${process.pid}.ttf`);
    writeFileSync(file, Buffer.from(woff.toSfnt(readFileSync(PACKAGED_CJK_FONT))));
    const warnings: string[] = [];
    configureCjkFont(file, (m) => warnings.push(m));
    expect(warnings).toEqual([]);
    expect(cjkFontInfo()).toEqual({ path: file, postscriptName: 'NotoSansSC-Regular', packaged: false });
    expect((await pdfText(await printed('产地：山东省'))).replace(/\s+/g, '')).toBe('产地：山东省');
  });

  it('a CJK_FONT_PATH that does not exist is reported and the packaged font prints', async () => {
    const warnings: string[] = [];
    configureCjkFont('/nowhere/no-such-font.ttf', (m) => warnings.push(m));
    expect(warnings).toEqual([expect.stringContaining('/nowhere/no-such-font.ttf does not exist')]);
    expect(cjkFontInfo().packaged).toBe(true);
    expect(baseFont(await printed('中文'))).toBe('NotoSansSC-Regular');
  });

  it('a CJK_FONT_PATH that is not a font is reported and the packaged font prints', async () => {
    const file = path.join(tmpdir(), `not-a-font-${process.pid}.ttf`);
    writeFileSync(file, 'this is not a font');
    const warnings: string[] = [];
    configureCjkFont(file, (m) => warnings.push(m));
    expect(warnings).toEqual([expect.stringContaining('is not a usable font')]);
    expect(cjkFontInfo().packaged).toBe(true);
    expect((await pdfText(await printed('中文字体'))).replace(/\s+/g, '')).toBe('中文字体');
  });
});
