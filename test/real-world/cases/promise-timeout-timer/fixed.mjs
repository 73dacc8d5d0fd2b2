import { timeout } from 'promise-timeout-fixed';

/** A lookup that answers at once, as a cache hit does. */
const lookup = async (key) => ({ key, value: key.length });

export default function make() {
  return async function lookupWithDeadline() {
    await timeout(lookup('user:42'), 60_000);
  };
}
