import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/client.js';
import type { Job } from '../../../platform/jobs/runner.js';
import { level3LimitOf, LEVEL_HOURS, LEVEL3_LIMIT_HOURS, systemClock, type Clock } from './deadlines.js';
import { raiseLevel, recordEvent } from './incident.service.js';
import { incidents } from './schema.js';

export const INCIDENT_DEADLINE_JOB = 'ops.incident-deadlines';
/** The machine as an actor on the timeline: the escalation names the job that made it. */
const MACHINE = { actorId: null, actorName: `系统作业 ${INCIDENT_DEADLINE_JOB}` };
const MACHINE_CTX = { actor: null, meta: { requestId: INCIDENT_DEADLINE_JOB, ip: '127.0.0.1' } };

/** One incident past its deadline, in its own transaction; what the guide says happens when time is up. */
async function enforceOne(db: Db, id: string, now: Date): Promise<string | null> {
  return db.transaction(async (tx) => {
    // SKIP LOCKED: a person acting on it (recovering it at the last minute) or another server's run wins; the next
    // pass sees what they left.
    const [row] = await tx
      .select()
      .from(incidents)
      .where(and(eq(incidents.id, id), eq(incidents.state, 'open'), lte(incidents.deadlineAt, now)))
      .for('update', { skipLocked: true });
    if (!row) return null;
    let what: string;
    if (row.level === 1) {
      what = 'escalate 1→2';
      await raiseLevel(tx, row, 2, row.deadlineAt, now, MACHINE, `一级故障 ${LEVEL_HOURS[1]} 小时内未解除，按处置流程升级为二级故障`);
    } else if (row.level === 2) {
      what = 'escalate 2→3';
      const why = row.extensionUntil
        ? `二级故障在时限内未解除，延期申请未获部安全中心批准，按处置流程升级为三级故障`
        : `二级故障在规定时间内未解除（无获批的延期），按处置流程升级为三级故障`;
      await raiseLevel(tx, row, 3, row.deadlineAt, now, MACHINE, why);
    } else if (!row.overdue) {
      // 三级: 12 h passed; the clock runs on to the 24 h it may never exceed.
      what = 'overdue 12h';
      await tx.update(incidents).set({ overdue: 'deadline', deadlineAt: level3LimitOf(row.levelSince), updatedAt: now }).where(eq(incidents.id, id));
      await recordEvent(tx, id, { kind: 'overdue', ...MACHINE, note: `三级故障超过 ${LEVEL_HOURS[3]} 小时仍未处理完成（最多不超过 ${LEVEL3_LIMIT_HOURS} 小时）`, data: { mark: 'deadline', dueAt: row.deadlineAt.toISOString() }, at: now });
    } else {
      what = 'overdue 24h';
      await tx.update(incidents).set({ overdue: 'limit', updatedAt: now }).where(eq(incidents.id, id));
      await recordEvent(tx, id, { kind: 'overdue', ...MACHINE, note: `三级故障超过 ${LEVEL3_LIMIT_HOURS} 小时上限仍未处理完成`, data: { mark: 'limit', dueAt: row.deadlineAt.toISOString() }, at: now });
    }
    const after = await tx.select({ level: incidents.level, overdue: incidents.overdue, deadlineAt: incidents.deadlineAt }).from(incidents).where(eq(incidents.id, id));
    await recordAudit(tx, MACHINE_CTX, {
      action: row.level < 3 ? 'incident.escalate' : 'incident.overdue',
      targetType: 'incident',
      targetId: id,
      regionCode: '',
      before: { level: row.level, overdue: row.overdue, deadlineAt: row.deadlineAt.toISOString() },
      after: { level: after[0]!.level, overdue: after[0]!.overdue, deadlineAt: after[0]!.deadlineAt.toISOString(), by: INCIDENT_DEADLINE_JOB },
    });
    return what;
  });
}

/**
 * Enforces every deadline passed by `now`. An incident may pass several at once (no server ran for hours: a 一级
 * becomes 二级 at its 2 h, and 三级 at 2 + 6 h): each new deadline runs from the one before, so a pass repeats
 * while something is still due.
 */
export async function enforceIncidentDeadlines(db: Db, now: Date): Promise<string[]> {
  const done: string[] = [];
  for (let pass = 0; pass < 10; pass++) {
    const due = await db
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(eq(incidents.state, 'open'), lte(incidents.deadlineAt, now), or(isNull(incidents.overdue), sql`${incidents.overdue} <> 'limit'`)))
      .orderBy(asc(incidents.deadlineAt))
      .limit(100);
    if (!due.length) break;
    let moved = 0;
    for (const { id } of due) {
      const what = await enforceOne(db, id, now);
      if (what) {
        moved++;
        done.push(`${id}:${what}`);
      }
    }
    if (!moved) break;
  }
  return done;
}

/** Every minute: the guide's limits are hours, so an escalation is at most a minute late. */
export const incidentDeadlineJob = (db: Db, clock: Clock = systemClock): Job => ({
  name: INCIDENT_DEADLINE_JOB,
  everyMs: 60_000,
  run: async () => ({ enforced: await enforceIncidentDeadlines(db, clock()) }),
});
