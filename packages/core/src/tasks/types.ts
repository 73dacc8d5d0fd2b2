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

export interface TaskNode {
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
  state: TaskState;
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
  error?: string;
}

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
