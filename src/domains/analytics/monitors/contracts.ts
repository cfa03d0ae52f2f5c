import { z } from 'zod';
import { countedPageOf, pageQuery } from '../../../platform/http/page.shared.js';
import { paragraphText } from '../../../platform/http/text-fields.shared.js';
import { INDICATOR_KEYS, MONITORS, MONTH } from './monitor-values.shared.js';

const month = z.string().regex(MONTH, 'YYYY-MM');
const regionCode = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, '2, 4, 6 or 9 digits');
const day = z.iso.date();

export const monthQuery = z.strictObject({ month: month.optional() });
export const registrationQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(365).optional() });
export const inactiveQuery = z.strictObject({ ...pageQuery, days: z.coerce.number().int().min(1).max(365).optional(), region: regionCode.optional() });

/** A shortfall against a target the upper agency set: which indicator, the figure and the target. */
const flagOut = z.object({ indicator: z.enum(INDICATOR_KEYS), value: z.number().nullable(), target: z.number() });
/** Every monitor row: a region one level below the viewer's jurisdiction, its name, and its flags. */
const rowBase = { region: z.string(), regionName: z.string(), flags: z.array(flagOut), openNotices: z.number() };

export const registrationOut = z.object({
  days: z.number(),
  since: z.date(),
  rows: z.array(z.object({ ...rowBase, registered: z.number(), active: z.number(), inactive: z.number(), activeShare: z.number().nullable() })),
});
export const inactiveOut = z.object({ subjectId: z.string(), name: z.string(), regionCode: z.string(), regionName: z.string(), registeredAt: z.date().nullable(), lastActivityAt: z.date().nullable() });
export const inactivePage = countedPageOf(inactiveOut);

export const traceMonitorOut = z.object({
  month: z.string(),
  rows: z.array(
    z.object({
      ...rowBase,
      registered: z.number(),
      recording: z.number(),
      scanning: z.number(),
      vouchering: z.number(),
      scanConfirmed: z.number(),
      manual: z.number(),
      market: z.number(),
      scanShare: z.number().nullable(),
      codesIssued: z.number(),
      codesLookedUp: z.number(),
      lookups: z.number(),
    }),
  ),
});
export const supervisionMonitorOut = z.object({
  month: z.string(),
  rows: z.array(z.object({ ...rowBase, inspections: z.number(), problems: z.number(), quota: z.number(), done: z.number(), overdueTasks: z.number(), rectifyPending: z.number(), rectifyOverdue: z.number(), rectifyDone: z.number() })),
});
export const monitoringMonitorOut = z.object({
  month: z.string(),
  rows: z.array(z.object({ ...rowBase, planned: z.number(), sampled: z.number(), received: z.number(), judged: z.number(), failed: z.number(), late: z.number(), hoursToReceive: z.number().nullable(), hoursToJudge: z.number().nullable() })),
});
export const enforcementMonitorOut = z.object({
  month: z.string(),
  rows: z.array(
    z.object({
      ...rowBase,
      opened: z.number(),
      closed: z.number(),
      filed: z.number(),
      investigation: z.number(),
      decision: z.number(),
      daysFiled: z.number().nullable(),
      daysInvestigation: z.number().nullable(),
      daysDecision: z.number().nullable(),
      transfersWaiting: z.number(),
      oldestTransferDays: z.number().nullable(),
    }),
  ),
});
export type RegistrationOut = z.infer<typeof registrationOut>;
export type TraceMonitorOut = z.infer<typeof traceMonitorOut>;
export type SupervisionMonitorOut = z.infer<typeof supervisionMonitorOut>;
export type MonitoringMonitorOut = z.infer<typeof monitoringMonitorOut>;
export type EnforcementMonitorOut = z.infer<typeof enforcementMonitorOut>;

// 推广应用目标
export const targetIn = z.strictObject({ regionCode, indicator: z.enum(INDICATOR_KEYS), target: z.number().min(0).max(1) });
export type TargetIn = z.infer<typeof targetIn>;
export const targetOut = z.object({ id: z.string(), regionCode: z.string(), regionName: z.string(), indicator: z.enum(INDICATOR_KEYS), target: z.number(), setAt: z.date() });
export const targetsOut = z.object({ items: z.array(targetOut) });

// 责令限期整改
export const rectificationIn = z.strictObject({
  /** An agency by id, the supervision agency of a region below (a monitor's row), or a producer. */
  target: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('agency'), agencyId: z.uuid() }),
    z.strictObject({ kind: z.literal('region'), regionCode }),
    z.strictObject({ kind: z.literal('subject'), subjectId: z.uuid() }),
  ]),
  monitor: z.enum(MONITORS),
  reason: paragraphText(2, 2000),
  deadline: day,
});
export type RectificationIn = z.infer<typeof rectificationIn>;
export const rectificationAnswerIn = z.strictObject({ answer: paragraphText(2, 2000) });
export const rectificationCloseIn = z.strictObject({ accept: z.boolean(), note: paragraphText(2, 1000).optional() });
export const rectificationOut = z.object({
  id: z.string(),
  issuerAgencyName: z.string(),
  targetKind: z.enum(['agency', 'subject']),
  targetName: z.string(),
  targetRegion: z.string(),
  monitor: z.enum(MONITORS),
  reason: z.string(),
  deadline: z.string(),
  status: z.enum(['issued', 'answered', 'closed']),
  overdue: z.boolean(),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.date().nullable(),
  closeNote: z.string().nullable(),
  closedAt: z.date().nullable(),
  createdAt: z.date(),
  /** Whether the reader may answer it (it is addressed to the reader's agency or subject and not closed). */
  canAnswer: z.boolean(),
  /** Whether the reader may accept or return the answer (its agency issued it). */
  canClose: z.boolean(),
});
export type RectificationOut = z.infer<typeof rectificationOut>;
export const rectificationsQuery = z.strictObject({ ...pageQuery, box: z.enum(['issued', 'received']).default('received'), status: z.enum(['issued', 'answered', 'closed']).optional() });
export const rectificationsPage = countedPageOf(rectificationOut);
export const idParam = z.strictObject({ id: z.uuid() });

// 追溯考核
export const indicatorIn = z.strictObject({ indicator: z.enum(INDICATOR_KEYS), weight: z.number().int().min(1).max(100), target: z.number().gt(0).max(1) });
export const indicatorsIn = z.strictObject({ items: z.array(indicatorIn).max(INDICATOR_KEYS.length) });
export type IndicatorsIn = z.infer<typeof indicatorsIn>;
export const indicatorsOut = z.object({ items: z.array(z.object({ indicator: z.enum(INDICATOR_KEYS), weight: z.number(), target: z.number() })) });
export const assessmentOut = z.object({
  month: z.string(),
  totalWeight: z.number(),
  rows: z.array(
    z.object({
      rank: z.number(),
      region: z.string(),
      regionName: z.string(),
      score: z.number(),
      parts: z.array(z.object({ indicator: z.enum(INDICATOR_KEYS), value: z.number().nullable(), target: z.number(), weight: z.number(), points: z.number() })),
    }),
  ),
});
export type AssessmentOut = z.infer<typeof assessmentOut>;
