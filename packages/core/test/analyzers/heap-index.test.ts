import { describe, expect, it } from 'vitest';
import { EdgeType, HeapIndex, NodeType } from '../../src/analyzers/heap-index.js';
import type { HeapGraph } from '../../src/capture/types.js';

interface Node {
  id: number;
  name: string;
  type?: number;
  edges?: Array<[type: number, name: string, to: number]>;
}

/** A HeapGraph from a node list; edge targets are node indexes. */
function graphOf(nodes: Node[]): HeapGraph {
  const strings: string[] = [];
  const intern = (text: string): number => {
    const at = strings.indexOf(text);
    return at >= 0 ? at : strings.push(text) - 1;
  };
  const edges = nodes.flatMap((node) => node.edges ?? []);
  const edgeStart = new Uint32Array(nodes.length + 1);
  nodes.forEach((node, i) => (edgeStart[i + 1] = edgeStart[i]! + (node.edges?.length ?? 0)));
  return {
    nodeCount: nodes.length,
    edgeCount: edges.length,
    nodeIds: Uint32Array.from(nodes, (node) => node.id),
    nodeTypes: Uint8Array.from(nodes, (node) => node.type ?? NodeType.object),
    nodeNames: Uint32Array.from(nodes, (node) => intern(node.name)),
    nodeSelfSizes: new Float64Array(nodes.length).fill(16),
    edgeStart,
    edgeTypes: Uint8Array.from(edges, ([type]) => type),
    edgeNames: Uint32Array.from(edges, ([, name]) => intern(name)),
    edgeTargets: Uint32Array.from(edges, ([, , to]) => to),
    strings,
  };
}

const ENTRY = '7 / part of key (Object @40) -> value (Object @50) pair in WeakMap (table @30)';

/** root → (module) cache → WeakMap → table ⇢ value; root → listener scope → key ⇢ value. */
function weakMapHeap(keyHeldElsewhere: boolean): HeapGraph {
  return graphOf([
    { id: 1, name: '', type: NodeType.synthetic, edges: [[EdgeType.element, '1', 1], ...(keyHeldElsewhere ? [[EdgeType.element, '2', 5] as [number, string, number]] : [])] },
    { id: 10, name: 'cache', edges: [[EdgeType.internal, 'table', 2]] },
    { id: 30, name: 'system / EphemeronHashTable', type: NodeType.array, edges: [[EdgeType.weak, '6', 3], [EdgeType.internal, ENTRY, 4]] },
    { id: 40, name: 'Object', edges: [[EdgeType.internal, ENTRY, 4]] },
    { id: 50, name: 'Props' },
    { id: 60, name: 'onKeydown', type: NodeType.closure, edges: [[EdgeType.context, 'props', 3]] },
  ]);
}

describe('HeapIndex shortest retainer paths', () => {
  it("reaches a WeakMap entry's value through its key when something else holds the key", () => {
    const index = new HeapIndex(weakMapHeap(true));
    expect(index.pathTo(4).nodes.map((node) => index.id(node))).toEqual([1, 60, 40, 50]);
  });

  it("falls back to the WeakMap's table when nothing else reaches the value", () => {
    const index = new HeapIndex(weakMapHeap(false));
    expect(index.pathTo(4).nodes.map((node) => index.id(node))).toEqual([1, 10, 30, 50]);
    // Every node still comes after its parent in the walk's order.
    const { order, parents } = index.shortestPathTree();
    const position = new Map(Array.from(order, (node, at) => [node, at]));
    for (const node of order) if (node !== 0) expect(position.get(parents[node]!)!).toBeLessThan(position.get(node)!);
  });
});
