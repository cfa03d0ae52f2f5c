import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { asc, eq, gt, sql } from 'drizzle-orm';
import type { CommandContext } from '../auth/actor.js';
import type { Executor, Tx } from '../db/client.js';
import { lockStream } from '../db/tx.js';
import { queryRows } from '../db/rows.js';
import type { AuditAction, AuditTargetType } from './catalog.js';
import { auditKeyBoundary, auditLog } from './schema.js';

export type AuditInput = {
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  /** Region of the thing changed; decides who may read the entry and which chain it joins. */
  regionCode: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

const GENESIS = '0'.repeat(64);
/** Entries written with the keyed HMAC over every column; 0 is the public SHA-256 of the first releases. */
export const AUDIT_KEY_VERSION = 1;

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

/** The fields the public hash of key version 0 covered (not actor_name, request_id, ip, nor the id). */
type LegacyFields = {
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

/** Key version 0: the public SHA-256 that anyone could recompute; kept to verify entries written before the key. */
export function legacyEntryHash(e: LegacyFields): string {
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

/** Every column of an entry but its hash. */
export type AuditEntry = LegacyFields & { id: number; actorName: string | null; requestId: string | null; ip: string | null; keyVersion: number };

export type AuditKey = Buffer;

/** The chain's key, derived from SECRET_KEY: it never enters the database, so a database user cannot re-chain. */
export function auditKeyOf(secretKey: string): AuditKey {
  return Buffer.from(hkdfSync('sha256', secretKey, 'tracenet', 'audit-chain', 32));
}

const mac = (key: AuditKey, value: unknown) => createHmac('sha256', key).update(canonical(value)).digest('hex');
const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Key version 1: an HMAC over every column, the id and the link to the previous entry included. */
export function keyedEntryHash(key: AuditKey, e: AuditEntry): string {
  return mac(key, {
    id: e.id,
    stream: e.stream,
    at: e.at,
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    regionCode: e.regionCode,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId,
    ip: e.ip,
    prevHash: e.prevHash,
    keyVersion: e.keyVersion,
  });
}

// The key is process-wide, like SECRET_KEY it comes from: set once by whoever opens the database for writing
// (buildApp, prepareDatabase, the command line). Writing an entry without it is refused rather than left unkeyed.
let processKey: AuditKey | undefined;
export function useAuditKey(secretKey: string): AuditKey {
  processKey = auditKeyOf(secretKey);
  return processKey;
}
function currentKey(): AuditKey {
  if (!processKey) throw new Error('the audit key is not set (useAuditKey)');
  return processKey;
}

/** Writes one entry in the caller's transaction, chained to the last entry of its stream. */
export async function recordAudit(tx: Tx, ctx: CommandContext, input: AuditInput): Promise<void> {
  await recordAuditBatch(tx, ctx, [input]);
}

/**
 * Writes entries in the caller's transaction (one, or a bulk import's many): one lock and one read of the chain's
 * tip per stream, the ids taken from the sequence first (they are hashed), then multi-row inserts, chained in the
 * order given.
 */
export async function recordAuditBatch(tx: Tx, ctx: CommandContext, inputs: AuditInput[]): Promise<void> {
  const key = currentKey();
  const byStream = new Map<string, AuditInput[]>();
  for (const input of inputs) {
    const stream = streamOf(input.regionCode);
    const list = byStream.get(stream);
    if (list) list.push(input);
    else byStream.set(stream, [input]);
  }
  for (const [stream, list] of byStream) {
    await lockStream(tx, `audit:${stream}`);
    // The tip is read in a statement after the lock's (its snapshot then sees the last holder's entries), with the ids
    // in the same round trip: taken under the stream's lock, they grow within a stream in the order entries are chained.
    const [tip] = await queryRows<{ hash: string | null; ids: (number | string)[] }>(
      tx,
      sql`SELECT (SELECT hash FROM audit_log WHERE stream = ${stream} ORDER BY id DESC LIMIT 1) AS hash,
                 ARRAY(SELECT nextval('audit_log_id_seq') FROM generate_series(1, ${list.length}::int) ORDER BY 1) AS ids`,
    );
    const ids = tip!.ids.map(Number);
    let prevHash = tip!.hash ?? GENESIS;
    // Millisecond precision survives the round trip through timestamptz, so verification sees the same instant.
    const at = new Date();
    const rows = list.map((input, i) => {
      const entry: AuditEntry = {
        id: ids[i]!,
        stream,
        at,
        // A client system's act is filed under the client (its id and name), as a person's under the account.
        actorId: (ctx.actor ?? ctx.client)?.userId ?? null,
        actorName: (ctx.actor ?? ctx.client)?.username ?? null,
        action: input.action,
        targetType: input.targetType,
        targetId: input.targetId,
        regionCode: input.regionCode,
        before: input.before ?? null,
        after: input.after ?? null,
        requestId: ctx.meta.requestId,
        ip: ctx.meta.ip,
        prevHash,
        keyVersion: AUDIT_KEY_VERSION,
      };
      prevHash = keyedEntryHash(key, entry);
      return { ...entry, hash: prevHash };
    });
    // One JSON parameter per chunk (json_to_recordset): binding every column of thousands of entries cost a bulk
    // import more than its own rows did.
    for (let i = 0; i < rows.length; i += 5000)
      await tx.execute(sql`INSERT INTO audit_log (id, stream, at, actor_id, actor_name, action, target_type, target_id, region_code, before, after, request_id, ip, prev_hash, hash, key_version)
        SELECT id, stream, at, "actorId", "actorName", action, "targetType", "targetId", "regionCode", before, after, "requestId", ip, "prevHash", hash, "keyVersion"
        FROM json_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::json)
          AS v(id bigint, stream text, at timestamptz, "actorId" uuid, "actorName" text, action text, "targetType" text, "targetId" text, "regionCode" text,
               before jsonb, after jsonb, "requestId" text, ip text, "prevHash" text, hash text, "keyVersion" smallint)`);
  }
}

const boundaryMac = (key: AuditKey, legacyUntil: number) => mac(key, { boundary: legacyUntil });

/**
 * Seals the boundary the migration recorded (entries up to it keep their public hash) with the key, at the first
 * start after that migration. Run on the owner's connection: the application's role may not change it.
 */
export async function sealAuditBoundary(db: Executor, key: AuditKey): Promise<void> {
  const [row] = await db.select().from(auditKeyBoundary).where(eq(auditKeyBoundary.id, 1));
  if (row && row.mac === null) await db.update(auditKeyBoundary).set({ mac: boundaryMac(key, row.legacyUntil) }).where(eq(auditKeyBoundary.id, 1));
}

export type AuditTip = { stream: string; id: number; hash: string };
/** The chains' tips at an instant, signed with the key: what a checkpoint file line or a backup's manifest holds. */
export type AuditCheckpoint = { v: 1; at: string; legacyUntil: number | null; tips: AuditTip[]; mac: string };

/** The last entry of every stream (a skip scan over the (stream, id) index, not a pass over the table). */
async function streamTips(db: Executor): Promise<AuditTip[]> {
  const rows = await queryRows<{ stream: string; id: number; hash: string }>(
    db,
    sql`WITH RECURSIVE s AS (
          (SELECT stream FROM audit_log ORDER BY stream LIMIT 1)
          UNION ALL
          SELECT (SELECT a.stream FROM audit_log a WHERE a.stream > s.stream ORDER BY a.stream LIMIT 1) FROM s WHERE s.stream IS NOT NULL)
        SELECT s.stream, l.id, l.hash FROM s CROSS JOIN LATERAL (SELECT id, hash FROM audit_log a WHERE a.stream = s.stream ORDER BY a.id DESC LIMIT 1) l
        WHERE s.stream IS NOT NULL ORDER BY s.stream`,
  );
  return rows.map((r) => ({ stream: r.stream, id: Number(r.id), hash: r.hash }));
}

const checkpointMac = (key: AuditKey, c: Omit<AuditCheckpoint, 'mac'>) => mac(key, { v: c.v, at: c.at, legacyUntil: c.legacyUntil, tips: c.tips });

/** The signed tips of every chain now: for a backup's manifest, and for the periodic checkpoint file. */
export async function auditTips(db: Executor, key: AuditKey): Promise<AuditCheckpoint> {
  const [boundary] = await db.select().from(auditKeyBoundary).where(eq(auditKeyBoundary.id, 1));
  const body = { v: 1 as const, at: new Date().toISOString(), legacyUntil: boundary?.legacyUntil ?? null, tips: await streamTips(db) };
  return { ...body, mac: checkpointMac(key, body) };
}

export function checkpointIsSigned(key: AuditKey, c: AuditCheckpoint): boolean {
  return typeof c.mac === 'string' && sameHex(checkpointMac(key, c), c.mac);
}

export type VerifyProblem = { id: number; stream: string; reason: string };
export type VerifyResult = { checked: number; streams: number; firstBad: VerifyProblem | null; checkpoint: { at: string } | null };

/**
 * Walks every chain in order and stops at the first entry whose stored hash or link does not match: a keyed entry
 * whose HMAC is wrong (changed, or re-chained with the public hash), an entry of the public hash beyond the sealed
 * boundary; then checks that every tip a signed checkpoint recorded is still there (entries deleted since: truncation).
 */
export async function verifyAuditChain(db: Executor, key: AuditKey, options: { checkpoint?: AuditCheckpoint | null; pageSize?: number } = {}): Promise<VerifyResult> {
  const pageSize = options.pageSize ?? 5000;
  const checkpoint = options.checkpoint ?? null;
  const tips = new Map<string, string>();
  const seen = new Set<string>();
  const wanted = new Map((checkpoint?.tips ?? []).map((t) => [t.stream, t]));
  let checked = 0;
  let afterId = 0;
  const result = (firstBad: VerifyProblem | null): VerifyResult => ({ checked, streams: tips.size, firstBad, checkpoint: checkpoint ? { at: checkpoint.at } : null });

  if (checkpoint && !checkpointIsSigned(key, checkpoint)) return result({ id: 0, stream: '--', reason: `the checkpoint of ${checkpoint.at} is not signed with this key (altered, or another SECRET_KEY)` });
  const [boundary] = await db.select().from(auditKeyBoundary).where(eq(auditKeyBoundary.id, 1));
  if (!boundary) return result({ id: 0, stream: '--', reason: 'the key boundary (audit_key_boundary) is missing' });
  if (boundary.mac !== null && !sameHex(boundaryMac(key, boundary.legacyUntil), boundary.mac)) {
    return result({ id: boundary.legacyUntil, stream: '--', reason: 'the key boundary was moved (its seal does not match)' });
  }
  if (checkpoint && checkpoint.legacyUntil !== null && checkpoint.legacyUntil !== boundary.legacyUntil) {
    return result({ id: boundary.legacyUntil, stream: '--', reason: `the key boundary differs from the checkpoint of ${checkpoint.at}` });
  }
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(pageSize);
    if (page.length === 0) break;
    for (const row of page) {
      const bad = (reason: string) => result({ id: row.id, stream: row.stream, reason });
      const prev = tips.get(row.stream) ?? GENESIS;
      if (row.prevHash !== prev) return bad('broken link to the previous entry');
      if (row.keyVersion === 0) {
        if (boundary.mac === null || row.id > boundary.legacyUntil) return bad('chained with the public hash after the key boundary (re-chained)');
        if (legacyEntryHash(row) !== row.hash) return bad('content does not match its hash');
      } else if (row.keyVersion === AUDIT_KEY_VERSION) {
        if (!sameHex(keyedEntryHash(key, row), row.hash)) return bad('content does not match its keyed hash');
      } else return bad(`unknown key version ${row.keyVersion}`);
      tips.set(row.stream, row.hash);
      const want = wanted.get(row.stream);
      if (want && want.id === row.id) {
        if (want.hash !== row.hash) return bad(`differs from the checkpoint of ${checkpoint!.at}`);
        seen.add(`${row.stream}:${row.id}`);
      }
      checked++;
      afterId = row.id;
    }
  }
  for (const want of wanted.values()) {
    if (!seen.has(`${want.stream}:${want.id}`)) {
      return result({ id: want.id, stream: want.stream, reason: `truncated: entry #${want.id}, the stream's last at the checkpoint of ${checkpoint!.at}, is gone` });
    }
  }
  return result(null);
}
