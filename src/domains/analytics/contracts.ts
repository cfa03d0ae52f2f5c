import { z } from 'zod';
import { INDICATOR_KEYS, PERIODS } from './statistics.shared.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const statisticsQuery = z.strictObject({
  period: z.enum(PERIODS).default('month'),
  /** Any day inside the period (default today, China time); ignored for a custom period. */
  date: day.optional(),
  from: day.optional(),
  to: day.optional(),
  /** The region node to show ('' or absent: the caller's own jurisdiction); 2, 4, 6 or 9 digits. */
  region: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})?$/).optional(),
});
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

const range = z.object({ from: day, to: day });
const indicatorValues = z.record(z.enum(INDICATOR_KEYS), z.number());
const place = z.object({ code: z.string(), name: z.string() });

export const statisticsOut = z.object({
  node: place.extend({ depth: z.number() }),
  /** The way down from the caller's jurisdiction to the node: each step a link one level up. */
  crumbs: z.array(place),
  period: range,
  previous: range,
  lastYear: range,
  current: indicatorValues,
  previousValues: indicatorValues,
  lastYearValues: indicatorValues,
  passRate: z.object({ current: z.number().nullable(), previous: z.number().nullable(), lastYear: z.number().nullable() }),
  /** Every counted (measure, dimension) of the node in the period: subjects by category, batches by class… */
  breakdown: z.array(z.object({ measure: z.string(), dim: z.string(), n: z.number(), qty: z.number() })),
  /** One level down (none below a township), with the same figures. */
  children: z.array(place.extend({ values: indicatorValues, passRate: z.number().nullable() })),
});
export type StatisticsOut = z.infer<typeof statisticsOut>;

/** The home page's own counts (not region rollups): a producer's work, an agency's tasks and drafts (home.counts.ts). */
export const HOME_COUNT_KEYS = ['tradesToConfirm', 'batchesInStock', 'certificatesExpiring', 'noticesUnread', 'inactiveProducers', 'tasksOpen', 'inspectionsDue', 'reportsAwaiting', 'tasksDueSoon'] as const;
const homeCount = z.object({ key: z.enum(HOME_COUNT_KEYS), n: z.number() });
export type HomeCount = z.infer<typeof homeCount>;

/** What the home page (首页) shows an official: what waits now (all time) and this month against last month. */
export const homeOut = z.object({
  role: z.enum(['ministry', 'province', 'city', 'county', 'township', 'lab', 'enforcement', 'producer', 'operations']),
  place: z.string(),
  /** Counts of work waiting, over every day so far (state counts, not the month's flow). */
  waiting: indicatorValues,
  /** The role's own counts, in the order shown (a producer's: trades to confirm, stock, certificates expiring, notices). */
  counts: z.array(homeCount),
  month: range,
  thisMonth: indicatorValues,
  lastMonth: indicatorValues,
  /** The last twelve months of a few key figures, oldest first. */
  trend: z.array(z.object({ month: z.string(), values: indicatorValues })),
  /** When the figures were read (the console polls). */
  at: z.string(),
});
export type HomeOut = z.infer<typeof homeOut>;
