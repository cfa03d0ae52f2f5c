import { html, type SafeHtml } from '../../../platform/http/html.js';
import { chinaMinute } from '../../../platform/china-time.js';
import type { PublicTraceOut } from './public-trace.contracts.js';

// What the public page offers the person holding the product beyond the facts (issue 15 §10): a verdict first
// (已追溯 or 警告), the look-up count as an anti-copy notice, the 12316 hotline, and a box to type a code again
// where a code was not found. Everything here is worked out from facts the look-up already read: no query more.

type Lang = 'zh' | 'en';

const T = {
  traced: { zh: '已追溯', en: 'Traced' },
  tracedWhy: { zh: '该批次的来源和流转已在平台登记，当前没有预警。', en: 'Where this batch came from and where it went are recorded on the platform; there is no warning on it.' },
  warning: { zh: '警告', en: 'Warning' },
  notActive: { zh: '该批次当前不在正常销售状态，请向销售者核实', en: 'This batch is not in its normal state for sale; ask the seller' },
  firstLookup: {
    zh: '防伪提示：这是此码的首次查询。以后再查时，如果次数比您自己查的多，标签可能被复制过。',
    en: 'Anti-copy check: this is the first look-up of this code. If a later look-up shows more than you made yourself, the label may have been copied.',
  },
  lookups: {
    zh: '防伪提示：此码已被查询 {n} 次，首次查询于 {at}（北京时间）。如果您此前没有查过这个码，请谨慎：标签可能被复制过。',
    en: 'Anti-copy check: this code has been looked up {n} times, first on {at} (Beijing time). If you have not looked it up before, take care: the label may have been copied.',
  },
  hotline: { zh: '质量安全投诉举报：拨打全国农业系统公益服务热线', en: 'To report a quality or safety problem, call the agriculture authorities’ national hotline' },
  retype: { zh: '请核对标签，重新输入 20 位追溯码', en: 'Check the label and type the 20-digit code again' },
  typeCode: { zh: '输入标签上的 20 位追溯码', en: 'Type the 20-digit code on the label' },
  submit: { zh: '查询', en: 'Look up' },
} as const;

/** The national agriculture public-service number (农业部 农市发〔2006〕10号; docs/decisions.md cites the source). */
export const HOTLINE = '12316';

/** Every page has the verdict, notice and hotline styles; only a page with the box has the form's (3G phones pay each byte). */
export const HELP_CSS = `.banner{border:1px solid;border-radius:6px;padding:.5rem .8rem;margin:.6rem 0}.banner b{font-size:1.15rem;margin-right:.4rem}.banner ul{margin:.3rem 0 0;padding-left:1.2rem}
.traced{background:#effaf1;border-color:#7fd18f;color:#116329}.alarm{background:#fff1f0;border-color:#f5a3a3;color:#a40e26}.note{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.45rem .7rem;font-size:.9rem}
.caution{background:#fff8c5;border-color:#d4a72c;color:#4d2d00}.hotline{margin-top:1.4rem;font-size:.9rem}.hotline a{font-weight:600;white-space:nowrap}.banner .hotline{margin:.4rem 0 0}`;
export const FORM_CSS = `form{margin:1rem 0}label{display:block;margin-bottom:.3rem}input{font:1.05rem ui-monospace,monospace;width:100%;box-sizing:border-box;padding:.55rem;border:1px solid #8c959f;border-radius:6px}
button{margin-top:.5rem;font:inherit;padding:.5rem 1.4rem;border:0;border-radius:6px;background:#1f883d;color:#fff}`;

/** Minutes in Beijing time, as every date on the public page. */

/**
 * The verdict a shopper reads first: 已追溯 (green) when nothing is wrong with a known chain; 警告 (red) with every
 * warning when a batch of the chain is held, failed or recalled, a holder suspended, a self-check failed, the code
 * read suspiciously often — or the batch is in any state other than active, which no warning names yet.
 */
export function banner(f: PublicTraceOut, lang: Lang): SafeHtml {
  if (!f.warnings.length && f.batch.status === 'active') return html`<div class="banner traced" role="status"><b>✓ ${T.traced[lang]}</b>${T.tracedWhy[lang]}</div>`;
  return html`<div class="banner alarm" role="alert"><b>⚠ ${T.warning[lang]}</b><ul>${f.warnings.length ? f.warnings.map((w) => html`<li>${w.message[lang]}</li>`) : html`<li>${T.notActive[lang]}</li>`}</ul>${hotline(lang)}</div>`;
}

/** The look-up count as a notice of copied labels: a label is scanned by its buyer, rarely by many. */
export function lookupNotice(lookups: PublicTraceOut['lookups'], lang: Lang): SafeHtml {
  if (lookups.count <= 1) return html`<p class="note" data-lookups="1">${T.firstLookup[lang]}</p>`;
  const text = T.lookups[lang].replace('{n}', String(lookups.count)).replace('{at}', chinaMinute(lookups.firstAt));
  return html`<p class="note caution" data-lookups="${lookups.count}">${text}</p>`;
}

export function hotline(lang: Lang): SafeHtml {
  return html`<p class="hotline">${T.hotline[lang]} <a href="tel:${HOTLINE}">☎ ${HOTLINE}</a></p>`;
}

/**
 * A box to type a code again: a plain GET form to `/t` (its handler sends the browser on to `/t/{code}`), so it
 * works without script on any phone. `code` is what was typed, kept so one wrong digit is fixed, not retyped.
 */
export function retypeForm(lang: Lang, code: string, again: boolean): SafeHtml {
  return html`<form class="retype" method="get" action="/t"><label for="code">${(again ? T.retype : T.typeCode)[lang]}</label>
<input id="code" name="code" value="${code}" inputmode="numeric" autocomplete="off" maxlength="200" required>${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<button type="submit">${T.submit[lang]}</button></form>`;
}
