import { expect } from 'vitest';

interface SampleLike {
  size: number;
  count: number;
  stack: Array<{ functionName: string; url: string; line: number; column: number }>;
}

/**
 * The samples a sampling heap profile charges to `allocator` (their leaf
 * frame), checked the same way for the addon and for either capture path:
 * more than ten of them, each with bytes, the leaf in the file `url` matches,
 * at a 1-based line and column.
 */
export function samplesAllocatedBy<S extends SampleLike>(samples: S[], allocator: string, url: RegExp): S[] {
  const ours = samples.filter((sample) => sample.stack[0]?.functionName === allocator);
  expect(ours.length).toBeGreaterThan(10);
  const leaf = ours[0]!.stack[0]!;
  expect(leaf.url).toMatch(url);
  expect(leaf.line).toBeGreaterThanOrEqual(1);
  expect(leaf.column).toBeGreaterThanOrEqual(1);
  for (const sample of ours) expect(sample.size * sample.count).toBeGreaterThan(0);
  return ours;
}

/** V8's heap statistics fit together: some heap in use, no more than its size, which is under the limit; at least one native context. */
export function expectHeapFitsTogether(heap: { used: number; total: number; limit: number; nativeContexts: number }): void {
  expect(heap.used).toBeGreaterThan(0);
  expect(heap.used).toBeLessThanOrEqual(heap.total);
  expect(heap.total).toBeLessThan(heap.limit);
  expect(heap.nativeContexts).toBeGreaterThanOrEqual(1);
}
