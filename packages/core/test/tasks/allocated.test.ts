import { describe, expect, it } from 'vitest';
import { createJsCapture } from '../../src/capture/js/js.js';
import { createNativeCapture, loadNativeBinding } from '../../src/capture/native.js';
import type { Capture, GcTotals } from '../../src/capture/types.js';
import { emptyTotals, figuresBetween, type Reading } from '../../src/tasks/figures.js';
import { totalsAroundGarbage } from '../support/capture-factories.js';

const MB = 1024 * 1024;

function reading(heapUsed: number, youngUsed: number | null, gc: GcTotals = emptyTotals(), forced = emptyTotals()): Reading {
  return { time: 0, heapUsed, youngUsed, external: 0, arrayBuffers: null, malloc: null, gc, forced };
}

const allocated = (start: Reading, end: Reading): number => figuresBetween(start, end, 0).allocated!.value;

describe('allocated between two readings', () => {
  it('keeps what the young generation allocated when the old spaces fall without a GC', () => {
    // 100 KB allocated in new space while background threads hand back 900 KB of old/code space.
    const start = reading(10 * MB, 1 * MB);
    const end = reading(10 * MB + 100_000 - 900_000, 1 * MB + 100_000);
    expect(allocated(start, end)).toBe(100_000);
    // One total would have hidden it behind the clamp.
    expect(allocated(reading(10 * MB, null), reading(10 * MB + 100_000 - 900_000, null))).toBe(0);
  });

  it('counts bytes a scavenge promotes once, in the young share where they were allocated', () => {
    // 2 MB allocated in new space; a scavenge frees 1.5 MB of it and promotes 0.5 MB to old space.
    const start = reading(10 * MB, 1 * MB);
    const gc: GcTotals = { count: 1, timeMs: 1, freedBytes: 1.5 * MB, youngFreedBytes: 2 * MB };
    const end = reading(10.5 * MB, 1 * MB, gc);
    expect(allocated(start, end)).toBe(2 * MB);
  });

  it('adds what went straight to the old spaces (large objects, pretenured sites)', () => {
    const start = reading(10 * MB, 1 * MB);
    const end = reading(10 * MB + 300_000 + 4 * MB, 1 * MB + 300_000);
    expect(allocated(start, end)).toBe(300_000 + 4 * MB);
  });

  it('leaves what memscope forced collections freed out of both shares', () => {
    const forcedGc: GcTotals = { count: 1, timeMs: 5, freedBytes: 3 * MB, youngFreedBytes: 1 * MB };
    const start = reading(10 * MB, 1 * MB);
    // 500 KB allocated in new space, 100 KB of old space handed back; the forced GC's totals cancel out.
    const end = reading(10 * MB + 400_000, 1 * MB + 500_000, forcedGc, forcedGc);
    expect(allocated(start, end)).toBe(500_000);
    // Counted as the task's own, its 3 MB would be added (and the 100 KB drop would cancel within the old share).
    expect(allocated(start, reading(10 * MB + 400_000, 1 * MB + 500_000, forcedGc))).toBe(400_000 + 3 * MB);
  });

  it('falls back to one total when a capture reports no young figures', () => {
    const gc = { count: 1, timeMs: 1, freedBytes: 2 * MB };
    expect(allocated(reading(10 * MB, null), reading(9 * MB, null, gc))).toBe(1 * MB);
    // A reading with youngUsed but totals without the young share: still one total.
    expect(allocated(reading(10 * MB, 1 * MB), reading(9 * MB, 0.5 * MB, gc))).toBe(1 * MB);
  });
});

describe('young-generation figures of the native capture', () => {
  it('reads young use inside heap use, in full and quick readings', () => {
    const capture = createNativeCapture(loadNativeBinding());
    for (const figures of [capture.heapFigures(), capture.quickHeap()]) {
      expect(figures.youngUsed).toBeGreaterThan(0);
      expect(figures.youngUsed).toBeLessThan(figures.heapUsed);
    }
  });
});

describe.each([
  ['native', (): Capture => createNativeCapture(loadNativeBinding())],
  ['js', (): Capture => createJsCapture()],
])('GC totals of the %s capture', (_path, make) => {
  it('carry the young generation share of the bytes a collection freed', () => {
    const { before, after } = totalsAroundGarbage(make());
    // 20k objects died young (or were promoted out of new space): several hundred KB.
    expect(after.youngFreedBytes! - before.youngFreedBytes!).toBeGreaterThan(200_000);
  });
});
