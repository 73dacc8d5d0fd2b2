import mem from 'mem-leaky';

export default function make() {
  // Results kept for 2 ms: long enough to merge a burst of identical calls.
  const loadUser = mem((id) => ({ id, name: `user ${id}` }), { maxAge: 2 });
  let user = 0;
  return async function lookUpUser() {
    user += 1;
    // An expired entry is dropped only when its own key is asked for again.
    return loadUser(`user:${user}`);
  };
}
