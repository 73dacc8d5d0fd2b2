import { describe, expect, it } from 'vitest';
import { slotQueue } from './slots.js';

/** A task the test ends by hand, recording when it started. */
function gate(started: string[], name: string) {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { open: () => open(), task: () => (started.push(name), done.then(() => name)) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('slotQueue', () => {
  it('runs two at a time, starting the next as soon as either ends, in the order handed in', async () => {
    const run = slotQueue(2);
    const started: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => gate(started, name));
    const results = Promise.all([a, b, c, d].map((g) => run(g!.task)));
    await settle();
    expect(started).toEqual(['a', 'b']);
    b!.open(); // the second ends first: the third starts without waiting for the first
    await settle();
    expect(started).toEqual(['a', 'b', 'c']);
    a!.open();
    c!.open();
    d!.open();
    expect(await results).toEqual(['a', 'b', 'c', 'd']);
  });

  it('frees the slot of a task that fails, and hands back its error', async () => {
    const run = slotQueue(1);
    const failing = run(() => {
      throw new Error('broken task');
    });
    await expect(failing).rejects.toThrow('broken task');
    expect(await run(async () => 'next')).toBe('next');
  });

  it('refuses a slot count that is not a whole number ≥ 1', () => {
    expect(() => slotQueue(0)).toThrow('slotQueue needs a whole number of slots ≥ 1, got 0');
  });
});
