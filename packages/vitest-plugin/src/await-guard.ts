import type { ChaiLike, RunnerTest } from './runtime.js';

/**
 * Makes a forgotten `await` on a memscope matcher visible.
 *
 * Vitest records the promise of its own async assertions (`resolves`,
 * `rejects`, `expect.poll`) on the running test: the test waits for it
 * before it ends, and warns when nobody awaited it. Matchers added with
 * `expect.extend` get neither, so `expect(fn).not.toLeak()` without `await`
 * would finish after its test and its failure would be lost. We wrap each
 * installed memscope matcher and take part in the same protocol: the promise
 * goes on `test.promises` (Vitest awaits those before the test ends, so the
 * verdict still fails the right test) and a check on `test.onFinished` warns
 * when the returned promise was never awaited.
 */

interface GuardedThenable extends PromiseLike<unknown> {
  catch(onRejected?: (reason: unknown) => unknown): Promise<unknown>;
  finally(onFinally?: () => void): Promise<unknown>;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

export function unawaitedMessage(matcherName: string, negated: boolean, stack: string): string {
  const call = `expect(…)${negated ? '.not' : ''}.${matcherName}()`;
  return (
    `memscope: the promise returned by \`${call}\` was not awaited. ` +
    `Vitest waited for it before ending the test, but write \`await ${call}\` ` +
    'so the verdict runs inside the test and its figures belong to it.\n' +
    stack
  );
}

function recordOnTest(test: RunnerTest, result: PromiseLike<unknown>, warn: () => void): GuardedThenable {
  let awaited = false;
  const settled: Promise<unknown> = Promise.resolve(result).finally(() => {
    const index = test.promises?.indexOf(settled) ?? -1;
    if (index !== -1) test.promises?.splice(index, 1);
  });
  (test.promises ??= []).push(settled);
  (test.onFinished ??= []).push(() => {
    if (!awaited) warn();
  });
  return {
    then(onFulfilled, onRejected) {
      awaited = true;
      return settled.then(onFulfilled, onRejected);
    },
    catch(onRejected) {
      awaited = true;
      return settled.catch(onRejected);
    },
    finally(onFinally) {
      awaited = true;
      return settled.finally(onFinally);
    },
  };
}

/** Wraps the chai methods `expect.extend` installed for `names`. */
export function guardAsyncMatchers(chai: ChaiLike, names: readonly string[]): void {
  const prototype = chai.Assertion.prototype;
  for (const name of names) {
    const installed = prototype[name];
    if (typeof installed !== 'function') continue;
    const guarded = function (this: unknown, ...args: unknown[]): unknown {
      const callSite = new Error('called here');
      const result: unknown = installed.apply(this, args);
      const test = chai.util.flag(this, 'vitest-test') as RunnerTest | undefined;
      if (!test || !isThenable(result)) return result;
      const negated = chai.util.flag(this, 'negate') === true;
      const stack = (callSite.stack ?? '').split('\n').slice(2).join('\n');
      return recordOnTest(test, result, () => console.warn(unawaitedMessage(name, negated, stack)));
    };
    prototype[name] = guarded;
  }
}
