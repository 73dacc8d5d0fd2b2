import type { FileRecord, TaskFigures, TaskNode } from '../../src/tasks/types.js';
import type { RunInfo } from '../../src/report/schema.js';
import { SESSION_LEAK } from '../support/session-finding.js';

/** Hand-made runs for the report tests: small, with every kind of content a report can hold. */

export const XSS_NAME = '</script><img src=x onerror=alert(1)>';

export const RUN: RunInfo = {
  node: 'v20.20.2',
  v8: '11.3.244.8-node.33',
  capture: 'native',
  mode: 'sampled',
  runner: { name: 'vitest', version: '4.1.12' },
  startedAt: '2025-01-02T03:04:05.000Z',
  durationMs: 1234,
  root: '/project',
};

const KB = 1024;

export function figures(partial: Record<string, number>, source: 'measured' | 'sampled' | 'inferred' = 'sampled'): TaskFigures {
  const out: TaskFigures = {};
  for (const [name, value] of Object.entries(partial)) out[name as keyof TaskFigures] = { value, source };
  return out;
}

export function task(over: Partial<TaskNode> & Pick<TaskNode, 'id' | 'name' | 'file'>): TaskNode {
  return {
    kind: 'test',
    path: [over.name],
    parentId: null,
    state: 'passed',
    figures: {},
    handles: [],
    findings: [],
    tracked: [],
    ...over,
  };
}

/** A test file's record as a worker writes it on the native capture, in sampled mode. */
function sampledFile(file: string, tasks: TaskNode[], incomplete?: true): FileRecord {
  return { schemaVersion: 1, file, capture: 'native', mode: 'sampled', ...(incomplete ? { incomplete } : {}), tasks };
}

function cacheFile(): FileRecord {
  const file = 'src/cache.test.ts';
  return sampledFile(file, [
    task({ id: `${file} (file)`, kind: 'file', name: file, path: [], file }),
    task({ id: `${file} > Cache`, kind: 'describe', name: 'Cache', path: ['Cache'], file, parentId: `${file} (file)` }),
    task({
      id: `${file} > Cache > beforeEach`, kind: 'hook', hook: 'beforeEach', name: 'beforeEach', path: ['Cache', 'beforeEach'], file,
      parentId: `${file} > Cache`, figures: figures({ allocated: 4 * KB, durationMs: 0.4 }),
    }),
    task({
      id: `${file} > Cache > evicts old entries`, name: 'evicts old entries', path: ['Cache', 'evicts old entries'], file,
      parentId: `${file} > Cache`,
      figures: { ...figures({ heapBefore: 5000 * KB, heapAfter: 5100 * KB, peak: 5600 * KB, allocated: 900 * KB, durationMs: 12 }), retained: { value: 20 * KB, source: 'measured' } },
    }),
    task({
      id: `${file} > Cache > keeps sessions`, name: 'keeps sessions', path: ['Cache', 'keeps sessions'], file, state: 'failed',
      parentId: `${file} > Cache`, error: 'expected function not to leak',
      figures: figures({ heapBefore: 5100 * KB, heapAfter: 7300 * KB, peak: 7800 * KB, retained: 2100 * KB, allocated: 3000 * KB, durationMs: 340 }),
      findings: [SESSION_LEAK],
      tracked: [{ name: 'session', collected: false, retainerPath: '(module) cache → Map → table[k] → Session' }],
    }),
  ]);
}

function serverFile(): FileRecord {
  const file = 'src/server.test.ts';
  return sampledFile(file, [
    task({
      id: `${file} > starts`, name: 'starts', file,
      figures: figures({ heapBefore: 6000 * KB, heapAfter: 6040 * KB, allocated: 300 * KB, handlesLeftOpen: 1, durationMs: 30 }),
      handles: [{ type: 'TCPSERVERWRAP', stack: ['createServer (src/server.ts:8:10)', 'test (src/server.test.ts:5:3)'] }],
    }),
    task({ id: `${file} > stops`, name: 'stops', file, state: 'skipped' }),
  ]);
}

function hostileFile(): FileRecord {
  const file = 'src/hostile.test.ts';
  return sampledFile(file, [
    task({
      id: `${file} > ${XSS_NAME}`, name: XSS_NAME, path: [XSS_NAME], file,
      figures: figures({ heapBefore: 6100 * KB, heapAfter: 6150 * KB, allocated: 120 * KB, retained: 8 * KB }),
      findings: [{
        kind: 'storm', title: `${XSS_NAME} listeners grow\u2028`, perCall: { count: 1, bytes: 120 }, name: 'Listener',
        retainerPathText: `(global) → EventEmitter → ${XSS_NAME}`, holder: 'EventEmitter', growingEdge: '_events.data',
        preview: '<script>alert(2)</script>\u2029',
      }],
    }),
  ]);
}

/** A small run with a leak, an open handle, a skipped test, hostile names, a crashed and an absent file. */
export function sampleFiles(): FileRecord[] {
  const crashed = sampledFile('src/crash.test.ts', [task({ id: 'src/crash.test.ts > runs', name: 'runs', file: 'src/crash.test.ts', state: 'running' })], true);
  return [cacheFile(), serverFile(), hostileFile(), crashed];
}

export const EXPECTED_FILES = ['src/cache.test.ts', 'src/server.test.ts', 'src/hostile.test.ts', 'src/crash.test.ts', 'src/never.test.ts'];
