import { describe, expect, it } from 'vitest';
import type { Capture } from '../../src/capture/types.js';
import { screen, type ScreenInput } from '../../src/verdict/screen/screen.js';
import { lostInNoise } from '../../src/verdict/screen/screen-noise.js';
import { unresolvedHeapReason } from '../../src/verdict/judge.js';
import type { GrowthJudgement } from '../../src/verdict/screen/stats.js';
import { nowMs } from '../../src/node-clock.js';
import { exactScreenInput } from '../support/exact-screen-input.js';
import { intervalHeapCapture } from '../support/interval-heap.js';

const MB = 1024 * 1024;

/**
 * Round-to-round moves of an exact jsdom heap beside a component that keeps
 * nothing (V8 optimising the environment's code and dropping it again), as
 * measured over rounds of 60 mounts: tens of KB either way.
 */
const JSDOM_MOVES = [41_000, -33_000, 52_000, -47_000, 36_000, -21_000, 30_000, -44_000, 48_000, -39_000, 27_000, -35_000, 45_000, -30_000, 33_000, -42_000];

/**
 * A capture whose exact readings move by JSDOM_MOVES in turn, plus
 * `keptPerRound` each round. Its heap is 400 MB: no snapshot of it fits in
 * seconds, whatever rate an earlier snapshot in this process measured.
 */
function movingCapture(keptPerRound: number, sign = 1) {
  return intervalHeapCapture({
    startBytes: 400 * MB,
    beforeSettle: (heap) => {
      heap.pending = heap.exactReadings === 0 ? 0 : sign * JSDOM_MOVES[(heap.exactReadings - 1) % JSDOM_MOVES.length]! + keptPerRound;
    },
  });
}

/** Exact rounds of 60 calls of a function that does nothing; `leftMs` is the test's time left. */
const input = (capture: Capture, leftMs: number | undefined): ScreenInput => exactScreenInput(capture, () => {}, leftMs);

describe('rounds that cannot tell growth from noise', () => {
  it('stop once a judgement can be made: the heap moves by tens of KB a round, no slope stands out, and no snapshot fits', async () => {
    const { capture, heap } = movingCapture(0);
    const result = await screen(input(capture, 4000));
    expect(result.rounds).toBe(4);
    expect(result.lostInNoise).toBe(true);
    expect(result.judgements.get('heapUsed')!.call).not.toBe('grows');
    expect(heap.exactReadings).toBe(5);
  });

  it('leave an ambiguous heap to the snapshot when it fits in the time left, or without a limit', async () => {
    for (const leftMs of [undefined, 3_600_000]) {
      const result = await screen(input(movingCapture(0).capture, leftMs));
      expect(result.rounds).toBe(4);
      expect(result.lostInNoise).toBe(true);
      expect(result.judgements.get('heapUsed')!.call).toBe('ambiguous');
    }
  });

  it('go on for a heap read flat while the snapshot fits: its rounds may pass it without one', async () => {
    // The same moves the other way: the heap falls as often as it rises, and never by less than 20 KB.
    for (const leftMs of [undefined, 3_600_000]) {
      const result = await screen(input(movingCapture(0, -1).capture, leftMs));
      expect(result.rounds).toBeGreaterThanOrEqual(6);
      expect(result.lostInNoise).toBeUndefined();
    }
    const timed = await screen(input(movingCapture(0, -1).capture, 4000));
    expect(timed.rounds).toBe(4);
    expect(timed.lostInNoise).toBe(true);
  });

  it('go on for growth that stands out of the noise: detached panels kept per call (440 KB a round)', async () => {
    const result = await screen(input(movingCapture(440_000).capture, 4000));
    expect(result.lostInNoise).toBeUndefined();
    expect(result.judgements.get('heapUsed')!.call).toBe('grows');
  });

  it('go on when the user set the rounds: each of them runs, and more while the heap reads ambiguous', async () => {
    const result = await screen({ ...input(movingCapture(0).capture, 4000), earlyStop: false });
    expect(result.rounds).toBeGreaterThanOrEqual(6);
    expect(result.lostInNoise).toBeUndefined();
  });
});

const judged = (call: GrowthJudgement['call'], perRound: number, noise: number): GrowthJudgement => ({
  call, theilSenPerRound: perRound, leastSquaresPerRound: perRound, trendPerRound: perRound, r2: 0.2, noise, positiveShare: 0.5,
});

describe('lostInNoise', () => {
  const soon = () => nowMs() + 3000;
  const base = { floor: 8 * 60 + 1024, heapBytes: 400 * MB, roundMs: 150 };

  it('needs a heap whose noise is far above the floor: a quiet heap gets its rounds', () => {
    expect(lostInNoise({ ...base, judgements: new Map([['heapUsed', judged('ambiguous', 4000, 30_000)]]), hardDeadline: soon() })).toBe(true);
    expect(lostInNoise({ ...base, judgements: new Map([['heapUsed', judged('ambiguous', 1500, 3000)]]), hardDeadline: soon() })).toBe(false);
  });

  it('keeps the rounds for any other figure that moved, and for sampled survivors that grow', () => {
    const heap = judged('ambiguous', 4000, 30_000);
    expect(lostInNoise({ ...base, judgements: new Map([['heapUsed', heap], ['handles', judged('ambiguous', 1, 1)]]), hardDeadline: soon() })).toBe(false);
    expect(lostInNoise({ ...base, judgements: new Map([['heapUsed', heap], ['sampledSurvivors', judged('grows', 9000, 100)]]), hardDeadline: soon() })).toBe(false);
  });

  it('never stops growth that clears the noise, nor a heap judged growing', () => {
    expect(lostInNoise({ ...base, judgements: new Map([['heapUsed', judged('ambiguous', 45_000, 30_000)]]), hardDeadline: soon() })).toBe(false);
    expect(lostInNoise({ ...base, judgements: new Map([['heapUsed', judged('grows', 20_000, 30_000)]]), hardDeadline: soon() })).toBe(false);
  });
});

describe('a pass whose explanation did not fit', () => {
  it('says how far the heap moved, per call: growth below that was not ruled out', () => {
    const result = { judgements: new Map([['heapUsed', judged('ambiguous', 2000, 41_000)]]) } as unknown as ScreenResult;
    expect(unresolvedHeapReason(result, 60)).toBe(
      'the heap moved between rounds ±40.0 KiB a round (683 B per call), no trend beyond that; the explanation that would tell a leak from noise did not fit in the time left',
    );
  });
});
