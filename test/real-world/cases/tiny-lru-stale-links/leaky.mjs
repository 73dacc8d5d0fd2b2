import { lru } from 'tiny-lru-leaky';

export default function make() {
  const sessions = lru(100);
  let session = 0;
  return async function touchSessions() {
    session += 1;
    sessions.set(`session:${session}`, { session, seen: [session] });
    // Updating a recent entry moves it to the end of the list; 11.2.0 left the
    // previous item's `next` pointing at it, so evicted items stay linked.
    if (session > 10) sessions.set(`session:${session - 10}`, { session, seen: [session] });
  };
}
