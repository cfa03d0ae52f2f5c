import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db, Executor } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { keyset } from '../../../platform/http/pagination.js';
import { firstPageTotal, totalField } from '../../../platform/http/list-total.js';
import { enqueueJob } from '../../../platform/jobs/queue.js';
import type { Pii } from '../../../platform/pii/pii.js';
import { clientDetail } from '../client.queries.js';
import type { DocumentIn, DocumentOut } from './contracts.js';
import { inboundError, ITEM_PROBLEM_TEXT } from './errors.js';
import { ITEM_KINDS, type ItemKind } from './inbound.shared.js';
import { exchangeDocuments } from './schema.js';

export type InboundDeps = { db: Db; pii: Pii };

/** The job that applies a received document (platform/jobs queue), one per document. */
export const DOCUMENT_APPLY_JOB = 'integration.document-apply';

type DocumentRow = typeof exchangeDocuments.$inferSelect;

export function documentView(row: DocumentRow): DocumentOut {
  return {
    id: row.id,
    clientId: row.clientId,
    documentId: row.documentId,
    state: row.state,
    itemCount: row.itemCount,
    appliedCount: row.appliedCount,
    unchangedCount: row.unchangedCount,
    counts: row.counts as Record<string, number>,
    errorCount: row.errorCount,
    errors: row.errors.map((e) => ({ index: e.index, kind: e.kind as ItemKind, id: e.id, code: e.code, field: e.field ?? null, message: ITEM_PROBLEM_TEXT[e.code as keyof typeof ITEM_PROBLEM_TEXT]?.(e.details ?? {}) ?? { zh: e.code, en: e.code } })),
    receivedAt: row.receivedAt,
    finishedAt: row.finishedAt,
  };
}

/** The hash a resend is recognised by: the document as parsed (key order and defaults do not make it another). */
const bodyHash = (doc: DocumentIn) => createHash('sha256').update(JSON.stringify(doc)).digest('hex');

/**
 * 数据交换: a provincial platform's document, received. Stored (its body encrypted: identity numbers and phones) with
 * its job in one transaction and answered 202 at once; the job checks and applies it. The same document id again is
 * answered with what the first became (nothing is done twice); the same id with another body is refused.
 */
export async function submitDocument(deps: InboundDeps, ctx: CommandContext, doc: DocumentIn): Promise<{ created: boolean; document: DocumentOut }> {
  const client = ctx.client!;
  const hash = bodyHash(doc);
  const existing = await documentOfClient(deps.db, client.client.id, { documentId: doc.documentId });
  if (existing) {
    if (existing.bodyHash !== hash) throw inboundError('DOCUMENT_ID_REUSED', { documentId: doc.documentId });
    return { created: false, document: documentView(existing) };
  }
  const counts = Object.fromEntries(ITEM_KINDS.filter((k) => doc[k].length).map((k) => [k, doc[k].length]));
  const itemCount = ITEM_KINDS.reduce((n, k) => n + doc[k].length, 0);
  const row = await withTransaction(deps.db, ctx, async (tx) => {
    const [inserted] = await tx
      .insert(exchangeDocuments)
      .values({ clientId: client.client.id, documentId: doc.documentId, bodyHash: hash, regionCode: client.client.regionCode, itemCount, counts, payloadEnc: deps.pii.encrypt(JSON.stringify(doc)) })
      .onConflictDoNothing()
      .returning();
    // Two sends of one document at once: the second finds the first's row.
    if (!inserted) return undefined;
    const jobId = await enqueueJob(tx, DOCUMENT_APPLY_JOB, { documentId: inserted.id }, { maxAttempts: 5, uniqueKey: `${DOCUMENT_APPLY_JOB}:${inserted.id}` });
    await tx.update(exchangeDocuments).set({ jobId }).where(eq(exchangeDocuments.id, inserted.id));
    await recordAudit(tx, ctx, { action: 'integration.document_receive', targetType: 'exchange_document', targetId: inserted.id, regionCode: client.client.regionCode, after: { documentId: doc.documentId, counts } });
    return { ...inserted, jobId };
  });
  if (!row) return submitDocument(deps, ctx, doc);
  return { created: true, document: documentView(row) };
}

async function documentOfClient(db: Executor, clientId: string, which: { id: string } | { documentId: string }): Promise<DocumentRow | undefined> {
  const [row] = await db
    .select()
    .from(exchangeDocuments)
    .where(and(eq(exchangeDocuments.clientId, clientId), 'id' in which ? eq(exchangeDocuments.id, which.id) : eq(exchangeDocuments.documentId, which.documentId)));
  return row;
}

/** A document as its client reads it: state and, when refused, the report naming each bad item. */
export async function clientDocument(db: Executor, clientId: string, id: string): Promise<DocumentOut> {
  const row = await documentOfClient(db, clientId, { id });
  if (!row) throw inboundError('DOCUMENT_NOT_FOUND');
  return documentView(row);
}

/** For an agency that sees the client (integration/visibility.ts): its documents, newest first. */
export async function listClientDocuments(db: Db, actor: AgencyActor, clientId: string, q: { limit: number; cursor?: string | undefined; state?: DocumentRow['state'] | undefined }) {
  await clientDetail(db, actor, clientId);
  const page = keyset({ sort: exchangeDocuments.receivedAt, id: exchangeDocuments.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const filters = and(eq(exchangeDocuments.clientId, clientId), q.state ? eq(exchangeDocuments.state, q.state) : undefined);
  const [rows, total] = await Promise.all([
    db.select().from(exchangeDocuments).where(and(filters, page.where)).orderBy(...page.orderBy).limit(page.take),
    firstPageTotal(db, q.cursor, () => db.select({ id: exchangeDocuments.id }).from(exchangeDocuments).where(filters).$dynamic()),
  ]);
  const { items, nextCursor } = page.page(rows, (r) => [r.receivedAt.toISOString(), r.id]);
  return { items: items.map((r) => documentView(r)), nextCursor, ...totalField(total) };
}
