import { quantityText } from './label.certificate.js';
import { drawDocument, type Paragraph } from './label.document.js';
import { renderDrawing, type PrintTarget, type RenderedFile } from './label.render.js';
import { groupCode, MARKET_KIND_ZH, ROLL_SIZES } from './label.shared.js';

/** What a market-entry voucher (入市追溯凭证) states (loaded and checked by label.service.ts). */
export type VoucherData = {
  /** The type-3 code of the voucher. */
  code: string;
  url: string;
  marketName: string;
  marketKind: string | null;
  stall: string | null;
  sellerName: string;
  productName: string;
  spec: string;
  quantity: number;
  unit: string;
  sourceCode: string;
  /** 入市日期, yyyy-mm-dd. */
  date: string;
  plate: string | null;
};

export const VOUCHER_FORMATS = ['pdf', 'png', 'svg'] as const;
export type VoucherFormat = (typeof VOUCHER_FORMATS)[number];

/** A voucher is handed over at the market gate: one 104×60 mm page, for the 104 mm printers or cut from A4. */
const VOUCHER_TARGET: PrintTarget = { size: ROLL_SIZES['roll-104'], sheet: { page: ROLL_SIZES['roll-104'], cells: [{ x: 0, y: 0 }] }, defaultCopies: 1, dpi: 203 };

export function renderVoucher(v: VoucherData, format: VoucherFormat): Promise<RenderedFile> {
  const paragraphs: Paragraph[] = [
    [{ text: `入市市场：${v.marketName}` }, ...(v.marketKind ? [{ text: `（${MARKET_KIND_ZH[v.marketKind] ?? v.marketKind}）`, keep: true }] : []), ...(v.stall ? [{ text: ` ${v.stall}`, keep: true }] : [])],
    [{ text: `销售者：${v.sellerName}` }],
    [{ text: `产品：${v.productName}${v.spec ? ` ${v.spec}` : ''}` }],
    [{ text: `数量（重量）：${quantityText(v.quantity, v.unit)}` }],
    [{ text: '来源批次码：' }, { text: groupCode(v.sourceCode), keep: true }],
    [{ text: `入市日期：${v.date}` }],
    ...(v.plate ? [[{ text: `车牌号：${v.plate}` }]] : []),
  ];
  const spec = { title: '入市追溯凭证', paragraphs, qrData: v.url, code: v.code };
  return renderDrawing((measure) => drawDocument(spec, VOUCHER_TARGET.size, measure), format, VOUCHER_TARGET, 1, { title: `入市追溯凭证 ${v.code}`, file: `voucher-${v.code}` });
}
