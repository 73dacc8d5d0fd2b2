import { performance } from 'node:perf_hooks';
import { describe, expect, it, vi } from 'vitest';
import { testTimeLeftMs } from '../../src/matchers/test-time-left.js';
import { createToLeak } from '../../src/matchers/to-leak.js';
import { context, deps, leakResult } from './fakes.js';

const wallClock = () => performance.timeOrigin + performance.now();

describe('testTimeLeftMs', () => {
  it("reads jest-circus's running test: its own timeout first, else the state's testTimeout, less a reserve", () => {
    const state = { testTimeout: 5000, currentlyRunningTest: { startedAt: wallClock() - 1000, timeout: undefined as number | undefined } };
    const scope = { [Symbol('JEST_STATE_SYMBOL')]: state };
    const left = testTimeLeftMs(scope)!;
    // 4 s left of 5, less max(500 ms, 15 % of 5 s) = 750 ms.
    expect(left).toBeGreaterThan(3100);
    expect(left).toBeLessThanOrEqual(3250);
    state.currentlyRunningTest.timeout = 20_000;
    expect(testTimeLeftMs(scope)!).toBeGreaterThan(15_500);
  });

  it("reads Vitest's running task: its timeout and start", () => {
    const scope = { __vitest_worker__: { current: { timeout: 5000, result: { startTime: wallClock() - 2000 } } } };
    const left = testTimeLeftMs(scope)!;
    expect(left).toBeGreaterThan(2100);
    expect(left).toBeLessThanOrEqual(2250);
  });

  it('says nothing outside a test, or for a test without a timeout', () => {
    expect(testTimeLeftMs({})).toBeUndefined();
    expect(testTimeLeftMs({ __vitest_worker__: { current: { timeout: 0, result: { startTime: wallClock() } } } })).toBeUndefined();
    expect(testTimeLeftMs({ __vitest_worker__: { current: undefined } })).toBeUndefined();
  });

  it('never hands the verdict less than a millisecond, even past the timeout', () => {
    const scope = { __vitest_worker__: { current: { timeout: 5000, result: { startTime: wallClock() - 60_000 } } } };
    expect(testTimeLeftMs(scope)).toBe(1);
  });

  it('does not follow fake timers: the clock is node:perf_hooks, which they leave alone', () => {
    vi.useFakeTimers({ toFake: ['Date', 'performance', 'setTimeout', 'setImmediate', 'hrtime'] });
    try {
      const scope = { __vitest_worker__: { current: { timeout: 5000, result: { startTime: wallClock() - 1000 } } } };
      vi.advanceTimersByTime(60_000);
      expect(testTimeLeftMs(scope)!).toBeGreaterThan(3000);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('toLeak under a test timeout', () => {
  it("gives the verdict what is left of the test's time, unless the options set a limit", async () => {
    const checkLeak = vi.fn(async () => leakResult(false));
    const matcher = createToLeak(deps({ checkLeak, testTimeLeftMs: () => 3000 }));
    const fn = () => 1;
    await matcher.call(context(true), fn, { rounds: 8 });
    const given = (checkLeak.mock.calls[0] as unknown as [unknown, { timeLimit: number; rounds: number }])[1];
    expect(given.rounds).toBe(8);
    expect(given.timeLimit).toBeGreaterThan(2900);
    expect(given.timeLimit).toBeLessThanOrEqual(3000);
    await matcher.call(context(true), fn, { timeLimit: 60_000 });
    expect(checkLeak).toHaveBeenLastCalledWith(fn, { timeLimit: 60_000 });
  });

  it('fails both ways when the verdict ran out of time, and says how long the test needs', async () => {
    const undecided = { ...leakResult(false), undecided: true };
    undecided.stats = { ...undecided.stats, rounds: 2, reason: 'only 2 of the 4 rounds a verdict needs fit in the time limit: no verdict', cutShort: { step: 'screen', neededMs: 6000, leftMs: 0, limitMs: 4250 } };
    const matcher = createToLeak(deps({ checkLeak: async () => undecided }));
    const notToLeak = await matcher.call(context(true), () => 1);
    const toLeak = await matcher.call(context(false), () => 1);
    // `.not` fails on pass = true; plain fails on pass = false.
    expect(notToLeak.pass).toBe(true);
    expect(toLeak.pass).toBe(false);
    const message = notToLeak.message();
    expect(message).toContain('No verdict: the test ran out of time');
    expect(message).toContain('only 2 of the 4 rounds');
    expect(message).toMatch(/Give the test a timeout of 23000 ms or more/);
    expect(message).toContain("screen left out: needs ~6.0 s, 0.0 s of the test's 4.3 s were left");
  });
});
