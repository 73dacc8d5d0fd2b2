import HashRing from 'hashring-leaky';

export default function make() {
  // Server names only: getNode() hashes the key, nothing connects.
  const ring = new HashRing(['127.0.0.1:11211', '127.0.0.1:11212', '127.0.0.1:11213']);
  let session = 0;
  return async function serverForSession() {
    session += 1;
    // Every key looked up is cached: in a plain object, or in an LRU of 5000.
    return ring.getNode(`session:${session}`);
  };
}
