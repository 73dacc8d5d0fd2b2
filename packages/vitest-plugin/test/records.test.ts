import { describe, expect, test } from 'vitest';
import type { TaskNode } from '@memscope/core';
import { sentTask } from '../src/meta.js';
import { fileRecordOf, type ReportedCase, type ReportedModule, type ReportedSuite } from '../src/records.js';

function testCase(name: string, state: string, meta: unknown = {}, mode = 'run'): ReportedCase {
  return { type: 'test', name, options: { mode }, result: () => ({ state, errors: state === 'failed' ? [{ message: `${name} broke` }] : undefined }), meta: () => meta };
}

function suite(name: string, children: Array<ReportedCase | ReportedSuite>): ReportedSuite {
  return { type: 'suite', name, children: { array: () => children } };
}

function module(children: Array<ReportedCase | ReportedSuite>, state = 'passed', meta: unknown = {}, errors: Array<{ message: string }> = []): ReportedModule {
  return { type: 'module', moduleId: '/project/src/cache.spec.ts', children: { array: () => children }, state: () => state, meta: () => meta, errors: () => errors };
}

function sentNode(id: string, heapAfter: number): TaskNode {
  return {
    id, kind: 'test', name: 'ignored', path: [], file: 'src/cache.spec.ts', parentId: 'src/cache.spec.ts', state: 'passed',
    figures: { heapAfter: { value: heapAfter, source: 'sampled' } }, handles: [], findings: [], tracked: [], shared: true,
  };
}

const defaults = { capture: 'js', mode: 'sampled' } as const;

describe('fileRecordOf', () => {
  test('keeps the figures a worker sent and takes the outcome from the runner', () => {
    const sent = { memscope: { task: sentNode('src/cache.spec.ts > Cache > evicts', 1234) } };
    const record = fileRecordOf('/project', module([suite('Cache', [testCase('evicts', 'failed', sent)])]), defaults);
    expect(record.file).toBe('src/cache.spec.ts');
    const [describeTask, testTask] = record.tasks;
    expect(describeTask).toMatchObject({ id: 'src/cache.spec.ts > Cache', kind: 'describe', state: 'failed', parentId: null });
    expect(testTask).toMatchObject({
      id: 'src/cache.spec.ts > Cache > evicts', kind: 'test', path: ['Cache', 'evicts'], parentId: describeTask!.id,
      state: 'failed', error: 'evicts broke', shared: true, figures: { heapAfter: { value: 1234, source: 'sampled' } },
    });
    expect(record.incomplete).toBeUndefined();
  });

  test('a test sent without what the reporter knows (where it sits, its state, empty lists) reads as the whole node', () => {
    const measured: TaskNode = {
      ...sentNode('src/cache.spec.ts > Cache > evicts', 99),
      name: 'evicts', path: ['Cache', 'evicts'], parentId: 'src/cache.spec.ts > Cache', shared: true, overlaps: ['src/cache.spec.ts > Cache > other'],
      handles: [{ type: 'Timeout', stack: ['at leaky (src/cache.spec.ts:3:5)'] }],
    };
    const slim = sentTask(measured);
    expect(Object.keys(slim)).toEqual(['id', 'figures', 'shared', 'overlaps', 'handles']);
    const whole = fileRecordOf('/project', module([suite('Cache', [testCase('evicts', 'passed', { memscope: { task: measured } })])]), defaults);
    const sent = fileRecordOf('/project', module([suite('Cache', [testCase('evicts', 'passed', { memscope: { task: slim } })])]), defaults);
    // The same report, keys in the same order.
    expect(JSON.stringify(sent)).toBe(JSON.stringify(whole));
    expect(sent.tasks[1]).toMatchObject({ findings: [], tracked: [], handles: measured.handles, state: 'passed' });
  });

  test('lists tests no worker measured, without figures, and numbers repeated names', () => {
    const record = fileRecordOf('/project', module([testCase('same', 'skipped'), testCase('same', 'passed'), testCase('later', 'pending', {}, 'todo')]), defaults);
    expect(record.tasks.map((t) => [t.id, t.state])).toEqual([
      ['src/cache.spec.ts > same', 'skipped'],
      ['src/cache.spec.ts > same #2', 'passed'],
      ['src/cache.spec.ts > later', 'todo'],
    ]);
    expect(record.tasks.every((t) => Object.keys(t.figures).length === 0)).toBe(true);
  });

  test('takes capture and mode from the file meta', () => {
    const record = fileRecordOf('/project', module([], 'passed', { memscope: { capture: 'native', mode: 'settled' } }), defaults);
    expect(record).toMatchObject({ capture: 'native', mode: 'settled' });
  });

  test('marks a file whose worker stopped before its end as incomplete', () => {
    const pending = fileRecordOf('/project', module([testCase('ran', 'passed'), testCase('never ran', 'pending')], 'pending'), defaults);
    expect(pending.incomplete).toBe(true);
    const crashed = fileRecordOf('/project', module([testCase('never ran', 'pending')], 'failed', {}, [{ message: 'Worker exited unexpectedly' }]), defaults);
    expect(crashed.incomplete).toBe(true);
    const failedNormally = fileRecordOf('/project', module([testCase('broke', 'failed')], 'failed'), defaults);
    expect(failedNormally.incomplete).toBeUndefined();
  });
});
