import { and, asc, count, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { keyset } from '../../../platform/http/pagination.js';
import { firstPageTotal, totalField } from '../../../platform/http/list-total.js';
import { chinaDayEnd, chinaDayStart, DAY_MS } from '../../../platform/china-time.js';
import type { FeedbackFilters, FeedbackOut, FeedbackSummaryOut } from './contracts.js';
import { feedbackError } from './errors.js';
import { FEEDBACK_KINDS, FEEDBACK_STATES, type FeedbackKind, type FeedbackState } from './feedback-states.shared.js';
import { feedback, feedbackEvents } from './schema.js';

type Row = typeof feedback.$inferSelect;

/** The number people quote: FK and six digits or more. */
export const feedbackNo = (no: number) => `FK${String(no).padStart(6, '0')}`;

/** Handlers (operations and 安全中心) read every feedback; anyone else only what they filed themselves. */
export const handlesFeedback = (actor: Actor) => actor.permissions.has('feedback.handle') || actor.permissions.has('feedback.confirm');


export function assertPeriod(from: string, to: string): void {
  if (to < from || Date.parse(to) - Date.parse(from) > 366 * DAY_MS) throw feedbackError('PERIOD_INVALID');
}

function filtersOf(q: FeedbackFilters): (SQL | undefined)[] {
  if (q.from && q.to) assertPeriod(q.from, q.to);
  return [
    q.state ? eq(feedback.state, q.state as FeedbackState) : undefined,
    q.kind ? eq(feedback.kind, q.kind as FeedbackKind) : undefined,
    q.from ? gte(feedback.createdAt, chinaDayStart(q.from)) : undefined,
    q.to ? lt(feedback.createdAt, chinaDayEnd(q.to)) : undefined,
  ];
}

function summaryOf(r: Row): FeedbackSummaryOut {
  return {
    id: r.id,
    no: feedbackNo(r.no),
    kind: r.kind,
    state: r.state,
    text: r.text,
    filerName: r.filerName,
    filerOrg: r.filerOrg,
    filerRegion: r.filerRegion,
    pageAddress: r.pageAddress,
    satisfaction: r.satisfaction,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** A feedback the actor may see (its filer, or a handler), else undefined. */
export async function findVisibleFeedback(db: Executor, actor: Actor, id: string): Promise<Row | undefined> {
  const [row] = await db.select().from(feedback).where(eq(feedback.id, id));
  if (!row) return undefined;
  return row.filedBy === actor.userId || handlesFeedback(actor) ? row : undefined;
}

/** One feedback with its timeline, oldest transition first. */
export async function feedbackDetail(db: Executor, actor: Actor, id: string): Promise<FeedbackOut> {
  const row = await findVisibleFeedback(db, actor, id);
  if (!row) throw feedbackError('FEEDBACK_NOT_FOUND');
  const events = await db
    .select({ actorName: feedbackEvents.actorName, fromState: feedbackEvents.fromState, toState: feedbackEvents.toState, note: feedbackEvents.note, at: feedbackEvents.at })
    .from(feedbackEvents)
    .where(eq(feedbackEvents.feedbackId, id))
    .orderBy(asc(feedbackEvents.at), asc(feedbackEvents.id));
  return {
    ...summaryOf(row),
    screenshots: row.screenshots,
    proposal: row.proposal,
    resolution: row.resolution,
    revisitNote: row.revisitNote,
    // Who classified is for handlers (the confirmer must be someone else); the filer sees the timeline's names.
    classifiedBy: handlesFeedback(actor) ? row.classifiedBy : null,
    events: events.map((e) => ({ ...e, fromState: e.fromState as FeedbackState | null, toState: e.toState as FeedbackState })),
  };
}

/** 我的反馈: what this account filed, newest first. */
export async function myFeedback(db: Executor, actor: Actor, q: { limit: number; cursor?: string | undefined }) {
  const page = keyset({ sort: feedback.createdAt, id: feedback.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const mine = eq(feedback.filedBy, actor.userId);
  const [rows, total] = await Promise.all([
    db.select().from(feedback).where(and(mine, page.where)).orderBy(...page.orderBy).limit(page.take),
    firstPageTotal(db, q.cursor, () => db.select({ id: feedback.id }).from(feedback).where(mine).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.createdAt, r.id]);
  return { items: result.items.map(summaryOf), nextCursor: result.nextCursor, ...totalField(total) };
}

/** 用户反馈 for handlers: every feedback matching the filters, newest first, with the number that match. */
export async function listFeedback(db: Executor, q: FeedbackFilters & { limit: number; cursor?: string | undefined }) {
  const filters = filtersOf(q);
  const page = keyset({ sort: feedback.createdAt, id: feedback.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const rows = await db
    .select()
    .from(feedback)
    .where(and(...filters, page.where))
    .orderBy(...page.orderBy)
    .limit(page.take);
  const [{ n }] = (await db.select({ n: count() }).from(feedback).where(and(...filters))) as [{ n: number }];
  const result = page.page(rows, (r) => [r.createdAt, r.id]);
  return { items: result.items.map(summaryOf), nextCursor: result.nextCursor, total: Number(n) };
}

/** At most this many rows go into one export; the workbook says so when the period holds more. */
export const EXPORT_LIMIT = 10_000;

/** The rows of an export, oldest first, and whether the limit cut them. */
export async function feedbackForExport(db: Executor, q: FeedbackFilters) {
  const rows = await db
    .select()
    .from(feedback)
    .where(and(...filtersOf(q)))
    .orderBy(asc(feedback.createdAt), asc(feedback.id))
    .limit(EXPORT_LIMIT + 1);
  return { rows: rows.slice(0, EXPORT_LIMIT), cut: rows.length > EXPORT_LIMIT };
}

/** 半年报: feedback filed in the period, counted by kind and current state (every kind and state listed, 0 when none). */
export async function feedbackStats(db: Executor, from: string, to: string) {
  assertPeriod(from, to);
  const counted = await queryRows<{ kind: string; state: string; n: number | string }>(
    db,
    sql`SELECT ${feedback.kind} AS kind, ${feedback.state} AS state, count(*) AS n FROM ${feedback}
        WHERE ${feedback.createdAt} >= ${chinaDayStart(from)} AND ${feedback.createdAt} < ${chinaDayEnd(to)}
        GROUP BY 1, 2`,
  );
  const rows = FEEDBACK_KINDS.map((kind) => {
    const counts = Object.fromEntries(FEEDBACK_STATES.map((s) => [s, 0])) as Record<FeedbackState, number>;
    for (const c of counted) if (c.kind === kind) counts[c.state as FeedbackState] = Number(c.n);
    return { kind, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
  });
  return { from, to, rows, total: rows.reduce((a, r) => a + r.total, 0) };
}
