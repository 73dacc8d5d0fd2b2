import { MemscopeError } from '../errors.js';

export type LeakTarget = () => unknown;

export function describeThrown(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

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
 * MemscopeError that names the call; a call that never settles times out.
 */
export class CallRunner {
  calls = 0;
  /** Whether the function has been seen to return a promise. */
  async = false;

  constructor(
    private readonly fn: LeakTarget,
    private readonly timeoutMs: number,
    /** Who is calling, for messages: `checkLeak` or a matcher's name. */
    private readonly caller = 'checkLeak',
    /** Why the function must run cleanly, for the end of the failure message. */
    private readonly purpose = 'A leak verdict needs a function that runs cleanly; fix the error first.',
  ) {}

  async run(count: number): Promise<void> {
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
    }
  }

  private async settle(pending: PromiseLike<unknown>, callNumber: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(
          new MemscopeError(
            'ERR_MEMSCOPE_TIMEOUT',
            `${this.caller}: call ${callNumber} of the function did not settle within ${this.timeoutMs} ms (option \`timeout\`).`,
          ),
        );
      }, this.timeoutMs);
    });
    try {
      await Promise.race([Promise.resolve(pending), timeout]);
    } catch (error) {
      if (error instanceof MemscopeError && error.code === 'ERR_MEMSCOPE_TIMEOUT') throw error;
      throw this.failure(callNumber, error);
    } finally {
      clearTimeout(timer);
    }
  }

  private failure(callNumber: number, error: unknown): MemscopeError {
    return new MemscopeError(
      'ERR_MEMSCOPE_FN_THREW',
      `${this.caller}: the function threw on call ${callNumber}: ${describeThrown(error)}. ${this.purpose}`,
      { cause: error },
    );
  }
}
