'use strict';
// Clean code that looks leaky: each keeps memory for a while or up to a
// bound, none grows with the number of calls.
const { EventEmitter } = require('node:events');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const { spin } = require('./spin.cjs');

class LruCache {
  constructor(limit) {
    this.limit = limit;
    this.map = new Map();
  }
  set(key, value) {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value);
  }
}

module.exports = [
  { name: 'bounded-lru', create() { const lru = new LruCache(200); let n = 0; return { fn: () => lru.set(n++, { v: n }) }; } },
  { name: 'slow-bounded-history', create() { const recent = []; let n = 0; return { fn: () => { spin(0.5); recent.push({ n: n++ }); if (recent.length > 50) recent.shift(); } }; } },
  { name: 'lazy-singleton', create() { let instance; return { fn: () => { instance ??= { config: new Array(1000).fill(1) }; return instance.config.length; } }; } },
  { name: 'memo-fixed-keys', create() { const memo = new Map(); let n = 0; return { fn: () => { const k = n++ % 50; if (!memo.has(k)) memo.set(k, { sq: k * k }); return memo.get(k); } }; } },
  { name: 'jit-warmup', create() { let x = 0; return { fn: () => { for (let i = 0; i < 200; i++) x = (x + Math.sqrt(i) * i) % 1e9; return x; } }; } },
  { name: 'large-temporary-buffer', create() { return { fn: () => Buffer.alloc(256 * 1024).fill(1).length }; } },
  { name: 'large-temporary-array', create() { return { fn: () => new Array(50_000).fill(0).map((v, i) => v + i).length }; } },
  { name: 'object-pool', create() { const pool = []; return { fn: () => { const o = pool.pop() ?? { buf: new Array(100) }; o.buf[0] = 1; pool.push(o); } }; } },
  { name: 'cleared-timer', create() { return { fn: () => clearTimeout(setTimeout(() => {}, 10_000)) }; } },
  { name: 'cleared-interval', create() { return { fn: () => clearInterval(setInterval(() => {}, 10_000)) }; } },
  { name: 'removed-listener', create() { const bus = new EventEmitter(); return { fn: () => { const h = () => {}; bus.on('x', h); bus.off('x', h); } }; } },
  { name: 'once-listener-fired', create() { const bus = new EventEmitter(); return { fn: () => { bus.once('x', () => {}); bus.emit('x'); } }; } },
  { name: 'weakmap-cache', create() { const cache = new WeakMap(); return { fn: () => { const key = {}; cache.set(key, { big: new Array(100) }); } }; } },
  { name: 'weakref-cache', create() { const refs = new Set(); return { fn: () => { const ref = new WeakRef({ data: new Array(50) }); refs.add(ref); if (refs.size > 100) refs.clear(); } }; } },
  { name: 'array-grow-truncate', create() { const buf = []; return { fn: () => { buf.push({ at: Date.now() }); if (buf.length >= 64) buf.length = 0; } }; } },
  { name: 'regexp-per-call', create() { let n = 0; return { fn: () => new RegExp(`item-(\\d+)-${n++ % 10}`).test('item-12-3') }; } },
  { name: 'intl-per-call', create() { return { fn: () => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(12.5) }; } },
  { name: 'error-per-call', create() { return { fn: () => new Error('boom').stack.length }; } },
  { name: 'util-inspect', create() { const value = { a: [1, 2, { b: 'c' }], d: new Map([[1, 2]]) }; return { fn: () => util.inspect(value, { depth: 4 }).length }; } },
  { name: 'json-roundtrip', create() { const value = { list: Array.from({ length: 100 }, (_, i) => ({ i })) }; return { fn: () => JSON.parse(JSON.stringify(value)).list.length }; } },
  { name: 'async-await-timer', create() { return { fn: async () => { await new Promise((r) => setTimeout(r, 0)); return 1; } }; } },
  {
    name: 'async-read-file',
    create() {
      const file = path.join(os.tmpdir(), `memscope-clean-${process.pid}.txt`);
      fs.writeFileSync(file, 'hello world');
      return { fn: async () => (await fs.promises.readFile(file, 'utf8')).length, cleanup: () => fs.rmSync(file, { force: true }), calls: 40 };
    },
  },
  { name: 'closure-per-call-dropped', create() { return { fn: () => { const items = [1, 2, 3]; return items.map((x) => () => x).length; } }; } },
  { name: 'promise-chain', create() { return { fn: () => Promise.resolve(1).then((x) => x + 1).then((x) => x * 2) }; } },
  { name: 'string-building', create() { return { fn: () => { let s = ''; for (let i = 0; i < 100; i++) s += i; return s.length; } }; } },
];
