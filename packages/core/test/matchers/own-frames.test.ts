import { describe, expect, it } from 'vitest';
import { createMatchers } from '../../src/matchers/index.js';
import { checkLeak } from '../../src/verdict/check-leak.js';
import { MemscopeError } from '../../src/errors.js';
import { withoutOwnFrames } from '../../src/matchers/own-frames.js';
import { context, deps } from './fakes.js';

const OWN = /packages[\\/]core[\\/]/;

describe('MemscopeErrors from a matcher', () => {
  it('carry no frame from inside memscope, and keep the user error as cause', async () => {
    const matchers = createMatchers(deps({ checkLeak: (fn, options) => checkLeak(fn, options) }));
    const userError = new Error('boom');
    const failure = await matchers.toLeak.call(context(true) as never, () => { throw userError; }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MemscopeError);
    const error = failure as MemscopeError;
    expect(error.message).toContain('the function threw on call 1: Error: boom');
    expect(error.stack).toContain('MemscopeError: checkLeak: the function threw');
    expect(error.stack!.split('\n').filter((line) => OWN.test(line))).toEqual([]);
    expect(error.cause).toBe(userError);
  });

  it('leave other errors untouched', () => {
    const error = new Error('not ours');
    const stack = error.stack;
    expect(withoutOwnFrames(error)).toBe(error);
    expect(error.stack).toBe(stack);
  });
});
