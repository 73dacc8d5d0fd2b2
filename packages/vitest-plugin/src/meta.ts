import type { CapturePath, MeasureMode, TaskNode } from '@memscope/core/plugin-kit';

/**
 * What a worker puts on Vitest's task meta. Vitest carries `task.meta` from
 * the worker to the reporter's `testCase.meta()` in every pool, keeps it in
 * blob reports (`--shard` + `--merge-reports`), and delivers it for tests
 * that finished before a worker crashed: one channel for every case.
 */
export const META_KEY = 'memscope';

/** On each test: its task node as the worker measured it. */
export interface TestMeta {
  task: TaskNode;
  /** Task scopes and verdicts that ran inside the test, by parentId under it. */
  children?: TaskNode[];
}

/** On each test file: how its figures were taken. */
export interface FileMeta {
  capture: CapturePath;
  mode: MeasureMode;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function readTestMeta(meta: unknown): TestMeta | undefined {
  const entry = isObject(meta) ? meta[META_KEY] : undefined;
  return isObject(entry) && isObject(entry['task']) ? (entry as unknown as TestMeta) : undefined;
}

export function readFileMeta(meta: unknown): FileMeta | undefined {
  const entry = isObject(meta) ? meta[META_KEY] : undefined;
  return isObject(entry) && typeof entry['capture'] === 'string' ? (entry as unknown as FileMeta) : undefined;
}
