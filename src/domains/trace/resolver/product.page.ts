import { html } from '../../../platform/http/html.js';
import { FORM_CSS, hotline, retypeForm } from '../public/public-trace.help.js';
import { shell, type Lang } from '../public/public-trace.page.js';
import type { GtinProduct } from './resolver.queries.js';

// The page of a GTIN (`/p/{gtin}`): the default link of the Digital Link's product level. A label's QR code names a
// batch; this page is for a GTIN read alone (a retail barcode scanned by a phone) or a batch code not found under
// it, where the resolver walks up to the product: it says what the product is and who makes it, and asks for the
// batch code on the label.

const T = {
  title: { zh: '产品信息', en: 'Product information' },
  brand: { zh: '品牌', en: 'Brand' },
  spec: { zh: '规格', en: 'Specification' },
  klass: { zh: '产品分类', en: 'Class' },
  producer: { zh: '生产者', en: 'Producer' },
  locatedIn: { zh: '所在地', en: 'Located in' },
  gtin: { zh: '商品条码', en: 'GTIN' },
  voided: { zh: '该产品已由生产者作废，不再登记新的批次', en: 'The producer has withdrawn this product: no new batch is recorded under it' },
  unknownLot: {
    zh: '批号“{lot}”未在平台登记为该产品的批次：请核对标签上的追溯码，或向销售者核实。',
    en: 'Lot “{lot}” is not recorded on the platform as a batch of this product: check the trace code on the label, or ask the seller.',
  },
  askBatch: { zh: '每一批产品的来源和流转，请查询标签上的 20 位追溯码。', en: 'Where each batch came from and went is found by the 20-digit trace code on its label.' },
  unknownGtin: { zh: '该商品条码未在平台登记', en: 'This GTIN is not registered on the platform' },
} as const;

export type ProductPageFacts = { gtin: string; product: GtinProduct; producer: { name: string; region: string } | null; unknownLot?: string };

export function renderProductPage(f: ProductPageFacts, lang: Lang, path: string): string {
  const p = f.product;
  const zh = lang === 'zh';
  const row = (label: { zh: string; en: string }, value: string | null | undefined) => (value ? html`<dt>${label[lang]}</dt><dd>${value}</dd>` : '');
  const warnings = [
    ...(f.unknownLot ? [T.unknownLot[lang].replace('{lot}', f.unknownLot)] : []),
    ...(p.voided ? [T.voided[lang]] : []),
  ];
  const body = html`<h1>${p.name}</h1>
${warnings.map((w) => html`<p class="warn" role="alert">⚠ ${w}</p>`)}
<dl>${row(T.gtin, f.gtin)}${row(T.brand, p.brand)}${row(T.spec, p.spec)}${row(T.klass, zh ? p.class_zh : p.class_en)}${row(T.producer, f.producer?.name)}${row(T.locatedIn, f.producer?.region)}</dl>
<p>${T.askBatch[lang]}</p>${retypeForm(lang, '', false)}${hotline(lang)}`;
  return shell(lang, path, T.title[lang], body, FORM_CSS);
}

export function renderUnknownGtinPage(gtin: string, lang: Lang, path: string): string {
  return shell(lang, path, gtin, html`<h1>${T.title[lang]}</h1><p class="code">${gtin}</p><p class="warn" role="alert">⚠ ${T.unknownGtin[lang]}</p>${retypeForm(lang, '', false)}${hotline(lang)}`, FORM_CSS);
}
