'use strict';

const { EventEmitter } = require('node:events');
const http = require('node:http');
const { demoLeak } = require('./demo-leak.js');
const { SessionStore } = require('./session-store.js');

/** `sid=abc; theme=dark` → `{ sid: 'abc', theme: 'dark' }`. */
function parseCookies(header) {
  const cookies = {};
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return cookies;
}

function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function readJson(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : {};
}

/**
 * The application: login, whoami, logout and a health check over an
 * in-memory session store. `app.events` emits `shutdown` when the server is
 * stopping, so in-flight responses can ask their clients not to reuse the
 * connection.
 */
function createApp({ store = new SessionStore() } = {}) {
  const events = new EventEmitter();
  events.setMaxListeners(0);

  async function route(req, res) {
    const { pathname } = new URL(req.url, 'http://localhost');
    const sid = parseCookies(req.headers.cookie).sid;
    if (req.method === 'GET' && pathname === '/health') return sendJson(res, 200, { ok: true });
    if (req.method === 'POST' && pathname === '/login') {
      const { user } = await readJson(req);
      if (typeof user !== 'string' || user === '') return sendJson(res, 400, { error: 'user must be a non-empty string' });
      const session = store.create(user);
      return sendJson(res, 201, { session: session.id }, { 'set-cookie': `sid=${session.id}; HttpOnly; Path=/` });
    }
    if (req.method === 'GET' && pathname === '/me') {
      const session = store.get(sid);
      if (!session) return sendJson(res, 401, { error: 'not logged in' });
      session.data.visits++;
      return sendJson(res, 200, { user: session.user, visits: session.data.visits });
    }
    if (req.method === 'POST' && pathname === '/logout') {
      store.end(sid);
      res.writeHead(204).end();
      return undefined;
    }
    return sendJson(res, 404, { error: `no route for ${req.method} ${pathname}` });
  }

  const server = http.createServer((req, res) => {
    const onShutdown = () => {
      if (!res.headersSent) res.setHeader('connection', 'close');
    };
    events.on('shutdown', onShutdown);
    // Demo bug: the per-request listener is never removed when the response ends.
    if (!demoLeak) res.once('close', () => events.off('shutdown', onShutdown));
    route(req, res).catch((error) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error.message) });
      else res.destroy(error);
    });
  });

  return {
    server,
    store,
    events,
    /** Listens on 127.0.0.1; port 0 picks a free port. Resolves to the base URL. */
    listen(port = 0) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
      });
    },
    close() {
      events.emit('shutdown');
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

module.exports = { createApp, parseCookies };
