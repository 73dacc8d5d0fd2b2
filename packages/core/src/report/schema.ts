import type { CapturePath } from '../capture/types.js';
import type { MeasureMode, TaskFigures, TaskNode } from '../tasks/types.js';

/**
 * The run report, `memscope-report/report.json`.
 *
 * Versioned: readers refuse a `schemaVersion` they do not know rather than
 * guess. Every figure keeps its `source` (measured, sampled, inferred, or
 * shared: read while other tasks ran too, see TaskNode.overlaps). The
 * file is compact JSON (no indentation) because a run of 10,000 tests would
 * otherwise be several times larger; pipe it through `jq` to read it.
 *
 * The tree is flat: `tasks` holds files, describes, tests, hooks, task scopes
 * (`task`) and verdicts (`verdict`, the calls a leak check made), linked by
 * `parentId`. Each file has exactly one task of kind `file` and every other
 * task of that file descends from it. Findings live on the task that produced
 * them (`TaskNode.findings`), so they exist once.
 */
export const REPORT_SCHEMA_VERSION = 1;
export const REPORT_KIND = 'memscope-run-report';

export interface RunnerInfo {
  /** `jest`, `vitest` or another runner's name. */
  name: string;
  version: string;
}

export interface ShardInfo {
  /** 1-based, as the runners' `--shard=index/count`. */
  index: number;
  count: number;
}

/** How and where the run happened. */
export interface RunInfo {
  /** `process.version`, e.g. `v20.20.2`. */
  node: string;
  /** `process.versions.v8`. */
  v8: string;
  /** Which capture path measured the run (native addon or pure JS). */
  capture: CapturePath;
  mode: MeasureMode;
  runner: RunnerInfo;
  shard?: ShardInfo;
  /** ISO 8601 start time. */
  startedAt?: string;
  durationMs?: number;
  /** The project root the task file paths are relative to. */
  root?: string;
}

/** One test file as a worker reported it. */
export interface ReportFile {
  file: string;
  capture: CapturePath;
  mode: MeasureMode;
  /** Number of test tasks in the file. */
  tests: number;
}

/** A file whose figures are missing or partial, usually because its worker crashed. */
export interface MissingFile {
  file: string;
  /** `incomplete`: the worker started the file but did not finish it; `absent`: no record at all. */
  reason: 'incomplete' | 'absent';
}

export interface RunTotals {
  files: number;
  tests: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Tests with at least one finding. */
  leakingTests: number;
  /** Findings by kind across the run. */
  findings: { heap: number; storm: number; handle: number; native: number };
  handlesLeftOpen: number;
  trackedNotCollected: number;
  regressions: number;
  missingFiles: number;
  /** Test ids seen more than once (merged shards that overlapped). */
  duplicateTests: number;
}

/** The per-test figures a baseline can hold. */
export type BaselineFigureName = keyof TaskFigures;

export interface Tolerance {
  /** Allowed growth as a fraction of the old value, e.g. 0.1 for 10 %. */
  relative: number;
  /** Allowed growth in the figure's unit (bytes, handles, ms). */
  absolute: number;
}

/** A figure that grew beyond its tolerance. */
export interface Regression {
  taskId: string;
  file: string;
  /** Names from the file down to the test. */
  path: string[];
  figure: BaselineFigureName;
  old: number;
  new: number;
  tolerance: Tolerance;
  /** The largest value that would have passed: `old + max(absolute, relative × old)`. */
  limit: number;
}

/** The old value and limit of one compared figure of one test. */
export interface ComparedFigure {
  old: number;
  limit: number;
}

export interface BaselineComparison {
  /** The baseline file as given (relative paths stay relative). */
  file: string;
  /** True when this run rewrote the baseline. */
  updated: boolean;
  /** True when the baseline did not exist before this run. */
  created: boolean;
  regressions: Regression[];
  /** Tests that are not in the baseline; they enter it only on update. */
  newTests: string[];
  /**
   * Baseline tests this run did not see. In a sharded run these include the
   * other shards' tests (`partial` is true); `memscope merge` keeps only the
   * ones no shard saw.
   */
  removedTests: string[];
  partial: boolean;
  /**
   * Tests and task scopes that ran at the same time as others: their figures
   * are `shared` and were not judged (nor recorded on update).
   */
  sharedTests?: string[];
  /** taskId → figure → old value and limit, for every figure compared. */
  compared: Record<string, Partial<Record<BaselineFigureName, ComparedFigure>>>;
}

export interface RunReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  kind: typeof REPORT_KIND;
  /** ISO 8601 time the report was built. */
  createdAt: string;
  run: RunInfo;
  totals: RunTotals;
  files: ReportFile[];
  tasks: TaskNode[];
  missing: MissingFile[];
  /** Test ids that appeared more than once. */
  duplicates: string[];
  baseline?: BaselineComparison;
}
