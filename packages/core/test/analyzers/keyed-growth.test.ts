import { describe, expect, it } from 'vitest';
import { createJsCapture } from '../../src/capture/js/js.js';
import type { HeapGraph } from '../../src/capture/types.js';
import { HeapIndex, NodeType } from '../../src/analyzers/heap-index.js';
import { keyCounts, keyedGrowth, PROPERTIES_EDGE, SYMBOLS_EDGE } from '../../src/analyzers/keyed-growth.js';
import { leakFilterRules } from '../../src/analyzers/rule-list.js';
import { memberCount } from '../../src/verdict/explain/turnover.js';

/** The highest id of a JS object in a snapshot: what the explanation's first mark returns. */
function maxId(graph: HeapGraph): number {
  let max = 0;
  for (let i = 0; i < graph.nodeCount; i++) {
    if (graph.nodeTypes[i] === NodeType.native || graph.nodeTypes[i] === NodeType.synthetic) continue;
    max = Math.max(max, graph.nodeIds[i]!);
  }
  return max;
}

class Ring {
  cache: Record<string, string> = {};
}

describe('keyed growth on a real heap', () => {
  const capture = createJsCapture();
  const unique = `${process.pid}-${Date.now()}`;

  it('a dictionary that interns new keys is one group named after its holder, its keys counted; a bounded one turning over is none', () => {
    const growing = new Ring();
    const bounded = new Ring();
    (globalThis as Record<string, unknown>).keyedGrowthHolders = { growing, bounded };
    for (let i = 0; i < 500; i++) {
      growing.cache[`grow-${unique}-${i}`] = 'server-a';
      bounded.cache[`bound-${unique}-${i}`] = 'server-a';
    }
    capture.gc();
    const first = capture.heapGraph();
    const atStart = keyCounts(first);
    const boundary = maxId(first);
    for (let i = 500; i < 800; i++) {
      growing.cache[`grow-${unique}-${i}`] = 'server-a';
      delete bounded.cache[`bound-${unique}-${i - 500}`];
      bounded.cache[`bound-${unique}-${i}`] = 'server-a';
    }
    capture.gc();
    const index = new HeapIndex(capture.heapGraph());
    const groups = keyedGrowth(index, [boundary], leakFilterRules, atStart);
    const mine = groups.filter((g) => /Ring → cache/.test(g.pathText));
    expect(mine).toHaveLength(1);
    const [group] = mine;
    expect(index.id(group!.holder!.node)).toBe(capture.objectId(growing.cache));
    expect(group!.pathText).toMatch(/Ring → cache → Object$/);
    expect(group!.holder).toMatchObject({ label: 'Object', edge: PROPERTIES_EDGE, variable: 'cache' });
    expect(group!.countsPerInterval).toEqual([300]);
    // Each key's own bytes and its share of the store.
    expect(group!.bytes / 300).toBeGreaterThan(24);
    // Without the first snapshot's counts, the bounded one looks the same.
    const unguarded = keyedGrowth(index, [boundary], leakFilterRules).filter((g) => /Ring → cache/.test(g.pathText));
    expect(unguarded).toHaveLength(2);
    delete (globalThis as Record<string, unknown>).keyedGrowthHolders;
  });

  it('symbols filed by Symbol.for are the registry\'s growth', () => {
    for (let i = 0; i < 100; i++) Symbol.for(`before-${unique}-${i}`);
    capture.gc();
    const first = capture.heapGraph();
    const atStart = keyCounts(first);
    const boundary = maxId(first);
    // V8 keeps ids by address and forgets the dead only when it next walks
    // the heap: objects that died while the first snapshot was read leave
    // holes whose next occupants inherit old ids (27 of 200 symbols read new
    // under load). One more walk forgets them before the symbols are made.
    capture.heapGraph();
    for (let i = 0; i < 200; i++) Symbol.for(`after-${unique}-${i}`);
    capture.gc();
    const groups = keyedGrowth(new HeapIndex(capture.heapGraph()), [boundary], leakFilterRules, atStart);
    const registry = groups.find((g) => g.holder?.edge === SYMBOLS_EDGE);
    expect(registry?.holder?.label).toBe('Symbol.for registry');
    // Symbols are made in old space: one that lands where a dead object had
    // an id inherits that id (V8's ids are kept by address), and reads as
    // old. Beside this test runner's garbage up to a quarter did (148 of 200).
    expect(registry?.countsPerInterval[0]).toBeGreaterThanOrEqual(100);
  });
});

describe('memberCount', () => {
  it('counts collections, arrays and keys without running user code', () => {
    expect(memberCount(new Map([[1, 2]]))).toBe(1);
    expect(memberCount(new Set([1, 2, 3]))).toBe(3);
    expect(memberCount([1, 2])).toBe(2);
    expect(memberCount({ a: 1, [Symbol('b')]: 2 })).toBe(2);
    let trapped = false;
    const proxy = new Proxy({}, { ownKeys: () => ((trapped = true), []) });
    expect(memberCount(proxy)).toBeNull();
    expect(trapped).toBe(false);
    class SizedMap extends Map {
      override get size(): number {
        throw new Error('user getter ran');
      }
    }
    expect(memberCount(new SizedMap([[1, 1]]))).toBe(1);
    expect(memberCount(new WeakMap([[{}, 1]]))).toBeNull();
    expect(memberCount(new WeakSet())).toBeNull();
    expect(memberCount(undefined)).toBeNull();
    expect(memberCount('text')).toBeNull();
  });
});
