import { describe, expect, it } from 'vitest';
import { createJsCapture } from '../../src/capture/js/js.js';
import { createToAllocateAtMost } from '../../src/matchers/to-allocate-at-most.js';
import { createToRetainAtMost } from '../../src/matchers/to-retain-at-most.js';
import { measureAllocation, measureRetention } from '../../src/matchers/measure.js';
import { context, deps } from './fakes.js';

// Real measurements with the pure-JS capture: sizes are chosen far above the
// noise (a few KB) so the assertions hold on any machine.
const capture = createJsCapture();
const kept: unknown[] = [];

describe('measureAllocation', () => {
  it('counts garbage: 100 calls each allocating an 80 KB array come to at least 64 KB per call', async () => {
    const m = await measureAllocation(() => new Array(10_000).fill(1.5), capture, { calls: 100 });
    expect(m.perCall).toBeGreaterThan(64 * 1024);
    expect(m.gcCount).toBeGreaterThan(0);
    expect(m.totalBytes).toBeCloseTo(m.perCall * 100, 3);
  });

  it('finds next to nothing for a function that allocates nothing', async () => {
    let sum = 0;
    // Enough calls that the process's own allocations in the window (the
    // worker's timers and messages, code V8 compiles) amount to little per
    // call: over 1000 calls they once read 263 B per call.
    const m = await measureAllocation(() => { sum += 1; }, capture, { calls: 10_000 });
    expect(m.perCall).toBeLessThan(256);
    expect(sum).toBe(10_010);
  });

  it('awaits async functions', async () => {
    let finished = 0;
    await measureAllocation(async () => { await Promise.resolve(); finished++; }, capture, { calls: 5, warmup: 2 });
    expect(finished).toBe(7);
  });

  it('checks its options by name', async () => {
    await expect(measureAllocation(() => 1, capture, { calls: 0 })).rejects.toMatchObject({ code: 'ERR_MEMSCOPE_INVALID_OPTION', message: expect.stringContaining('`calls`') });
    await expect(measureAllocation(() => 1, capture, { rounds: 3 })).rejects.toMatchObject({ message: expect.stringContaining('unknown option `rounds`') });
  });

  it('reports a throwing function as ERR_MEMSCOPE_FN_THREW with the call number', async () => {
    let n = 0;
    const fn = () => { if (++n === 3) throw new Error('boom'); };
    await expect(measureAllocation(fn, capture, { warmup: 0 })).rejects.toMatchObject({
      code: 'ERR_MEMSCOPE_FN_THREW', message: expect.stringContaining('threw on call 3: Error: boom'),
    });
  });
});

describe('measureRetention', () => {
  it('sees what a call keeps: 1 MiB pushed onto a module-level array', async () => {
    const m = await measureRetention(() => { kept.push(new Array(128 * 1024).fill(0.5)); }, capture);
    expect(m.retainedBytes).toBeGreaterThan(768 * 1024);
    expect(m.calls).toBe(1);
  });

  it('counts external memory (Buffers) too', async () => {
    const m = await measureRetention(() => { kept.push(Buffer.alloc(512 * 1024, 1)); }, capture);
    expect(m.externalBytes).toBeGreaterThanOrEqual(512 * 1024);
  });

  it('does not count garbage or the return value', async () => {
    // 5 calls × 1 MiB of garbage; the process's own noise stays well under 256 KiB.
    const m = await measureRetention(() => new Array(128 * 1024).fill(0.5), capture, { calls: 5 });
    expect(m.retainedBytes).toBeLessThan(256 * 1024);
  });
});

describe('toAllocateAtMost / toRetainAtMost', () => {
  const real = deps({ capture: () => capture });

  it('toAllocateAtMost fails above the budget with the figure per call and how it was measured', async () => {
    const result = await createToAllocateAtMost(real).call(context(), () => new Array(10_000).fill(1.5), 1024);
    expect(result.pass).toBe(false);
    const message = result.message();
    expect(message).toContain('Expected: at most 1.0 KiB per call');
    expect(message).toMatch(/Received: \d+(\.\d)? KiB per call \(.* over 100 calls after 10 warm-up, \d+ GCs? in between\)/);
  });

  it('toAllocateAtMost passes under the budget', async () => {
    expect((await createToAllocateAtMost(real).call(context(), () => 1, 1024)).pass).toBe(true);
  });

  it('toRetainAtMost fails with heap and external split out', async () => {
    const result = await createToRetainAtMost(real).call(context(), () => { kept.push(new Array(128 * 1024).fill(0.5)); }, 64 * 1024);
    expect(result.pass).toBe(false);
    expect(result.message()).toMatch(/Received: [\d.]+ (KiB|MiB) retained after 1 call and a settled GC \(heap [\d.]+ (KiB|MiB), external/);
  });

  it('rejects a budget that is not a number of bytes', async () => {
    await expect(createToRetainAtMost(real).call(context(), () => 1, '1kb')).rejects.toMatchObject({
      code: 'ERR_MEMSCOPE_INVALID_OPTION', message: 'toRetainAtMost: `bytes` must be a finite number of bytes ≥ 0, got "1kb".',
    });
    await expect(createToAllocateAtMost(real).call(context(), () => 1, -1)).rejects.toMatchObject({ code: 'ERR_MEMSCOPE_INVALID_OPTION' });
  });
});
