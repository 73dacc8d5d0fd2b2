import { describe, expect, it } from 'vitest';
import { EdgeType, HeapIndex, NodeType } from '../../src/analyzers/heap-index.js';
import type { GraphWalks, HeapGraph } from '../../src/capture/types.js';
import { captureFactories } from '../support/capture-factories.js';

/** A graph of `ids.length` nodes; node 0 holds the given edges. */
function graphOf(ids: number[], edges: Array<[type: number, name: number, target: number]> = [], strings: string[] = ['']): HeapGraph {
  const nodeCount = ids.length;
  const edgeStart = new Uint32Array(nodeCount + 1).fill(edges.length);
  edgeStart[0] = 0;
  return {
    nodeCount,
    edgeCount: edges.length,
    nodeIds: Uint32Array.from(ids),
    nodeTypes: new Uint8Array(nodeCount),
    nodeNames: new Uint32Array(nodeCount),
    nodeSelfSizes: new Float64Array(nodeCount),
    edgeStart,
    edgeTypes: Uint8Array.from(edges.map((e) => e[0])),
    edgeNames: Uint32Array.from(edges.map((e) => e[1])),
    edgeTargets: Uint32Array.from(edges.map((e) => e[2])),
    strings,
  };
}

describe('HeapIndex.indexOfId', () => {
  it('finds every node of a large graph by its id, and -1 for an id no node has', () => {
    // Odd ids spaced as V8 hands them out, plus a few far apart.
    const ids = Array.from({ length: 50_000 }, (_, i) => 1 + i * 2).concat([2 ** 31 + 7, 2 ** 32 - 1]);
    const index = new HeapIndex(graphOf(ids));
    ids.forEach((id, node) => expect(index.indexOfId(id)).toBe(node));
    expect(index.indexOfId(2)).toBe(-1);
    expect(index.indexOfId(0)).toBe(-1);
    expect(index.indexOfId(2 ** 32 - 3)).toBe(-1);
  });

  it('answers the last node of an id that repeats, as a Map of the ids would', () => {
    expect(new HeapIndex(graphOf([1, 5, 3, 5])).indexOfId(5)).toBe(3);
  });
});

describe('HeapIndex.edgeNameMatches', () => {
  it("tests a named edge's name, and never an element's or hidden edge's index", () => {
    const strings = ['', 'part of key (Object @5) -> value', 'cache', 'value'];
    const graph = graphOf([1, 3], [
      [EdgeType.internal, 1, 1],
      [EdgeType.property, 2, 1],
      [EdgeType.element, 1, 1],
      [EdgeType.hidden, 3, 1],
    ], strings);
    const index = new HeapIndex(graph);
    const pattern = /-> value|^\[?\d+\]?$/;
    expect([0, 1, 2, 3].map((edge) => index.edgeNameMatches(edge, pattern))).toEqual([true, false, false, false]);
    expect([0, 1, 2, 3].map((edge) => index.edgeNameMatches(edge, /^cache$/))).toEqual([false, true, false, false]);
    expect(index.edgeNameMatches(-1, pattern)).toBe(false);
  });
});

describe('HeapIndex.nameMatches', () => {
  it("tests each node's name, one table per pattern", () => {
    const graph = graphOf([1, 3, 5], [], ['', 'CallRunner', 'Session']);
    graph.nodeNames.set([0, 1, 2]);
    const index = new HeapIndex(graph);
    expect([0, 1, 2].map((node) => index.nameMatches(node, /^CallRunner$/))).toEqual([false, true, false]);
    expect([0, 1, 2].map((node) => index.nameMatches(node, /^Sess/))).toEqual([false, false, true]);
    expect(index.nameMatches(1, /^CallRunner$/)).toBe(true);
  });
});

interface Node {
  id: number;
  name: string;
  type?: number;
  edges?: Array<[type: number, name: string, to: number]>;
}

/** A HeapGraph from a node list; edge targets are node indexes. */
function graphFromNodes(nodes: Node[]): HeapGraph {
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
  return graphFromNodes([
    { id: 1, name: '', type: NodeType.synthetic, edges: [[EdgeType.element, '1', 1], ...(keyHeldElsewhere ? [[EdgeType.element, '2', 5] as [number, string, number]] : [])] },
    { id: 10, name: 'cache', edges: [[EdgeType.internal, 'table', 2]] },
    { id: 30, name: 'system / EphemeronHashTable', type: NodeType.array, edges: [[EdgeType.weak, '6', 3], [EdgeType.internal, ENTRY, 4]] },
    { id: 40, name: 'Object', edges: [[EdgeType.internal, ENTRY, 4]] },
    { id: 50, name: 'Props' },
    { id: 60, name: 'onKeydown', type: NodeType.closure, edges: [[EdgeType.context, 'props', 3]] },
  ]);
}

/** The addon's walks, for graphs built by hand; the JavaScript walk alone on a run pinned to pure JS. */
const walkers: Array<[name: string, walks: () => Promise<GraphWalks | undefined>]> = [['JavaScript', async () => undefined]];
if (process.env.MEMSCOPE_CAPTURE !== 'js') {
  walkers.push(['addon', async () => {
    const { loadNativeBinding } = await import('../../src/capture/native.js');
    const binding = loadNativeBinding();
    return { shortestPathTree: binding.shortestPathTree!.bind(binding) };
  }]);
}

describe.each(walkers)('HeapIndex shortest retainer paths, %s walk', (_name, walksFor) => {
  const indexOf = async (graph: HeapGraph) => {
    const walks = await walksFor();
    return new HeapIndex(walks ? { ...graph, walks } : graph);
  };

  it("reaches a WeakMap entry's value through its key when something else holds the key", async () => {
    const index = await indexOf(weakMapHeap(true));
    expect(index.pathTo(4).nodes.map((node) => index.id(node))).toEqual([1, 60, 40, 50]);
  });

  it("falls back to the WeakMap's table when nothing else reaches the value", async () => {
    const index = await indexOf(weakMapHeap(false));
    expect(index.pathTo(4).nodes.map((node) => index.id(node))).toEqual([1, 10, 30, 50]);
    // Every node still comes after its parent in the walk's order.
    const { order, parents } = index.shortestPathTree();
    const position = new Map(Array.from(order, (node, at) => [node, at]));
    for (const node of order) if (node !== 0) expect(position.get(parents[node]!)!).toBeLessThan(position.get(node)!);
  });

  it("skips weak and shortcut edges, code and hidden classes, V8's keep-during-job hold, and memscope's own holders", async () => {
    const index = await indexOf(graphFromNodes([
      { id: 1, name: '', type: NodeType.synthetic, edges: [[EdgeType.element, '1', 1], [EdgeType.element, '2', 2], [EdgeType.internal, 'weak_refs_keep_during_job', 5]] },
      { id: 3, name: 'CallRunner', edges: [[EdgeType.property, 'fn', 3]] },
      { id: 5, name: 'Object', edges: [[EdgeType.weak, 'w', 4], [EdgeType.shortcut, 's', 4], [EdgeType.internal, 'code', 6], [EdgeType.internal, 'map', 7], [EdgeType.property, 'next', 8]] },
      { id: 7, name: 'held by memscope only' },
      { id: 9, name: 'reached weakly only' },
      { id: 11, name: 'kept for the job only' },
      { id: 13, name: 'code', type: NodeType.code },
      { id: 15, name: 'system / Map', type: NodeType.objectShape },
      { id: 17, name: 'Object' },
    ]));
    const { parents, order } = index.shortestPathTree();
    expect(Array.from(order, (node) => index.id(node))).toEqual([1, 3, 5, 17]);
    expect(Array.from(parents)).toEqual([0, 0, 0, -1, -1, -1, -1, -1, 2]);
  });
});

/** Elements that differ, a length mismatch counting as one (a deep equal of half a million elements takes seconds). */
function differences(a: Int32Array, b: Int32Array): number {
  let count = a.length === b.length ? 0 : 1;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) count++;
  return count;
}

describe.each(captureFactories)('HeapIndex walks on a %s capture snapshot', (path, factory) => {
  it("gives the addon's tree, when the capture has it, and the JavaScript walk's the same to the element", async () => {
    const capture = await factory();
    const graph = capture.heapGraph();
    // The native capture hands its graphs the addon's walk; the pure-JS one has none.
    expect(graph.walks !== undefined).toBe(path === 'native');
    const plain: HeapGraph = { ...graph };
    delete plain.walks;
    const tree = new HeapIndex(graph).shortestPathTree();
    const inJavaScript = new HeapIndex(plain).shortestPathTree();
    expect(tree.order.length).toBeGreaterThan(10_000);
    expect(differences(tree.order, inJavaScript.order)).toBe(0);
    expect(differences(tree.parents, inJavaScript.parents)).toBe(0);
    expect(differences(tree.parentEdges, inJavaScript.parentEdges)).toBe(0);
  });
});

/** Timers a bounded set keeps, each watched through a WeakRef, as the handle tracker watches them. */
class TimerLike {}
const keptByUser = { pending: Array.from({ length: 20 }, () => new TimerLike()) };

describe.each(captureFactories)('HeapIndex retainer paths on a %s capture snapshot', (_path, factory) => {
  it("leads to the user's holder, not to V8's keep-during-job set of WeakRef targets", async () => {
    const capture = await factory();
    // Made and dereferenced in the job that takes the snapshot: V8 then holds
    // every target from (Strong roots) too, on a shorter path than the user's.
    const refs = keptByUser.pending.map((timer) => new WeakRef(timer));
    expect(refs.every((ref) => ref.deref() !== undefined)).toBe(true);
    const index = new HeapIndex(capture.heapGraph());
    const { edges } = index.pathTo(index.indexOfId(capture.objectId(keptByUser.pending[7])));
    const labels = edges.map((edge) => index.edgeLabel(edge));
    expect(labels).not.toContain('weak_refs_keep_during_job');
    expect(labels.slice(-2)).toEqual(['pending', '[7]']);
  });
});
