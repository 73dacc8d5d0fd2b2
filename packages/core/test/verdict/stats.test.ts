import { describe, expect, it } from 'vitest';
import { judgeGrowth, median, pairwiseSlopes, withoutSteps } from '../../src/verdict/screen/stats.js';
import { samplingInterval } from '../../src/verdict/explain/explain.js';

/** A steady leak of `perRound` bytes plus alternating ±noise: the shape async code gives. */
function leakWithNoise(perRound: number, noise: number, rounds: number): number[] {
  return Array.from({ length: rounds + 1 }, (_, i) => 1e6 + i * perRound + (i % 2 ? noise : -noise));
}

describe('pairwiseSlopes', () => {
  it('has one slope per pair of rounds and recovers a line exactly', () => {
    const slopes = pairwiseSlopes([0, 10, 20, 30]);
    expect(slopes).toHaveLength(6);
    expect(new Set(slopes)).toEqual(new Set([10]));
  });

  it('keeps its median on the trend when one round jumps', () => {
    const series = [0, 100, 200, 50_000, 400, 500, 600];
    expect(median(pairwiseSlopes(series))).toBeCloseTo(100, 0);
  });
});

describe('judgeGrowth', () => {
  it('calls a leak at the noise level growing where round deltas alone are split', () => {
    // Deltas alternate +12 KiB / −8 KiB: half the rounds fall, yet it grows 2 KiB a round.
    const series = leakWithNoise(2048, 5120, 12);
    expect(judgeGrowth(series, 1024).call).toBe('grows');
  });

  it('calls the same noise without a trend flat or ambiguous, never growing', () => {
    const series = leakWithNoise(0, 5120, 12);
    expect(judgeGrowth(series, 1024).call).not.toBe('grows');
  });

  it('calls a steady fall flat', () => {
    const series = Array.from({ length: 7 }, (_, i) => 1e6 - i * 4096);
    expect(judgeGrowth(series, 512).call).toBe('flat');
  });

  it('calls a one-off step (a cache filled in round 2) not growing', () => {
    const series = [1000, 1000, 9000, 9000, 9000, 9000, 9000];
    expect(judgeGrowth(series, 480).call).not.toBe('grows');
  });
});

describe('withoutSteps', () => {
  it('replaces a one-off step by the typical delta and keeps every delta of a lumpy leak', () => {
    expect(withoutSteps([500, 300, -2_150_000, 400, 600], 1504)).toEqual([500, 300, 400, 400, 600]);
    // A Map gaining 500 objects a round, read page by page.
    const lumpyLeak = [-3616, 182_168, -1032, -2208, 146_760, -20_968];
    expect(withoutSteps(lumpyLeak, 17_000)).toEqual(lumpyLeak);
  });

  it('still sees a lumpy leak growing when a previous verdict\'s garbage is freed in the middle of it', () => {
    const deltas = [-3616, 182_168, -1032, -2_151_368, -2208, 146_760, -20_968, 180_000, 1000];
    const series = deltas.reduce<number[]>((acc, d) => [...acc, acc[acc.length - 1]! + d], [1e7]);
    expect(judgeGrowth(series, 17_000).call).not.toBe('flat');
    expect(judgeGrowth(series, 17_000).theilSenPerRound).toBeGreaterThan(17_000);
  });

  it('calls a clean heap flat when a large temporary is kept by one collection and freed by the next', () => {
    // Measured beside a 20 MB heap: ±230 KB toggles between quiet rounds.
    const deltas = [400, 300, -228_000, 228_500, 500, 350];
    const series = deltas.reduce<number[]>((acc, d) => [...acc, acc[acc.length - 1]! + d], [1e7]);
    expect(judgeGrowth(series, 1504).call).toBe('flat');
  });

  it('still calls a leak growing when one round of it is a step', () => {
    const deltas = [3000, 3100, 2900, 2_500_000, 3000, 3050];
    const series = deltas.reduce<number[]>((acc, d) => [...acc, acc[acc.length - 1]! + d], [1e7]);
    expect(judgeGrowth(series, 1504).call).toBe('grows');
  });
});

describe('samplingInterval', () => {
  it('samples finely for a small leak in a function that allocates little', () => {
    expect(samplingInterval(120, 3, 8, 100)).toBeLessThanOrEqual(512);
  });

  it('samples coarsely when the function allocates megabytes of garbage per call', () => {
    const interval = samplingInterval(120, 3, 8, 200_000);
    // At most ~20 000 samples over the explanation's 360 calls.
    expect((200_000 * 360) / interval).toBeLessThanOrEqual(20_000);
    expect(interval).toBeLessThanOrEqual(65_536);
  });
});
