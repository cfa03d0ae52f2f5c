import type { TraceEdge, TraceNode, TraceResult } from '../trace.types';

// The chain of a batch laid out in columns for the graph view: where it came from on the left (backward trace,
// depth 1, 2 … to the left), the batch in the middle, where it went on the right. Within a column, nodes are
// ordered by the mean row of their neighbours in the column nearer the middle, which keeps most edges from crossing.

export const NODE_W = 208;
export const NODE_H = 70;
const COL_GAP = 88;
const ROW_GAP = 18;
const PAD = 16;

export type PlacedNode = TraceNode & { column: number; x: number; y: number; root: boolean };
export type PlacedEdge = TraceEdge & { path: string; mid: { x: number; y: number } };
export type ChainLayout = { nodes: PlacedNode[]; edges: PlacedEdge[]; width: number; height: number; truncated: boolean };

/** Both directions in one graph; either may be missing (not loaded, or refused). */
export function layoutChain(backward: TraceResult | null, forward: TraceResult | null): ChainLayout {
  const nodes = new Map<string, { node: TraceNode; column: number }>();
  for (const n of backward?.nodes ?? []) nodes.set(n.id, { node: n, column: -n.depth });
  for (const n of forward?.nodes ?? []) if (!nodes.has(n.id) || n.depth === 0) nodes.set(n.id, { node: n, column: n.depth });
  const edges = new Map<string, TraceEdge>();
  for (const e of [...(backward?.edges ?? []), ...(forward?.edges ?? [])]) if (nodes.has(e.from) && nodes.has(e.to)) edges.set(`${e.from}>${e.to}>${e.kind}`, e);
  const rootId = backward?.rootId ?? forward?.rootId ?? '';

  const columns = new Map<number, string[]>();
  for (const [id, { column }] of nodes) columns.set(column, [...(columns.get(column) ?? []), id]);
  const keys = [...columns.keys()].sort((a, b) => a - b);
  const row = new Map<string, number>();
  const neighbours = (id: string) => [...edges.values()].flatMap((e) => (e.from === id ? [e.to] : e.to === id ? [e.from] : []));
  // From the middle outwards: each column sorted by where its neighbours already stand.
  const order = [0, ...keys.filter((k) => k > 0), ...keys.filter((k) => k < 0).reverse()];
  for (const column of order) {
    const ids = columns.get(column);
    if (!ids) continue;
    const score = (id: string) => {
      const placed = neighbours(id).flatMap((n) => (row.has(n) ? [row.get(n)!] : []));
      return placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : Number.MAX_SAFE_INTEGER;
    };
    ids.sort((a, b) => score(a) - score(b) || nodes.get(a)!.node.createdAt.localeCompare(nodes.get(b)!.node.createdAt));
    ids.forEach((id, i) => row.set(id, i));
  }

  const tallest = Math.max(1, ...[...columns.values()].map((ids) => ids.length));
  const height = PAD * 2 + tallest * NODE_H + (tallest - 1) * ROW_GAP;
  const first = keys[0] ?? 0;
  const placed: PlacedNode[] = [];
  for (const [column, ids] of columns) {
    const columnHeight = ids.length * NODE_H + (ids.length - 1) * ROW_GAP;
    const top = (height - columnHeight) / 2;
    ids.forEach((id, i) => {
      const { node } = nodes.get(id)!;
      placed.push({ ...node, column, root: id === rootId, x: PAD + (column - first) * (NODE_W + COL_GAP), y: top + i * (NODE_H + ROW_GAP) });
    });
  }
  const at = new Map(placed.map((n) => [n.id, n]));
  const placedEdges: PlacedEdge[] = [...edges.values()].map((e) => {
    const a = at.get(e.from)!;
    const b = at.get(e.to)!;
    const x1 = a.x + NODE_W;
    const y1 = a.y + NODE_H / 2;
    const x2 = b.x;
    const y2 = b.y + NODE_H / 2;
    const bend = Math.max(30, Math.abs(x2 - x1) / 2);
    return { ...e, path: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`, mid: { x: (x1 + x2) / 2, y: (y1 + y2) / 2 } };
  });
  const width = PAD * 2 + keys.length * NODE_W + Math.max(0, keys.length - 1) * COL_GAP;
  return { nodes: placed, edges: placedEdges, width, height, truncated: Boolean(backward?.truncated || forward?.truncated) };
}

const charWidth = (ch: string, size: number) => (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.58);

/** About how wide `text` is at `size` px (CJK characters a full em, others a little over half). */
export function textWidth(text: string, size: number): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch, size);
  return width;
}

/** Text cut to fit `px` at `size`, with an ellipsis. */
export function clip(text: string, px: number, size: number): string {
  let width = 0;
  let out = '';
  for (const ch of text) {
    width += charWidth(ch, size);
    if (width > px) return out + '…';
    out += ch;
  }
  return out;
}
