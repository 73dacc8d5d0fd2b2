import { describe, expect, it } from 'vitest';
import { valuesThroughHolders } from '../../src/analyzers/values-through-holders.js';

/** Ids handed out per object, as a heap snapshot's would be; the capture's lookup counts its calls. */
function fakeHeap(values: object[]) {
  const ids = new Map<object, number>(values.map((value, i) => [value, 100 + i]));
  const walks: number[] = [];
  const lookup = (id: number) => {
    walks.push(id);
    return values.find((value) => ids.get(value) === id);
  };
  return { idOf: (value: object) => ids.get(value) ?? 0, lookup, walks };
}

describe('valuesThroughHolders', () => {
  it("finds a Map's key and value, a Set's member and an array's element among a holder already looked up, with no second walk", () => {
    const key = { key: true };
    const value = { value: true };
    const member = { member: true };
    const element = { element: true };
    const map = new Map([[key, value]]);
    const set = new Set([member]);
    const array = [1, element];
    const heap = fakeHeap([map, set, array, key, value, member, element]);
    const byId = valuesThroughHolders(heap.lookup, heap.idOf);
    expect(byId(heap.idOf(map))).toBe(map);
    expect(byId(heap.idOf(set))).toBe(set);
    expect(byId(heap.idOf(array))).toBe(array);
    expect(heap.walks).toHaveLength(3);
    expect(byId(heap.idOf(value))).toBe(value);
    expect(byId(heap.idOf(key))).toBe(key);
    expect(byId(heap.idOf(member))).toBe(member);
    expect(byId(heap.idOf(element))).toBe(element);
    expect(heap.walks).toHaveLength(3);
  });

  it('asks the capture for what no holder holds, and answers what it answers', () => {
    const loose = { loose: true };
    const map = new Map([[1, { other: true }]]);
    const heap = fakeHeap([map, loose]);
    const byId = valuesThroughHolders(heap.lookup, heap.idOf);
    byId(heap.idOf(map));
    expect(byId(heap.idOf(loose))).toBe(loose);
    expect(byId(999)).toBeUndefined();
    expect(heap.walks).toEqual([heap.idOf(map), heap.idOf(loose), 999]);
  });

  it('runs no user code while scanning: no getters, no proxy traps, no patched iterators', () => {
    const hidden = { hidden: true };
    const array: unknown[] = [];
    let getterRan = false;
    Object.defineProperty(array, 0, { get: () => ((getterRan = true), hidden), enumerable: true });
    let trapRan = false;
    const proxy = new Proxy(new Map([[1, hidden]]), { get: (target, prop, receiver) => ((trapRan = true), Reflect.get(target, prop, receiver)) });
    const plainMap = new Map([[2, { other: true }]]);
    const heap = fakeHeap([array, proxy, plainMap, hidden]);
    const byId = valuesThroughHolders(heap.lookup, heap.idOf);
    const next = Object.getPrototypeOf(new Map().entries()).next;
    let nextRan = false;
    Object.getPrototypeOf(new Map().entries()).next = function patched(this: Iterator<unknown>) {
      nextRan = true;
      return Reflect.apply(next, this, []);
    };
    try {
      byId(heap.idOf(array));
      byId(heap.idOf(proxy));
      byId(heap.idOf(plainMap));
      expect(byId(heap.idOf(hidden))).toBe(hidden);
    } finally {
      Object.getPrototypeOf(new Map().entries()).next = next;
    }
    expect({ getterRan, trapRan, nextRan }).toEqual({ getterRan: false, trapRan: false, nextRan: false });
    // Found by the capture's walk: neither the getter's slot nor the proxy was scanned.
    expect(heap.walks.at(-1)).toBe(heap.idOf(hidden));
  });
});

describe('valuesThroughHolders with values nearby', () => {
  it('finds a value among those nearby with no walk, reads them once, and walks for the rest', () => {
    const cache = new Map([[1, { entry: true }]]);
    const elsewhere = { elsewhere: true };
    const heap = fakeHeap([cache, elsewhere]);
    let reads = 0;
    const byId = valuesThroughHolders(heap.lookup, heap.idOf, () => (reads++, [cache]));
    expect(byId(heap.idOf(cache))).toBe(cache);
    expect(byId(heap.idOf(elsewhere))).toBe(elsewhere);
    expect(heap.walks).toEqual([heap.idOf(elsewhere)]);
    expect(reads).toBe(1);
  });
});
