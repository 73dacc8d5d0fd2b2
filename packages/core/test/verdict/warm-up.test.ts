import { describe, expect, it } from 'vitest';
import { CallRunner } from '../../src/verdict/call-runner.js';
import { warmUp } from '../../src/verdict/warm-up.js';

/** Busy for `ms` of wall time: its pace does not depend on the machine's load. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

async function timedWarmUp(msPerCall: number, calls?: number) {
  const runner = new CallRunner(() => spin(msPerCall), 1000);
  const started = performance.now();
  const meanMs = await warmUp(runner, { warmup: calls });
  return { calls: runner.calls, elapsedMs: performance.now() - started, meanMs };
}

describe('warming the function up before a verdict', () => {
  it('stops soon after 50 ms: a 1 ms function makes about 50 calls, not the 70 of doubling batches', async () => {
    const { calls, elapsedMs, meanMs } = await timedWarmUp(1);
    expect(elapsedMs).toBeGreaterThanOrEqual(50);
    expect(meanMs).toBeGreaterThanOrEqual(1);
    // At most a few calls past the 50 ms mark, at the pace measured.
    expect(calls).toBeLessThanOrEqual(Math.ceil(50 / meanMs) + 5);
  });

  it('makes 20 calls of a slow function, however long they take', async () => {
    expect((await timedWarmUp(4)).calls).toBe(20);
  });

  it('makes exactly the calls asked for', async () => {
    expect((await timedWarmUp(0.1, 7)).calls).toBe(7);
  });

  it('stops a fast function at 5000 calls', async () => {
    const { calls } = await timedWarmUp(0);
    expect(calls).toBeGreaterThanOrEqual(20);
    expect(calls).toBeLessThanOrEqual(5000);
  });
});
