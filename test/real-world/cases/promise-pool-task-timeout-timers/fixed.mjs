import { PromisePool } from '@supercharge/promise-pool-fixed';

export default function make() {
  const ids = [1, 2, 3];
  return async function processWithTaskTimeout() {
    // A task timeout of a minute: every task here finishes at once.
    await PromisePool.for(ids)
      .withConcurrency(2)
      .withTaskTimeout(60_000)
      .process(async (id) => id * 2);
  };
}
