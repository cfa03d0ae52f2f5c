import { describe, expect, it } from 'vitest';
import type { TraceNode, TraceResult } from '../trace.types';
import { clip, layoutChain, NODE_W } from './chain-layout';
import { chainTree } from './chain-tree';
import { gtinProblem } from '../master-data/gtin';
import { identityToken, traceCodeOf } from '../trace.api';

// The console's pure helpers of the workbench: the chain as a tree and as layered columns, and reading what a
// scan or a paste gave.

const node = (id: string, depth: number): TraceNode => ({
  id,
  code: `1370783${id.padStart(13, '0')}`,
  productName: '番茄',
  classCode: '03010101',
  source: 'own',
  quantity: 10,
  unit: 'kg',
  stock: 10,
  depth,
  createdAt: `2026-01-0${depth + 1}T00:00:00Z`,
  harvestDate: null,
  holder: { kind: 'subject', subjectId: 's', name: '农户', county: '370783', countyName: '寿光市' },
});
const edge = (from: string, to: string, kind = 'trade') => ({ from, to, kind, quantity: 5, createdAt: '2026-01-01T00:00:00Z' });

// a and b were merged into m; m was sold to x and y; x was processed into p.
const backward: TraceResult = { rootId: 'm', direction: 'backward', depth: 20, nodes: [node('m', 0), node('a', 1), node('b', 1)], edges: [edge('a', 'm', 'merge'), edge('b', 'm', 'merge')], truncated: false };
const forward: TraceResult = {
  rootId: 'm',
  direction: 'forward',
  depth: 20,
  nodes: [node('m', 0), node('x', 1), node('y', 1), node('p', 2)],
  edges: [edge('m', 'x'), edge('m', 'y'), edge('x', 'p', 'transform')],
  truncated: false,
};

describe('chain tree', () => {
  it('hangs the sources under the batch for a backward trace, and the receivers for a forward one', () => {
    const back = chainTree(backward).root;
    expect(back.children.map((c) => [c.id, c.edgeKind])).toEqual([
      ['a', 'merge'],
      ['b', 'merge'],
    ]);
    const fwd = chainTree(forward).root;
    expect(fwd.children.map((c) => c.id)).toEqual(['x', 'y']);
    expect(fwd.children[0]!.children.map((c) => [c.id, c.edgeKind])).toEqual([['p', 'transform']]);
  });

  it('shows a batch reached along two paths under both, with distinct keys, and cuts a cycle', () => {
    const diamond: TraceResult = { ...forward, nodes: [...forward.nodes], edges: [edge('m', 'x'), edge('m', 'y'), edge('x', 'p'), edge('y', 'p'), edge('p', 'm')] };
    const { root } = chainTree(diamond);
    const keys: string[] = [];
    const walk = (n: typeof root) => {
      keys.push(n.key);
      n.children.forEach(walk);
    };
    walk(root);
    expect(keys.filter((k) => k.endsWith('/p'))).toHaveLength(2);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.some((k) => k.split('/').filter((id) => id === 'm').length > 1)).toBe(false);
  });
});

describe('chain layout', () => {
  it('puts sources left of the batch and receivers right of it, each column a node width apart', () => {
    const layout = layoutChain(backward, forward);
    const x = (id: string) => layout.nodes.find((n) => n.id === id)!.x;
    expect(x('a')).toBe(x('b'));
    expect(x('a')).toBeLessThan(x('m'));
    expect(x('m')).toBeLessThan(x('x'));
    expect(x('x')).toBeLessThan(x('p'));
    expect(layout.nodes.find((n) => n.id === 'm')!.root).toBe(true);
    expect(layout.edges).toHaveLength(5);
    expect(layout.width).toBeGreaterThanOrEqual(x('p') + NODE_W);
  });

  it('draws what it has when one direction is missing', () => {
    const layout = layoutChain(null, forward);
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(['m', 'p', 'x', 'y']);
  });

  it('cuts long text to its width with an ellipsis', () => {
    expect(clip('寿光市化龙镇绿源蔬菜专业合作社', 60, 12)).toBe('寿光市化龙…');
    expect(clip('short', 100, 12)).toBe('short');
  });
});

describe('what a scan or a paste gave', () => {
  it('reads the token of an electronic identity from its link or as typed', () => {
    expect(identityToken('https://trace.example.cn/e/a6VQSRRAAVS09zNchj5PagdY')).toBe('a6VQSRRAAVS09zNchj5PagdY');
    expect(identityToken('  a6VQSRRAAVS09zNchj5PagdY ')).toBe('a6VQSRRAAVS09zNchj5PagdY');
    expect(identityToken('https://trace.example.cn/t/13707836247324799775')).toBeNull();
    expect(identityToken('short')).toBeNull();
  });

  it('reads a trace code from a label link, a GS1 Digital Link or as typed', () => {
    expect(traceCodeOf('http://localhost:3000/t/13707836247324799775')).toBe('13707836247324799775');
    expect(traceCodeOf('https://x.cn/01/06901234567892/10/13707836247324799775')).toBe('13707836247324799775');
    expect(traceCodeOf('1370 7836 2473 2479 9775')).toBe('13707836247324799775');
  });

  it('checks a GTIN as the server does', () => {
    expect(gtinProblem('6901234567892')).toBeNull();
    expect(gtinProblem('6901234567891')).toBe('CHECK_DIGIT');
    expect(gtinProblem('12345')).toBe('LENGTH');
    expect(gtinProblem('96385074')).toBeNull();
  });
});
