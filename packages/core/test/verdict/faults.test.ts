import { describe, expect, it } from 'vitest';
import { CallRunner } from '../../src/verdict/calls/call-runner.js';
import { describeThrown } from '../../src/verdict/calls/thrown.js';

/** A Proxy whose every trap throws: any code that touches it fails loudly. */
function hostileProxy(): object {
  const trap = () => {
    throw new Error('trap ran');
  };
  return new Proxy({}, {
    get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap,
    apply: trap, construct: trap, defineProperty: trap, deleteProperty: trap, set: trap,
    isExtensible: trap, preventExtensions: trap, setPrototypeOf: trap,
  });
}

describe('describeThrown runs no code of the thrown value', () => {
  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    ['x', '"x"'],
    [42, '42'],
    [Symbol('s'), 'Symbol(s)'],
  ])('describes %s', (value, text) => {
    expect(describeThrown(value)).toBe(text);
  });

  it('names a Proxy without running its traps, revoked or not', () => {
    expect(describeThrown(hostileProxy())).toMatch(/^a Proxy/);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(describeThrown(proxy)).toMatch(/^a Proxy/);
  });

  it('does not call getters, toString, toJSON or Symbol.toPrimitive', () => {
    const odd = {
      get boom(): never { throw new Error('getter ran'); },
      toString(): never { throw new Error('toString ran'); },
      toJSON(): never { throw new Error('toJSON ran'); },
      [Symbol.toPrimitive](): never { throw new Error('toPrimitive ran'); },
    };
    expect(describeThrown(odd)).toContain('boom: [Getter]');
    const error = new Error('plain');
    Object.defineProperty(error, 'message', { get() { throw new Error('message getter ran'); } });
    expect(describeThrown(error)).toBe('Error');
  });

  it('keeps the text short for huge values', () => {
    expect(describeThrown('y'.repeat(100_000)).length).toBeLessThan(400);
    expect(describeThrown(new Array(100_000).fill({ a: 'b' })).length).toBeLessThan(400);
  });
});

describe('CallRunner faults', () => {
  it('stops process.exit, names the call and its argument, and restores process.exit', async () => {
    const realExit = process.exit;
    let calls = 0;
    const runner = new CallRunner(() => {
      if (++calls === 3) process.exit(2);
    }, 1000);
    await expect(runner.run(10)).rejects.toMatchObject({
      code: 'ERR_MEMSCOPE_FN_EXITED',
      message: expect.stringContaining('the function called process.exit(2) on call 3'),
    });
    expect(process.exit).toBe(realExit);
  });

  it('still fails when the function catches the throw of the stopped exit', async () => {
    const runner = new CallRunner(() => {
      try {
        process.exit();
      } catch {
        // a function that swallows everything
      }
    }, 1000);
    await expect(runner.run(2)).rejects.toMatchObject({ message: expect.stringContaining('called process.exit() on call 1') });
  });

  it('stops process.exit called after an await', async () => {
    const runner = new CallRunner(async () => {
      await Promise.resolve();
      process.exit(7);
    }, 1000);
    await expect(runner.run(2)).rejects.toMatchObject({ message: expect.stringContaining('process.exit(7) on call 1') });
  });

  it('reports a rejection with a trapping Proxy without touching it, and attaches no cause', async () => {
    const runner = new CallRunner(() => Promise.reject(hostileProxy()), 1000);
    const error = await runner.run(1).then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toContain('threw on call 1: a Proxy');
    expect(error?.cause).toBeUndefined();
  });

  it('times out a thenable that never settles, with the option to change', async () => {
    const runner = new CallRunner(() => ({ then() {} }), 30);
    await expect(runner.run(1)).rejects.toMatchObject({
      code: 'ERR_MEMSCOPE_TIMEOUT',
      message: expect.stringMatching(/call 1 of the function returned a promise \(or thenable\) that did not settle within 30 ms.*`timeout`/),
    });
  });
});
