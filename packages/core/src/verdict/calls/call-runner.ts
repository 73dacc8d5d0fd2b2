import { MemscopeError } from '../../errors.js';
import { interceptExit, releaseExit, takeExitRequest } from './exit-guard.js';
import { describeThrown, safeCause } from './thrown.js';
import { nodeTimers } from '../../node-clock.js';

export { describeThrown };

export type LeakTarget = () => unknown;

/** What the timeout rejects with; never a value user code could produce. */
const TIMED_OUT = Symbol('memscope call timed out');

function isThenable(value: unknown): value is PromiseLike<unknown> {
  try {
    return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
}

/**
 * Calls the function under test `count` times, one after another, awaiting
 * each call that returns a promise. A throw or rejection becomes a
 * MemscopeError that names the call (the thrown value described without
 * running any of its code); a call that never settles times out; a call to
 * process.exit is stopped and fails the call instead of ending the worker.
 */
export class CallRunner {
  calls = 0;
  /** Whether the function has been seen to return a promise. */
  async = false;

  constructor(
    /** The function called; the explanation reads its closures for the objects a leak grows in. */
    readonly fn: LeakTarget,
    private readonly timeoutMs: number,
    /** Who is calling, for messages: `checkLeak` or a matcher's name. */
    private readonly caller = 'checkLeak',
    /** Why the function must run cleanly, for the end of the failure message. */
    private readonly purpose = 'A leak verdict needs a function that runs cleanly; fix the error first.',
  ) {}

  async run(count: number): Promise<void> {
    interceptExit();
    try {
      for (let i = 0; i < count; i++) {
        const callNumber = ++this.calls;
        let returned: unknown;
        try {
          returned = this.fn();
        } catch (error) {
          throw this.failure(callNumber, error);
        }
        if (isThenable(returned)) {
          this.async = true;
          await this.settle(returned, callNumber);
        }
        // The function may have caught the throw of the intercepted exit.
        const exit = takeExitRequest();
        if (exit !== null) throw this.exitFailure(callNumber, exit);
      }
    } finally {
      releaseExit();
    }
  }

  private async settle(pending: PromiseLike<unknown>, callNumber: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = nodeTimers.setTimeout(() => reject(TIMED_OUT), this.timeoutMs);
    });
    try {
      await Promise.race([Promise.resolve(pending), timeout]);
    } catch (error) {
      // Compared by identity: `instanceof` would run the traps of a Proxy the function rejected with.
      if (error === TIMED_OUT) {
        throw new MemscopeError(
          'ERR_MEMSCOPE_TIMEOUT',
          `${this.caller}: call ${callNumber} of the function returned a promise (or thenable) that did not settle within ${this.timeoutMs} ms. ` +
            'Make every call settle, or give it longer with the option `timeout`.',
        );
      }
      throw this.failure(callNumber, error);
    } finally {
      nodeTimers.clearTimeout(timer);
    }
  }

  private failure(callNumber: number, error: unknown): MemscopeError {
    const exit = takeExitRequest();
    if (exit !== null) return this.exitFailure(callNumber, exit);
    return new MemscopeError(
      'ERR_MEMSCOPE_FN_THREW',
      `${this.caller}: the function threw on call ${callNumber}: ${describeThrown(error)}. ${this.purpose}`,
      safeCause(error),
    );
  }

  private exitFailure(callNumber: number, exitArguments: string): MemscopeError {
    return new MemscopeError(
      'ERR_MEMSCOPE_FN_EXITED',
      `${this.caller}: the function called process.exit(${exitArguments}) on call ${callNumber}; memscope stopped it ` +
        `so the run goes on. A function under test must not end the process. ${this.purpose}`,
    );
  }
}
