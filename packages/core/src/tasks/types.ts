import type { CapturePath } from '../capture/types.js';
import type { Finding, FigureSource, TraceStep } from '../verdict/types.js';

/**
 * The task tree shared by the registry (per-test scopes), the plugins and the
 * reports. A task's state is a union keyed by `state`; each state carries
 * only its own data.
 */

/**
 * `task`: a scope the test opened itself with `task(name, fn)`; `verdict`:
 * the calls a leak or allocation matcher made (its figures are kept out of
 * its ancestors' allocated and GC figures, see tasks/verdict-task.ts).
 */
export type TaskKind = 'run' | 'file' | 'describe' | 'test' | 'hook' | 'task' | 'verdict';
export type HookName = 'beforeAll' | 'beforeEach' | 'afterEach' | 'afterAll';
export type TaskState = 'running' | 'passed' | 'failed' | 'skipped' | 'todo';

/** A number with the way it was obtained. */
export interface Figure {
  value: number;
  source: FigureSource;
  intervalBytes?: number; // sampled figures: the sampling heap profiler's mean interval
}

export interface OpenHandle {
  /** async_hooks resource type: Timeout, Immediate, TCPWRAP, FSREQCALLBACK, … */
  type: string;
  /** Creation stack, user frames first. */
  stack: string[];
}

export interface TrackedObjectReport {
  name: string;
  collected: boolean;
  /** `(module) cache → Map → table[k] → Session` when not collected. */
  retainerPath?: string;
}

/** Memory figures of one task; absent figures were not measured. */
export interface TaskFigures {
  heapBefore?: Figure;
  heapAfter?: Figure;
  /** Heap retained after a settled GC at the end of the task (settled mode). */
  retained?: Figure;
  /** Bytes allocated during the task: heap delta plus bytes freed by GCs in between. */
  allocated?: Figure;
  peak?: Figure;
  gcCount?: Figure;
  gcTimeMs?: Figure;
  external?: Figure;
  arrayBuffers?: Figure;
  malloc?: Figure;
  handlesOpened?: Figure;
  handlesLeftOpen?: Figure;
  durationMs?: Figure;
}

/** What every task carries, whatever its state. */
interface TaskNodeBase {
  /** Stable across runs: derived from the file path (relative to the root) and the full name. */
  id: string;
  kind: TaskKind;
  name: string;
  /** Names from the file down to this task, e.g. ['Cache', 'evicts old entries']. */
  path: string[];
  /** File path relative to the project root (POSIX separators). */
  file: string;
  parentId: string | null;
  hook?: HookName;
  /** Set when the figures of two tasks cannot be told apart (concurrent tests, parallel task scopes). */
  shared?: boolean;
  /** Ids of the tasks whose run overlapped this one's, when `shared`. */
  overlaps?: string[];
  figures: TaskFigures;
  handles: OpenHandle[];
  findings: Finding[];
  tracked: TrackedObjectReport[];
  /** A leak verdict's task (`kind: 'verdict'` of toLeak or checkLeak): every decision on its way, as `stats.trace`. */
  trace?: TraceStep[];
}

/**
 * A task still running: the recorder's node until the task ends; in a
 * record, a task its worker was running when it wrote the checkpoint
 * before a verdict. Nothing has ended it, so it has no error.
 */
export interface RunningTask extends TaskNodeBase {
  state: 'running';
}

/**
 * A task that ran to its end. A failed one says why in `error` (a test
 * whose worker died while it ran is failed, `error` naming the crash); a
 * passed one keeps the error its worker saw when the runner counted the
 * test passed anyway (Jest's `test.failing`).
 */
export interface FinishedTask extends TaskNodeBase {
  state: 'passed' | 'failed';
  error?: string;
}

/** A task that did not run, or stopped itself (`ctx.skip()`, with what its worker saw in `error`). */
export interface SkippedTask extends TaskNodeBase {
  state: 'skipped' | 'todo';
  error?: string;
}

/** A task that has ended, one way or another. */
export type EndedTask = FinishedTask | SkippedTask;

/** A node of the task tree: a union by `state`, built by `emptyTaskNode` and moved on by `endTaskNode` / `endedTaskNode` (tasks/ids.ts). */
export type TaskNode = RunningTask | FinishedTask | SkippedTask;

export type MeasureMode = 'sampled' | 'settled';

/** What one worker writes for one test file. */
export interface FileRecord {
  schemaVersion: 1;
  file: string;
  capture: CapturePath;
  mode: MeasureMode;
  tasks: TaskNode[];
  /** True when the worker did not finish the file (crash, kill). */
  incomplete?: boolean;
}
