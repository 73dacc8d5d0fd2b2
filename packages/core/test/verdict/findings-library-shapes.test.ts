import { createRequire } from 'node:module';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkLeak } from '../../src/verdict/check-leak.js';
import { retainerStepsText } from '../../src/analyzers/retainer-path.js';
import type { Finding, LeakResult } from '../../src/verdict/types.js';
import { captureFactories as paths } from '../support/capture-factories.js';

/**
 * Leaks shaped like the ones published libraries ship, through checkLeak on
 * both capture paths: one bug reads as one finding, named after what the
 * user knows (the emitter and its event, the Map and its variable), with a
 * retainer path that starts at a root the user knows. The fixtures are plain
 * CommonJS, loaded untransformed, so positions are the lines written.
 */
const require = createRequire(import.meta.url);
const { Client } = require('./fixtures/lib/client.cjs') as { Client: new () => { send(body: string): number } };
const { track } = require('./fixtures/lib/registry.cjs') as { track(name: string): number };
const { readFrame } = require('./fixtures/lib/frames.cjs') as { readFrame(size: number): number };
const { Formatter, lookup } = require('./fixtures/lib/lazy.cjs') as {
  Formatter: new () => { format(dialect: string, value: number): string };
  lookup(i: number): number;
};


/** Names V8 and Node give their own parts; a title never shows one. */
const INTERNAL_NAMES = /system \/|\(closure\)|Node \/|\(object properties\)|\(anonymous\)|Object objects/;
/** Roots a user knows: a module or function variable, the global, process, an open handle. */
const USER_ROOT = /^(\(module\) \w|\(closure\) \w|global|process|TCP|Socket|Timeout)/;

function describeResult(result: LeakResult): string {
  return `${result.stats.reason}: ${result.findings.map((f) => `[${f.kind}] ${f.title} | ${f.retainerPathText ?? ''}`).join(' ; ')}`;
}

function only(result: LeakResult): Finding {
  expect(result.findings, describeResult(result)).toHaveLength(1);
  const finding = result.findings[0]!;
  expect(finding.title).not.toMatch(INTERNAL_NAMES);
  if (finding.retainerPathText !== undefined) {
    expect(finding.retainerPathText).toMatch(USER_ROOT);
    expect(finding.retainerPathText).not.toMatch(/Node \/|PrincipalRealm/);
    // The full path stays in the data: the text is its tail, unless hops were elided.
    const full = retainerStepsText(finding.retainerPath!);
    if (!finding.retainerPathText.includes('internal hops')) expect(full.endsWith(finding.retainerPathText)).toBe(true);
  }
  return finding;
}

describe.each(paths)('library-shaped leaks, %s capture', (path, factory) => {
  it('an emitter-based client adding an error listener per request: one storm finding, named by the event and the listener', async () => {
    const capture = await factory();
    const client = new Client();
    let n = 0;
    const result = await checkLeak(() => client.send(`payload-${n++}`), {}, { capture });
    expect(result.capture).toBe(path);
    const finding = only(result);
    expect(finding.kind).toBe('storm');
    expect(finding.title).toMatch(/^listeners of 'error' on Client: \+1 per call \([\d.]+ (B|KiB) per call\), closures of onError \(.*client\.cjs:24\)$/);
    // The listener's scope and the request it keeps count in the per-call bytes, not one closure's 32 B.
    expect(finding.perCall.bytes).toBeGreaterThan(150);
    expect(finding.retainerPathText).toMatch(/^\(closure\) client → Client → _events/);
  });

  it('a module-level registry Map growing per call: one heap finding, the entries of that Map', async () => {
    const capture = await factory();
    const result = await checkLeak(() => track('sync'), {}, { capture });
    const finding = only(result);
    expect(finding.kind).toBe('heap');
    expect(finding.title).toMatch(/^entries of Map registry: \+1 per call \([\d.]+ B per call\)$/);
    // The entry, its array of tags and the tag string: more than the entry object's own size.
    expect(finding.perCall.bytes).toBeGreaterThan(90);
    expect(finding.retainerPathText).toMatch(/^\(module\) registry → Map → table\[\d+\] → Object$/);
  });

  it('a list of Buffers growing per call: one native finding, not a heap and a native one', async () => {
    const capture = await factory();
    const result = await checkLeak(() => readFrame(2048), {}, { capture });
    const finding = only(result);
    expect(finding.kind).toBe('native');
    expect(finding.title).toMatch(/^Buffer memory grows 2\.\d KiB per call \(\+1 Buffer per call\), held by elements of Array frames$/);
  });

  it('a real leak next to a lazily filled prototype cache: the cache is no finding', async () => {
    const capture = await factory();
    const formatter = new Formatter();
    let n = 0;
    const result = await checkLeak(() => {
      n++;
      // A new dialect every 11th call: a fraction of an object per call, a few bytes.
      formatter.format(`d${Math.floor(n / 11)}`, lookup(n));
      return track('with-cache');
    }, {}, { capture });
    const finding = only(result);
    expect(finding.title).toMatch(/^entries of Map registry/);
  });

  it('a lazily filled prototype cache and a table built once: no finding', async () => {
    const capture = await factory();
    const formatter = new Formatter();
    const dialects = ['sql', 'csv', 'json', 'xml', 'yaml'];
    let n = 0;
    const result = await checkLeak(() => formatter.format(dialects[n++ % dialects.length]!, lookup(n)), {}, { capture });
    expect(result.leaked, describeResult(result)).toBe(false);
  });

  it('a data listener per call on a real socket to 127.0.0.1: one storm finding on the Socket', async () => {
    const capture = await factory();
    const server = net.createServer((socket) => socket.on('data', () => {}));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.setMaxListeners(0);
    try {
      const result = await checkLeak(() => {
        const pending = { sentAt: Date.now(), chunks: [] as Buffer[] };
        socket.on('data', function onReply(chunk: Buffer) {
          pending.chunks.push(chunk);
        });
      }, {}, { capture });
      const finding = only(result);
      expect(finding.kind).toBe('storm');
      expect(finding.title).toMatch(/^listeners of 'data' on Socket: \+1 per call \([\d.]+ B per call\), closures of onReply \(/);
      expect(finding.retainerPathText).toMatch(/^(TCP|Socket|\(closure\) socket)/);
    } finally {
      socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
