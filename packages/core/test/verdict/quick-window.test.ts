import { describe, expect, it } from 'vitest';
import type { Capture } from '../../src/capture/types.js';
import { CallRunner } from '../../src/verdict/calls/call-runner.js';
import { HandleTracker } from '../../src/verdict/handles/handle-tracker.js';
import { quickExactWindow } from '../../src/verdict/screen/quick-window.js';
import { screenInWindows } from '../../src/verdict/screen/windows.js';
import { callKeeping, intervalHeapCapture } from '../support/interval-heap.js';

/**
 * A 16 MiB heap read by id interval (intervalHeapCapture). Each call keeps
 * `keptPerCall` new bytes and frees `freedPerCall` bytes of the objects that
 * were there from the start.
 */
function intervalCapture(keptPerCall: number, freedPerCall = 0) {
  const { capture, heap } = intervalHeapCapture({ startBytes: 16 * 1024 * 1024 });
  return { capture, fn: callKeeping(heap, keptPerCall, freedPerCall), state: heap };
}

function screenInput(capture: Capture, fn: () => void, tracker = new HandleTracker()) {
  const runner = new CallRunner(fn, 1000);
  return { capture, runner, tracker, gcMode: 'fast' as const, callsPerRound: 60, rounds: 12, maxRounds: 24, threshold: 8, earlyStop: true, precise: true };
}

describe('one exact window passes a clean sync function', () => {
  it('passes a function that keeps nothing after two rounds of calls and two exact readings', async () => {
    const { capture, fn, state } = intervalCapture(0);
    const input = screenInput(capture, fn);
    const screened = await screenInWindows(input, 6, true);
    expect(screened.result.rounds).toBe(2);
    expect(input.runner.calls).toBe(120);
    expect(screened.quick).toEqual({ calls: 120, keptBytes: 0, setAside: false });
    expect(state.exactReadings).toBe(2);
    expect([...screened.result.judgements.values()].every((j) => j.call === 'flat')).toBe(true);
  });

  it('does not pass a leak, and its two readings become the first round of the screen that finds it', async () => {
    const { capture, fn, state } = intervalCapture(60);
    const screened = await screenInWindows(screenInput(capture, fn), 6, true);
    expect(screened.quick).toBeUndefined();
    const heap = screened.result.judgements.get('heapUsed')!;
    expect(heap.call).toBe('grows');
    expect(heap.theilSenPerRound / 60).toBeCloseTo(60, 0);
    // The window's closing reading is the screen's first: one reading more than the rounds use, no more.
    expect(state.exactReadings).toBe(screened.result.measurements.length + 1);
  });

  it('does not pass new survivors that an equal fall of old objects hides from the heap total', async () => {
    const { capture, fn } = intervalCapture(100, 100);
    const window = await quickExactWindow(screenInput(capture, fn));
    expect(window!.measurements[1]!.heapUsed - window!.measurements[0]!.heapUsed).toBe(0);
    expect(window!.keptBytes).toBe(12_000);
    expect(window!.clean).toBe(false);
  });

  it('allows the few KB always in flight at a reading, but not heap growth past half the floor', async () => {
    expect((await quickExactWindow(screenInput(intervalCapture(40, 40).capture, () => {})))!.clean).toBe(true);
    const small = intervalCapture(40, 40);
    expect((await quickExactWindow(screenInput(small.capture, small.fn)))!.clean).toBe(true);
    const growing = intervalCapture(9);
    expect((await quickExactWindow(screenInput(growing.capture, growing.fn)))!.clean).toBe(false);
  });

  it('does not pass a window that left a handle open', async () => {
    const { capture, fn } = intervalCapture(0);
    let open = 0;
    const tracker = { round: 0, liveCount: () => open } as unknown as HandleTracker;
    const window = await quickExactWindow(screenInput(capture, () => (fn(), open++), tracker));
    expect(window!.clean).toBe(false);
  });

  it('is not used for async functions, whose event loop keeps objects in flight', async () => {
    const { capture, state } = intervalCapture(0);
    const input = screenInput(capture, async () => {});
    await input.runner.run(1);
    const screened = await screenInWindows(input, 6, true);
    expect(screened.quick).toBeUndefined();
    expect(state.exactReadings).toBeGreaterThan(2);
  });
});

/** On its tenth call the function compiles `codeBytes` of code that bring `heapBytes` of new objects. */
function compilesOnce(codeBytes: number, heapBytes: number) {
  const { capture, state } = intervalCapture(0);
  let calls = 0;
  const fn = () => {
    if (++calls === 10) {
      state.code += codeBytes;
      state.pending += heapBytes;
    }
  };
  return { capture, fn, state };
}

describe('a window in which V8 compiled code', () => {
  it('is set aside for one more window when the code accounts for its growth', async () => {
    // The first window's calls compile 4 KB of code that brings 8 KB of objects with it.
    const { capture, fn, state } = compilesOnce(4096, 8192);
    const screened = await screenInWindows(screenInput(capture, fn), 6, true);
    expect(screened.quick).toEqual({ calls: 120, keptBytes: 0, setAside: true });
    expect(screened.result.rounds).toBe(4);
    expect(state.exactReadings).toBe(3);
  });

  it('is not set aside when its new survivors are far more than the code brings, though the heap total stayed level', async () => {
    // Each call keeps 400 new bytes and frees 400 old ones (a heap that replaces its own objects), while the window compiles 4 KB.
    const { capture, fn: churn, state } = intervalCapture(400, 400);
    let calls = 0;
    const fn = () => {
      churn();
      if (++calls === 10) state.code += 4096;
    };
    const window = await quickExactWindow(screenInput(capture, fn));
    expect(window!.measurements[1]!.heapUsed - window!.measurements[0]!.heapUsed).toBe(0);
    expect(window!.keptBytes).toBe(48_000);
    expect(window!.codeChanged).toBe(false);
    // No second window: the screen starts at the first window's closing reading.
    const again = intervalCapture(400, 400);
    let againCalls = 0;
    const screened = await screenInWindows(screenInput(again.capture, () => (again.fn(), ++againCalls === 10 && (again.state.code += 4096))), 6, true);
    expect(screened.quick).toBeUndefined();
    expect(again.state.exactReadings).toBe(screened.result.measurements.length + 1);
  });

  it('is not set aside when it grew far more than it compiled', async () => {
    const { capture, fn } = compilesOnce(512, 8192);
    const window = await quickExactWindow(screenInput(capture, fn));
    expect(window!.clean).toBe(false);
    expect(window!.codeChanged).toBe(false);
  });
});
