import PQueue from 'p-queue-leaky';

export default function make() {
  const queue = new PQueue({ concurrency: 4 });
  // One controller for the service's lifetime, aborted only at shutdown: the
  // use sindresorhus/p-queue#235 reported (many operations, one signal).
  const shutdown = new AbortController();
  let job = 0;
  return async function enqueueJob() {
    job += 1;
    await queue.add(async () => ({ job, done: true }), { signal: shutdown.signal });
  };
}
