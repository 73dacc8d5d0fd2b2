import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { settle } from '../../src/capture/settle.js';
import { createJsCapture } from '../../src/capture/js/js.js';
import type { Capture, HeapGraph } from '../../src/capture/types.js';
import { nodeIndexById, propertyEdges, retainingEdges } from './graph-helpers.js';
import { captureFactories as factories, createNative, totalsAroundGarbage } from '../support/capture-factories.js';
import { expectHeapFitsTogether, samplesAllocatedBy } from '../../../../test/support/v8-checks.js';

/**
 * The same cases against both capture paths, and the two paths against each
 * other. The native half is not optional: when the addon does not load its
 * cases fail with the reason, unless MEMSCOPE_CAPTURE=js says this run is
 * meant to be pure-JS.
 */

class ParityHolder {
  constructor(readonly tracked: ParityTracked) {}
}
class ParityTracked {
  readonly label = 'parity';
  readonly child = new ParityChild();
}
class ParityChild {
  readonly value = 42;
}
const holder = new ParityHolder(new ParityTracked());

const sampledBlocks: number[][] = [];
function allocateParityBlocks(): void {
  for (let index = 0; index < 3000; index++) sampledBlocks.push(new Array<number>(64).fill(index));
}

describe.each(factories)('%s capture', (path, factory) => {
  let capture: Capture;
  let graph: HeapGraph;
  let trackedId: number;

  beforeAll(async () => {
    capture = await factory();
    graph = capture.heapGraph();
    trackedId = capture.objectId(holder.tracked);
  });

  it('says which path it is', () => {
    expect(capture.path).toBe(path);
  });

  it('frees a dropped object with a full GC', async () => {
    let dropped: object | null = { payload: new Array(1000).fill('x') };
    const ref = new WeakRef(dropped);
    dropped = null;
    await settle(capture, 'fast');
    expect(ref.deref()).toBeUndefined();
  });

  it('counts collections, their time and the bytes they free', () => {
    const { before, after } = totalsAroundGarbage(capture);
    expect(after.count).toBeGreaterThan(before.count);
    expect(after.timeMs).toBeGreaterThan(before.timeMs);
    expect(after.freedBytes - before.freedBytes).toBeGreaterThan(500_000);
  });

  it('reports heap figures and spaces that add up', () => {
    const figures = capture.heapFigures();
    expectHeapFitsTogether({ used: figures.heapUsed, total: figures.heapTotal, limit: figures.heapLimit, nativeContexts: figures.nativeContexts });
    const spaces = capture.heapSpaces();
    expect(spaces.map((space) => space.name)).toEqual(expect.arrayContaining(['old_space', 'new_space']));
    for (const space of spaces) expect(space.used).toBeLessThanOrEqual(space.size);
  });

  it('returns a heap graph rooted at node 0 with consistent CSR offsets', () => {
    expect(graph.nodeTypes[0]).toBe(9);
    expect(graph.edgeStart[0]).toBe(0);
    expect(graph.edgeStart[graph.nodeCount]).toBe(graph.edgeCount);
    expect(graph.nodeIds.length).toBe(graph.nodeCount);
    expect(Math.max(...graph.edgeTargets.subarray(0, 100_000))).toBeLessThan(graph.nodeCount);
  });

  it('finds a tracked object by its id, with its properties and its retainer', () => {
    expect(trackedId).toBeGreaterThan(0);
    const node = nodeIndexById(graph, trackedId);
    expect(graph.strings[graph.nodeNames[node]!]).toBe('ParityTracked');
    expect(propertyEdges(graph, node)).toEqual(expect.arrayContaining(['child -> ParityChild', 'label -> parity']));
    expect(retainingEdges(graph, node)).toContain('ParityHolder --2:tracked-->');
  });

  it('finds the function that allocated sampled objects, with 1-based positions', () => {
    capture.startSampling(1024);
    try {
      allocateParityBlocks();
      const [sample] = samplesAllocatedBy(capture.readSampling(), 'allocateParityBlocks', /parity\.test\.ts$/);
      // allocateParityBlocks is not on the file's first line.
      expect(sample!.stack[0]!.line).toBeGreaterThan(1);
    } finally {
      capture.stopSampling();
    }
    expect(capture.readSampling()).toEqual([]);
  });
});

// Defined only when the native half is expected (not skipped otherwise).
if (factories.length === 2) describe('native and js captures agree', () => {
  let js: Capture;
  let native: Capture;
  let jsGraph: HeapGraph;
  let nativeGraph: HeapGraph;
  let jsNodeCount: number;
  let nativeNodeCount: number;

  beforeAll(async () => {
    js = createJsCapture();
    native = await createNative();
    // Counted one at a time: a graph still held adds its own strings to the next snapshot.
    await settle(js, 'thorough');
    jsNodeCount = js.heapGraph().nodeCount;
    await settle(js, 'thorough');
    nativeNodeCount = native.heapGraph().nodeCount;
    await settle(js, 'thorough');
    jsGraph = js.heapGraph();
    nativeGraph = native.heapGraph();
  });

  it('give a tracked object the same id', () => {
    expect(native.objectId(holder.tracked)).toBe(js.objectId(holder.tracked));
  });

  it('see the same edges into the tracked object', () => {
    const id = js.objectId(holder.tracked);
    expect(retainingEdges(nativeGraph, nodeIndexById(nativeGraph, id))).toEqual(
      retainingEdges(jsGraph, nodeIndexById(jsGraph, id)),
    );
  });

  it('see about the same number of nodes', () => {
    expect(Math.abs(nativeNodeCount - jsNodeCount) / jsNodeCount).toBeLessThan(0.02);
  });

  it('place a sampled allocation at the same line and column', () => {
    const frames = [js, native].map((capture) => {
      capture.startSampling(1024);
      try {
        allocateParityBlocks();
        const sample = capture.readSampling().find((s) => s.stack[0]?.functionName === 'allocateParityBlocks');
        return sample?.stack[0];
      } finally {
        capture.stopSampling();
      }
    });
    expect(frames[0]).toBeDefined();
    expect(frames[1]).toEqual(frames[0]);
    expect(fileURLToPath(new URL(frames[0]!.url, 'file:///'))).toMatch(/parity\.test\.ts$/);
  });
});
