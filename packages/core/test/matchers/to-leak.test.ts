import { describe, expect, it, vi } from 'vitest';
import { createToLeak } from '../../src/matchers/to-leak.js';
import { context, deps, leakResult, sessionFinding } from './fakes.js';

describe('toLeak', () => {
  it('passes through the verdict: pass means the function leaked', async () => {
    const leaking = createToLeak(deps({ checkLeak: async () => leakResult(true) }));
    const clean = createToLeak(deps({ checkLeak: async () => leakResult(false) }));
    expect((await leaking.call(context(true), () => 1)).pass).toBe(true);
    expect((await clean.call(context(true), () => 1)).pass).toBe(false);
  });

  it('hands the function and the options to checkLeak unchanged', async () => {
    const checkLeak = vi.fn(async () => leakResult(false));
    const fn = () => 1;
    await createToLeak(deps({ checkLeak })).call(context(), fn, { rounds: 8 });
    expect(checkLeak).toHaveBeenCalledWith(fn, { rounds: 8 });
  });

  it('shows the diagnosis when .not.toLeak() fails: what grew, retainer path, site, preview, statistics', async () => {
    const result = await createToLeak(deps({ checkLeak: async () => leakResult(true) })).call(context(true), () => 1);
    const message = result.message();
    expect(message).toContain('expect(fn).not.toLeak()');
    expect(message).toContain('Session objects: +1 per call (48 B per call)');
    expect(message).toMatch(/retained by\s+\(module\) cache → Map → table\[k\] → Session/);
    expect(message).toMatch(/allocated at\s+openSession \(src\/cache\.ts:12:5\)/);
    expect(message).toContain('from handler (src/app.ts:40:3)');
    // Jest cuts a failure message at the first line shaped like a stack frame.
    expect(message.split('\n').filter((line) => /^\s*at\s.*:\d+:\d+/.test(line))).toEqual([]);
    expect(message).toMatch(/preview\s+Session \{ id: 41, user: 'ada' \}/);
    expect(message).toMatch(/cycles\s+Session → Map → Session/);
    expect(message).toContain('Statistics: 6 rounds × 50 calls after 20 warm-up · heapUsed +48 B/call (fit 0.99) · threshold 8 B/call · 1 snapshot · 385 ms · native capture');
    expect(message).not.toMatch(/\u001b\[/);
  });

  it('colours the diagnosis only when the framework colours its output', async () => {
    const matcher = createToLeak(deps({ checkLeak: async () => leakResult(true) }));
    expect((await matcher.call(context(true, true), () => 1)).message()).toMatch(/\u001b\[/);
  });

  it('explains a function that was expected to leak but did not', async () => {
    const result = await createToLeak(deps()).call(context(false), () => 1);
    expect(result.message()).toContain('Expected the function to leak, but no memory grew');
    expect(result.message()).toContain('no figure grew beyond the noise floor');
  });

  it('records findings on the running test only when a .not.toLeak() assertion fails', async () => {
    const recordFindings = vi.fn();
    const matcher = createToLeak(deps({ checkLeak: async () => leakResult(true), recordFindings }));
    await matcher.call(context(false), () => 1);
    expect(recordFindings).not.toHaveBeenCalled();
    await matcher.call(context(true), () => 1);
    expect(recordFindings).toHaveBeenCalledWith([sessionFinding]);
  });

  it('builds the message lazily', async () => {
    const utils = context(true).utils;
    const matcherHint = vi.fn(utils.matcherHint);
    const result = await createToLeak(deps({ checkLeak: async () => leakResult(true) })).call({ isNot: true, utils: { ...utils, matcherHint } }, () => 1);
    expect(matcherHint).not.toHaveBeenCalled();
    result.message();
    expect(matcherHint).toHaveBeenCalledTimes(1);
  });

  it('rejects a received value that is not a function, saying how to wrap it', async () => {
    await expect(createToLeak(deps()).call(context(), 42)).rejects.toMatchObject({
      code: 'ERR_MEMSCOPE_NOT_A_FUNCTION',
      message: expect.stringContaining('expect(() => work()).toLeak'),
    });
  });

  it('lets a throwing verdict (the function threw) fail the assertion with its own error', async () => {
    const boom = Object.assign(new Error('checkLeak: the function threw on call 1: Error: boom'), { code: 'ERR_MEMSCOPE_FN_THREW' });
    await expect(createToLeak(deps({ checkLeak: async () => Promise.reject(boom) })).call(context(true), () => 1)).rejects.toBe(boom);
  });
});

describe('toLeak diagnosis frames', () => {
  it("leaves out node's internals and memscope's own frames from the stacks it shows", async () => {
    const finding = {
      ...sessionFinding,
      allocationSite: {
        ...sessionFinding.allocationSite!,
        stack: [
          'openSession (src/cache.ts:12:5)',
          'run (node:async_hooks:332:6)',
          'run (/repo/packages/core/dist/verdict/call-runner.js:38:14)',
          'at handler (src/app.ts:40:3)',
        ],
      },
    };
    const result = await createToLeak(deps({ checkLeak: async () => leakResult(true, [finding]) })).call(context(true), () => 1);
    const message = result.message();
    expect(message).toContain('from handler (src/app.ts:40:3)');
    expect(message).not.toMatch(/node:async_hooks|call-runner/);
    expect(message).not.toContain('●');
  });
});
