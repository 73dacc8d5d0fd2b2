import { describe, expect, it } from 'vitest';
import { screenInWindows } from '../../src/verdict/screen/windows.js';
import { nowMs } from '../../src/node-clock.js';
import { exactScreenInput } from '../support/exact-screen-input.js';
import { callKeeping, intervalHeapCapture } from '../support/interval-heap.js';

/**
 * A heap that replaces its own objects (each call keeps 400 new bytes and
 * frees 400 old ones, so no exact window passes) and whose exact reading
 * takes `settleMs`, as a heap walk beside a jsdom heap does on a loaded
 * machine; a plain collection costs nothing.
 */
function slowExactCapture(settleMs: number) {
  const { capture, heap } = intervalHeapCapture({
    beforeSettle: () => {
      const until = nowMs() + settleMs;
      while (nowMs() < until);
    },
  });
  return { capture, fn: callKeeping(heap, 400, 400), heap };
}

const input = exactScreenInput;

describe('exact rounds that would not fit in the time left', () => {
  it('give way to plain rounds after the exact window, which reach a judgement in time', async () => {
    // The window's two readings take 400 ms at least: four rounds at its pace (800 ms) cannot fit in the 600 ms or less left.
    const { capture, fn, heap } = slowExactCapture(200);
    const screened = await screenInWindows(input(capture, fn, 1000), 6, true);
    expect(heap.exactReadings).toBe(2);
    expect(screened.exactRounds).toBe(0);
    expect(screened.result.cutShort).toBeUndefined();
    expect(screened.result.rounds).toBeGreaterThanOrEqual(4);
    expect(screened.result.judgements.get('heapUsed')!.call).toBe('flat');
  });

  it('stay exact without a time limit', async () => {
    const { capture, fn, heap } = slowExactCapture(5);
    const screened = await screenInWindows(input(capture, fn), 6, true);
    expect(screened.exactRounds).toBeGreaterThanOrEqual(4);
    expect(heap.exactReadings).toBeGreaterThan(4);
  });
});
