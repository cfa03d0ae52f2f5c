import { html } from '../../../platform/http/html.js';
import type { z } from 'zod';
import { shell, type Lang } from '../public/public-trace.page.js';
import type { showcasePage } from './showcase.contracts.js';
import type { ShowcaseFilter } from './showcase.queries.js';

type Page = z.infer<typeof showcasePage>;
type Top = { code: string; zh: string; en: string };

const T = {
  title: { zh: '可追溯农产品展示', en: 'Traceable products' },
  intro: {
    zh: '这些产品的生产者已在国家农产品质量安全追溯平台注册，并选择在此展示，供采购商、市场和网店对接可追溯货源。每批产品的来源和流转，请扫描其标签上的追溯码查询。',
    en: 'Producers registered on the national traceability platform who chose to show these products, for buyers, markets and shops looking for traceable supply. Scan the trace code on a label for where each batch came from.',
  },
  klass: { zh: '产品分类', en: 'Class' },
  cert: { zh: '认证', en: 'Certificate' },
  any: { zh: '不限', en: 'Any' },
  filter: { zh: '筛选', en: 'Filter' },
  producer: { zh: '生产者', en: 'Producer' },
  locatedIn: { zh: '所在地', en: 'Located in' },
  batches: { zh: '近 12 个月登记 {n} 个批次，最近一批 {date}', en: '{n} batches recorded in 12 months, latest {date}' },
  noBatch: { zh: '近 12 个月未登记批次', en: 'No batch recorded in 12 months' },
  spec: { zh: '规格', en: 'Specification' },
  brand: { zh: '品牌', en: 'Brand' },
  none: { zh: '没有符合条件的产品', en: 'No product matches' },
  next: { zh: '下一页', en: 'Next page' },
  region: { zh: '地区', en: 'Region' },
  wholeCountry: { zh: '全国', en: 'Whole country' },
} as const;

const CERT: Record<string, { zh: string; en: string }> = {
  green: { zh: '绿色食品', en: 'Green food' },
  organic: { zh: '有机农产品', en: 'Organic' },
  geo: { zh: '农产品地理标志', en: 'Geographical indication' },
};

const CSS = `.item{border-top:1px solid #d0d7de;padding:.6rem 0}.item h2{font-size:1.05rem;margin:.1rem 0}.meta{color:#57606a;font-size:.9rem}
.tag{display:inline-block;border:1px solid #2da44e;color:#1a7f37;border-radius:3px;padding:0 .3rem;margin-right:.3rem;font-size:.8rem}
form.f{display:flex;flex-wrap:wrap;gap:.4rem;align-items:end;margin:.6rem 0}form.f label{display:flex;flex-direction:column;font-size:.85rem}`;

function query(filter: ShowcaseFilter, lang: Lang, cursor?: string) {
  const q = new URLSearchParams();
  if (filter.region) q.set('region', filter.region);
  if (filter.class) q.set('class', filter.class);
  if (filter.cert) q.set('cert', filter.cert);
  if (cursor) q.set('cursor', cursor);
  if (lang === 'en') q.set('lang', 'en');
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The showcase (在线展示, 产销对接): server-rendered, no script, filters as a GET form. */
export function renderShowcase(page: Page, filter: ShowcaseFilter, lang: Lang, classes: Top[], regionName: string | null): string {
  const option = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
  const form = html`<form class="f" method="get" action="/showcase">
<label>${T.klass[lang]}<select name="class">${option('', T.any[lang], !filter.class)}${classes.map((c) => option(c.code, c[lang], filter.class === c.code))}</select></label>
<label>${T.cert[lang]}<select name="cert">${option('', T.any[lang], !filter.cert)}${Object.entries(CERT).map(([k, v]) => option(k, v[lang], filter.cert === k))}</select></label>
${filter.region ? html`<input type="hidden" name="region" value="${filter.region}">` : ''}${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<button type="submit">${T.filter[lang]}</button></form>`;
  const items = page.items.map(
    (i) => html`<div class="item"><h2>${i.name}</h2>
<div class="meta">${i.className[lang]} · ${T.spec[lang]} ${i.spec}${i.brand ? html` · ${T.brand[lang]} ${i.brand}` : ''}</div>
<div>${T.producer[lang]}：${i.producer.name} · ${T.locatedIn[lang]} ${i.producer.region.name}</div>
${i.producer.certificates.length ? html`<div>${i.producer.certificates.map((c) => html`<span class="tag">${CERT[c.kind]?.[lang] ?? c.kind}</span>`)}</div>` : ''}
<div class="meta">${i.lastBatchOn ? T.batches[lang].replace('{n}', String(i.batches)).replace('{date}', i.lastBatchOn) : T.noBatch[lang]}</div></div>`,
  );
  const body = html`<h1>${T.title[lang]}</h1><p>${T.intro[lang]}</p>
<p class="meta">${T.region[lang]}：${regionName ?? T.wholeCountry[lang]}</p>${form}
${items.length ? items : html`<p>${T.none[lang]}</p>`}
${page.nextCursor ? html`<p><a href="/showcase${query(filter, lang, page.nextCursor)}">${T.next[lang]}</a></p>` : ''}`;
  return shell(lang, `/showcase${query(filter, 'zh')}`, T.title[lang], body, CSS);
}
