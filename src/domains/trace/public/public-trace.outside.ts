import type { Executor } from '../../../platform/db/client.js';
import { chinaMinute } from '../../../platform/china-time.js';
import { html, type SafeHtml } from '../../../platform/http/html.js';
import type { PublicTraceOut } from './public-trace.contracts.js';

/**
 * Events of a chain's lots recorded by outside traceability systems through the EPCIS interface (issue 18 §2): the
 * integration domain reads them (app.ts wires it in, as monitoring's results are), the public page lists them after
 * the chain. Only the step, when, and the lot: no party of the outside system is named.
 */
export type OutsideEvents = (db: Executor, codes: string[]) => Promise<PublicTraceOut['outside']>;

/** CBV 2.0 business steps (§7.1) in the reader's words; a step not listed, or a private one, is "another step". */
const STEP: Record<string, { zh: string; en: string }> = {
  receiving: { zh: '收货', en: 'Received' },
  shipping: { zh: '发货', en: 'Shipped' },
  accepting: { zh: '验收', en: 'Accepted' },
  arriving: { zh: '到达', en: 'Arrived' },
  departing: { zh: '发出', en: 'Departed' },
  loading: { zh: '装货', en: 'Loaded' },
  unloading: { zh: '卸货', en: 'Unloaded' },
  storing: { zh: '储存', en: 'Stored' },
  stocking: { zh: '上架', en: 'Stocked' },
  transporting: { zh: '运输', en: 'Transported' },
  inspecting: { zh: '检查', en: 'Inspected' },
  sampling: { zh: '抽样', en: 'Sampled' },
  packing: { zh: '包装', en: 'Packed' },
  unpacking: { zh: '拆包', en: 'Unpacked' },
  repackaging: { zh: '分装', en: 'Repackaged' },
  retail_selling: { zh: '零售', en: 'Sold at retail' },
  holding: { zh: '暂扣', en: 'Held' },
  destroying: { zh: '销毁', en: 'Destroyed' },
};
const OTHER = { zh: '其他环节', en: 'Another step' };
const T = { title: { zh: '其他追溯系统的记录', en: 'Records of other traceability systems' }, lot: { zh: '批次', en: 'Lot' } };

export function outsideSection(events: PublicTraceOut['outside'], lang: 'zh' | 'en'): SafeHtml | '' {
  if (!events?.length) return '';
  return html`<h2>${T.title[lang]}</h2><ul>${events.map(
    (e) => html`<li><b>${(STEP[e.bizStep ?? ''] ?? OTHER)[lang]}</b> <small>${chinaMinute(e.eventTime)} · ${T.lot[lang]} <span class="code">${e.code}</span></small></li>`,
  )}</ul>`;
}
