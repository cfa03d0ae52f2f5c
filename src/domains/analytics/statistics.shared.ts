// The figures of the statistics page and the home pages, each a sum over rollup rows of one measure (see the
// migration analytics_facts for what each measure counts). Shared with the console, which labels them.

export const PERIODS = ['day', 'week', 'month', 'quarter', 'year', 'custom'] as const;

export type FigureRow = { measure: string; dim: string; n: number; qty: number };
type Indicator = { measure: string; dims?: readonly string[]; suffix?: string; field?: 'n' | 'qty' };

export const INDICATORS = {
  subjectsActive: { measure: 'subject', dims: ['active'] },
  subjectsSuspended: { measure: 'subject', dims: ['suspended'] },
  subjectsTemporary: { measure: 'subject', dims: ['temporary'] },
  applicationsPending: { measure: 'application', dims: ['pending'] },
  changeRequestsPending: { measure: 'change_request', dims: ['pending'] },
  certificates: { measure: 'certificate' },
  // 重点主体 (issue 21 §3): registered subjects carrying each flag (priority-flags.shared.ts in registry).
  priorityNationalLeading: { measure: 'subject_priority', dims: ['national_leading'] },
  priorityProvincialLeading: { measure: 'subject_priority', dims: ['provincial_leading'] },
  priorityVegetableBasket: { measure: 'subject_priority', dims: ['vegetable_basket'] },
  priorityScale: { measure: 'subject_priority', dims: ['scale'] },
  batches: { measure: 'batch' },
  // 承诺达标合格证 issued (register rows) and their printed copies (issue 21 §4).
  pledgeCertificates: { measure: 'cert_issued' },
  pledgeCertificatesByPurchasers: { measure: 'cert_issuer', dims: ['purchaser'] },
  pledgeCertificateCopies: { measure: 'cert_copies' },
  ownBatches: { measure: 'batch', dims: ['own'] },
  scanTrades: { measure: 'trade', dims: ['scan:confirmed'] },
  manualTrades: { measure: 'trade', dims: ['manual:confirmed'] },
  vouchers: { measure: 'trade', dims: ['market:confirmed'] },
  pendingTrades: { measure: 'trade', dims: ['scan:pending'] },
  lookups: { measure: 'lookup' },
  inspections: { measure: 'inspection' },
  inspectionProblems: { measure: 'inspection', dims: ['problem'] },
  rectificationsPending: { measure: 'rectification', dims: ['pending'] },
  rectificationsOverdue: { measure: 'rectification', dims: ['overdue'] },
  rectificationsDone: { measure: 'rectification', dims: ['done'] },
  transfersPending: { measure: 'transfer', dims: ['pending'] },
  samples: { measure: 'sample' },
  samplesToReceive: { measure: 'sample', dims: ['sampled'] },
  samplesToTest: { measure: 'sample', dims: ['received'] },
  samplesTested: { measure: 'sample_verdict' },
  samplesFailed: { measure: 'sample_verdict', suffix: ':fail' },
  alerts: { measure: 'alert' },
  alertsUnread: { measure: 'alert', dims: ['unread'] },
  cases: { measure: 'case' },
  casesOpen: { measure: 'case', dims: ['filed', 'investigation', 'decision'] },
  casesFiled: { measure: 'case', dims: ['filed'] },
  casesInvestigation: { measure: 'case', dims: ['investigation'] },
  casesDecision: { measure: 'case', dims: ['decision'] },
  penalties: { measure: 'penalty' },
  penaltyAmount: { measure: 'penalty', field: 'qty' },
} as const satisfies Record<string, Indicator>;

export type IndicatorKey = keyof typeof INDICATORS;
export const INDICATOR_KEYS = Object.keys(INDICATORS) as IndicatorKey[];
/** Every measure an indicator reads. */
export const INDICATOR_MEASURES = [...new Set(Object.values(INDICATORS).map((i) => i.measure))];

export function indicatorValue(rows: readonly FigureRow[], key: IndicatorKey): number {
  const ind: Indicator = INDICATORS[key];
  let sum = 0;
  for (const r of rows) {
    if (r.measure !== ind.measure) continue;
    if (ind.dims && !ind.dims.includes(r.dim)) continue;
    if (ind.suffix && !r.dim.endsWith(ind.suffix)) continue;
    sum += ind.field === 'qty' ? r.qty : r.n;
  }
  return Math.round(sum * 1000) / 1000;
}

/** 合格率 in percent with one decimal; null before anything was judged. */
export function passRateOf(rows: readonly FigureRow[]): number | null {
  const tested = indicatorValue(rows, 'samplesTested');
  return tested ? Math.round(((tested - indicatorValue(rows, 'samplesFailed')) / tested) * 1000) / 10 : null;
}
