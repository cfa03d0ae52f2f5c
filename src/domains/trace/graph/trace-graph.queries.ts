import { sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../../../platform/auth/actor.js';
import { regionRanges } from '../../../platform/auth/visibility.js';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { forEachRow } from '../../../platform/db/stream.js';
import { subjectContactSql, type SubjectContactColumns } from '../../registry/index.js';
import { batches, type Holder } from '../schema.js';
import { batchVisibility } from '../visibility.js';
import { subjectNameOf } from '../subject-names.js';

/**
 * The graph reads of the trace (DESIGN.md §4): one recursive CTE over batch_edges per direction, served by its two
 * indexes — the primary key (from_batch_id, to_batch_id) going forward, batch_edges_to (to_batch_id) going back.
 *
 * The walk is a breadth-first `UNION` of (batch, depth) rows: a batch reached along several paths of one length is
 * one row, and one reached at several depths at most one row per depth, so diamonds and cycles cost at most
 * (batches × depth limit) rows and the depth limit ends every cycle. PostgreSQL hands the walk's rows out as each
 * round produces them, shallowest first, so `LIMIT` on the walk stops it early on a huge graph, and a batch's
 * smallest depth is its min(depth) — or its first row, for a reader that takes the rows as they come.
 *
 * Each read is one statement, access check included: the walk starts only from a root row that passes `access`
 * (an SQL condition on `batches`), so a batch the caller may not see gives no rows at all, like a missing one.
 * The planner cannot estimate a recursive CTE's size, so every join after the walk is written to be right at any
 * size: index look-ups per found batch (nested loops), never a join it might do quadratically.
 */

/**
 * Who may see a batch's chain, as a condition on the batch row. A subject's accounts: a batch the subject holds, or
 * one it sold into (it is the seller of the trade that created it). An agency: the batches `batchVisibility` gives it.
 * A client system: a batch whose region lies in its scope's regions. Everyone else gets the same 404 as for a batch that does not exist.
 */
export function traceAccess(actor: Caller): SQL {
  if (actor.kind === 'agency') return batchVisibility.filter(actor);
  if (actor.kind === 'client') return regionRanges(batches.regionCode, actor.regions);
  const me = actor.subject.id;
  return sql`(${batches.subjectId} = ${me}::uuid OR EXISTS (SELECT 1 FROM trades t WHERE t.buyer_batch_id = ${batches.id} AND t.seller_subject_id = ${me}::uuid))`;
}

export type Direction = 'backward' | 'forward';

/** Backward follows an edge from its `to` end to its `from` end (where it came from); forward the other way. */
const COLUMNS: Record<Direction, { here: SQL; next: SQL }> = {
  backward: { here: sql.raw('to_batch_id'), next: sql.raw('from_batch_id') },
  forward: { here: sql.raw('from_batch_id'), next: sql.raw('to_batch_id') },
};

function walk(root: string, access: SQL, direction: Direction, maxDepth: number) {
  const c = COLUMNS[direction];
  return sql`
    WITH RECURSIVE root AS (SELECT id, region_code FROM batches WHERE id = ${root}::uuid AND (${access})),
    walk(id, depth) AS (
      SELECT id, 0 FROM root
      UNION
      SELECT e.${c.next}, w.depth + 1
      FROM walk w JOIN batch_edges e ON e.${c.here} = w.id
      WHERE w.depth < ${maxDepth}
    )`;
}

/** Each batch of the walk's first `rowCap` rows once, at its smallest depth, with the number of rows that reached it. */
function found(rowCap: number) {
  return sql`, found AS MATERIALIZED (SELECT id, min(depth) AS depth, count(*) AS reached FROM (SELECT id, depth FROM walk LIMIT ${rowCap}) seen GROUP BY id)`;
}

type GraphRowRaw = {
  r: 'n' | 'e';
  walked: number | null;
  total: number | null;
  depth: number | null;
  id: string | null;
  code: string | null;
  product_name: string | null;
  class_code: string | null;
  source: string | null;
  quantity: number;
  unit: string | null;
  stock: number | null;
  created_ms: number;
  harvest_date: string | null;
  subject_id: string | null;
  holder: Holder | null;
  region_code: string | null;
  subject_name: string | null;
  from_id: string | null;
  to_id: string | null;
  kind: string | null;
};

export type GraphNodeRow = {
  depth: number;
  id: string;
  code: string;
  productName: string;
  classCode: string;
  source: string;
  quantity: number;
  unit: string;
  stock: number;
  createdMs: number;
  harvestDate: string | null;
  subjectId: string | null;
  holder: Holder | null;
  regionCode: string;
  subjectName: string | null;
};
export type GraphEdgeRow = { from: string; to: string; kind: string; quantity: number; createdMs: number };

/**
 * The batches within `maxDepth` hops of `root` (root included, depth 0), nearest first, at most `cap`, with their
 * holders' names and the edges between them — one round trip. `undefined` when `root` is missing or
 * fails `access`. `truncated` when there were more batches than `cap` (or the walk met more (batch, depth) rows than
 * it may read).
 */
export async function traceRows(db: Executor, root: string, access: SQL, direction: Direction, maxDepth: number, cap: number) {
  const rowCap = cap * 4;
  const c = COLUMNS[direction];
  const rows = await queryRows<GraphRowRaw>(
    db,
    sql`${walk(root, access, direction, maxDepth)}${found(rowCap)},
    kept AS MATERIALIZED (
      SELECT f.depth, b.id, b.code, b.product_id, b.source, b.quantity, b.unit, b.stock, b.created_at, b.harvest_date, b.subject_id, b.holder, b.region_code
      FROM found f JOIN batches b ON b.id = f.id
      ORDER BY f.depth, b.created_at, b.id
      LIMIT ${cap}
    )
    SELECT 'n' AS r, (SELECT sum(reached) FROM found)::int AS walked, (SELECT count(*) FROM found)::int AS total, k.depth, k.id::text AS id, k.code,
      p.name AS product_name, p.class_code, k.source, k.quantity::float8 AS quantity, k.unit, k.stock::float8 AS stock,
      (extract(epoch FROM k.created_at) * 1000)::float8 AS created_ms, k.harvest_date::text AS harvest_date, k.subject_id::text AS subject_id,
      k.holder, k.region_code, ${subjectNameOf(sql`k.subject_id`)} AS subject_name,
      NULL::text AS from_id, NULL::text AS to_id, NULL::text AS kind
    FROM kept k JOIN products p ON p.id = k.product_id
    UNION ALL
    SELECT 'e', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, e.quantity::float8, NULL, NULL, (extract(epoch FROM e.created_at) * 1000)::float8,
      NULL, NULL, NULL, NULL, NULL, e.from_batch_id::text, e.to_batch_id::text, e.kind
    FROM kept k JOIN batch_edges e ON e.${c.here} = k.id
    WHERE e.${c.next} IN (SELECT id FROM kept)`,
  );
  const nodes: GraphNodeRow[] = [];
  const edges: GraphEdgeRow[] = [];
  let truncated = false;
  for (const r of rows) {
    if (r.r === 'e') {
      edges.push({ from: r.from_id!, to: r.to_id!, kind: r.kind!, quantity: r.quantity, createdMs: r.created_ms });
      continue;
    }
    truncated ||= r.walked! >= rowCap || r.total! > cap;
    nodes.push({
      depth: r.depth!,
      id: r.id!,
      code: r.code!,
      productName: r.product_name!,
      classCode: r.class_code!,
      source: r.source!,
      quantity: r.quantity,
      unit: r.unit!,
      stock: r.stock!,
      createdMs: r.created_ms,
      harvestDate: r.harvest_date,
      subjectId: r.subject_id,
      holder: r.holder,
      regionCode: r.region_code!,
      subjectName: r.subject_name,
    });
  }
  if (!nodes.length) return undefined;
  nodes.sort((a, b) => a.depth - b.depth || a.createdMs - b.createdMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { nodes, edges, truncated };
}

export type RecallRow = SubjectContactColumns & {
  depth: number;
  id: string;
  code: string;
  product_id: string;
  source: string;
  /** `numeric` as text, like `stock`: a float8 cast would print and parse it once more on the server. */
  quantity: string;
  unit: string;
  stock: string;
  subject_id: string | null;
  holder: Holder | null;
  region_code: string;
  created_ms: number;
  /** A merge's or processing output's sum and first time of its incoming edges from the recalled batches. */
  merged: [number | null, number | null] | null;
};

/**
 * Every batch downstream of `root` within `maxDepth` hops (root first, at depth 0), with what reached each one from
 * the recalled goods and its holder's contact (`subjectContactSql`), handed to `onRow` as the rows arrive. They come
 * straight from the walk, shallowest first, so the list is being read while the walk goes on; a batch reached again
 * along a longer path is skipped here (the walk keeps one row per batch and depth, not per batch). A batch made by a
 * sale, a market entry or a split has one incoming edge, created with it for its whole quantity, so that is what it
 * received, when it was made; only a merge or a processing output, whose inputs may partly come from elsewhere,
 * sums its incoming edges from batches of the same walk (`merged`: one index look-up each, skipped for the others;
 * the first such batch makes the server finish the walk). `undefined` when `root` is missing or fails `access`.
 * `tooMany`, with the total counted apart, when there are more than `max`: the read stops there, and the rows
 * handed over until then are for the caller to drop.
 */
export async function recallRows(db: Executor, root: string, access: SQL, maxDepth: number, max: number, onRow: (row: RecallRow) => void) {
  const rowCap = max * 10;
  const contact = subjectContactSql(sql`b.subject_id`);
  const listed = new Set<string>();
  let walked = 0;
  await forEachRow<RecallRow>(
    db,
    sql`${walk(root, access, 'forward', maxDepth)}
    SELECT w.depth, b.id::text AS id, b.code, b.product_id::text AS product_id, b.source, b.quantity, b.unit, b.stock,
      b.subject_id::text AS subject_id, b.holder, b.region_code, date_part('epoch', b.created_at) * 1000 AS created_ms,
      CASE WHEN w.depth > 0 AND b.source IN ('merge', 'process') THEN (
        SELECT ARRAY[sum(e.quantity), date_part('epoch', min(e.created_at)) * 1000] FROM batch_edges e
        WHERE e.to_batch_id = w.id AND e.from_batch_id IN (SELECT id FROM walk LIMIT ${rowCap})
      ) END AS merged,
      ${contact.columns}
    FROM (SELECT id, depth FROM walk LIMIT ${rowCap}) w
      JOIN batches b ON b.id = w.id
      ${contact.join}`,
    (row) => {
      walked++;
      // The root reached again round a cycle is not a holder of itself; and the join may hand that row over before
      // the root's own (depth 0), which would then be skipped as seen.
      if (row.id === root && row.depth > 0) return;
      if (listed.has(row.id)) return;
      listed.add(row.id);
      if (listed.size > max + 1) return false;
      onRow(row);
    },
  );
  if (!listed.size) return undefined;
  if (listed.size <= max + 1 && walked < rowCap) return { total: listed.size - 1, tooMany: false };
  const [counted] = await queryRows<{ total: number }>(
    db,
    sql`${walk(root, access, 'forward', maxDepth)}${found(rowCap)} SELECT count(*)::int - 1 AS total FROM found`,
  );
  return { total: counted!.total, tooMany: true };
}

/** Names of products by id: a recall list has thousands of batches but few products, named once each here. */
export async function productNames(db: Executor, ids: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(ids)];
  if (!list.length) return new Map();
  const rows = await queryRows<{ id: string; name: string }>(db, sql`SELECT id::text AS id, name FROM products WHERE id = ANY(${`{${list.join(',')}}`}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r.name]));
}
