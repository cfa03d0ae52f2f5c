import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor, CommandContext } from '../../../platform/auth/actor.js';
import { actorRegion } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { AuditAction } from '../../../platform/audit/catalog.js';
import type { Db, Executor, Tx } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { fileError, type FileStorage } from '../../../platform/files/storage.js';
import { files } from '../../../platform/files/schema.js';
import { httpError } from '../../../platform/http/errors.js';
import type { FeedbackOut } from './contracts.js';
import { feedbackError } from './errors.js';
import { feedbackDetail, findVisibleFeedback, handlesFeedback } from './feedback.queries.js';
import type { FeedbackKind, FeedbackState, SATISFACTION } from './feedback-states.shared.js';
import { feedback, feedbackEvents } from './schema.js';

export type FeedbackDeps = { db: Db; files: FileStorage };

/** Screenshots are filed under this purpose, owned by the uploader's agency or subject (files.owner). */
export const FEEDBACK_SCREENSHOT = 'feedback_screenshot';

function actorOfCtx(ctx: CommandContext): Actor {
  if (!ctx.actor) throw httpError('UNAUTHENTICATED');
  return ctx.actor;
}

const ownerOf = (actor: Actor) => (actor.kind === 'agency' ? `agency:${actor.agency.id}` : `subject:${actor.subject.id}`);
const orgOf = (actor: Actor) => (actor.kind === 'agency' ? actor.agency.name : actor.subject.name);

export async function saveScreenshot(deps: FeedbackDeps, actor: Actor, bytes: Buffer, filename: string) {
  const saved = await deps.files.saveImage(deps.db, bytes, { purpose: FEEDBACK_SCREENSHOT, regionCode: actorRegion(actor), owner: ownerOf(actor), originalName: filename });
  return { fileId: saved.id, mime: saved.mime, size: saved.size };
}

/** A feedback may cite only screenshots its filer's agency or subject uploaded for feedback. */
async function assertOwnScreenshots(db: Executor, actor: Actor, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const rows = await db
    .select({ id: files.id })
    .from(files)
    .where(and(inArray(files.id, unique), eq(files.purpose, FEEDBACK_SCREENSHOT), eq(files.owner, ownerOf(actor))));
  if (rows.length !== unique.length) throw feedbackError('SCREENSHOT_NOT_FOUND');
}

async function recordEvent(tx: Tx, actor: Actor, feedbackId: string, from: FeedbackState | null, to: FeedbackState, note: string | null) {
  await tx.insert(feedbackEvents).values({ feedbackId, actorId: actor.userId, actorName: actor.displayName, fromState: from, toState: to, note });
}

/** Files a suggestion or problem (any signed-in account, from any console page). */
export async function fileFeedback(deps: FeedbackDeps, ctx: CommandContext, input: { kind: FeedbackKind; text: string; pageAddress?: string | undefined; screenshots: string[] }): Promise<FeedbackOut> {
  const actor = actorOfCtx(ctx);
  const screenshots = [...new Set(input.screenshots)];
  await assertOwnScreenshots(deps.db, actor, screenshots);
  const id = await withTransaction(deps.db, ctx, async (tx) => {
    const [row] = await tx
      .insert(feedback)
      .values({
        filedBy: actor.userId,
        filerName: actor.displayName,
        filerAgencyId: actor.kind === 'agency' ? actor.agency.id : null,
        filerSubjectId: actor.kind === 'subject' ? actor.subject.id : null,
        filerOrg: orgOf(actor),
        filerRegion: actorRegion(actor),
        kind: input.kind,
        text: input.text,
        pageAddress: input.pageAddress || null,
        screenshots,
      })
      .returning({ id: feedback.id, no: feedback.no });
    await recordEvent(tx, actor, row!.id, null, 'filed', null);
    await recordAudit(tx, ctx, { action: 'feedback.file', targetType: 'feedback', targetId: row!.id, regionCode: actorRegion(actor), after: { kind: input.kind, pageAddress: input.pageAddress ?? null, screenshots: screenshots.length } });
    return row!.id;
  });
  return feedbackDetail(deps.db, actor, id);
}

type Move = {
  action: AuditAction;
  from: FeedbackState;
  to: FeedbackState;
  set: Partial<typeof feedback.$inferInsert>;
  note: string | null;
  /** An extra guard of the UPDATE (the confirmer is not the classifier). */
  guard?: ReturnType<typeof sql>;
};

/**
 * One transition, as a guarded UPDATE (WHERE state is one expected): of two handlers racing, one moves it and the
 * other gets 409 with the state it found. The event and the audit entry are written in the same transaction.
 */
async function move(deps: FeedbackDeps, ctx: CommandContext, id: string, m: Move): Promise<FeedbackOut> {
  const actor = actorOfCtx(ctx);
  if (!handlesFeedback(actor)) throw httpError('FORBIDDEN', { reason: 'FEEDBACK_HANDLERS_ONLY' });
  await withTransaction(deps.db, ctx, async (tx) => {
    const [moved] = await tx
      .update(feedback)
      .set({ ...m.set, state: m.to, updatedAt: new Date() })
      .where(and(eq(feedback.id, id), eq(feedback.state, m.from), m.guard))
      .returning({ state: feedback.state, filerRegion: feedback.filerRegion });
    if (!moved) {
      const [now] = await tx.select({ state: feedback.state, classifiedBy: feedback.classifiedBy }).from(feedback).where(eq(feedback.id, id));
      if (!now) throw feedbackError('FEEDBACK_NOT_FOUND');
      if (m.guard && now.state === m.from) throw feedbackError('FEEDBACK_SAME_HANDLER');
      throw feedbackError('FEEDBACK_STATE_CONFLICT', { state: now.state });
    }
    await recordEvent(tx, actor, id, m.from, m.to, m.note);
    await recordAudit(tx, ctx, { action: m.action, targetType: 'feedback', targetId: id, regionCode: moved.filerRegion, before: { state: m.from }, after: { state: m.to, ...m.set } });
  });
  return feedbackDetail(deps.db, actor, id);
}

/** Operations classifies the feedback (its kind may change) and proposes a solution. */
export const classifyFeedback = (deps: FeedbackDeps, ctx: CommandContext, id: string, input: { kind: FeedbackKind; proposal: string }) =>
  move(deps, ctx, id, { action: 'feedback.classify', from: 'filed', to: 'classified', set: { kind: input.kind, proposal: input.proposal, classifiedBy: actorOfCtx(ctx).userId }, note: input.proposal });

/** 安全中心 confirms the proposal; whoever classified the item may not confirm it (two people see every change). */
export const confirmFeedback = (deps: FeedbackDeps, ctx: CommandContext, id: string, input: { note?: string | undefined }) =>
  move(deps, ctx, id, { action: 'feedback.confirm', from: 'classified', to: 'confirmed', set: {}, note: input.note ?? null, guard: sql`${feedback.classifiedBy} IS DISTINCT FROM ${actorOfCtx(ctx).userId}` });

export const fixFeedback = (deps: FeedbackDeps, ctx: CommandContext, id: string, input: { resolution: string }) =>
  move(deps, ctx, id, { action: 'feedback.fix', from: 'confirmed', to: 'fixed', set: { resolution: input.resolution }, note: input.resolution });

/** Declined with a reason, once 安全中心 has confirmed the proposal (which may be to decline). */
export const declineFeedback = (deps: FeedbackDeps, ctx: CommandContext, id: string, input: { reason: string }) =>
  move(deps, ctx, id, { action: 'feedback.decline', from: 'confirmed', to: 'declined', set: { resolution: input.reason }, note: input.reason });

/** 回访: operations records what the filer said (by phone or in the console) and how satisfied they were. */
export const revisitFeedback = async (deps: FeedbackDeps, ctx: CommandContext, id: string, input: { satisfaction: (typeof SATISFACTION)[number]; note: string }) => {
  // A declined item is revisited too (the filer hears why); which of the two it is decides the guard.
  const row = await findVisibleFeedback(deps.db, actorOfCtx(ctx), id);
  const from: FeedbackState = row?.state === 'declined' ? 'declined' : 'fixed';
  return move(deps, ctx, id, { action: 'feedback.revisit', from, to: 'revisited', set: { satisfaction: input.satisfaction, revisitNote: input.note }, note: input.note });
};

/** A screenshot of a feedback, for its filer and the handlers; any other file or reader gets 404. */
export async function readScreenshot(deps: FeedbackDeps, actor: Actor, id: string, fileId: string) {
  const row = await findVisibleFeedback(deps.db, actor, id);
  if (!row || !row.screenshots.includes(fileId)) throw fileError('FILE_NOT_FOUND');
  return deps.files.read(deps.db, fileId);
}

