import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { pdfPages, pdfText, PNG_SIGNATURE, pngSize } from '../../../../test/pdf.js';
import { renderCertificate, type CertificateData } from './label.certificate.js';
import { fitText, fontMeasure, printerMeasure, qrItem, qrSide } from './label.drawing.js';
import type { LabelData } from './label.layout.js';
import { renderLabel } from './label.render.js';
import { groupCode, LABEL_LAYOUTS } from './label.shared.js';
import { renderVoucher } from './label.voucher.js';

// Rendering alone (no database): every format of every layout, and what each writer must get right.

const code = '13707831234567890124';
const label: LabelData = { code, url: `http://localhost:3000/t/${code}`, productName: '寿光黄瓜', spec: '散装', brand: null, subjectName: '寿光市化龙镇绿源蔬菜专业合作社', date: '2026-11-20' };
const text = (body: Buffer | string) => (typeof body === 'string' ? body : body.toString('utf8'));

describe('labels in every format and layout', () => {
  for (const layout of LABEL_LAYOUTS) {
    it(`${layout}: PNG, SVG, PDF and (rolls) ZPL, each named after the code`, async () => {
      const png = await renderLabel(label, { format: 'png', layout });
      expect(png.contentType).toBe('image/png');
      expect((png.body as Buffer).subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(png.filename).toBe(`label-${code}-${layout}.png`);

      const svg = await renderLabel(label, { format: 'svg', layout });
      expect(svg.contentType).toBe('image/svg+xml');
      expect(text(svg.body)).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="0 0 [\d.]+ [\d.]+">/);
      expect(text(svg.body)).toContain(`aria-label="${groupCode(code)}"`);
      expect(text(svg.body)).toContain('aria-label="寿光黄瓜"');

      const pdf = await renderLabel(label, { format: 'pdf', layout });
      expect(pdf.contentType).toBe('application/pdf');
      expect(text((pdf.body as Buffer).subarray(0, 5))).toBe('%PDF-');
      expect((await pdfText(pdf.body as Buffer)).replace(/\s+/g, '')).toContain(`寿光黄瓜`);

      if (layout !== 'a4') {
        const zpl = text((await renderLabel(label, { format: 'zpl', layout })).body);
        expect(zpl.startsWith('^XA\n^CI28\n')).toBe(true);
        expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
        expect(zpl).toContain(`^FDMA,http://localhost:3000/t/${code}^FS`);
        expect(zpl).toContain(`^FD${groupCode(code)}^FS`);
      }
    });
  }

  it('roll PNGs are at 203 dpi (8 dots a millimetre), A4 cells at 300 dpi', async () => {
    expect(pngSize((await renderLabel(label, { format: 'png', layout: 'roll-40x30' })).body as Buffer)).toEqual({ width: 320, height: 240 });
    expect(pngSize((await renderLabel(label, { format: 'png', layout: 'roll-104' })).body as Buffer)).toEqual({ width: 832, height: 480 });
    expect(pngSize((await renderLabel(label, { format: 'png', layout: 'a4' })).body as Buffer)).toEqual({ width: 750, height: 450 });
  });

  it('PDF copies: one page per roll label, 21 labels per A4 sheet (one sheet by default)', async () => {
    expect(await pdfPages((await renderLabel(label, { format: 'pdf', layout: 'roll-60x40', copies: 3 })).body as Buffer)).toBe(3);
    expect(await pdfPages((await renderLabel(label, { format: 'pdf', layout: 'a4' })).body as Buffer)).toBe(1);
    expect(await pdfPages((await renderLabel(label, { format: 'pdf', layout: 'a4', copies: 22 })).body as Buffer)).toBe(2);
    const sheet = await pdfText((await renderLabel(label, { format: 'pdf', layout: 'a4' })).body as Buffer);
    expect(sheet.split('寿光黄瓜').length - 1).toBe(21);
  });

  it('ZPL: copies as ^PQ, the named printer font, control characters of ZPL escaped in text', async () => {
    const zpl = text((await renderLabel({ ...label, productName: '黄瓜^XZ~JA_1' }, { format: 'zpl', layout: 'roll-60x40', copies: 7 })).body);
    expect(zpl).toContain('^PQ7,0,1,Y');
    expect(zpl).toMatch(/\^A@N,\d+,\d+,E:SIMSUN\.TTF/);
    expect(zpl).toContain('^FH_^FD黄瓜_5EXZ_7EJA_5F1^FS');
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    expect(zpl).toContain('^PW480\n^LL320');
  });

  it('QR modules are whole printer dots and the symbol is the one qrcode makes for the URL', () => {
    const q = qrItem(label.url, 1.5, 1.5, 18);
    expect((q.module * 8) % 1).toBe(0);
    expect(qrSide(q)).toBeLessThanOrEqual(18);
    const m = QRCode.create(label.url, { errorCorrectionLevel: 'M' }).modules;
    expect(q.dark[10]![12]).toBe(m.get(10, 12) === 1);
  });

  it('a name too long for the label shrinks, then is cut with an ellipsis, never overflowing', () => {
    const long = '山东省寿光市化龙镇绿源蔬菜专业合作社第一生产基地联合社';
    const fit = fitText(fontMeasure, long, 3, 20, 1.6);
    expect(fit.size).toBe(1.6);
    expect(fit.text.endsWith('…')).toBe(true);
    expect(fontMeasure(fit.text, fit.size)).toBeLessThanOrEqual(20);
    expect(printerMeasure('黄瓜12', 2)).toBe(6);
  });
});

describe('certificate and voucher', () => {
  const cert: CertificateData = { code, url: label.url, productName: '寿光黄瓜', quantity: 12.5, unit: 'kg', origin: '山东省 潍坊市 寿光市 化龙镇', producer: '张建国', contact: '139****0002', issuedOn: '2026-11-29', basis: 'self_test' };

  it('the certificate carries the template’s words, the quantity in Chinese units and the code', async () => {
    const words = (await pdfText((await renderCertificate(cert, { format: 'pdf', layout: 'roll-104' })).body as Buffer)).replace(/\s+/g, '');
    for (const w of ['承诺达标合格证', '我承诺对生产销售的食用农产品', '不使用禁用农药兽药、停用兽药和非法添加物', '常规农药兽药残留不超标', '对承诺的真实性负责', '委托检测', '自我检测', '内部质量控制', '自我承诺', '产品名称：寿光黄瓜', '数量（重量）：12.5千克', '产地：山东省潍坊市寿光市化龙镇', '张建国', '联系方式：139****0002', '开具日期：2026-11-29', code]) {
      expect(words).toContain(w);
    }
  });

  it('ticks the three commitments and exactly the chosen basis', async () => {
    for (const basis of ['entrusted_test', 'internal_control'] as const) {
      const zpl = text((await renderCertificate({ ...cert, basis }, { format: 'zpl', layout: 'roll-104' })).body).split('\n');
      const tickedBefore = (words: string) => {
        const i = zpl.findIndex((l) => l.includes(`^FD${words}`));
        return zpl[i - 1]!.includes('^GD');
      };
      expect(tickedBefore('委托检测')).toBe(basis === 'entrusted_test');
      expect(tickedBefore('内部质量控制')).toBe(basis === 'internal_control');
      expect(tickedBefore('自我检测')).toBe(false);
      expect(zpl.filter((l) => l.includes('^GD'))).toHaveLength(2 * 4);
    }
  });

  it('the voucher names market and kind, seller, product, quantity, source batch, date and plate', async () => {
    const v = { code: '33707831234567890121', url: 'http://localhost:3000/t/33707831234567890121', marketName: '寿光农产品物流园', marketKind: 'wholesale', stall: 'A-17', sellerName: '绿源蔬菜专业合作社', productName: '寿光黄瓜', spec: '散装', quantity: 40, unit: 'kg', sourceCode: code, date: '2026-11-29', plate: '鲁G12345' };
    const words = (await pdfText((await renderVoucher(v, 'pdf')).body as Buffer)).replace(/\s+/g, '');
    for (const w of ['入市追溯凭证', '寿光农产品物流园', '批发市场', 'A-17', '绿源蔬菜专业合作社', '寿光黄瓜', '40千克', code, '2026-11-29', '鲁G12345', '33707831234567890121']) expect(words).toContain(w);
    expect(((await renderVoucher(v, 'png')).body as Buffer).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(text((await renderVoucher(v, 'svg')).body)).toContain('aria-label="入市追溯凭证"');
  });
});
