import pTimeout from 'p-timeout-fixed';

/** A lookup that answers at once, as a cache hit does. */
const lookup = async (key) => ({ key, value: key.length });

export default function make() {
  // The process's shutdown signal passed to every deadline, the use
  // sindresorhus/p-timeout#42 reported: the listener outlives each call.
  const shutdown = new AbortController();
  return async function lookupWithDeadline() {
    await pTimeout(lookup('user:42'), { milliseconds: 60_000, signal: shutdown.signal });
  };
}
