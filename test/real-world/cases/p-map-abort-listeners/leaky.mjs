import pMap from 'p-map-leaky';

export default function make() {
  // A request-scoped batch under the server's lifetime signal, as
  // sindresorhus/p-map#75 reported: the signal outlives every batch.
  const shutdown = new AbortController();
  const ids = Array.from({ length: 8 }, (_, i) => i);
  return async function resolveBatch() {
    await pMap(ids, async (id) => ({ id, name: `user-${id}` }), { concurrency: 4, signal: shutdown.signal });
  };
}
