import { html, trustedHtml, type SafeHtml } from '../../../platform/http/html.js';
import { chinaDay, chinaMinute } from '../../../platform/china-time.js';
import { SPECIES_NAME, TISSUE_NAME, type AnimalDetails } from '../animal.shared.js';
import { CERTIFICATE_BASIS_ZH, MARKET_KIND_ZH, UNIT_ZH, type CertificateBasis } from '../labels/label.shared.js';
import type { PublicTraceOut } from './public-trace.contracts.js';
import { banner, FORM_CSS, HELP_CSS, hotline, lookupNotice, retypeForm } from './public-trace.help.js';
import { WARNING_TEXT, type PublicLookup } from './public-trace.service.js';
import { outsideSection } from './public-trace.outside.js';

// The page behind every label (消费查询), for cheap phones on slow networks: rendered on the server, no script,
// one small inline style sheet, Chinese by default with an English switch (?lang=en). Its facts are the JSON API's.

export type Lang = 'zh' | 'en';

const T = {
  title: { zh: '产品追溯', en: 'Product trace' },
  product: { zh: '产品', en: 'Product' },
  klass: { zh: '产品分类', en: 'Class' },
  spec: { zh: '规格', en: 'Specification' },
  brand: { zh: '品牌', en: 'Brand' },
  producer: { zh: '生产者', en: 'Producer' },
  certificates: { zh: '认证证书', en: 'Certificates' },
  validTo: { zh: '有效期至', en: 'valid to' },
  expired: { zh: '已过期', en: 'expired' },
  unverified: { zh: '待核验', en: 'not yet verified' },
  showcase: { zh: '查看更多可追溯的同类产品', en: 'More traceable products of this kind' },
  bySystem: { zh: '已由发证系统核验：', en: 'verified by its issuing system: ' },
  pledge: { zh: '已开具承诺达标合格证：生产者承诺该批产品符合农药兽药残留食品安全国家标准', en: 'A compliance pledge certificate was issued: the producer pledges that this batch meets the national food safety standards for pesticide and veterinary drug residues' },
  batch: { zh: '批次', en: 'Batch' },
  harvest: { zh: '采收/生产日期', en: 'Harvested' },
  species: { zh: '畜禽种类', en: 'Species' },
  tissue: { zh: '部位', en: 'Tissue' },
  slaughterhouse: { zh: '屠宰企业', en: 'Slaughterhouse' },
  slaughterDate: { zh: '屠宰日期', en: 'Slaughtered on' },
  quarantineCert: { zh: '检疫证明编号', en: 'Quarantine certificate' },
  quantity: { zh: '数量', en: 'Quantity' },
  base: { zh: '产地', en: 'Grown at' },
  selfCheck: { zh: '自检', en: 'Own check' },
  chain: { zh: '流转记录', en: 'Chain of custody' },
  voucher: { zh: '入市追溯凭证', en: 'Market-entry voucher' },
  stall: { zh: '摊位', en: 'stall' },
  monitoring: { zh: '监测结果', en: 'Monitoring results' },
  sampledOn: { zh: '抽样', en: 'sampled' },
  notDetectedMore: { zh: '另 {n} 项未检出', en: '{n} more not detected' },
  moreFound: { zh: '另 {n} 项检出（见接口数据）', en: '{n} more found (in the JSON)' },
  limit: { zh: '限量', en: 'limit' },
  banned: { zh: '不得检出', en: 'must not be detected' },
  code: { zh: '追溯码', en: 'Trace code' },
  didYouMean: { zh: '您要查的是不是：', en: 'Did you mean:' },
  notCode: { zh: '这不是有效的追溯码，请核对标签上的 20 位数字', en: 'This is not a valid trace code; check the 20 digits on the label' },
  issued: { zh: '此码已发放，但尚未登记批次', en: 'This code was issued but no batch has been recorded on it yet' },
  temporary: { zh: '这是抽样时为无追溯码产品赋予的产品临时码，没有追溯批次', en: 'A temporary product code, given at sampling to a product that had no trace code: it has no batch' },
  tooMany: { zh: '查询过于频繁，请稍后再试', en: 'Too many look-ups; please try again in a minute' },
  switchTo: { zh: 'English', en: '中文' },
  locatedIn: { zh: '所在地', en: 'Located in' },
  footer: { zh: '追溯一张网 · 国家农产品质量安全追溯', en: 'Tracenet · national agricultural product traceability' },
  variety: { zh: '品种', en: 'Variety' },
  soil: { zh: '产地环境（土壤）', en: 'Growing environment (soil)' },
  water: { zh: '产地环境（用水）', en: 'Growing environment (water)' },
  priority: { zh: '重点主体', en: 'Recognised as' },
  pledgeCerts: { zh: '承诺达标合格证', en: 'Compliance certificates' },
  certIssuedOn: { zh: '开具日期', en: 'issued' },
  certBy: { zh: '开具者', en: 'by' },
  certTested: { zh: '检测项目', en: 'tested for' },
  certCheck: { zh: '可凭证号查验', en: 'checkable by its number' },
} as const;

const PRIORITY: Record<string, { zh: string; en: string }> = {
  national_leading: { zh: '国家级农业产业化重点龙头企业', en: 'national leading agricultural enterprise' },
  provincial_leading: { zh: '省级农业产业化重点龙头企业', en: 'provincial leading agricultural enterprise' },
  vegetable_basket: { zh: '“菜篮子”产品基地', en: 'vegetable-basket product base' },
  scale: { zh: '规模生产经营主体', en: 'scale producer' },
};
const BASIS_EN: Record<CertificateBasis, string> = { entrusted_test: 'commissioned test', self_test: 'own test', internal_control: 'internal quality control', self_commitment: 'own commitment' };
const ISSUER_ROLE = { producer: { zh: '生产者', en: 'producer' }, purchaser: { zh: '收购者', en: 'purchaser' } } as const;

const SELF_CHECK: Record<string, { zh: string; en: string }> = {
  pass: { zh: '合格', en: 'passed' },
  fail: { zh: '不合格', en: 'failed' },
  none: { zh: '未自检', en: 'none' },
};
const HOLDER: Record<PublicTraceOut['chain'][number]['holderKind'], { zh: string; en: string }> = {
  producer: { zh: '生产', en: 'produced' },
  processor: { zh: '加工', en: 'processed' },
  buyer: { zh: '采购', en: 'bought' },
  person: { zh: '购买', en: 'bought' },
  market: { zh: '入市', en: 'entered the market' },
  holder: { zh: '持有', en: 'held' },
};
const CERT_KIND: Record<string, { zh: string; en: string }> = {
  green: { zh: '绿色食品', en: 'Green food' },
  organic: { zh: '有机农产品', en: 'Organic' },
  geo: { zh: '农产品地理标志', en: 'Geographical indication' },
  pledge: { zh: '承诺达标合格证', en: 'Compliance pledge' },
  pollution_free: { zh: '无公害农产品', en: 'Pollution-free' },
};
const MARKET_EN: Record<string, string> = { wholesale: 'wholesale market', retail: 'retail market', processor: 'processor' };
const market = (kind: string, lang: Lang) => (lang === 'zh' ? MARKET_KIND_ZH[kind] : MARKET_EN[kind]) ?? kind;
/** A quantity with its unit as a reader says it (40 千克, 40 kg). */
const amount = (q: number, unit: string, lang: Lang) => `${q} ${lang === 'zh' ? (UNIT_ZH[unit] ?? unit) : unit}`;
/** Dates, places and names are not broken across lines on a narrow screen. */
const whole = (s: string) => html`<span class="nb">${s}</span>`;
const wholeWords = (s: string) => s.split(' ').map((w, i) => html`${i ? ' ' : ''}${whole(w)}`);

const CSS = `body{font:15px/1.5 system-ui,sans-serif;max-width:34rem;margin:0 auto;padding:.5rem 1rem 2rem;color:#1f2328}
header{display:flex;justify-content:space-between;align-items:center;gap:.8rem;color:#57606a;font-size:.85rem}
header a{white-space:nowrap;flex-shrink:0;padding:.7rem 0 .7rem .8rem}.nb{white-space:nowrap}.kind{font:inherit;color:#57606a}
h1{font-size:1.35rem;margin:.6rem 0 .2rem}h2{font-size:1rem;margin:1.2rem 0 .3rem;border-bottom:1px solid #d0d7de}
dl{display:grid;grid-template-columns:minmax(0,35%) 1fr;gap:.15rem .8rem;margin:0}dt{color:#57606a}dd{margin:0}
.code{font-family:ui-monospace,monospace;word-break:break-all}.warn{background:#fff1f0;border:1px solid #f5a3a3;color:#a40e26;padding:.5rem .7rem;border-radius:6px;margin:.5rem 0}
.ok{color:#1a7f37}.bad{color:#a40e26}ol{padding-left:1.2rem;margin:.3rem 0}li{margin:.35rem 0}small{color:#57606a}a{color:#0969da}
${HELP_CSS}`;


/** The frame of every public page: language switch, the one small style sheet, the favicon. */
export function shell(lang: Lang, path: string, status: string, body: SafeHtml, css = ''): string {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return html`<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${T.title[lang]} · ${status}</title><link rel="icon" type="image/svg+xml" href="/favicon.svg"><style>${trustedHtml(CSS)}${trustedHtml(css)}</style></head><body>
<header><span>${T.footer[lang]}</span><a href="${path}${other === 'en' ? '?lang=en' : ''}" hreflang="${other}">${T.switchTo[lang]}</a></header>
${body}
</body></html>`.value;
}

const warningBox = (lang: Lang, messages: { zh: string; en: string }[]) => messages.map((m) => html`<p class="warn" role="alert">⚠ ${m[lang]}</p>`);

/** How the code scanned (a foreign code, issue 17 §2) led to this batch, in words. */
function aliasNote(r: NonNullable<PublicTraceOut['resolvedFrom']>, lang: Lang): string {
  if (r.kind === 'national')
    return lang === 'zh' ? `您查询的是国家追溯平台长码 ${r.alias}，已对应到本平台的上述追溯码。` : `You looked up the national long code ${r.alias}; it belongs to the batch of the code above.`;
  return lang === 'zh' ? `您查询的是省级追溯平台的追溯码 ${r.alias}，已对应到本平台的上述追溯码。` : `You looked up ${r.alias}, a code of a provincial trace platform; it belongs to the batch of the code above.`;
}

/** An animal product's species, tissue, slaughter and quarantine certificate, as far as its batch says them. */
function animalRows(a: AnimalDetails, lang: Lang): (SafeHtml | '')[] {
  const row = (label: { zh: string; en: string }, value: string | undefined) => (value ? html`<dt>${label[lang]}</dt><dd>${value}</dd>` : '');
  return [
    row(T.species, SPECIES_NAME[a.species][lang]),
    row(T.tissue, a.tissue ? TISSUE_NAME[a.tissue][lang] : undefined),
    row(T.slaughterhouse, a.slaughterhouse),
    row(T.slaughterDate, a.slaughterDate),
    row(T.quarantineCert, a.quarantineCert),
  ];
}

export function renderPublicPage(lookup: PublicLookup, lang: Lang, path: string): string {
  if (lookup.kind !== 'found') return shell(lang, path, lookup.code, notFoundBody(lookup, lang), FORM_CSS);
  const f = lookup.facts;
  const p = f.product;
  const body = html`<h1>${p.name}</h1><p class="codeline">${T.code[lang]} <span class="code">${f.code}</span> <small class="kind">${f.codeType[lang]}</small></p>
${f.resolvedFrom ? html`<p class="alias">${aliasNote(f.resolvedFrom, lang)}</p>` : ''}${banner(f, lang)}${lookupNotice(f.lookups, lang)}
<dl><dt>${T.klass[lang]}</dt><dd>${p.className[lang]}</dd><dt>${T.spec[lang]}</dt><dd>${p.spec}</dd>${p.brand ? html`<dt>${T.brand[lang]}</dt><dd>${p.brand}</dd>` : ''}</dl>
${f.producers.map(
  (pr) => html`<h2>${T.producer[lang]}</h2><dl><dt>${T.producer[lang]}</dt><dd>${pr.name}</dd><dt>${T.locatedIn[lang]}</dt><dd>${wholeWords(pr.county.name)}</dd>
${
  pr.certificates.length
    ? html`<dt>${T.certificates[lang]}</dt><dd>${pr.certificates.map(
        (c) => html`<div>${CERT_KIND[c.kind]?.[lang] ?? c.kind} ${c.number} <small>${T.validTo[lang]} ${c.validTo}${!c.valid ? html` · <b>${T.expired[lang]}</b>` : ''}${!c.verified ? html` · ${T.unverified[lang]}` : ''}${c.issuedBySystem ? html` · ${T.bySystem[lang]}${c.issuedBySystem}` : ''}</small></div>`,
      )}</dd>`
    : ''
}${pr.priorityFlags.length ? html`<dt>${T.priority[lang]}</dt><dd>${pr.priorityFlags.map((fl, i) => html`${i ? (lang === 'zh' ? '、' : ', ') : ''}${PRIORITY[fl]?.[lang] ?? ''}`)}</dd>` : ''}</dl>${pr.pledged ? html`<p class="ok">✓ ${T.pledge[lang]}</p>` : ''}`,
)}
<h2>${T.batch[lang]}</h2><dl>${f.batch.harvestDate ? html`<dt>${T.harvest[lang]}</dt><dd>${f.batch.harvestDate}</dd>` : ''}${f.batch.animal ? animalRows(f.batch.animal, lang) : ''}${originRows(f.batch, lang)}<dt>${T.quantity[lang]}</dt><dd>${amount(f.batch.quantity, f.batch.unit, lang)}</dd>
${f.batch.base ? html`<dt>${T.base[lang]}</dt><dd>${wholeWords(f.batch.base.place.name)} · ${f.batch.base.name}</dd>` : ''}<dt>${T.selfCheck[lang]}</dt><dd>${(SELF_CHECK[f.batch.selfCheck] ?? SELF_CHECK.none!)[lang]}</dd></dl>
<h2>${T.chain[lang]}</h2><ol>${f.chain.map(
    (h) => html`<li><b>${HOLDER[h.holderKind][lang]}</b> ${h.holderName} <small>${wholeWords(h.county.name)} · ${whole(chinaMinute(h.receivedAt))} · ${whole(amount(h.quantity, h.unit, lang))}</small>
${h.voucher ? html`<br><small>${T.voucher[lang]} <span class="code">${h.code}</span>${h.voucher.marketKind ? html` · ${market(h.voucher.marketKind, lang)}` : ''}${h.voucher.stall ? html` · ${T.stall[lang]} ${h.voucher.stall}` : ''}</small>` : ''}</li>`,
  )}</ol>
${f.pledgeCertificates.length ? certificatesSection(f.pledgeCertificates, lang) : ''}${f.monitoring.length ? monitoringSection(f.monitoring, lang) : ''}
<p><a href="/showcase?class=${p.classCode.slice(0, 2)}${lang === 'en' ? '&lang=en' : ''}">${T.showcase[lang]}</a></p>
${outsideSection(f.outside, lang)}${hotline(lang)}`;
  return shell(lang, path, f.code, body);
}

/** 品种 and 产地环境 as the batch (or its origin) recorded them. */
function originRows(b: PublicTraceOut['batch'], lang: Lang): SafeHtml {
  return html`${b.variety ? html`<dt>${T.variety[lang]}</dt><dd>${b.variety}</dd>` : ''}${b.soilNote ? html`<dt>${T.soil[lang]}</dt><dd>${b.soilNote}</dd>` : ''}${b.waterNote ? html`<dt>${T.water[lang]}</dt><dd>${b.waterNote}</dd>` : ''}`;
}

/** 承诺达标合格证 of the chain: number, basis, what was tested, the issuer as the chain names it. */
function certificatesSection(certs: PublicTraceOut['pledgeCertificates'], lang: Lang): SafeHtml {
  const basis = (b: CertificateBasis) => (lang === 'zh' ? CERTIFICATE_BASIS_ZH[b] : BASIS_EN[b]);
  return html`<h2>${T.pledgeCerts[lang]}</h2><ul>${certs.map(
    (c) => html`<li><span class="code">${c.number}</span> · ${basis(c.basis)}<br><small>${T.certIssuedOn[lang]} ${c.issuedOn} · ${T.certBy[lang]} ${ISSUER_ROLE[c.issuerRole][lang]} ${c.issuerName} · ${whole(amount(c.quantity, c.unit, lang))}${
      c.testedItems.length ? html` · ${T.certTested[lang]} ${c.testedItems.join(lang === 'zh' ? '、' : ', ')}` : ''
    }</small></li>`,
  )}</ul><p><small>${T.certCheck[lang]}</small></p>`;
}

/** A page lists this many samples and detected results of each at most (a lab may report 200 analytes a sample). */
const PAGE_SAMPLES = 5;
const PAGE_RESULTS = 12;

/**
 * 监测结果: each judged sample with its verdict, then what was found against its limit (mg/kg), failures first, and
 * how many more analytes were not detected: the whole list is the JSON's, the page stays small.
 */
function monitoringSection(samples: PublicTraceOut['monitoring'], lang: Lang): SafeHtml {
  const verdict = (v: 'pass' | 'fail') => html`<b class="${v === 'pass' ? 'ok' : 'bad'}">${SELF_CHECK[v]![lang]}</b>`;
  return html`<h2>${T.monitoring[lang]}</h2><ul>${samples.slice(0, PAGE_SAMPLES).map((s) => {
    const found = s.results.filter((r) => r.detected || r.verdict === 'fail');
    const shown = found.slice(0, PAGE_RESULTS);
    const tail = [
      [found.length - shown.length, T.moreFound],
      [s.results.length - found.length, T.notDetectedMore],
    ] as const;
    const notes = tail.filter(([n]) => n > 0).map(([n, text]) => text[lang].replace('{n}', String(n)));
    return html`<li>${verdict(s.verdict)} ${whole(chinaDay(s.sampledAt))} ${T.sampledOn[lang]} · ${s.agencyName} <small>${T.batch[lang]} <span class="code">${s.batchCode}</span></small>
<br><small>${shown.map(
      (r, i) =>
        html`${i ? ' · ' : ''}${r.analyte[lang]} ${r.valueMgPerKg} mg/kg (${r.limitMgPerKg === null ? T.banned[lang] : html`${T.limit[lang]} ${r.limitMgPerKg} mg/kg`}) ${verdict(r.verdict)}`,
    )}${notes.length ? `${shown.length ? ' · ' : ''}${notes.join(' · ')}` : ''}</small></li>`;
  })}</ul>`;
}

/** A code that leads nowhere still leads somewhere: what is wrong, the batches it may have meant, a box to type it again. */
function notFoundBody(lookup: Exclude<PublicLookup, { kind: 'found' }>, lang: Lang): SafeHtml {
  const shown = lookup.code.slice(0, 64);
  const again = html`${retypeForm(lang, lookup.kind === 'invalid' ? shown.replace(/\D/g, '').slice(0, 20) : shown, true)}${hotline(lang)}`;
  if (lookup.kind === 'mistyped') {
    return html`<h1>${T.title[lang]}</h1><p class="code">${lookup.code}</p>${warningBox(lang, [WARNING_TEXT.CODE_MISTYPED])}
${lookup.suggestions.length ? html`<p>${T.didYouMean[lang]}</p><ul>${lookup.suggestions.map((s) => html`<li><a class="code" href="/t/${s}${lang === 'en' ? '?lang=en' : ''}">${s}</a></li>`)}</ul>` : ''}${again}`;
  }
  if (lookup.kind === 'unknown') {
    // A type-5 code is printed on a sampling sheet, never on a label: say what it is rather than "not yet used".
    const why = !lookup.issued ? WARNING_TEXT.CODE_UNKNOWN : lookup.code.startsWith('5') ? T.temporary : T.issued;
    return html`<h1>${T.title[lang]}</h1><p class="code">${lookup.code}</p>${warningBox(lang, [why])}${again}`;
  }
  return html`<h1>${T.title[lang]}</h1>${shown ? html`<p class="code">${shown}</p>` : ''}${warningBox(lang, [T.notCode])}${again}`;
}

/** `/t` itself (a form sent empty, a code typed from memory): the box to type a code. */
export function renderEntryPage(lang: Lang, path: string): string {
  return shell(lang, path, T.code[lang], html`<h1>${T.title[lang]}</h1>${retypeForm(lang, '', false)}${hotline(lang)}`, FORM_CSS);
}

export function renderTooManyPage(lang: Lang, path: string): string {
  return shell(lang, path, '429', html`<h1>${T.title[lang]}</h1>${warningBox(lang, [T.tooMany])}`);
}
