/**
 * One measurement at a time per process: two verdicts running together would
 * see each other's allocations and GCs. A second call waits for the first
 * (test.concurrent, or a forgotten `await` before another matcher). The
 * queue lives on globalThis under a registered symbol so that test files
 * with their own module registries (Jest) still share it.
 */
const QUEUE = Symbol.for('memscope.verdict.queue');
type Holder = { [QUEUE]?: Promise<unknown> };

export function serialized<T>(work: () => Promise<T>): Promise<T> {
  const holder = process as unknown as Holder;
  const previous = holder[QUEUE] ?? Promise.resolve();
  const next = previous.then(work, work);
  // The tail is removed once it settles: a settled promise of a Jest test
  // file, left on the process, would keep that file's environment alive.
  const tail: Promise<unknown> = next.catch(() => undefined).then(() => {
    if (holder[QUEUE] === tail) delete holder[QUEUE];
  });
  holder[QUEUE] = tail;
  return next;
}
