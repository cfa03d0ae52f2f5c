import { drawDocument, type Paragraph } from './label.document.js';
import { printTarget, renderDrawing, type RenderedFile } from './label.render.js';
import { A4_CERTIFICATE_GRID, CERTIFICATE_BASES, CERTIFICATE_BASIS_ZH, UNIT_ZH, type CertificateBasis, type CertificateLayout, type LabelFormat } from './label.shared.js';

/** What a 承诺达标合格证 states (loaded and checked by label.service.ts). */
export type CertificateData = {
  code: string;
  url: string;
  productName: string;
  quantity: number;
  unit: string;
  /** 产地: region names down to the township. */
  origin: string;
  producer: string;
  /** 联系方式 as it may be printed (a natural person's phone masked); null when the registry has none. */
  contact: string | null;
  /** 开具日期, yyyy-mm-dd. */
  issuedOn: string;
  basis: CertificateBasis;
};

/** 800 → "800 千克"; 12.5 kg → "12.5 千克". */
export const quantityText = (q: number, unit: string) => `${Number(q.toFixed(3))} ${UNIT_ZH[unit] ?? unit}`;

/**
 * The certificate's text, in the order and words of the MARA template (承诺达标合格证): the three commitments
 * ticked, the basis chosen among the four, then product, quantity, origin, producer, contact and date. The QR
 * and the trace code take the template's QR place (证码融合).
 */
export function certificateParagraphs(c: CertificateData): Paragraph[] {
  return [
    [{ text: '我承诺对生产销售的食用农产品：' }],
    [{ check: true, text: '不使用禁用农药兽药、停用兽药和非法添加物' }],
    [{ check: true, text: '常规农药兽药残留不超标' }],
    [{ check: true, text: '对承诺的真实性负责' }],
    [{ text: '承诺依据：' }, ...CERTIFICATE_BASES.map((b) => ({ check: b === c.basis, text: `${CERTIFICATE_BASIS_ZH[b]} `, keep: true }))],
    [{ text: `产品名称：${c.productName}` }],
    [{ text: `数量（重量）：${quantityText(c.quantity, c.unit)}` }],
    [{ text: `产地：${c.origin}` }],
    [{ text: `生产者盖章或签名：${c.producer}` }],
    [{ text: `联系方式：${c.contact ?? ''}` }],
    [{ text: `开具日期：${c.issuedOn}` }],
  ];
}

export type CertificateOptions = { format: LabelFormat; layout: CertificateLayout; copies?: number | undefined };

export function renderCertificate(c: CertificateData, options: CertificateOptions): Promise<RenderedFile> {
  const target = printTarget(options.layout, A4_CERTIFICATE_GRID);
  const spec = { title: '承诺达标合格证', paragraphs: certificateParagraphs(c), qrData: c.url, code: c.code };
  return renderDrawing((measure) => drawDocument(spec, target.size, measure), options.format, target, options.copies, {
    title: `承诺达标合格证 ${c.code} ${c.productName}`,
    file: `certificate-${c.code}-${options.layout}`,
  });
}
