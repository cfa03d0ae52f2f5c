import type { Agency } from '../registry.types';
import { mayHaveChildren } from './manage-rules';

export type AgencyNode = { key: string; agency: Agency; isLeaf: boolean; children?: AgencyNode[] };

export function toNode(agency: Agency): AgencyNode {
  return { key: agency.id, agency, isLeaf: !mayHaveChildren(agency) };
}

/** The tree with `children` set under `key` (immutably, as antd's Tree wants new data to re-render). */
export function withChildren(nodes: AgencyNode[], key: string, children: AgencyNode[]): AgencyNode[] {
  return nodes.map((node) => {
    if (node.key === key) return { ...node, children, isLeaf: children.length === 0 };
    if (node.children) return { ...node, children: withChildren(node.children, key, children) };
    return node;
  });
}

/** Supervision first (the tree's spine), then by region code and name. */
export function sortAgencies(list: Agency[]): Agency[] {
  const rank = { supervision: 0, testing: 1, enforcement: 2, market: 3, operations: 4 } as const;
  return [...list].sort((a, b) => rank[a.kind] - rank[b.kind] || a.regionCode.localeCompare(b.regionCode) || a.name.localeCompare(b.name, 'zh-CN'));
}
