import { isMemscopeError } from '../errors.js';

/** A stack line inside memscope itself: its sources, its build, or an installed copy. */
const OWN_FRAME = /[\\/](packages[\\/](core|jest-plugin|vitest-plugin)|node_modules[\\/]@memscope)[\\/]|\(node:internal|^\s*at node:internal/;

/**
 * A MemscopeError says what the user's function did (threw, exited, never
 * settled) or what input was wrong; frames from deep inside memscope only
 * make the runner print our code under the message. They are dropped, so
 * the runner points at the test's own line; the user's error stays in
 * `cause`, with its stack.
 */
export function withoutOwnFrames(error: unknown): unknown {
  if (!isMemscopeError(error) || typeof error.stack !== 'string') return error;
  const lines = error.stack.split('\n');
  const firstFrame = lines.findIndex((line) => /^\s+at /.test(line));
  if (firstFrame === -1) return error;
  const kept = lines.slice(firstFrame).filter((line) => !OWN_FRAME.test(line));
  error.stack = [...lines.slice(0, firstFrame), ...kept].join('\n');
  return error;
}

/** The matcher, with its MemscopeErrors trimmed of memscope's own frames. */
export function trimmingOwnFrames<Args extends unknown[], Result>(
  matcher: (this: never, ...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async function (this: never, ...args: Args): Promise<Result> {
    try {
      return await matcher.apply(this, args);
    } catch (error) {
      throw withoutOwnFrames(error);
    }
  };
}
