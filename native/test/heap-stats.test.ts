import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { native } from './load-native.js';
import { expectHeapFitsTogether } from '../../test/support/v8-checks.js';

describe('heapStatistics', () => {
  it('returns figures that fit together', () => {
    const stats = native.heapStatistics();
    expectHeapFitsTogether({ used: stats.usedHeapSize, total: stats.totalHeapSize, limit: stats.heapSizeLimit, nativeContexts: stats.numberOfNativeContexts });
    expect(stats.usedHeapSize).toBeGreaterThan(1_000_000);
    expect(stats.numberOfDetachedContexts).toBeGreaterThanOrEqual(0);
    expect(stats.externalMemory).toBeGreaterThan(0);
    // Same source as Node's own figure, moments apart.
    expect(Math.abs(stats.usedHeapSize - process.memoryUsage().heapUsed)).toBeLessThan(2_000_000);
  });

  it('counts a new vm context as a native context', () => {
    const before = native.heapStatistics().numberOfNativeContexts;
    const context = vm.createContext({});
    expect(native.heapStatistics().numberOfNativeContexts).toBeGreaterThan(before);
    expect(vm.runInContext('1 + 1', context)).toBe(2);
  });

  it('sees native memory grow with a large Buffer', () => {
    const before = native.heapStatistics().mallocBytes;
    expect(before).not.toBeNull();
    const block = Buffer.alloc(32 * 1024 * 1024, 1);
    const after = native.heapStatistics().mallocBytes!;
    expect(after - before!).toBeGreaterThanOrEqual(32 * 1024 * 1024);
    expect(block[block.length - 1]).toBe(1);
  });
});

describe('heapSpaceStatistics', () => {
  it('lists the V8 heap spaces with consistent sizes', () => {
    const spaces = native.heapSpaceStatistics();
    const names = spaces.map((space) => space.name);
    expect(names).toEqual(expect.arrayContaining(['new_space', 'old_space', 'code_space', 'large_object_space']));
    for (const space of spaces) expect(space.used).toBeLessThanOrEqual(space.size);
    const used = spaces.reduce((sum, space) => sum + space.used, 0);
    expect(Math.abs(used - native.heapStatistics().usedHeapSize)).toBeLessThan(1_000_000);
  });
});
