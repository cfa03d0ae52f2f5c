import type { Caller, CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { sql } from 'drizzle-orm';
import { agencyActorIn } from '../../../platform/http/context.js';
import { maskPersonName, type Pii } from '../../../platform/pii/pii.js';
import { naturalPersonSubjects, subjectContactReader } from '../../registry/index.js';
import { countyNames } from '../../regions/index.js';
import { outOfScopeOrMissing } from '../batches/batch-lookup.service.js';
import { traceError } from '../errors.js';
import type { Holder } from '../schema.js';
import { MAX_TRACE_DEPTH, type RecallOut, type TraceGraphOut, type TraceQuery } from './trace-graph.contracts.js';
import { productNames, recallRows, traceAccess, traceRows, type Direction, type RecallRow } from './trace-graph.queries.js';

export type TraceGraphDeps = { db: Db; pii: Pii };

/** Most batches one trace answer lists; beyond it `truncated` says so (the nearest batches are kept). */
export const TRACE_NODE_CAP = 5_000;
/** Most downstream batches one recall list holds; a larger recall is refused loudly, never cut silently. */
export const RECALL_MAX = 100_000;

type HolderKind = 'subject' | 'unregistered' | 'market';
function holderKind(source: string, subjectId: string | null, holder: Holder | null): HolderKind {
  if (source === 'market_entry' || holder?.marketKind) return 'market';
  return subjectId ? 'subject' : 'unregistered';
}

/**
 * 向前追溯 / 向后追溯: the batches within `depth` hops of a batch in one direction, each once at its smallest depth,
 * with the edges between them and each holder's name and county — no phone, no identity number.
 */
export async function traceGraph(deps: TraceGraphDeps, actor: Caller, batchId: string, q: TraceQuery): Promise<TraceGraphOut> {
  const direction: Direction = q.direction;
  const depth = Math.min(Math.max(1, q.depth), MAX_TRACE_DEPTH);
  const [graph, counties] = await Promise.all([traceRows(deps.db, batchId, traceAccess(actor), direction, depth, TRACE_NODE_CAP), countyNames(deps.db)]);
  if (!graph) throw actor.kind === 'client' ? await outOfScopeOrMissing(deps.db, sql`id = ${batchId}::uuid`) : traceError('BATCH_NOT_FOUND');
  const shown = actor.kind === 'subject' ? await subjectView(deps, actor.subject.id, batchId, graph) : actor.kind === 'client' ? await publicView(deps, graph) : undefined;
  return {
    rootId: batchId,
    direction,
    depth,
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      code: n.code,
      productName: n.productName,
      classCode: n.classCode,
      source: n.source,
      quantity: n.quantity,
      unit: n.unit,
      stock: n.stock,
      depth: n.depth,
      createdAt: new Date(n.createdMs),
      harvestDate: n.harvestDate,
      holder: {
        kind: holderKind(n.source, n.subjectId, n.holder),
        subjectId: shown && !shown.near.has(n.id) ? null : n.subjectId,
        name: shown && !shown.near.has(n.id) ? publicHolderName(n, shown.persons) : (n.subjectName ?? n.holder?.name ?? ''),
        county: n.regionCode.slice(0, 6),
        countyName: counties.get(n.regionCode.slice(0, 6)) ?? null,
      },
    })),
    edges: graph.edges.map((e) => ({ from: e.from, to: e.to, kind: e.kind, quantity: e.quantity, createdAt: new Date(e.createdMs) })),
    truncated: graph.truncated,
  };
}

type GraphRows = NonNullable<Awaited<ReturnType<typeof traceRows>>>;

/** What a client system sees of a chain: every holder as the public page shows it (a natural person masked, no subject id). */
async function publicView(deps: TraceGraphDeps, graph: GraphRows) {
  const held = graph.nodes.filter((n) => n.subjectId).map((n) => n.subjectId!);
  return { near: new Set<string>(), persons: await naturalPersonSubjects(deps.db, held) };
}

/**
 * What a subject sees of a chain (DESIGN.md §12): its own batches and those one step either side of them (its own
 * suppliers and buyers) in full, as its own records; the root it may open is one of those. Every other holder as
 * the public page shows it: an organisation by name, a natural person by the family name only, and no subject id.
 */
async function subjectView(deps: TraceGraphDeps, subjectId: string, rootId: string, graph: GraphRows) {
  const own = new Set(graph.nodes.filter((n) => n.subjectId === subjectId).map((n) => n.id));
  const near = new Set([rootId, ...own]);
  for (const e of graph.edges) {
    if (own.has(e.from)) near.add(e.to);
    if (own.has(e.to)) near.add(e.from);
  }
  const far = graph.nodes.filter((n) => !near.has(n.id) && n.subjectId);
  return { near, persons: await naturalPersonSubjects(deps.db, far.map((n) => n.subjectId!)) };
}

function publicHolderName(n: GraphRows['nodes'][number], persons: Set<string>): string {
  if (n.subjectId) return persons.has(n.subjectId) ? maskPersonName(n.subjectName ?? '') : (n.subjectName ?? '');
  if (n.source === 'market_entry' || n.holder?.marketKind) return n.holder?.name ?? '';
  return maskPersonName(n.holder?.name ?? '');
}

/**
 * 召回清单: every holder downstream of a batch (all depths up to 20 hops) with what reached it, what it still holds,
 * and how to reach it — phones in full, because the agency has to call them. Only an agency whose jurisdiction holds
 * the batch gets it, and every list given out is an audit entry (`trace.recall`) naming the batch and the count.
 */
export async function recallList(deps: TraceGraphDeps, ctx: CommandContext, batchId: string, format: 'json' | 'xlsx' = 'json'): Promise<RecallOut> {
  const actor = agencyActorIn(ctx);
  const counties = await countyNames(deps.db);
  const contactOf = subjectContactReader(deps.pii);
  let root: (RecallRow & { holderName: string }) | undefined;
  const holders: RecallOut['holders'] = [];
  const productOf: string[] = [];
  // Distinct holders: a subject by id, a buyer recorded by hand by name and phone.
  const subjectsSeen = new Set<string>();
  const othersSeen = new Set<string>();
  // Each row becomes its line as it arrives, phone decrypted, while the server is still looking up the next rows.
  const found = await recallRows(deps.db, batchId, traceAccess(actor), MAX_TRACE_DEPTH, RECALL_MAX, (r) => {
    if (r.depth === 0) {
      root = { ...r, holderName: r.contact_name ?? r.holder?.name ?? '' };
      return;
    }
    const contact = contactOf(r);
    const name = contact?.name ?? r.holder?.name ?? '';
    const phone = contact ? contact.phone : r.holder?.phone ? deps.pii.decrypt(r.holder.phone) : null;
    if (r.subject_id) subjectsSeen.add(r.subject_id);
    else othersSeen.add(`${name}|${phone ?? ''}`);
    const county = r.region_code.slice(0, 6);
    productOf.push(r.product_id);
    holders.push({
      hops: r.depth,
      batchId: r.id,
      batchCode: r.code,
      productName: '',
      holderKind: holderKind(r.source, r.subject_id, r.holder),
      subjectId: r.subject_id,
      name,
      identityCode: contact?.identityCode || null,
      phone,
      address: contact?.address ?? r.holder?.address ?? null,
      county,
      countyName: counties.get(county) ?? null,
      marketKind: r.holder?.marketKind ?? null,
      stall: r.holder?.stall ?? null,
      quantityReceived: r.merged?.[0] ?? Number(r.quantity),
      unit: r.unit,
      stock: Number(r.stock),
      receivedAt: new Date(r.merged?.[1] ?? r.created_ms),
    });
  });
  if (found?.tooMany) throw traceError('RECALL_TOO_LARGE', { batches: found.total, max: RECALL_MAX });
  if (!root) throw traceError('BATCH_NOT_FOUND');
  const products = await productNames(deps.db, [root.product_id, ...productOf]);
  for (const [i, h] of holders.entries()) h.productName = products.get(productOf[i]!) ?? '';
  // Put in order here: the rows come as the walk finds them, and a sort by the server would wait for the last one.
  holders.sort((a, b) => a.hops - b.hops || a.receivedAt.getTime() - b.receivedAt.getTime() || (a.batchId < b.batchId ? -1 : a.batchId > b.batchId ? 1 : 0));

  const byUnit = new Map<string, { unit: string; shipped: number; stock: number }>();
  for (const h of holders) {
    const u = byUnit.get(h.unit) ?? { unit: h.unit, shipped: 0, stock: 0 };
    if (h.hops === 1) u.shipped += h.quantityReceived;
    u.stock += h.stock;
    byUnit.set(h.unit, u);
  }
  const rootRegion = root.region_code;
  const rootCounty = rootRegion.slice(0, 6);
  const out: RecallOut = {
    batch: {
      id: root.id,
      code: root.code,
      productName: products.get(root.product_id) ?? '',
      quantity: Number(root.quantity),
      unit: root.unit,
      stock: Number(root.stock),
      holderName: root.holderName,
      county: rootCounty,
      countyName: counties.get(rootCounty) ?? null,
    },
    generatedAt: new Date(),
    holders,
    totals: {
      batches: holders.length,
      holders: subjectsSeen.size + othersSeen.size,
      maxHops: holders.reduce((m, h) => Math.max(m, h.hops), 0),
      byUnit: [...byUnit.values()].map((u) => ({ unit: u.unit, shipped: round3(u.shipped), stock: round3(u.stock) })),
    },
  };
  // The reveal of the holders' phones is itself on the record, in the batch's province chain.
  await withTransaction(deps.db, null, (tx) =>
    recordAudit(tx, ctx, {
      action: 'trace.recall',
      targetType: 'batch',
      targetId: batchId,
      regionCode: rootRegion,
      after: { code: out.batch.code, batches: out.totals.batches, holders: out.totals.holders, format },
    }),
  );
  return out;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
