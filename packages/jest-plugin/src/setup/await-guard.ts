import type { MatcherResult } from '@memscope/core';

/**
 * Catches a memscope matcher that was not awaited.
 *
 * Every memscope matcher is asynchronous. Without `await`, the test ends
 * while the verdict is still running, its failure would surface later as an
 * unhandled rejection (or never), and its heap work would land in the next
 * test's figures. Jest has no hook for this, so each matcher call is
 * registered here until it settles; the setup file's afterEach asks for the
 * ones still running, waits for them (so nothing bleeds into the next test),
 * turns their results into passes (so no stray rejection follows) and fails
 * the test with a message saying where to add `await`.
 */
interface PendingCall {
  name: string;
  negated: boolean;
  /** Where the matcher was called, for the message. */
  callSite: string;
  /** The call's stack frames outside memscope, for the error Jest shows. */
  frames: string[];
  done: Promise<unknown>;
  abandoned: boolean;
}

type AsyncMatcher = (this: { isNot?: boolean }, ...args: unknown[]) => Promise<MatcherResult>;

export class AwaitGuard {
  private readonly pending = new Set<PendingCall>();

  /** `ErrorType`: the test file's own Error, so the failure belongs to its realm. */
  constructor(
    private readonly testPath: () => string | undefined,
    readonly ErrorType: ErrorConstructor = Error,
  ) {}

  wrap(name: string, matcher: AsyncMatcher): AsyncMatcher {
    const guard = this;
    return function guarded(this: { isNot?: boolean }, ...args: unknown[]): Promise<MatcherResult> {
      const negated = this.isNot === true;
      const frames = userFrames(new guard.ErrorType().stack ?? '');
      const call: PendingCall = { name, negated, callSite: guard.callSite(frames), frames, done: Promise.resolve(), abandoned: false };
      // Settled calls leave the set inside the handlers themselves, before any code awaiting the result resumes.
      const result = matcher.apply(this, args).then(
        (value) => {
          guard.pending.delete(call);
          return call.abandoned ? { pass: !negated, message: () => '' } : value;
        },
        (error: unknown) => {
          guard.pending.delete(call);
          if (call.abandoned) return { pass: !negated, message: () => '' };
          throw error;
        },
      );
      call.done = result.then(() => undefined, () => undefined);
      guard.pending.add(call);
      return result;
    };
  }

  /** Whether a matcher call is still running. */
  hasPending(): boolean {
    return this.pending.size > 0;
  }

  /**
   * An error for the calls still running (they belong to the test that just
   * ended: each test awaits its own), with the stack of the first call so
   * Jest's code frame points at the line that lacks `await`; null when all
   * were awaited.
   */
  async takeUnawaited(): Promise<Error | null> {
    if (this.pending.size === 0) return null;
    const calls = [...this.pending];
    for (const call of calls) call.abandoned = true;
    await Promise.all(calls.map((call) => call.done));
    const lines = calls.map((call) => {
      const expression = `expect(…)${call.negated ? '.not' : ''}.${call.name}()`;
      return `  ${expression}${call.callSite ? ` at ${call.callSite}` : ''}`;
    });
    const message = [
      `memscope: ${calls.length === 1 ? 'a memory assertion was' : `${calls.length} memory assertions were`} not awaited:`,
      ...lines,
      '',
      'memscope matchers are asynchronous: write `await expect(fn).not.toLeak()` inside an async test.',
      'Without `await` the test ends before the verdict, so its result was dropped.',
    ].join('\n');
    const error = new this.ErrorType(message);
    error.stack = [`Error: ${message}`, ...calls[0]!.frames].join('\n');
    return error;
  }

  /** `file:line:col` of the first frame in the test file, else of the first frame outside node_modules. */
  private callSite(frames: readonly string[]): string {
    const file = this.testPath();
    const frame = (file ? frames.find((f) => f.includes(file)) : undefined) ?? frames.find((f) => !/node_modules[\\/]/.test(f)) ?? '';
    return frame.trim().replace(/^at\s+/, '');
  }
}

/** memscope's own files, installed or linked in a workspace. */
const OWN_FRAME = /[\\/](?:@memscope[\\/]|packages[\\/](?:jest-plugin|core)[\\/](?:dist|src)[\\/])/;

function userFrames(stack: string): string[] {
  return stack.split('\n').slice(1).filter((line) => /^\s*at\s/.test(line) && !OWN_FRAME.test(line));
}
