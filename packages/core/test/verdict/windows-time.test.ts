import { describe, expect, it } from 'vitest';
import type { Capture } from '../../src/capture/types.js';
import { screenInWindows } from '../../src/verdict/screen/windows.js';
import { nowMs } from '../../src/node-clock.js';
import { exactScreenInput } from '../support/exact-screen-input.js';

/**
 * A heap that replaces its own objects (each call keeps 400 new bytes and
 * frees 400 old ones, so no exact window passes) and whose exact reading
 * takes `settleMs`, as a heap walk beside a jsdom heap does on a loaded
 * machine; a plain collection costs nothing.
 */
function slowExactCapture(settleMs: number) {
  const state = { intervals: [20 * 1024 * 1024], pending: 0, exactReadings: 0, plainReadings: 0 };
  const live = () => state.intervals.reduce((sum, bytes) => sum + bytes, 0) + state.pending;
  const capture = {
    path: 'native',
    gc: () => void state.plainReadings++,
    exact: {
      settle: () => {
        const until = nowMs() + settleMs;
        while (nowMs() < until);
        state.intervals.push(state.pending);
        state.pending = 0;
        state.exactReadings++;
      },
      liveBytesByInterval: (from = 0) => ({ next: state.intervals.length, bytes: state.intervals.slice(from) }),
      markIds: () => state.intervals.length,
      // No code is compiled: every reading's growth is the heap's own.
      codeBytes: () => 0,
    },
    heapFigures: () => ({ heapUsed: live(), heapTotal: live(), heapLimit: 4e9, external: 0, arrayBuffers: 0, malloc: null }),
    heapSpaces: () => [{ name: 'old_space', size: live(), used: live(), available: 0, physical: live() }],
    gcTotals: () => ({ count: 0, timeMs: 0, freedBytes: 0, youngFreedBytes: 0 }),
  } as unknown as Capture;
  const fn = () => {
    state.pending += 400;
    state.intervals[0]! -= 400;
  };
  return { capture, fn, state };
}

const input = exactScreenInput;

describe('exact rounds that would not fit in the time left', () => {
  it('give way to plain rounds after the exact window, which reach a judgement in time', async () => {
    // The window's two readings take 400 ms at least: four rounds at its pace (800 ms) cannot fit in the 600 ms or less left.
    const { capture, fn, state } = slowExactCapture(200);
    const screened = await screenInWindows(input(capture, fn, 1000), 6, true);
    expect(state.exactReadings).toBe(2);
    expect(screened.exactRounds).toBe(0);
    expect(screened.result.cutShort).toBeUndefined();
    expect(screened.result.rounds).toBeGreaterThanOrEqual(4);
    expect(screened.result.judgements.get('heapUsed')!.call).toBe('flat');
  });

  it('stay exact without a time limit', async () => {
    const { capture, fn, state } = slowExactCapture(5);
    const screened = await screenInWindows(input(capture, fn), 6, true);
    expect(screened.exactRounds).toBeGreaterThanOrEqual(4);
    expect(state.exactReadings).toBeGreaterThan(4);
  });
});
