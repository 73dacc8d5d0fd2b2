import { describe, expect, it } from 'vitest';
import type { HeapIndex } from '../../src/analyzers/heap-index.js';
import type { SurvivorGroup } from '../../src/analyzers/survivors.js';
import type { CallRunner } from '../../src/verdict/calls/call-runner.js';
import { withoutStoppedHolders } from '../../src/verdict/explain/turnover.js';

/** A steady group of `members` over the explanation's calls, held by node `holder` through `edge`. */
function group(name: string, holder: number, edge: string, label = 'Object', members = 300): SurvivorGroup {
  return {
    name,
    nodeType: 3,
    members: Array.from({ length: members }, (_, i) => i),
    countsPerInterval: [members],
    bytes: members * 64,
    representative: 0,
    retainerPath: [],
    pathText: '',
    holder: { label, edge, node: holder },
  };
}

/** Node i has id i; the runner's calls go to `onCall`. */
function setUp(values: Map<number, unknown>, onCall: () => void) {
  const index = { id: (node: number) => node } as unknown as HeapIndex;
  const runner = {
    calls: 0,
    async run(calls: number) {
      for (let i = 0; i < calls; i++) onCall();
      this.calls += calls;
    },
  };
  return { index, runner: runner as unknown as CallRunner, objectById: (id: number) => values.get(id), made: () => runner.calls };
}

describe('withoutStoppedHolders', () => {
  it('keeps a holder that grows on and drops a full LRU and a dictionary that stopped filling', async () => {
    const memo = new Map<number, number>();
    const lru = new Map<number, number>();
    const filled: Record<string, number> = {};
    for (let i = 0; i < 5000; i++) {
      lru.set(i, i);
      filled[`k${i}`] = i;
    }
    let n = 5000;
    const { index, runner, objectById, made } = setUp(new Map<number, unknown>([[1, memo], [2, lru], [3, filled]]), () => {
      n++;
      memo.set(n, n);
      lru.delete(lru.keys().next().value!);
      lru.set(n, n);
    });
    const groups = [group('Object', 1, 'Map entries', 'Map'), group('Object', 2, 'Map entries', 'Map'), group('ListElement', 3, 'session:1')];
    const kept = await withoutStoppedHolders({ groups, isCandidate: () => true, index, objectById, runner, calls: 300, onwardCalls: 100 });
    expect(kept.map((g) => g.holder!.node)).toEqual([1]);
    // The Map that grows on is followed in doubling batches up to 10 000 calls.
    expect(made()).toBeLessThanOrEqual(10_000);
    expect(made()).toBeGreaterThan(5_000);
  });

  it('judges each group of a holder on its own rate: a Map gaining an entry per call keeps the group of one object per call', async () => {
    // A Session per call, with its nested objects counted as a group of nine per call under the same Map.
    const sessions = new Map<number, number>();
    let n = 0;
    const { index, runner, objectById } = setUp(new Map<number, unknown>([[1, sessions]]), () => void sessions.set(n++, n));
    const groups = [group('Session', 1, 'Map entries', 'Map', 300), group('Object', 1, 'Map entries', 'Map', 2700)];
    const kept = await withoutStoppedHolders({ groups, isCandidate: () => true, index, objectById, runner, calls: 300, onwardCalls: 100 });
    expect(kept.map((g) => g.name)).toEqual(['Session']);
  });

  it('drops a cache that was still filling after the first onward calls, once it is full', async () => {
    // An LRU of 5000 met after 1500 calls: it fills for 3500 more, then turns over.
    const lru = new Map<number, number>();
    for (let i = 0; i < 1500; i++) lru.set(i, i);
    let n = 1500;
    const { index, runner, objectById, made } = setUp(new Map<number, unknown>([[1, lru]]), () => {
      n++;
      if (lru.size >= 5000) lru.delete(lru.keys().next().value!);
      lru.set(n, n);
    });
    const kept = await withoutStoppedHolders({ groups: [group('Object', 1, 'Map entries', 'Map')], isCandidate: () => true, index, objectById, runner, calls: 300, onwardCalls: 100 });
    expect(kept).toEqual([]);
    expect(made()).toBeLessThanOrEqual(10_000);
  });

  it('leaves groups whose holder cannot be counted, and makes no call for them', async () => {
    const emitter = { on() {} };
    const proxy = new Proxy({}, {});
    const weak = new WeakMap();
    const { index, runner, objectById, made } = setUp(new Map<number, unknown>([[1, emitter], [2, proxy], [3, weak]]), () => {});
    const groups = [
      group('Listener', 1, "'data' listeners", 'EventEmitter'),
      group('Object', 2, 'Map entries', 'Map'),
      group('Object', 3, 'Map entries', 'WeakMap'),
      group('Object', 9, 'array elements', 'Array'),
    ];
    const kept = await withoutStoppedHolders({ groups, isCandidate: () => true, index, objectById, runner, calls: 300, onwardCalls: 100 });
    expect(kept).toHaveLength(4);
    expect(made()).toBe(0);
  });

  it('counts only the candidates: a group that is no steady growth costs no call', async () => {
    const { index, runner, objectById, made } = setUp(new Map<number, unknown>([[1, new Map()]]), () => {});
    const groups = [group('Object', 1, 'Map entries', 'Map')];
    const kept = await withoutStoppedHolders({ groups, isCandidate: () => false, index, objectById, runner, calls: 300, onwardCalls: 100 });
    expect(kept).toHaveLength(1);
    expect(made()).toBe(0);
  });
});
