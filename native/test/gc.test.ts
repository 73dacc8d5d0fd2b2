import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { native, nextTask } from './load-native.js';

async function dropAndCollect(mode: 'fast' | 'thorough'): Promise<{ weak: WeakRef<object>; finalized: string[] }> {
  const finalized: string[] = [];
  const registry = new FinalizationRegistry<string>((label) => finalized.push(label));
  let dropped: object | null = { payload: new Array(10_000).fill(mode) };
  const weak = new WeakRef(dropped);
  registry.register(dropped, mode);
  dropped = null;
  // A WeakRef target is kept until the end of the current task.
  await nextTask();
  native.collectGarbage(mode);
  await nextTask();
  return { weak, finalized };
}

describe('collectGarbage', () => {
  it.each(['fast', 'thorough'] as const)('%s frees a dropped object without --expose-gc', async (mode) => {
    expect(process.execArgv).not.toContain('--expose-gc');
    const { weak, finalized } = await dropAndCollect(mode);
    expect(weak.deref()).toBeUndefined();
    expect(finalized).toEqual([mode]);
  });

  // A scavenge treats WeakRef targets as strong: watch the young generation empty instead.
  it('young empties the young generation of garbage', () => {
    let garbage: object[] | null = [];
    for (let index = 0; index < 20_000; index++) garbage.push({ index });
    garbage = null;
    const before = native.youngGenerationUsed();
    native.collectGarbage('young');
    expect(native.youngGenerationUsed()).toBeLessThan(before / 2);
    expect(garbage).toBeNull();
  });

  it('keeps an object that is still referenced', async () => {
    const kept = { name: 'kept' };
    const weak = new WeakRef(kept);
    await nextTask();
    native.collectGarbage('fast');
    expect(weak.deref()).toBe(kept);
  });

  it('leaves no global gc behind in contexts created afterwards', () => {
    native.collectGarbage('fast');
    expect(vm.runInNewContext('typeof gc')).toBe('undefined');
  });

  it('keeps --expose-gc on when asked to', () => {
    native.collectGarbage('fast', true);
    try {
      expect(vm.runInNewContext('typeof gc')).toBe('function');
    } finally {
      native.collectGarbage('fast', false);
    }
    expect(vm.runInNewContext('typeof gc')).toBe('undefined');
  });

  it('names the argument and the choices on a bad mode', () => {
    expect(() => native.collectGarbage('full' as 'fast')).toThrow(
      "collectGarbage: argument `mode` must be one of 'fast', 'thorough', 'young', got 'full'",
    );
    expect(() => native.collectGarbage('fast', 1 as unknown as boolean)).toThrow(TypeError);
  });
});
