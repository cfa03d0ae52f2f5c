// The five business monitors (业务五监控, the seed guide's 运行监控 (一) 业务监控) and the indicators the monitors flag
// against targets and the assessment scores: pure values shared by the server and the console.

export const MONITORS = ['registration', 'trace', 'supervision', 'monitoring', 'enforcement'] as const;
export type MonitorKey = (typeof MONITORS)[number];

/**
 * Indicators an upper agency may set targets on (推广应用目标) and weigh in its assessment (追溯考核). Each is a share
 * in [0, 1] of a region's figures for a month; the examples (share of active producers, scan-trade share,
 * inspections done, sampling on time, cases closed in time) with the monitor each comes from. No target or weight is
 * preset: the upper agency sets them.
 */
export const INDICATORS = {
  active_share: 'registration',
  recording_share: 'trace',
  scan_share: 'trace',
  voucher_share: 'trace',
  inspection_done: 'supervision',
  sampling_on_time: 'monitoring',
  cases_closed: 'enforcement',
} as const satisfies Record<string, MonitorKey>;
export type IndicatorKey = keyof typeof INDICATORS;
export const INDICATOR_KEYS = Object.keys(INDICATORS) as IndicatorKey[];

/** A month as `YYYY-MM`. */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** How many days without a batch or a trade make a producer inactive, when the viewer does not say (a console choice). */
export const DEFAULT_INACTIVE_DAYS = 30;

/** The length of the region codes one level below a jurisdiction prefix: the rows of a monitor ('' → provinces). */
export function childLength(jurisdiction: string): number {
  const n = jurisdiction.length;
  return n === 0 ? 2 : n === 2 ? 4 : n === 4 ? 6 : 9;
}

/** A share, or null when there is nothing to divide by (a region with no producers has no active share). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** One indicator's points: weight × min(1, value ÷ target); nothing to measure earns nothing. */
export function pointsOf(value: number | null, target: number, weight: number): number {
  if (value === null || target <= 0) return 0;
  return weight * Math.min(1, value / target);
}

/** Indicator names in Chinese for sheets and PDFs the server writes (the console has its own message files). */
export const INDICATOR_ZH: Record<IndicatorKey, string> = {
  active_share: '活跃主体比例',
  recording_share: '录入批次主体比例',
  scan_share: '扫码交易比例',
  voucher_share: '开具入市凭证主体比例',
  inspection_done: '巡查任务完成率',
  sampling_on_time: '监测按时上报率',
  cases_closed: '案件办结率',
};
