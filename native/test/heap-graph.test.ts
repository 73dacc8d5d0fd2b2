import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NativeHeapGraph } from '@memscope/native';
import { native } from './load-native.js';

const PROPERTY_EDGE = 2;
const ELEMENT_EDGE = 1;

class GraphProbeHolder {
  constructor(readonly probeField: GraphProbeTarget) {}
}
class GraphProbeTarget {
  readonly items = ['first', 'second'];
}
const holder = new GraphProbeHolder(new GraphProbeTarget());

function nodeName(graph: NativeHeapGraph, node: number): string {
  return graph.strings[graph.nodeNames[node]!]!;
}

function edgesOf(graph: NativeHeapGraph, node: number): Array<{ type: number; name: number; target: number }> {
  const edges = [];
  for (let edge = graph.edgeStart[node]!; edge < graph.edgeStart[node + 1]!; edge++) {
    edges.push({ type: graph.edgeTypes[edge]!, name: graph.edgeNames[edge]!, target: graph.edgeTargets[edge]! });
  }
  return edges;
}

describe('heapGraph', () => {
  let first: NativeHeapGraph;
  let second: NativeHeapGraph;

  beforeAll(() => {
    first = native.heapGraph();
    second = native.heapGraph();
  });

  // Each held graph adds its string table to the next snapshot.
  afterAll(() => {
    first = undefined!;
    second = undefined!;
  });

  it('starts with the synthetic root and has consistent CSR arrays', () => {
    expect(first.nodeTypes[0]).toBe(9);
    expect(first.nodeIds[0]).toBe(1);
    expect(first.nodeIds.length).toBe(first.nodeCount);
    expect(first.edgeStart.length).toBe(first.nodeCount + 1);
    expect(first.edgeStart[first.nodeCount]).toBe(first.edgeCount);
    expect(first.edgeTargets.length).toBe(first.edgeCount);
    let decreasing = 0;
    for (let node = 0; node < first.nodeCount; node++) {
      if (first.edgeStart[node + 1]! < first.edgeStart[node]!) decreasing++;
    }
    expect(decreasing).toBe(0);
    expect(first.edgeTargets.reduce((max, target) => Math.max(max, target), 0)).toBeLessThan(first.nodeCount);
    expect(new Set(first.strings).size).toBe(first.strings.length);
  });

  it('says how long each of its phases took', () => {
    const { snapshot, serialize, read, release } = first.phasesMs;
    for (const ms of [snapshot, serialize, read, release]) expect(ms).toBeGreaterThanOrEqual(0);
    expect(snapshot).toBeGreaterThan(0);
    expect(read).toBeGreaterThan(0);
  });

  it('finds an instance of our class, named after it, behind the holder property', () => {
    const id = native.objectId(holder.probeField);
    const node = first.nodeIds.indexOf(id);
    expect(node).toBeGreaterThan(0);
    expect(nodeName(first, node)).toBe('GraphProbeTarget');

    const holderNode = first.nodeIds.indexOf(native.objectId(holder));
    expect(nodeName(first, holderNode)).toBe('GraphProbeHolder');
    const toTarget = edgesOf(first, holderNode).find((edge) => edge.target === node);
    expect(toTarget?.type).toBe(PROPERTY_EDGE);
    expect(first.strings[toTarget!.name]).toBe('probeField');
  });

  it('names element edges by their index', () => {
    const arrayNode = first.nodeIds.indexOf(native.objectId(holder.probeField.items));
    const elements = edgesOf(first, arrayNode).filter((edge) => edge.type === ELEMENT_EDGE);
    expect(elements.map((edge) => edge.name)).toEqual([0, 1]);
    expect(elements.map((edge) => nodeName(first, edge.target))).toEqual(['first', 'second']);
  });

  it('keeps object ids stable across graphs', () => {
    const id = native.objectId(holder.probeField);
    expect(second.nodeIds.indexOf(id)).toBeGreaterThan(0);
    expect(nodeName(second, second.nodeIds.indexOf(id))).toBe('GraphProbeTarget');
    const firstIds = new Set(first.nodeIds);
    const shared = second.nodeIds.filter((nodeId) => firstIds.has(nodeId)).length;
    expect(shared / first.nodeCount).toBeGreaterThan(0.9);
  });

  it('hands a live object back by its id, and nothing for an id no live object has', () => {
    const id = native.objectId(holder.probeField);
    expect(native.objectById(id)).toBe(holder.probeField);
    expect(native.objectById(0)).toBeUndefined();
    expect(native.objectById(Math.max(...second.nodeIds) + 1e6)).toBeUndefined();
    expect(() => native.objectById('1' as unknown as number)).toThrow(/objectById: argument `id` must be an integer, got a string/);
  });
});

// Names travel through V8's JSON escapes (quotes, control characters,
// \uXXXX for anything past ASCII); they must come out as they went in.
const ESCAPED_KEY = 'naïve "quoted" back\\slash\nline\ttab\u0001 ✓ 中';
const ESCAPED_VALUE = ['value é ✓ "q"', '\\ \n', 'ünïcode'].join(' ');
class EscapeProbe {
  readonly [ESCAPED_KEY] = new GraphProbeTarget();
  readonly text = ESCAPED_VALUE;
}
const escapeProbe = new EscapeProbe();

describe('heapGraph string table', () => {
  // 13 bytes per chunk cuts every number, string and escape somewhere.
  it.each([['default chunks', undefined], ['13-byte chunks', '13']])('reads escaped and non-ASCII names with %s', (_, chunkBytes) => {
    if (chunkBytes !== undefined) process.env.MEMSCOPE_SNAPSHOT_CHUNK_BYTES = chunkBytes;
    let graph: NativeHeapGraph;
    try {
      graph = native.heapGraph();
    } finally {
      delete process.env.MEMSCOPE_SNAPSHOT_CHUNK_BYTES;
    }
    expect(graph.edgeStart[graph.nodeCount]).toBe(graph.edgeCount);
    const probe = graph.nodeIds.indexOf(native.objectId(escapeProbe));
    expect(nodeName(graph, probe)).toBe('EscapeProbe');
    const named = edgesOf(graph, probe)
      .filter((edge) => edge.type === PROPERTY_EDGE)
      .map((edge) => `${graph.strings[edge.name]} -> ${nodeName(graph, edge.target)}`);
    expect(named).toEqual(expect.arrayContaining([`${ESCAPED_KEY} -> GraphProbeTarget`, `text -> ${ESCAPED_VALUE}`]));
    expect(new Set(graph.strings).size).toBe(graph.strings.length);
  });
});

describe('objectId and markObjectIds', () => {
  it('gives 0 to an object no snapshot has seen, then the id a later graph uses', () => {
    const fresh = { fresh: true };
    expect(native.objectId(fresh)).toBe(0);
    const graph = native.heapGraph();
    const id = native.objectId(fresh);
    expect(id).toBeGreaterThan(0);
    expect(graph.nodeIds).toContain(id);
  });

  it('marks: objects allocated after a mark get higher ids', () => {
    const older = { older: true };
    const mark = native.markObjectIds();
    expect(native.objectId(older)).toBeGreaterThan(0);
    expect(native.objectId(older)).toBeLessThanOrEqual(mark);
    const newer = Array.from({ length: 100 }, (_, index) => ({ index }));
    native.markObjectIds();
    for (const value of newer) expect(native.objectId(value)).toBeGreaterThan(mark);
  });

  it('counts the live bytes of what each interval between two marks allocated', () => {
    native.markObjectIds();
    const { next } = native.liveBytesByInterval(2 ** 40);
    const kept = Array.from({ length: 1000 }, (_, index) => ({ index, twice: index * 2 }));
    native.markObjectIds();
    let dropped: object[] | null = Array.from({ length: 1000 }, (_, index) => ({ index }));
    native.markObjectIds();
    const whileAlive = native.liveBytesByInterval(next).bytes;
    dropped = null;
    native.markObjectIds();
    const after = native.liveBytesByInterval(next);
    // A thousand objects of at least 16 bytes each, in the interval that allocated them.
    expect(whileAlive[0]).toBeGreaterThan(16_000);
    expect(whileAlive[1]).toBeGreaterThan(16_000);
    expect(after.bytes[0]).toBeGreaterThan(16_000);
    // The dropped thousand are gone from theirs once a mark collected them.
    expect(after.bytes[1]).toBeLessThan(2_000);
    expect(after.next).toBe(next + 3);
    expect(kept.length + (dropped === null ? 0 : 1)).toBe(1000);
  });

  it('refuses a primitive with a message naming the argument', () => {
    expect(() => native.objectId(42 as unknown as object)).toThrow(
      'objectId: argument `value` must be an object or function, got the number 42',
    );
  });
});
