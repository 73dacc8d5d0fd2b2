import { describe, expect, it, vi } from 'vitest';
import { CallRunner } from '../../src/verdict/calls/call-runner.js';
import { warmUp } from '../../src/verdict/warm-up.js';

// The warm-up's clock, simulated: a call of `ms` moves it by exactly `ms`, so
// a busy machine cannot stretch a call and the counts are the logic's own.
const clock = vi.hoisted(() => ({ now: 0 }));
vi.mock('../../src/node-clock.js', async (importActual) => ({
  ...(await importActual<typeof import('../../src/node-clock.js')>()),
  nowMs: () => clock.now,
}));

async function timedWarmUp(msPerCall: number, calls?: number) {
  const runner = new CallRunner(() => {
    clock.now += msPerCall;
  }, 1000);
  const started = clock.now;
  const meanMs = await warmUp(runner, { warmup: calls });
  return { calls: runner.calls, elapsedMs: clock.now - started, meanMs };
}

describe('warming the function up before a verdict', () => {
  it('stops soon after 50 ms: a 1 ms function makes about 50 calls, not the 70 of doubling batches', async () => {
    const { calls, elapsedMs, meanMs } = await timedWarmUp(1);
    expect(elapsedMs).toBeGreaterThanOrEqual(50);
    expect(meanMs).toBeGreaterThanOrEqual(1);
    // No call past the 50 ms mark at a steady pace (doubling batches made 70).
    expect(calls).toBe(50);
  });

  it('makes 20 calls of a slow function, however long they take', async () => {
    expect((await timedWarmUp(4)).calls).toBe(20);
  });

  it('makes exactly the calls asked for', async () => {
    expect((await timedWarmUp(0.1, 7)).calls).toBe(7);
  });

  it('gives a fast function its own time per call when the machine stalls the process in one batch', async () => {
    // 10 µs a call; call 100 is held up 200 ms, as another busy process holds the core.
    let call = 0;
    const runner = new CallRunner(() => {
      clock.now += 0.01 + (++call === 100 ? 200 : 0);
    }, 1000);
    const msPerCall = await warmUp(runner, {});
    // The mean of the whole warm-up reads about 1.3 ms a call (rounds of 60 calls, not 2000).
    expect(msPerCall).toBeCloseTo(0.01, 6);
  });

  it('stops a fast function at 5000 calls, even one the clock cannot see', async () => {
    const { calls } = await timedWarmUp(0);
    expect(calls).toBeGreaterThanOrEqual(20);
    expect(calls).toBe(5000);
  });
});
