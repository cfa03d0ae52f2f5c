import type { TraceResult } from '../trace.types';

export type ChainTreeNode = { key: string; id: string; edgeKind: string | null; edgeQuantity: number | null; children: ChainTreeNode[] };

/** At most this many rows: a batch that fed thousands of others is shown in part (the graph has them all). */
const MAX_ROWS = 1500;

/**
 * The trace result as a tree from the batch: for a backward trace each node's children are where it came from,
 * for a forward trace where it went. A batch reached along two paths appears under both; a cycle is cut.
 */
export function chainTree(result: TraceResult): { root: ChainTreeNode; cut: boolean } {
  const next = new Map<string, { id: string; kind: string; quantity: number }[]>();
  for (const e of result.edges) {
    const [parent, child] = result.direction === 'backward' ? [e.to, e.from] : [e.from, e.to];
    next.set(parent, [...(next.get(parent) ?? []), { id: child, kind: e.kind, quantity: e.quantity }]);
  }
  let rows = 0;
  let cut = false;
  const build = (id: string, key: string, path: Set<string>, edge: { kind: string; quantity: number } | null): ChainTreeNode => {
    rows++;
    const children: ChainTreeNode[] = [];
    for (const c of next.get(id) ?? []) {
      if (path.has(c.id)) continue;
      if (rows >= MAX_ROWS) {
        cut = true;
        break;
      }
      children.push(build(c.id, `${key}/${c.id}`, new Set(path).add(c.id), c));
    }
    return { key, id, edgeKind: edge?.kind ?? null, edgeQuantity: edge?.quantity ?? null, children };
  };
  return { root: build(result.rootId, result.rootId, new Set([result.rootId]), null), cut };
}
