'use strict';

/** Small fetch helpers that always read the body, so no connection is left waiting. */
function client(base) {
  return {
    async get(path, sid) {
      const res = await fetch(base + path, { headers: sid ? { cookie: `sid=${sid}` } : {} });
      return { status: res.status, body: await res.json() };
    },
    async login(user) {
      const res = await fetch(`${base}/login`, { method: 'POST', body: JSON.stringify({ user }) });
      const body = await res.json();
      if (res.status !== 201) throw new Error(`login failed: ${res.status} ${JSON.stringify(body)}`);
      return body.session;
    },
    async logout(sid) {
      const res = await fetch(`${base}/logout`, { method: 'POST', headers: { cookie: `sid=${sid}` } });
      await res.arrayBuffer();
      return res.status;
    },
  };
}

module.exports = { client };
