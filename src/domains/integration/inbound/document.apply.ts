import { and, eq, sql } from 'drizzle-orm';
import type { ClientActor, CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Config } from '../../../platform/config.js';
import type { Db, Tx } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import type { Job } from '../../../platform/jobs/runner.js';
import type { Pii } from '../../../platform/pii/pii.js';
import { registerExchangedSubjects } from '../../registry/index.js';
import { importExchangedTrace } from '../../trace/index.js';
import { integrationClients } from '../schema.js';
import type { DocumentIn } from './contracts.js';
import { checkDocument, type ItemRecord } from './document.check.js';
import { DOCUMENT_APPLY_JOB } from './document.service.js';
import { MAX_LISTED_PROBLEMS } from './inbound.shared.js';
import { exchangeDocuments } from './schema.js';

export type ApplyDeps = { db: Db; pii: Pii; config: Pick<Config, 'secretKey'> };

/** The client as the job acts for it: its scope as it is now (a narrowed scope applies to a document still queued). */
async function actingClient(db: Db, clientId: string): Promise<ClientActor | undefined> {
  const [c] = await db.select().from(integrationClients).where(eq(integrationClients.id, clientId));
  if (!c) return undefined;
  return {
    kind: 'client',
    userId: c.id,
    username: c.name,
    displayName: c.name,
    client: { id: c.id, kind: c.kind, name: c.name, regionCode: c.regionCode },
    regions: c.status === 'active' ? c.regions : [],
    permissions: new Set(c.operations),
    keyId: '',
  };
}

const ITEM_CHUNK = 5000;

/** The item map in one statement per chunk: the rows as one JSON parameter. */
async function recordItems(tx: Tx, clientId: string, documentId: string, items: ItemRecord[]) {
  for (let i = 0; i < items.length; i += ITEM_CHUNK) {
    const rows = items.slice(i, i + ITEM_CHUNK).map((r) => ({ k: r.kind, f: r.foreignId, l: r.localId, d: r.detail ?? null }));
    await tx.execute(sql`INSERT INTO exchange_items (client_id, kind, foreign_id, local_id, document_id, detail)
      SELECT ${clientId}::uuid, k, f, l, ${documentId}::uuid, d FROM json_to_recordset(${JSON.stringify(rows)}::json) AS v(k text, f text, l uuid, d jsonb)`);
  }
}

/**
 * Applies one received document: checks every item, then writes everything in one transaction with the document's
 * new state, or — one item bad — writes nothing but the document's report. Run again after a crash (the job's lease
 * ran out), it finds the document still queued and does it again from the start: nothing was half-written.
 */
export async function applyDocument(deps: ApplyDeps, id: string, timings: Record<string, number> = {}): Promise<'applied' | 'refused' | 'done'> {
  let lap = performance.now();
  const mark = (what: string) => {
    const now = performance.now();
    timings[what] = (timings[what] ?? 0) + Math.round(now - lap);
    lap = now;
  };
  const [row] = await deps.db.select().from(exchangeDocuments).where(eq(exchangeDocuments.id, id));
  if (!row || row.state !== 'queued' || row.payloadEnc === null) return 'done';
  // Stored as parsed when it was received (documentIn, defaults filled in): not checked again.
  const doc = JSON.parse(deps.pii.decrypt(row.payloadEnc)) as DocumentIn;
  const client = await actingClient(deps.db, row.clientId);
  const ctx: CommandContext = { actor: null, client: client ?? null, meta: { requestId: `exchange-${row.id}`, ip: '' } };
  mark('read');
  const checked = await checkDocument(deps.db, deps.pii, { clientId: row.clientId, regions: client?.regions ?? [] }, doc);
  mark('check');
  return withTransaction(deps.db, ctx, async (tx) => {
    // The row lock makes a second worker (a lease that ran out while this one still ran) wait, then find it done.
    const [locked] = await tx.select({ state: exchangeDocuments.state }).from(exchangeDocuments).where(eq(exchangeDocuments.id, id)).for('update');
    if (locked?.state !== 'queued') return 'done';
    const finishedAt = new Date();
    if (!checked.ok) {
      const errors = checked.problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => ({ index: p.index, kind: p.kind, id: p.id, code: p.code, ...(p.field ? { field: p.field } : {}), ...(p.details ? { details: p.details } : {}) }));
      await tx
        .update(exchangeDocuments)
        .set({ state: 'refused', errors, errorCount: checked.problems.length, payloadEnc: null, finishedAt })
        .where(and(eq(exchangeDocuments.id, id), eq(exchangeDocuments.state, 'queued')));
      await recordAudit(tx, ctx, { action: 'integration.document_refuse', targetType: 'exchange_document', targetId: id, regionCode: row.regionCode, after: { documentId: row.documentId, problems: checked.problems.length, first: errors[0] ?? null } });
      return 'refused';
    }
    const { plan } = checked;
    if (plan.subjects.length) await registerExchangedSubjects(tx, deps.pii, ctx, plan.subjects);
    mark('subjects');
    await importExchangedTrace(tx, deps.config.secretKey, row.clientId, plan.trace, mark);
    await recordItems(tx, row.clientId, id, plan.items);
    mark('items');
    await tx
      .update(exchangeDocuments)
      .set({ state: 'applied', appliedCount: plan.items.length, unchangedCount: plan.unchanged, payloadEnc: null, finishedAt })
      .where(eq(exchangeDocuments.id, id));
    await recordAudit(tx, ctx, {
      action: 'integration.document_apply',
      targetType: 'exchange_document',
      targetId: id,
      regionCode: row.regionCode,
      after: { documentId: row.documentId, counts: row.counts, applied: plan.items.length, unchanged: plan.unchanged },
    });
    return 'applied';
  });
}

/** The queue's job: one document per run, named in its payload. */
export function documentApplyJob(deps: ApplyDeps): Job {
  return {
    name: DOCUMENT_APPLY_JOB,
    everyMs: 0,
    maxAttempts: 5,
    leaseMs: 10 * 60_000,
    run: async (payload) => applyDocument(deps, String(payload.documentId)),
  };
}
