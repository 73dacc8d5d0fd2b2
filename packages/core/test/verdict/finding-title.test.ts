import { describe, expect, it } from 'vitest';
import { NodeType } from '../../src/analyzers/heap-index.js';
import type { SurvivorGroup } from '../../src/analyzers/survivors.js';
import { findingTitle, perCallText } from '../../src/verdict/explain/finding-title.js';
import { growsEnoughPerCall } from '../../src/verdict/explain/explain.js';

function group(name: string, nodeType: number, holder?: SurvivorGroup['holder'], members = 100, bytes = 4800): SurvivorGroup {
  return {
    name, nodeType, members: Array.from({ length: members }, (_, i) => i), countsPerInterval: [members], bytes,
    representative: 0, retainerPath: [], pathText: '', holder,
  };
}

const INTERNAL = /system \/|\(closure\)|Node \/|\(object properties\)|Object objects/;

describe('finding titles in user terms', () => {
  it("names a listener storm by its emitter, its event and the listener's function and line", () => {
    const listeners = group('onError', NodeType.closure, { label: 'Client', edge: "'error' listeners", node: 7, variable: 'client' });
    const title = findingTitle({ group: listeners, kind: 'storm', count: 1, bytes: 280, closure: { name: 'onError', position: { file: '/app/node_modules/fakeclient/lib/client.js', line: 120 } } });
    expect(title).toBe("listeners of 'error' on Client: +1 per call (280 B per call), closures of onError (node_modules/fakeclient/lib/client.js:120)");
  });

  it('names both events when one call adds a listener to two', () => {
    const close = group('onSocketClose', NodeType.closure, { label: 'Socket', edge: "'close' listeners", node: 7 });
    close.folded = [group('(anonymous)', NodeType.closure, { label: 'Socket', edge: "'data' listeners", node: 7 })];
    expect(findingTitle({ group: close, kind: 'storm', count: 2, bytes: 12_000, closure: undefined })).toMatch(/^listeners of 'close' and 'data' on Socket: \+2 per call/);
  });

  it('lists the events in a fixed order whatever order the heap gives the groups, numbers by value', () => {
    const events = ['MESSAGE_ADDED.10', 'MESSAGE_ADDED.2', 'MESSAGE_ADDED.0'];
    const [first, ...rest] = events.map((event) => group('(anonymous)', NodeType.closure, { label: 'PubSub', edge: `'${event}' listeners`, node: 7 }));
    first!.folded = rest;
    expect(findingTitle({ group: first!, kind: 'storm', count: 3, bytes: 900, closure: undefined })).toMatch(
      /^listeners of 'MESSAGE_ADDED\.0', 'MESSAGE_ADDED\.2', 'MESSAGE_ADDED\.10' on PubSub: \+3 per call/,
    );
  });

  it('names plain objects by the Map that gains them, and class instances by their class', () => {
    const entries = group('Object', NodeType.object, { label: 'Map', edge: 'Map entries', node: 3, variable: 'registry' });
    expect(findingTitle({ group: entries, kind: 'heap', count: 1, bytes: 128, closure: undefined })).toBe('entries of Map registry: +1 per call (128 B per call)');
    const sessions = group('Session', NodeType.object, { label: 'Map', edge: 'Map entries', node: 3, variable: 'sessions' });
    expect(findingTitle({ group: sessions, kind: 'heap', count: 1, bytes: 48, closure: undefined })).toBe('Session objects: +1 per call (48 B per call), held by Map sessions');
  });

  it('never shows V8 names, even for a group of closure scopes with no holder', () => {
    for (const name of ['system / Context', '(string)', 'Object', 'Array']) {
      expect(findingTitle({ group: group(name, NodeType.object), kind: 'heap', count: 4, bytes: 400, closure: undefined })).not.toMatch(INTERNAL);
    }
    expect(findingTitle({ group: group('(anonymous)', NodeType.closure), kind: 'storm', count: 1, bytes: 64, closure: undefined })).toMatch(/^anonymous closures:/);
  });

  it("names EventTarget's listener records by the function they run", () => {
    const records = group('Listener', NodeType.object, { label: 'AbortSignal', edge: 'listeners', node: 5 });
    expect(findingTitle({ group: records, kind: 'storm', count: 1, bytes: 256, closure: { name: 'onAbort', position: { file: 'lib/job.js', line: 12 } } }))
      .toBe('listeners on AbortSignal: +1 per call (256 B per call), closures of onAbort (lib/job.js:12)');
  });

  it('rounds a whole number of objects per call', () => {
    expect(perCallText(2.04)).toBe('+2');
    expect(perCallText(0.25)).toBe('+0.25');
    expect(perCallText(1.5)).toBe('+1.5');
  });
});

describe('growth that stops is no finding', () => {
  it('drops a fraction of an object per call at a few bytes per call (a lazily filled prototype cache)', () => {
    // +0.09 per call, 7 B per call: seen on a real library leak as a fourth finding.
    expect(growsEnoughPerCall(group('Object', NodeType.object, undefined, 90, 7000), 1000, 8)).toBe(false);
  });

  it('keeps a fraction of an object per call that holds real bytes (every fourth call keeps a Session)', () => {
    expect(growsEnoughPerCall(group('Session', NodeType.object, undefined, 250, 25_000), 1000, 8)).toBe(true);
  });

  it('keeps an object per call however small', () => {
    expect(growsEnoughPerCall(group('Tiny', NodeType.object, undefined, 1000, 16_000), 1000, 8)).toBe(true);
  });
});
