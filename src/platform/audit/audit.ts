import { createHash } from 'node:crypto';
import { asc, desc, eq, gt } from 'drizzle-orm';
import type { CommandContext } from '../auth/actor.js';
import type { Executor, Tx } from '../db/client.js';
import { lockStream } from '../db/tx.js';
import { auditLog } from './schema.js';

export type AuditInput = {
  action: string;
  targetType: string;
  targetId: string;
  /** Region of the thing changed; decides who may read the entry and which chain it joins. */
  regionCode: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

const GENESIS = '0'.repeat(64);

export function streamOf(regionCode: string): string {
  return regionCode.length >= 2 ? regionCode.slice(0, 2) : '00';
}

/** Keys sorted at every depth, so the hash does not depend on how jsonb happens to order them. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

type HashedFields = {
  stream: string;
  at: Date;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  regionCode: string;
  before: unknown;
  after: unknown;
  prevHash: string;
};

export function entryHash(e: HashedFields): string {
  return createHash('sha256')
    .update(
      canonical({
        stream: e.stream,
        at: e.at,
        actorId: e.actorId,
        action: e.action,
        targetType: e.targetType,
        targetId: e.targetId,
        regionCode: e.regionCode,
        before: e.before ?? null,
        after: e.after ?? null,
        prevHash: e.prevHash,
      }),
    )
    .digest('hex');
}

/** Writes one entry in the caller's transaction, chained to the last entry of its stream. */
export async function recordAudit(tx: Tx, ctx: CommandContext, input: AuditInput): Promise<void> {
  const stream = streamOf(input.regionCode);
  await lockStream(tx, `audit:${stream}`);
  const [last] = await tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(eq(auditLog.stream, stream))
    .orderBy(desc(auditLog.id))
    .limit(1);
  // Millisecond precision survives the round trip through timestamptz, so verification sees the same instant.
  const fields: HashedFields = {
    stream,
    at: new Date(),
    actorId: ctx.actor?.userId ?? null,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    regionCode: input.regionCode,
    before: input.before ?? null,
    after: input.after ?? null,
    prevHash: last?.hash ?? GENESIS,
  };
  await tx.insert(auditLog).values({
    ...fields,
    actorName: ctx.actor?.username ?? null,
    requestId: ctx.meta.requestId,
    ip: ctx.meta.ip,
    hash: entryHash(fields),
  });
}

/**
 * Writes many entries at once in the caller's transaction (a bulk import): one lock and one read of the chain's
 * tip per stream, then multi-row inserts. The entries are chained in the order given, exactly as single writes.
 */
export async function recordAuditBatch(tx: Tx, ctx: CommandContext, inputs: AuditInput[]): Promise<void> {
  const byStream = new Map<string, AuditInput[]>();
  for (const input of inputs) {
    const stream = streamOf(input.regionCode);
    const list = byStream.get(stream);
    if (list) list.push(input);
    else byStream.set(stream, [input]);
  }
  for (const [stream, list] of byStream) {
    await lockStream(tx, `audit:${stream}`);
    const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.stream, stream)).orderBy(desc(auditLog.id)).limit(1);
    let prevHash = last?.hash ?? GENESIS;
    const at = new Date();
    const rows = list.map((input) => {
      const fields: HashedFields = {
        stream,
        at,
        actorId: ctx.actor?.userId ?? null,
        action: input.action,
        targetType: input.targetType,
        targetId: input.targetId,
        regionCode: input.regionCode,
        before: input.before ?? null,
        after: input.after ?? null,
        prevHash,
      };
      prevHash = entryHash(fields);
      return { ...fields, actorName: ctx.actor?.username ?? null, requestId: ctx.meta.requestId, ip: ctx.meta.ip, hash: prevHash };
    });
    // A multi-row INSERT takes ids from the sequence in VALUES order, so the chain's order is the ids' order.
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(auditLog).values(rows.slice(i, i + 1000));
  }
}

export type VerifyResult = { checked: number; streams: number; firstBad: null | { id: number; stream: string; reason: string } };

/** Walks every chain in order and stops at the first entry whose stored hash or link does not match. */
export async function verifyAuditChain(db: Executor, pageSize = 5000): Promise<VerifyResult> {
  const tips = new Map<string, string>();
  let checked = 0;
  let afterId = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(pageSize);
    if (page.length === 0) break;
    for (const row of page) {
      const prev = tips.get(row.stream) ?? GENESIS;
      if (row.prevHash !== prev) {
        return { checked, streams: tips.size, firstBad: { id: row.id, stream: row.stream, reason: 'broken link to the previous entry' } };
      }
      const expected = entryHash({ ...row, before: row.before, after: row.after });
      if (expected !== row.hash) {
        return { checked, streams: tips.size, firstBad: { id: row.id, stream: row.stream, reason: 'content does not match its hash' } };
      }
      tips.set(row.stream, row.hash);
      checked++;
      afterId = row.id;
    }
  }
  return { checked, streams: tips.size, firstBad: null };
}

