import { expect, test } from 'vitest';
import { task } from '@memscope/vitest';
import { LruCache } from '../src/cache.js';

test('the least recently used entry is evicted first', () => {
  const cache = new LruCache<string, number>(2);
  cache.set('a', 1);
  cache.set('b', 2);
  cache.get('a');
  cache.set('c', 3);
  expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
});

test('a warmed cache answers every key it was warmed with', async () => {
  // Each task() is a child of this test in the report, with its own figures.
  const cache = new LruCache<number, string>(1000);
  await task('warm the cache', () => {
    for (let key = 0; key < 1000; key++) cache.set(key, `value ${key}`);
  });
  const hits = await task('read it back', () => Array.from({ length: 1000 }, (_, key) => cache.get(key)).filter(Boolean).length);
  expect(hits).toBe(1000);
});

test('a bounded cache stops growing once full', async () => {
  const cache = new LruCache<number, { key: number; label: string }>(64);
  let key = 0;
  await expect(() => {
    key++;
    cache.set(key, { key, label: `item ${key}` });
  }).not.toLeak({ callsPerRound: 200 });
  expect(cache.size).toBe(64);
});

test('a cache hit allocates under 4 KiB', async () => {
  const cache = new LruCache<string, number>(8);
  cache.set('answer', 42);
  await expect(() => cache.get('answer')).toAllocateAtMost(4 * 1024);
});
