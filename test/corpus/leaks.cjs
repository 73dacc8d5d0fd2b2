'use strict';
// Real leaks, one per case. Each `@site:<name>` marks the line that allocates
// the leaking objects; the corpus test checks the verdict points there.
const { EventEmitter } = require('node:events');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spin } = require('./spin.cjs');

class Session {
  constructor(id) {
    this.id = id;
    this.user = { name: `user-${id}` };
  }
}

class Tiny {
  constructor(n) {
    this.n = n;
  }
}

module.exports = [
  {
    name: 'map-session', kind: 'heap', holder: /Map/,
    create() {
      const sessions = new Map();
      let n = 0;
      return { fn: () => { n++; sessions.set(n, new Session(n)); /* @site:map-session */ } };
    },
  },
  {
    name: 'array-push-tiny', kind: 'heap', holder: /Array|array/,
    create() {
      const list = [];
      let n = 0;
      return { fn: () => { list.push(new Tiny(n++)); /* @site:array-push-tiny */ } };
    },
  },
  {
    name: 'object-literal-40b', kind: 'heap', holder: /Array|array/,
    create() {
      const kept = [];
      return { fn: () => { kept.push({ a: 1 }); /* @site:object-literal-40b */ } };
    },
  },
  {
    name: 'every-fourth-call', kind: 'heap', holder: /Map/,
    create() {
      const registry = new Map();
      let n = 0;
      return { fn: () => { if (++n % 4 === 0) registry.set(n, new Session(n)); /* @site:every-fourth-call */ } };
    },
  },
  {
    name: 'slow-every-32nd-call', kind: 'heap', holder: /Map/,
    create() {
      const archive = new Map();
      let n = 0;
      return { fn: () => { spin(0.5); if (++n % 32 === 0) archive.set(n, new Array(250).fill(n)); /* @site:slow-every-32nd-call */ } };
    },
  },
  {
    name: 'slow-small-leak', kind: 'heap', holder: /Array|array/,
    create() {
      const kept = [];
      return { fn: () => { spin(0.5); kept.push({ n: kept.length }); /* @site:slow-small-leak */ } };
    },
  },
  {
    name: 'after-await', kind: 'heap', holder: /Set/,
    create() {
      const pending = new Set();
      return {
        fn: async () => {
          await Promise.resolve();
          pending.add(new Session(1)); /* @site:after-await */
        },
      };
    },
  },
  {
    name: 'after-timer-await', kind: 'heap', holder: /Array|array/,
    create() {
      const log = [];
      return {
        fn: async () => {
          await new Promise((resolve) => setImmediate(resolve));
          log.push(new Tiny(2)); /* @site:after-timer-await */
        },
      };
    },
  },
  {
    name: 'large-objects', kind: 'heap', holder: /Map/,
    create() {
      const cache = new Map();
      let n = 0;
      return { fn: () => { cache.set(n++, new Array(2000).fill(n)); /* @site:large-objects */ } };
    },
  },
  {
    name: 'linked-list', kind: 'heap', holder: /Tiny|Object/,
    create() {
      const head = { next: null };
      let tail = head;
      const list = { head };
      return { fn: () => { const node = { next: null, payload: new Tiny(3) }; /* @site:linked-list */ tail.next = node; tail = node; return list.head; } };
    },
  },
  {
    name: 'string-keys', kind: 'heap', holder: /Object|Map/,
    create() {
      const seen = {};
      let n = 0;
      return { fn: () => { seen[`key-${n++}`] = { at: n }; /* @site:string-keys */ } };
    },
  },
  {
    name: 'closure-registry', kind: 'storm', holder: /Array|array/,
    create() {
      const callbacks = [];
      let n = 0;
      return { fn: () => { const id = n++; callbacks.push(() => id); /* @site:closure-registry */ } };
    },
  },
  {
    name: 'emitter-listeners', kind: 'storm', holder: /EventEmitter/,
    create() {
      const bus = new EventEmitter();
      bus.setMaxListeners(0);
      return { fn: () => { bus.on('data', () => {}); /* @site:emitter-listeners */ } };
    },
  },
  {
    name: 'event-target-listeners', kind: 'storm', holder: /EventTarget|Map|Array|array|Object/,
    create() {
      const target = new EventTarget();
      return { fn: () => { target.addEventListener('tick', () => {}); /* @site:event-target-listeners */ } };
    },
  },
  {
    name: 'interval-never-cleared', kind: 'handle', resourceType: 'Timeout',
    create() {
      const timers = [];
      return {
        fn: () => { timers.push(setInterval(() => {}, 60_000)); /* @site:interval-never-cleared */ },
        cleanup: () => timers.forEach(clearInterval),
      };
    },
  },
  {
    name: 'unref-timeout', kind: 'handle', resourceType: 'Timeout',
    create() {
      const timers = [];
      return {
        fn: () => { timers.push(setTimeout(() => {}, 600_000).unref()); /* @site:unref-timeout */ },
        cleanup: () => timers.forEach(clearTimeout),
      };
    },
  },
  {
    name: 'server-never-closed', kind: 'handle', resourceType: 'TCPSERVERWRAP',
    create() {
      const net = require('node:net');
      const servers = [];
      return {
        fn: async () => {
          const server = net.createServer();
          servers.push(server);
          await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve)); /* @site:server-never-closed */
        },
        cleanup: () => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))),
        calls: 40,
      };
    },
  },
  {
    name: 'file-handle-open', kind: 'handle', resourceType: 'FILEHANDLE',
    create() {
      const file = path.join(os.tmpdir(), `memscope-corpus-${process.pid}.txt`);
      fs.writeFileSync(file, 'x');
      const handles = [];
      return {
        fn: async () => { handles.push(await fs.promises.open(file, 'r')); /* @site:file-handle-open */ },
        cleanup: async () => { await Promise.all(handles.map((h) => h.close())); fs.rmSync(file, { force: true }); },
        calls: 40,
      };
    },
  },
  {
    name: 'buffer-per-call', kind: 'native', holder: /Array|array/,
    create() {
      const jobs = [];
      return { fn: () => { jobs.push(Buffer.alloc(4096)); /* @site:buffer-per-call */ } };
    },
  },
  {
    name: 'arraybuffer-per-call', kind: 'native', holder: /Map/,
    create() {
      const frames = new Map();
      let n = 0;
      return { fn: () => { frames.set(n++, new Uint8Array(16 * 1024)); /* @site:arraybuffer-per-call */ } };
    },
  },
  {
    name: 'nested-module-cache', kind: 'heap', holder: /Map|Object/,
    create() {
      const store = { byUser: new Map() };
      let n = 0;
      return {
        fn: () => {
          const user = `u${n++ % 1_000_000}`;
          const list = store.byUser.get(user) ?? []; /* @site:nested-module-cache */
          list.push(new Session(n));
          store.byUser.set(user, list);
        },
      };
    },
  },
  {
    name: 'class-static-registry', kind: 'heap', holder: /Registry|Array|array|Set/,
    create() {
      class Registry {
        static all = new Set();
      }
      return { fn: () => { Registry.all.add(new Tiny(4)); /* @site:class-static-registry */ } };
    },
  },
];
