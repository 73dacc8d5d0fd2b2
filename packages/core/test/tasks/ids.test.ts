import { describe, expect, it } from 'vitest';
import { emptyTaskNode, endedTaskNode, endTaskNode, firstFreeId, TaskIdRegistry, taskPathId } from '../../src/tasks/ids.js';

describe('task ids', () => {
  it('joins the file and the names, and numbers a name seen again in the order claimed', () => {
    const ids = new TaskIdRegistry('src/cache.test.ts');
    const base = taskPathId('src/cache.test.ts', ['Cache', 'evicts']);
    expect(base).toBe('src/cache.test.ts > Cache > evicts');
    expect([ids.claim(base), ids.claim(base), ids.claim(base)]).toEqual([base, `${base} #2`, `${base} #3`]);
    expect(ids.baseId('hook', [], 'beforeEach', base)).toBe(`${base} > (beforeEach)`);
  });

  it('gives a task added after the others the first id none holds', () => {
    const base = taskPathId('a.spec.js', ['adds']);
    expect(firstFreeId(base, new Set())).toBe(base);
    expect(firstFreeId(base, new Set([base, `${base} #2`]))).toBe(`${base} #3`);
  });

  it('builds a node with nothing measured, fields in the recorder\'s order', () => {
    const node = emptyTaskNode({ id: 'a.spec.js > x', kind: 'test', name: 'x', path: ['x'], file: 'a.spec.js', parentId: null, state: 'skipped' });
    expect(Object.keys(node)).toEqual(['id', 'kind', 'name', 'path', 'file', 'parentId', 'state', 'figures', 'handles', 'findings', 'tracked']);
    expect(node).toMatchObject({ figures: {}, handles: [], findings: [], tracked: [] });
  });

  it('ends a node in its final state, with the error when one is given and the one it had when none is', () => {
    const running = emptyTaskNode({ id: 'a.spec.js > x', kind: 'test', name: 'x', path: ['x'], file: 'a.spec.js', parentId: null, state: 'running' });
    const failed = endedTaskNode(running, 'failed', 'Error: boom');
    expect(failed).toMatchObject({ state: 'failed', error: 'Error: boom' });
    expect(Object.keys(failed).slice(-2)).toEqual(['tracked', 'error']);
    expect(endedTaskNode(failed, 'passed')).toMatchObject({ state: 'passed', error: 'Error: boom' });
    expect(running.state).toBe('running');
    endTaskNode(running, 'skipped');
    expect(running).not.toHaveProperty('error');
    expect(running.state).toBe('skipped');
  });
});
