import { describe, expect, it } from 'vitest';
import { AwaitGuard } from '../src/setup/await-guard.js';

const passing = async () => ({ pass: true, message: () => 'no' });

describe('AwaitGuard', () => {
  it('has nothing to say when every call settled before the test ended', async () => {
    const guard = new AwaitGuard(() => undefined);
    await guard.wrap('toLeak', passing).call({ isNot: true });
    expect(await guard.takeUnawaited()).toBeNull();
  });

  it('waits for a call still running, neutralises its result and names it with its call site', async () => {
    const guard = new AwaitGuard(() => __filename);
    let finish!: () => void;
    const slow = () => new Promise<{ pass: boolean; message: () => string }>((resolve) => {
      finish = () => resolve({ pass: true, message: () => 'leaked' });
    });
    // As .not: pass true would make Jest throw; once abandoned it must come back as a pass for .not (false).
    const result = guard.wrap('toLeak', slow).call({ isNot: true });
    const taken = guard.takeUnawaited();
    finish();
    const error = await taken;
    expect(error?.message).toContain('memscope: a memory assertion was not awaited:');
    expect(error?.message).toMatch(/expect\(…\)\.not\.toLeak\(\) at .*await-guard\.test\.ts:\d+:\d+/);
    expect(error?.stack?.split('\n').some((line) => line.includes('await-guard.test.ts'))).toBe(true);
    expect((await result).pass).toBe(false);
  });

  it('turns a rejection of an abandoned call into a pass, so no stray rejection follows the test', async () => {
    const guard = new AwaitGuard(() => undefined);
    let fail!: () => void;
    const result = guard.wrap('toAllocateAtMost', () => new Promise((_, reject) => { fail = () => reject(new Error('late')); })).call({});
    const taken = guard.takeUnawaited();
    fail();
    expect((await taken)?.message).toContain('expect(…).toAllocateAtMost()');
    await expect(result).resolves.toMatchObject({ pass: true });
  });

  it('passes results and errors through untouched when the call is awaited', async () => {
    const guard = new AwaitGuard(() => undefined);
    const boom = new Error('boom');
    await expect(guard.wrap('toLeak', () => Promise.reject(boom)).call({})).rejects.toBe(boom);
    expect(await guard.takeUnawaited()).toBeNull();
  });
});
