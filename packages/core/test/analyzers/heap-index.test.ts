import { describe, expect, it } from 'vitest';
import { EdgeType, HeapIndex } from '../../src/analyzers/heap-index.js';
import type { HeapGraph } from '../../src/capture/types.js';

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
