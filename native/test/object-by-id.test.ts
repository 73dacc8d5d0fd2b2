import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NativeHeapGraph } from '@memscope/native';
import { native } from './load-native.js';

const { context: CONTEXT_EDGE, property: PROPERTY_EDGE, internal: INTERNAL_EDGE } = { context: 0, property: 2, internal: 3 };
const HIDDEN_NODE = 0;
const NUMBER_NODE = 7;
const SYMBOL_NODE = 12;

function nodeName(graph: NativeHeapGraph, node: number): string {
  return graph.strings[graph.nodeNames[node]!]!;
}

/** The node an edge of `type` named `name` leads to from `node`, or -1. */
function follow(graph: NativeHeapGraph, node: number, type: number, name: string): number {
  for (let e = graph.edgeStart[node]!; e < graph.edgeStart[node + 1]!; e++) {
    if (graph.edgeTypes[e] === type && graph.strings[graph.edgeNames[e]!] === name) return graph.edgeTargets[e]!;
  }
  return -1;
}

function nodesWhere(graph: NativeHeapGraph, test: (node: number) => boolean, limit: number): number[] {
  const found: number[] = [];
  for (let node = 1; node < graph.nodeCount && found.length < limit; node++) if (test(node)) found.push(node);
  return found;
}

// What this file looks up: a listener closing over a request, and values of
// each kind JavaScript may be handed.
function makeListener() {
  const request = { path: '/orders', attempt: 2.5 };
  return function onTimeout() {
    return request.path;
  };
}
const probe = {
  listener: makeListener(),
  tag: Symbol('object-by-id probe'),
  big: 2n ** 80n,
  text: ['object-by-id', 'probe text'].join(' '),
};

describe('objectById hands over JS values only', () => {
  let graph: NativeHeapGraph;
  let node: (value: object) => number;
  beforeAll(() => {
    graph = native.heapGraph();
    node = (value) => graph.nodeIds.indexOf(native.objectId(value));
  });
  afterAll(() => {
    graph = undefined!;
  });

  it('answers undefined for a closure context, the object behind a fatal error in pretty-format', () => {
    const context = follow(graph, node(probe.listener), INTERNAL_EDGE, 'context');
    expect(nodeName(graph, context)).toBe('system / Context');
    expect(follow(graph, context, CONTEXT_EDGE, 'request')).toBeGreaterThan(0);
    expect(native.objectById(graph.nodeIds[context]!)).toBeUndefined();
  });

  it('answers undefined for code, scope descriptions, hidden classes and private symbols', () => {
    const closure = node(probe.listener);
    const shared = follow(graph, closure, INTERNAL_EDGE, 'shared');
    const scopeInfo = follow(graph, follow(graph, closure, INTERNAL_EDGE, 'context'), INTERNAL_EDGE, 'scope_info');
    const map = follow(graph, closure, INTERNAL_EDGE, 'map');
    const privateSymbols = nodesWhere(graph, (n) => graph.nodeTypes[n] === HIDDEN_NODE && nodeName(graph, n) === 'private symbol', 3);
    expect(privateSymbols.length).toBeGreaterThan(0);
    for (const internal of [shared, scopeInfo, map, ...privateSymbols]) {
      expect(internal).toBeGreaterThan(0);
      expect(native.objectById(graph.nodeIds[internal]!), nodeName(graph, internal)).toBeUndefined();
    }
  });

  it('hands back objects, functions, strings, bigints and public symbols as themselves', () => {
    expect(native.objectById(native.objectId(probe))).toBe(probe);
    expect(native.objectById(native.objectId(probe.listener))).toBe(probe.listener);
    const holder = node(probe);
    for (const key of ['text', 'big', 'tag'] as const) {
      const target = follow(graph, holder, PROPERTY_EDGE, key);
      expect(native.objectById(graph.nodeIds[target]!)).toBe(probe[key]);
    }
    const publicSymbol = nodesWhere(graph, (n) => graph.nodeTypes[n] === SYMBOL_NODE, 1)[0]!;
    expect(typeof native.objectById(graph.nodeIds[publicSymbol]!)).toBe('symbol');
  });

  // Snapshots leave numbers out of property edges, so any heap number will do.
  it('hands back a heap number as a number (a copy: the box of a double field can change later)', () => {
    const numbers = nodesWhere(graph, (n) => graph.nodeTypes[n] === NUMBER_NODE, 2);
    expect(numbers.length).toBeGreaterThan(0);
    for (const number of numbers) expect(typeof native.objectById(graph.nodeIds[number]!)).toBe('number');
  });

  it("hands back a realm's global object as globalThis, the only face JavaScript knows", () => {
    const globals = nodesWhere(graph, (n) => graph.nodeTypes[n] === 3 && nodeName(graph, n) === 'global', 4);
    expect(globals.length).toBeGreaterThan(0);
    const values = globals.map((n) => native.objectById(graph.nodeIds[n]!));
    expect(values).toContain(globalThis);
  });

  it('checks its argument as every export does', () => {
    expect(native.objectById(0)).toBeUndefined();
    expect(() => native.objectById(1.5)).toThrow(/objectById: argument `id` must be an integer from 0 to 4294967295/);
    expect(() => native.objectById(-1)).toThrow(RangeError);
  });
});
