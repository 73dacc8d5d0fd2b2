'use strict';

const nodeHttp = require('node:http');

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

/**
 * A plain node:http GET on one kept-alive connection, for the loops of a leak
 * verdict (thousands of requests). fetch works too, but inside Jest's test
 * environment each fetch allocated about 2 MB here, which makes every
 * verdict round a lot slower without telling more about the server.
 */
function quickGetter(base) {
  const agent = new nodeHttp.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path) =>
    new Promise((resolve, reject) => {
      nodeHttp
        .get(base + path, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        })
        .on('error', reject);
    });
  return { get, close: () => agent.destroy() };
}

module.exports = { client, quickGetter };
