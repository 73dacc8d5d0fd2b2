import { describe, expect, it } from 'vitest';
import { native, requireNative } from './load-native.js';

describe('gcTotals', () => {
  it('counts collections, their time and the bytes they free', () => {
    const before = native.gcTotals();
    let garbage: unknown[] | null = Array.from({ length: 200_000 }, (_, index) => ({ index }));
    expect(garbage.length).toBe(200_000);
    garbage = null;
    native.collectGarbage('fast');
    const after = native.gcTotals();
    expect(after.count).toBeGreaterThan(before.count);
    expect(after.timeMs).toBeGreaterThan(before.timeMs);
    // 200k small objects are several MB; some may already have gone in scavenges.
    expect(after.freedBytes - before.freedBytes).toBeGreaterThan(2_000_000);
    // Short-lived objects: most of what went leaves the young generation.
    expect(after.youngFreedBytes - before.youngFreedBytes).toBeGreaterThan(1_000_000);
  });

  it('reads young-generation use, which grows with small allocations and empties in a full GC', () => {
    native.collectGarbage('fast');
    const empty = native.youngGenerationUsed();
    const kept = Array.from({ length: 2_000 }, (_, index) => ({ index }));
    expect(native.youngGenerationUsed() - empty).toBeGreaterThan(2_000 * 16);
    expect(native.youngGenerationUsed()).toBeLessThan(native.heapStatistics().usedHeapSize);
    native.collectGarbage('fast');
    expect(native.youngGenerationUsed()).toBeLessThan(2_000 * 16);
    expect(kept.length).toBe(2_000);
  });

  it('counts one forced collection once, even after the addon is initialised again', () => {
    // Opening the file again runs the module's init a second time in this
    // isolate, as a test runner's fresh module registry would.
    const file = requireNative('@memscope/native/loader').loadStatus().path as string;
    const again = { exports: {} as typeof native };
    process.dlopen(again, file);
    expect(typeof again.exports.gcTotals).toBe('function');

    const before = native.gcTotals();
    native.collectGarbage('fast');
    const after = again.exports.gcTotals();
    expect(after.count - before.count).toBe(1);
  });
});
