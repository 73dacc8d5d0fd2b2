import { describe, expect, it } from 'vitest';
import type { Capture, HeapSpaceFigures } from '../../src/capture/types.js';
import { CallRunner } from '../../src/verdict/calls/call-runner.js';
import { HandleTracker } from '../../src/verdict/handles/handle-tracker.js';
import { screenInWindows } from '../../src/verdict/screen/windows.js';

/**
 * A capture that behaves as V8 does at its worst after a plain collection:
 * the survivors of every round land in space already counted as used, so a
 * plain reading stays where it was while the heap grows; only an exact
 * reading (exact.settle) shows the growth. `grows` bytes per call.
 */
function hidingCapture(bytesPerCall: number) {
  const state = { live: 8 * 1024 * 1024, shown: 8 * 1024 * 1024, exactReadings: 0 };
  const spaces = (): HeapSpaceFigures[] => [{ name: 'old_space', size: state.shown, used: state.shown, available: 0, physical: state.shown }];
  const capture = {
    path: 'native',
    gc: () => {},
    exact: {
      settle: () => {
        state.shown = state.live;
        state.exactReadings++;
      },
      // No live sums by interval and no code figures: heap use alone is read.
      liveBytesByInterval: () => ({ next: 0, bytes: [] }),
      codeBytes: () => 0,
    },
    heapFigures: () => ({ heapUsed: state.shown, heapTotal: state.shown, heapLimit: 4e9, external: 0, arrayBuffers: 0, malloc: null }),
    heapSpaces: spaces,
    gcTotals: () => ({ count: 0, timeMs: 0, freedBytes: 0, youngFreedBytes: 0 }),
  } as unknown as Capture;
  const fn = () => {
    state.live += bytesPerCall;
  };
  return { capture, fn, state };
}

function screenInput(capture: Capture, fn: () => void) {
  const runner = new CallRunner(fn, 1000);
  return { capture, runner, tracker: new HandleTracker(), gcMode: 'full' as const, callsPerRound: 2000, rounds: 12, maxRounds: 24, threshold: 8, earlyStop: true };
}

describe('a fast function whose plain heap readings hide its growth', () => {
  it('is screened again with exact rounds, which see the leak', async () => {
    const { capture, fn } = hidingCapture(60);
    const { result, exactRounds } = await screenInWindows(screenInput(capture, fn), 6, true);
    expect(exactRounds).toBeGreaterThan(0);
    const heap = result.judgements.get('heapUsed')!;
    expect(heap.call).not.toBe('flat');
    expect(heap.theilSenPerRound / 2000).toBeCloseTo(60, 0);
  });

  it('stays plain, and flat, when the exact ends agree (no growth)', async () => {
    const { capture, fn, state } = hidingCapture(0);
    const { result, exactRounds } = await screenInWindows(screenInput(capture, fn), 6, true);
    expect(exactRounds).toBe(0);
    expect(result.judgements.get('heapUsed')!.call).toBe('flat');
    // One exact reading at each end of the window, nothing more.
    expect(state.exactReadings).toBe(2);
  });

  it('stays plain when the growth between the exact ends is under the threshold', async () => {
    const { capture, fn } = hidingCapture(2);
    const { result, exactRounds } = await screenInWindows(screenInput(capture, fn), 6, true);
    expect(exactRounds).toBe(0);
    expect(result.judgements.get('heapUsed')!.call).toBe('flat');
  });
});
