import { inArray } from 'drizzle-orm';
import type { AgencyActor } from '../../../platform/auth/actor.js';
import { DAY_MS } from '../../../platform/china-time.js';
import type { Executor } from '../../../platform/db/client.js';
import { regionNamesOf } from '../../registry/index.js';
import type { EnforcementMonitorOut, MonitoringMonitorOut, RegistrationOut, SupervisionMonitorOut, TraceMonitorOut } from './contracts.js';
import { enforcementFigures, monitoringFigures, openNoticesByRegion, registrationFigures, supervisionFigures, traceFigures } from './monitor.queries.js';
import { childLength, DEFAULT_INACTIVE_DAYS, INDICATORS, type IndicatorKey, type MonitorKey, shareOf } from './monitor-values.shared.js';
import { monthRange, thisMonth } from './period.js';
import { monitorTargets } from './schema.js';

type Figures = Record<string, number | null>;

/** Each indicator's value from the figures of the monitor it belongs to (one row of that monitor). */
export const INDICATOR_VALUE: Record<IndicatorKey, (r: Figures) => number | null> = {
  active_share: (r) => shareOf(Number(r.active), Number(r.registered)),
  recording_share: (r) => shareOf(Number(r.recording), Number(r.registered)),
  scan_share: (r) => shareOf(Number(r.scanConfirmed), Number(r.scanConfirmed) + Number(r.manual)),
  voucher_share: (r) => shareOf(Number(r.vouchering), Number(r.registered)),
  inspection_done: (r) => shareOf(Number(r.inspections), Number(r.quota)),
  sampling_on_time: (r) => shareOf(Number(r.sampled) - Number(r.late), Number(r.sampled)),
  cases_closed: (r) => shareOf(Number(r.closed), Number(r.closed) + Number(r.filed) + Number(r.investigation) + Number(r.decision)),
};

const indicatorsOf = (monitor: MonitorKey) => (Object.keys(INDICATORS) as IndicatorKey[]).filter((k) => INDICATORS[k] === monitor);

/** The targets set for these regions, by region then indicator. */
export async function targetsFor(db: Executor, regions: string[]): Promise<Map<string, Map<IndicatorKey, number>>> {
  const out = new Map<string, Map<IndicatorKey, number>>();
  if (regions.length === 0) return out;
  const rows = await db.select().from(monitorTargets).where(inArray(monitorTargets.regionCode, regions));
  for (const r of rows) {
    const m = out.get(r.regionCode) ?? new Map<IndicatorKey, number>();
    m.set(r.indicator as IndicatorKey, r.target);
    out.set(r.regionCode, m);
  }
  return out;
}

/** Names, flags (figures below a target) and open notices added to a monitor's rows. */
async function decorate<R extends { region: string }>(db: Executor, actor: AgencyActor, monitor: MonitorKey, rows: R[]) {
  const regions = rows.map((r) => r.region);
  const [names, targets, notices] = await Promise.all([regionNamesOf(db, regions), targetsFor(db, regions), openNoticesByRegion(db, actor.jurisdiction, childLength(actor.jurisdiction), monitor)]);
  return rows.map((r) => {
    const flags = indicatorsOf(monitor).flatMap((indicator) => {
      const target = targets.get(r.region)?.get(indicator);
      if (target === undefined) return [];
      const value = INDICATOR_VALUE[indicator](r as unknown as Figures);
      return value === null || value < target ? [{ indicator, value, target }] : [];
    });
    return { ...r, regionName: names.get(r.region) ?? r.region, flags, openNotices: notices.get(r.region) ?? 0 };
  });
}

export async function registrationMonitor(db: Executor, actor: AgencyActor, days = DEFAULT_INACTIVE_DAYS, now = Date.now()): Promise<RegistrationOut> {
  const since = new Date(now - days * DAY_MS);
  const rows = await registrationFigures(db, actor.jurisdiction, childLength(actor.jurisdiction), since);
  const shaped = rows.map((r) => ({ ...r, inactive: r.registered - r.active, activeShare: shareOf(r.active, r.registered) }));
  return { days, since, rows: await decorate(db, actor, 'registration', shaped) };
}

export async function traceMonitor(db: Executor, actor: AgencyActor, month = thisMonth()): Promise<TraceMonitorOut> {
  const rows = await traceFigures(db, actor.jurisdiction, childLength(actor.jurisdiction), monthRange(month));
  const shaped = rows.map((r) => ({ ...r, scanShare: shareOf(r.scanConfirmed, r.scanConfirmed + r.manual) }));
  return { month, rows: await decorate(db, actor, 'trace', shaped) };
}

export async function supervisionMonitor(db: Executor, actor: AgencyActor, month = thisMonth()): Promise<SupervisionMonitorOut> {
  const rows = await supervisionFigures(db, actor.jurisdiction, childLength(actor.jurisdiction), monthRange(month));
  return { month, rows: await decorate(db, actor, 'supervision', rows) };
}

export async function monitoringMonitor(db: Executor, actor: AgencyActor, month = thisMonth()): Promise<MonitoringMonitorOut> {
  const rows = await monitoringFigures(db, actor.jurisdiction, childLength(actor.jurisdiction), monthRange(month));
  return { month, rows: await decorate(db, actor, 'monitoring', rows) };
}

export async function enforcementMonitor(db: Executor, actor: AgencyActor, month = thisMonth()): Promise<EnforcementMonitorOut> {
  const rows = await enforcementFigures(db, actor.jurisdiction, childLength(actor.jurisdiction), monthRange(month));
  return { month, rows: await decorate(db, actor, 'enforcement', rows) };
}

/**
 * Every indicator's value per region below a jurisdiction for one month (the assessment's figures): the monitors'
 * own queries, so a score is explained by the same numbers the monitors show.
 */
export async function indicatorValues(db: Executor, prefix: string, month: string): Promise<Map<string, Map<IndicatorKey, number | null>>> {
  const len = childLength(prefix);
  const m = monthRange(month);
  const [reg, trace, sup, mon, enf] = await Promise.all([
    registrationFigures(db, prefix, len, m.from, m.to),
    traceFigures(db, prefix, len, m),
    supervisionFigures(db, prefix, len, m),
    monitoringFigures(db, prefix, len, m),
    enforcementFigures(db, prefix, len, m),
  ]);
  const out = new Map<string, Map<IndicatorKey, number | null>>();
  const put = (monitor: MonitorKey, rows: { region: string }[]) => {
    for (const r of rows) {
      const m2 = out.get(r.region) ?? new Map<IndicatorKey, number | null>();
      for (const k of indicatorsOf(monitor)) m2.set(k, INDICATOR_VALUE[k](r as unknown as Figures));
      out.set(r.region, m2);
    }
  };
  put('registration', reg);
  put('trace', trace);
  put('supervision', sup);
  put('monitoring', mon);
  put('enforcement', enf);
  return out;
}
