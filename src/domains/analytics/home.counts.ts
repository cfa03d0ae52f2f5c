import { sql } from 'drizzle-orm';
import type { Actor, AgencyActor, SubjectActor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/rows.js';
import { labReportsAwaiting } from '../monitoring/index.js';
import { unreadNoticeCount } from '../notices/index.js';
import { producerTraceCounts } from '../trace/index.js';
import type { HomeCount, HomeOut } from './contracts.js';
import { addDay } from './rollups/read.js';
import { DEFAULT_INACTIVE_DAYS } from './monitors/monitor-values.shared.js';
import { registrationFigures } from './monitors/monitor.queries.js';

// The 首页 counts that are not region rollups: one producer's own work, one agency's own tasks and drafts, the
// inactive producers of a county. Each is read from the owning domain (its exported query or its view) at request
// time, so it is exact when read; the console reads them again live (see HomePage).

/** A certificate counts as expiring within this many days of today (China), the day itself included. */
export const CERTIFICATE_WARNING_DAYS = 30;
/** A task counts as due soon when its deadline is within this many days (or passed). */
export const TASK_WARNING_DAYS = 7;
const DAY_MS = 86_400_000;
const OPEN_TASK = sql`status IN ('published', 'accepted', 'in_progress', 'overdue')`;

async function producerCounts(db: Executor, actor: SubjectActor, today: string): Promise<HomeCount[]> {
  const subjectId = actor.subject.id;
  const [trace, notices, [certs]] = await Promise.all([
    producerTraceCounts(db, subjectId),
    unreadNoticeCount(db, subjectId),
    queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM registry_subject_certificate_kinds
          WHERE subject_id = ${subjectId} AND status IN ('unverified', 'verified') AND valid_to BETWEEN ${today} AND ${addDay(today, CERTIFICATE_WARNING_DAYS)}`,
    ),
  ]);
  return [
    { key: 'tradesToConfirm', n: trace.tradesToConfirm },
    { key: 'batchesInStock', n: trace.batchesInStock },
    { key: 'certificatesExpiring', n: certs?.n ?? 0 },
    { key: 'noticesUnread', n: notices },
  ];
}

/** The agency's own open tasks (its receipts) and, of its inspection tasks, the inspections still to do. */
async function taskCounts(db: Executor, agencyId: string, today: string) {
  const [row] = await queryRows<{ open: number; inspections: number; dueSoon: number }>(
    db,
    sql`SELECT count(*)::int AS open,
               coalesce(sum(greatest(coalesce(quota, 0) - done, 0)) FILTER (WHERE kind = 'base_inspection'), 0)::int AS inspections,
               (count(*) FILTER (WHERE due_on IS NOT NULL AND due_on <= ${addDay(today, TASK_WARNING_DAYS)}))::int AS "dueSoon"
        FROM supervision_task_recipient_facts WHERE agency_id = ${agencyId} AND ${OPEN_TASK}`,
  );
  return row ?? { open: 0, inspections: 0, dueSoon: 0 };
}

async function agencyCounts(db: Executor, actor: AgencyActor, role: HomeOut['role'], today: string, now: Date): Promise<HomeCount[]> {
  if (role === 'county') {
    const since = new Date(now.getTime() - DEFAULT_INACTIVE_DAYS * DAY_MS);
    const rows = await registrationFigures(db, actor.jurisdiction, actor.jurisdiction.length, since);
    return [{ key: 'inactiveProducers', n: rows.reduce((s, r) => s + r.registered - r.active, 0) }];
  }
  if (role === 'township') {
    const tasks = await taskCounts(db, actor.agency.id, today);
    return [
      { key: 'tasksOpen', n: tasks.open },
      { key: 'inspectionsDue', n: tasks.inspections },
    ];
  }
  if (role === 'lab') return [{ key: 'reportsAwaiting', n: await labReportsAwaiting(db, actor.agency.id) }];
  if (role === 'enforcement') {
    const tasks = await taskCounts(db, actor.agency.id, today);
    return [{ key: 'tasksDueSoon', n: tasks.dueSoon }];
  }
  return [];
}

/** The role's own counts for its home page, in the order the page shows them. */
export function homeCounts(db: Executor, actor: Actor, role: HomeOut['role'], today: string, now: Date): Promise<HomeCount[]> {
  return actor.kind === 'subject' ? producerCounts(db, actor, today) : agencyCounts(db, actor, role, today, now);
}
