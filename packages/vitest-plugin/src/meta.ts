import type { CapturePath, MeasureMode, TaskNode } from '@memscope/core/plugin-kit';

/**
 * What a worker puts on Vitest's task meta. Vitest carries `task.meta` from
 * the worker to the reporter's `testCase.meta()` in every pool, keeps it in
 * blob reports (`--shard` + `--merge-reports`), and delivers it for tests
 * that finished before a worker crashed: one channel for every case.
 */
export const META_KEY = 'memscope';

/**
 * A test's node as its worker sends it: the id (numbered as the tests ran)
 * and what was measured. Where the test sits and how it ended (kind, name,
 * path, file, parentId, state) the reporter reads from Vitest's own task,
 * and empty lists are left out: the meta crosses to the runner's process
 * with every test.
 */
export type SentTask = Pick<TaskNode, 'id' | 'figures'> & Partial<Omit<TaskNode, 'id' | 'figures'>>;

/** On each test: its task node as the worker measured it. */
export interface TestMeta {
  task: SentTask;
  /** Task scopes and verdicts that ran inside the test, by parentId under it, whole. */
  children?: TaskNode[];
}

/** The part of a test's node its meta carries (see SentTask). */
export function sentTask(node: TaskNode): SentTask {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { kind, name, path, file, parentId, state, handles, findings, tracked, ...measured } = node;
  const sent: SentTask = measured;
  if (handles.length > 0) sent.handles = handles;
  if (findings.length > 0) sent.findings = findings;
  if (tracked.length > 0) sent.tracked = tracked;
  return sent;
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
