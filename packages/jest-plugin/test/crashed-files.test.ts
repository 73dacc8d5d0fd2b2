import { describe, expect, it } from 'vitest';
import type { FileRecord, TaskNode } from '@memscope/core';
import { ENDED_WHILE_RUNNING, incompleteRecords } from '../src/reporter/crashed-files.js';

function task(id: string, kind: TaskNode['kind'], state: TaskNode['state']): TaskNode {
  return { id, kind, name: id, path: kind === 'file' ? [] : [id], file: 'a.spec.js', parentId: null, state, figures: {}, handles: [], findings: [], tracked: [] };
}

const complete: FileRecord = { schemaVersion: 1, file: 'ok.spec.js', capture: 'native', mode: 'sampled', tasks: [task('ok.spec.js', 'file', 'passed')] };

describe('records of files Jest could not finish', () => {
  it('marks a file with no record incomplete, with no tasks of its own', () => {
    const records = incompleteRecords([complete], new Set(['gone.spec.js']), 'sampled');
    expect(records.find((r) => r.file === 'gone.spec.js')).toEqual({ schemaVersion: 1, file: 'gone.spec.js', capture: 'native', mode: 'sampled', tasks: [], incomplete: true });
  });

  it('keeps a checkpoint record, failing the test that was running when the worker died', () => {
    const checkpoint: FileRecord = {
      schemaVersion: 1, file: 'a.spec.js', capture: 'js', mode: 'sampled', incomplete: true,
      tasks: [task('a.spec.js', 'file', 'running'), task('first', 'test', 'passed'), task('killed', 'test', 'running')],
    };
    const [record] = incompleteRecords([checkpoint], new Set(['a.spec.js']), 'sampled');
    expect(record?.incomplete).toBe(true);
    expect(record?.tasks.map((t) => [t.id, t.state, t.error])).toEqual([
      ['a.spec.js', 'failed', undefined],
      ['first', 'passed', undefined],
      ['killed', 'failed', ENDED_WHILE_RUNNING],
    ]);
  });

  it('leaves a file that finished alone, even when Jest reported an error for it', () => {
    expect(incompleteRecords([complete], new Set(['ok.spec.js']), 'sampled')).toEqual([complete]);
  });
});
