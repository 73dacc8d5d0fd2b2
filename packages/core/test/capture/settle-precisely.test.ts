import { describe, expect, it } from 'vitest';
import type { Capture } from '../../src/capture/types.js';

/**
 * After a plain forced collection V8 can report heap use a whole page
 * (±200 KB) off for a round; after exact.settle it moves by the bytes the
 * code kept. Native only: the pure-JS path has no cheap equivalent and leaves
 * the method out (the verdict then falls back to gc()).
 */
async function nativeCapture(): Promise<Capture> {
  const { createNativeCapture, loadNativeBinding } = await import('../../src/capture/native.js');
  return createNativeCapture(loadNativeBinding());
}

const heapUsedWithoutCode = (capture: Capture) =>
  capture.heapSpaces().reduce((sum, space) => (space.name.startsWith('code') ? sum : sum + space.used), 0);
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

class Kept {
  constructor(readonly n: number) {}
}

// Registered only where the addon is meant to load (as in parity.test.ts):
// a pure-JS run has no native half to test, and registers no skipped test.
const nativeRun = process.env.MEMSCOPE_CAPTURE !== 'js';

describe('exact.settle', () => {
  if (nativeRun) it('native: reads heap use that grows by the few KB a round keeps, round after round', async () => {
    const capture = await nativeCapture();
    const kept: Kept[] = [];
    // Async rounds: promises and reactions of every call are the garbage
    // whose collection moves whole pages.
    const round = async () => {
      for (let i = 0; i < 200; i++) {
        await nextTurn();
        kept.push(new Kept(i));
      }
    };
    await round();
    const readings: number[] = [];
    for (let r = 0; r < 8; r++) {
      await round();
      await nextTurn();
      capture.exact!.settle();
      readings.push(heapUsedWithoutCode(capture));
    }
    const deltas = readings.slice(1).map((value, i) => value - readings[i]!);
    // 200 objects of 16–24 B plus array slots: ~4–6 KB a round.
    const sorted = [...deltas].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    expect(median).toBeGreaterThan(2_000);
    expect(median).toBeLessThan(24_000);
    for (const delta of deltas) expect(Math.abs(delta)).toBeLessThan(100_000);
    expect(kept.length).toBe(1800);
  });

  it('pure-JS: has no exact reads (nor a direct lookup), so callers fall back to a plain collection', async () => {
    const { createJsCapture } = await import('../../src/capture/js/js.js');
    const capture = createJsCapture();
    expect(capture.exact).toBeUndefined();
    expect(capture.lookup).toBeUndefined();
  });
});
