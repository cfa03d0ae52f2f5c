import type { FormField } from '../../platform/print/form.js';
import { chinaMinute } from '../../platform/china-time.js';
import { PRODUCT_CODE_TYPES, traceUrl, UNIT_ZH } from '../trace/index.js';
import type { SampleOut } from './contracts.js';

// What the sampling sheet and the test report both print of a sample, in the words of the forms.

/**
 * What the caller may add to a printed sample: the public URL (its QR leads to the code's public page) and the
 * names of the region codes it prints (registry's `regionNames`); a code without a name is printed as the code.
 */
export type PrintOptions = { publicUrl?: string | undefined; regionNames?: Record<string, string> | undefined };

export const PLACE_KIND_ZH: Record<string, string> = { base: '生产基地', wholesale_market: '批发市场', supermarket: '超市', farmers_market: '农贸市场', other: '其他' };
export const TASK_KIND_ZH: Record<string, string> = {
  routine_monitoring: '例行监测',
  special_monitoring: '专项监测',
  supervisory_sampling: '监督抽查',
  enforcement: '执法抽样',
};
export const VERDICT_ZH = { pass: '合格', fail: '不合格' } as const;
/** A chain hop's batch source, as trace records it. */
const SOURCE_ZH: Record<string, string> = { own: '自产', purchase: '采购', market_entry: '入市', process: '加工', split: '拆分', merge: '合并' };

/** A number as entered (no float noise such as 0.30000000000000004). */
export const num = (v: number) => String(Number(v.toPrecision(12)));

export const regionOf = (options: PrintOptions, code: string | null) => {
  if (!code) return '—';
  const name = options.regionNames?.[code];
  return name ? `${name}（${code}）` : code;
};

export function codeTypeZh(type: number): string {
  const t = PRODUCT_CODE_TYPES[type as keyof typeof PRODUCT_CODE_TYPES];
  if (!t) return `类型 ${type}`;
  // The sheet must say why the code is not the product's own: it was issued on the spot.
  return type === 5 ? `${t.zh}（产品无追溯码，抽样时现场赋码 / temporary code issued at sampling）` : `${t.zh}（${t.en}）`;
}

/** `{publicUrl}/t/{code}`, or nothing when the caller gave no public URL. */
export const codeUrl = (options: PrintOptions, code: string) => (options.publicUrl ? traceUrl({ publicUrl: options.publicUrl }, code, null) : undefined);

const gps = (s: SampleOut) => (s.lat !== null && s.lng !== null ? `${s.lat.toFixed(6)}, ${s.lng.toFixed(6)}` : '未记录（not recorded）');

/** 抽样信息: the task, the agency, where and when. */
export function samplingFields(s: SampleOut, options: PrintOptions): FormField[] {
  return [
    { label: '任务名称', value: s.taskTitle, wide: true },
    { label: '任务类型', value: TASK_KIND_ZH[s.taskKind] ?? s.taskKind },
    { label: '抽样单位', value: s.agencyName },
    { label: '抽样场所', value: `${PLACE_KIND_ZH[s.placeKind] ?? s.placeKind} · ${s.placeName}`, wide: true },
    { label: '所在地区', value: regionOf(options, s.regionCode) },
    { label: 'GPS 坐标', value: gps(s) },
    { label: '抽样时间', value: chinaMinute(s.sampledAt) },
    { label: '抽样人', value: s.samplerName },
  ];
}

/** 样品信息: the product, its code and where it came from, the quantity and the seal. */
export function productFields(s: SampleOut, options: PrintOptions): FormField[] {
  return [
    { label: '产品名称', value: s.productName },
    { label: '产品类别', value: `${s.classZh}（${s.classCode}）` },
    { label: '追溯码', value: s.code },
    { label: '码类型', value: codeTypeZh(s.codeType) },
    { label: '被抽样主体', value: s.subjectName ?? '—', wide: true },
    { label: '产地', value: regionOf(options, s.originRegion) },
    { label: '抽样数量', value: `${num(s.quantity)} ${UNIT_ZH[s.unit] ?? s.unit}` },
    { label: '封样编号', value: s.sealNo ?? '—' },
  ];
}

/** The chain of custody as a table: nearest hop first, as the facts were read when the sample was taken. */
export const CHAIN_COLUMNS = [
  { header: '序号', share: 6, align: 'center' as const },
  { header: '追溯码', share: 24 },
  { header: '经手主体', share: 30 },
  { header: '地区', share: 22 },
  { header: '来源', share: 8, align: 'center' as const },
  { header: '时间', share: 16 },
];
export function chainRows(s: SampleOut, options: PrintOptions): string[][] {
  return s.chain.map((hop, i) => [String(i + 1), hop.code, hop.subjectName, regionOf(options, hop.regionCode), SOURCE_ZH[hop.source] ?? hop.source, atOf(hop.at)]);
}

function atOf(at: string): string {
  const d = new Date(at);
  return /T\d\d:\d\d/.test(at) && !Number.isNaN(d.getTime()) ? chinaMinute(d) : at;
}
