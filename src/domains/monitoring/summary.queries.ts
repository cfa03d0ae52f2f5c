import { sql } from 'drizzle-orm';
import type { AgencyActor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/rows.js';
import { agencyNames } from '../registry/index.js';
import { countyNames } from '../regions/index.js';
import { visibleTaskRecipients } from '../tasks/index.js';
import { listProductClasses } from '../trace/index.js';
import type { SummaryOut } from './contracts.js';
import { monitoringError } from './errors.js';

// 数据汇总分析: a task's samples counted by recipient, product class, analyte and county, over the recipients the
// caller may see. A sample is taken when its sheet is saved, tested once a report version judged it, failed when
// its latest version failed.

type Counts = { taken: number; tested: number; failed: number };
type Tally = SummaryOut['byClass'][number];

/** 合格率 in percent with one decimal; none before anything was tested. */
export const passRate = (c: Counts): number | null => (c.tested ? Math.round(((c.tested - c.failed) / c.tested) * 1000) / 10 : null);

const tally = (key: string, label: string, c: Counts): Tally => ({ key, label, taken: c.taken, tested: c.tested, failed: c.failed, passRate: passRate(c) });

type SampleGroup = Counts & { recipient: string | null; class: string | null; county: string | null };

/**
 * The three sample tallies in one pass: one grouping set per dimension (the columns are never null in the table,
 * so a null says which set a row belongs to).
 */
function sampleTallies(db: Executor, taskId: string, recipientIds: string[]) {
  return queryRows<SampleGroup>(
    db,
    sql`SELECT recipient_id::text AS recipient, left(class_code, 2) AS class, left(region_code, 6) AS county,
               count(*)::int AS taken, count(verdict)::int AS tested, (count(*) FILTER (WHERE verdict = 'fail'))::int AS failed
          FROM samples
         WHERE task_id = ${taskId} AND recipient_id = ANY(${`{${recipientIds.join(',')}}`}::uuid[])
         GROUP BY GROUPING SETS ((recipient_id), (left(class_code, 2)), (left(region_code, 6)))`,
  );
}

/** Results of each tested sample's latest version, by analyte: how many were tested for it and how many failed. */
function analyteTallies(db: Executor, taskId: string, recipientIds: string[]) {
  return queryRows<Counts & { code: string; name: string }>(
    db,
    sql`SELECT r.analyte_code AS code, a.name_zh AS name, count(*)::int AS taken, count(*)::int AS tested,
               (count(*) FILTER (WHERE r.verdict = 'fail'))::int AS failed
          FROM samples s
          JOIN sample_results r ON r.sample_id = s.id AND r.version = s.report_version
          JOIN analytes a ON a.code = r.analyte_code
         WHERE s.task_id = ${taskId} AND s.recipient_id = ANY(${`{${recipientIds.join(',')}}`}::uuid[]) AND s.verdict IS NOT NULL
         GROUP BY r.analyte_code, a.name_zh
         ORDER BY failed DESC, r.analyte_code`,
  );
}

/** 汇总 line for a completion report (上报): the caller's totals in one sentence. */
function reportLine(title: string, planned: number | null, total: Counts, byAnalyte: Tally[]): string {
  const rate = passRate(total);
  const failing = byAnalyte.filter((a) => a.failed > 0).map((a) => `${a.label} ${a.failed} 项次`);
  return [
    `「${title}」`,
    planned !== null ? `计划抽检 ${planned} 批次，` : '',
    `已抽样 ${total.taken} 批次，已检测 ${total.tested} 批次，不合格 ${total.failed} 批次`,
    rate !== null ? `，合格率 ${rate.toFixed(1)}%` : '',
    failing.length ? `；不合格项目：${failing.join('、')}` : '',
    '。',
  ].join('');
}

/**
 * The summary of a task for the recipients the caller may see (supervision's rule: the publisher and the agencies
 * above it all, a recipient its own); a task it may not see is 404.
 */
export async function taskSummary(db: Executor, actor: AgencyActor, taskId: string): Promise<SummaryOut> {
  const visible = await visibleTaskRecipients(db, actor, taskId);
  if (!visible) throw monitoringError('SUMMARY_TASK_NOT_FOUND');
  const { task, recipients } = visible;
  const ids = recipients.map((r) => r.id);
  const [groups, analytes, names, classes, counties] = await Promise.all([
    ids.length ? sampleTallies(db, taskId, ids) : Promise.resolve([]),
    ids.length ? analyteTallies(db, taskId, ids) : Promise.resolve([]),
    agencyNames(db, recipients.map((r) => r.agencyId)),
    listProductClasses(db, undefined),
    countyNames(db),
  ]);
  const zero: Counts = { taken: 0, tested: 0, failed: 0 };
  const byRecipient = new Map(groups.filter((g) => g.recipient).map((g) => [g.recipient!, g]));
  const classNames = new Map(classes.items.map((c) => [c.code, c.nameZh]));
  const rows = recipients.map((r) => {
    const c = byRecipient.get(r.id) ?? zero;
    const planned = r.quota ?? task.targetCount;
    return { recipientId: r.id, agencyId: r.agencyId, agencyName: names.get(r.agencyId) ?? '', status: r.status, planned, taken: c.taken, tested: c.tested, failed: c.failed, passRate: passRate(c), reportedAt: r.reportedAt };
  });
  const byClass = groups.filter((g) => g.class).map((g) => tally(g.class!, classNames.get(g.class!) ?? g.class!, g));
  const byRegion = groups.filter((g) => g.county).map((g) => tally(g.county!, counties.get(g.county!) ?? g.county!, g));
  const byAnalyte = analytes.map((a) => tally(a.code, a.name, a));
  const total = rows.reduce((s, r) => ({ taken: s.taken + r.taken, tested: s.tested + r.tested, failed: s.failed + r.failed }), zero);
  const planned = rows.length && rows.every((r) => r.planned !== null) ? rows.reduce((s, r) => s + r.planned!, 0) : null;
  return {
    taskId: task.id,
    taskTitle: task.title,
    recipients: rows,
    byClass: byClass.sort((a, b) => a.key.localeCompare(b.key)),
    byAnalyte,
    byRegion: byRegion.sort((a, b) => a.key.localeCompare(b.key)),
    reportLine: reportLine(task.title, planned, total, byAnalyte),
  };
}
