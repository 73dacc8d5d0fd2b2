import { describe, expect, it } from 'vitest';
import type { FileRecord, TaskNode } from '@memscope/core';
import { reconcileWithJest } from '../src/reporter/reconcile.js';

function node(partial: Partial<TaskNode> & Pick<TaskNode, 'id' | 'kind' | 'name' | 'path'>): TaskNode {
  return { file: 'a.spec.js', parentId: null, state: 'passed', figures: {}, handles: [], findings: [], tracked: [], ...partial };
}

const record: FileRecord = {
  schemaVersion: 1, file: 'a.spec.js', capture: 'js', mode: 'sampled',
  tasks: [
    node({ id: 'a.spec.js', kind: 'file', name: 'a.spec.js', path: [] }),
    node({ id: 'a.spec.js > Cache', kind: 'describe', name: 'Cache', path: ['Cache'], parentId: 'a.spec.js' }),
    node({ id: 'a.spec.js > Cache > evicts', kind: 'test', name: 'evicts', path: ['Cache', 'evicts'], parentId: 'a.spec.js > Cache', figures: { allocated: { value: 10, source: 'measured' } } }),
  ],
};

describe('reconcileWithJest', () => {
  it("takes each test's state and first failure line from Jest's results", () => {
    const out = reconcileWithJest(record, [
      { ancestorTitles: ['Cache'], title: 'evicts', status: 'failed', failureMessages: ['\u001b[31mError: expected 1\u001b[39m\n    at x (a.spec.js:1:1)'] },
    ]);
    const test = out.tasks.find((t) => t.kind === 'test')!;
    expect(test).toMatchObject({ state: 'failed', error: 'Error: expected 1', figures: { allocated: { value: 10 } } });
  });

  it('adds the tests that never ran (skipped, todo) under their describe, without figures', () => {
    const out = reconcileWithJest(record, [
      { ancestorTitles: ['Cache'], title: 'evicts', status: 'passed' },
      { ancestorTitles: ['Cache'], title: 'later', status: 'pending' },
      { ancestorTitles: [], title: 'write docs', status: 'todo' },
    ]);
    expect(out.tasks.filter((t) => t.kind === 'test').map((t) => [t.id, t.state, t.parentId])).toEqual([
      ['a.spec.js > Cache > evicts', 'passed', 'a.spec.js > Cache'],
      ['a.spec.js > Cache > later', 'skipped', 'a.spec.js > Cache'],
      ['a.spec.js > write docs', 'todo', 'a.spec.js'],
    ]);
  });
});
