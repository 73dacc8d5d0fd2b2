import type { EndedTask, FileRecord, TaskNode } from '@memscope/core/plugin-kit';
import { taskIds } from './core-parts.js';

/** The part of Jest's per-test result memscope reads (`testResult.testResults[i]`). */
export interface JestAssertionResult {
  ancestorTitles: string[];
  title: string;
  status: string;
  failureMessages?: string[];
}

function stateOf(status: string): EndedTask['state'] {
  switch (status) {
    case 'passed':
      return 'passed';
    case 'failed':
      return 'failed';
    case 'todo':
      return 'todo';
    default:
      // pending, skipped, disabled, focused (another test was focused)
      return 'skipped';
  }
}

function firstLine(messages: readonly string[] | undefined): string | undefined {
  const text = messages?.[0];
  if (!text) return undefined;
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((line) => line.trim() !== '')?.trim();
}

/**
 * Jest's own results are the authority on how each test ended: the setup
 * file sees failures only up to its afterEach hook. This sets every recorded
 * test's state (and error) from them, and adds the tests that never ran
 * (skipped, todo), which the setup file cannot see, without figures.
 */
export function reconcileWithJest(record: FileRecord, results: readonly JestAssertionResult[]): FileRecord {
  const byPath = new Map<string, JestAssertionResult[]>();
  for (const result of results) {
    const key = JSON.stringify([...result.ancestorTitles, result.title]);
    const list = byPath.get(key) ?? [];
    list.push(result);
    byPath.set(key, list);
  }
  const tasks: TaskNode[] = record.tasks.map((task) => {
    if (task.kind !== 'test') return task;
    const result = byPath.get(JSON.stringify(task.path))?.shift();
    if (!result) return task;
    const state = stateOf(result.status);
    const error = state === 'failed' ? firstLine(result.failureMessages) ?? (task.state === 'running' ? undefined : task.error) : undefined;
    return taskIds().endedTaskNode(task, state, error || undefined);
  });
  const ids = new Set(tasks.map((t) => t.id));
  const fileTask = tasks.find((t) => t.kind === 'file');
  for (const unmatched of byPath.values()) {
    for (const result of unmatched) {
      const path = [...result.ancestorTitles, result.title];
      const id = taskIds().firstFreeId(taskIds().taskPathId(record.file, path), ids);
      ids.add(id);
      const parent = tasks.find((t) => t.kind === 'describe' && JSON.stringify(t.path) === JSON.stringify(result.ancestorTitles)) ?? fileTask;
      tasks.push(taskIds().emptyTaskNode({
        id, kind: 'test', name: result.title, path, file: record.file, parentId: parent?.id ?? null,
        state: stateOf(result.status),
      }));
    }
  }
  return { ...record, tasks };
}
