import { compareWithBaseline } from '../baseline/judge.js';
import type { LoadedBaseline } from '../baseline/types.js';
import type { FileRecord, TaskNode } from '../tasks/types.js';
import {
  REPORT_KIND, REPORT_SCHEMA_VERSION,
  type BaselineComparison, type MissingFile, type ReportFile, type RunInfo, type RunReport, type RunTotals,
} from './schema.js';
import { normalizeFileTasks } from './tree.js';
import { withRelativeFiles } from './project-paths.js';

export interface BuildRunReportInput {
  /** What the workers sent, one record per test file. */
  files: readonly FileRecord[];
  run: RunInfo;
  /** The baseline to compare with (see `loadBaseline`), or an already computed comparison. */
  baseline?: LoadedBaseline | BaselineComparison;
  /** Every test file the runner scheduled; files among them without a record are reported missing. */
  expectedFiles?: readonly string[];
  /** Defaults to now. */
  createdAt?: Date;
}

/**
 * Builds the run report from the workers' file records. Pure: nothing is
 * read or written.
 *
 * @example
 * const report = buildRunReport({ files: records, run: runInfo, baseline: await loadBaseline(path, { mode: 'sampled' }) });
 * await writeReports(report, { outDir: 'memscope-report', html: true });
 */
export function buildRunReport(input: BuildRunReportInput): RunReport {
  const files: ReportFile[] = [];
  const tasks: TaskNode[] = [];
  const missing: MissingFile[] = [];
  for (const record of input.files) {
    const normalized = normalizeFileTasks(record);
    files.push({ file: record.file, capture: record.capture, mode: record.mode, tests: countTests(normalized) });
    for (const task of normalized) tasks.push(withRelativeFiles(task, input.run.root));
    if (record.incomplete) missing.push({ file: record.file, reason: 'incomplete' });
  }
  const recorded = new Set(input.files.map((f) => f.file));
  for (const file of input.expectedFiles ?? []) {
    if (!recorded.has(file)) missing.push({ file, reason: 'absent' });
  }
  const baseline = input.baseline === undefined ? undefined
    : 'compared' in input.baseline ? input.baseline
    : compareWithBaseline(tasks, input.baseline, { partial: input.run.shard !== undefined && input.run.shard.count > 1 });
  return assembleReport({ createdAt: input.createdAt, run: input.run, files, tasks, missing, baseline });
}

/** The report's envelope around its parts: version, time, duplicates and totals. Shared by build and merge. */
export function assembleReport(parts: {
  createdAt: Date | undefined;
  run: RunInfo;
  files: ReportFile[];
  tasks: TaskNode[];
  missing: MissingFile[];
  baseline: BaselineComparison | undefined;
}): RunReport {
  const { files, tasks, missing, baseline } = parts;
  const duplicates = duplicateTestIds(tasks);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind: REPORT_KIND,
    createdAt: (parts.createdAt ?? new Date()).toISOString(),
    run: parts.run,
    totals: computeTotals(files.length, tasks, missing.length, duplicates.length, baseline),
    files,
    tasks,
    missing,
    duplicates,
    ...(baseline ? { baseline } : {}),
  };
}

/** The report judged against a baseline comparison made after it was built. */
export function withBaseline(report: RunReport, baseline: BaselineComparison): RunReport {
  return { ...report, baseline, totals: { ...report.totals, regressions: baseline.regressions.length } };
}

function countTests(tasks: readonly TaskNode[]): number {
  let n = 0;
  for (const t of tasks) if (t.kind === 'test') n++;
  return n;
}

export function duplicateTestIds(tasks: readonly TaskNode[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const t of tasks) {
    if (t.kind !== 'test') continue;
    if (seen.has(t.id)) duplicates.add(t.id);
    seen.add(t.id);
  }
  return [...duplicates];
}

export function computeTotals(
  fileCount: number,
  tasks: readonly TaskNode[],
  missingFiles: number,
  duplicateTests: number,
  baseline: BaselineComparison | undefined,
): RunTotals {
  const totals: RunTotals = {
    files: fileCount, tests: 0, passed: 0, failed: 0, skipped: 0, leakingTests: 0,
    findings: { heap: 0, storm: 0, handle: 0, native: 0 },
    handlesLeftOpen: 0, trackedNotCollected: 0,
    regressions: baseline?.regressions.length ?? 0,
    missingFiles, duplicateTests,
  };
  for (const t of tasks) {
    if (t.kind !== 'test') continue;
    totals.tests++;
    if (t.state === 'passed') totals.passed++;
    else if (t.state === 'failed') totals.failed++;
    else if (t.state === 'skipped' || t.state === 'todo') totals.skipped++;
    if (t.findings.length > 0) totals.leakingTests++;
    for (const f of t.findings) totals.findings[f.kind]++;
    totals.handlesLeftOpen += t.figures.handlesLeftOpen?.value ?? t.handles.length;
    for (const o of t.tracked) if (!o.collected) totals.trackedNotCollected++;
  }
  return totals;
}

/** 1 when the run found a leak or a regression, else 0: the CLI's and reporters' exit code. */
export function reportExitCode(report: RunReport): 0 | 1 {
  const t = report.totals;
  return t.leakingTests > 0 || t.regressions > 0 || t.trackedNotCollected > 0 ? 1 : 0;
}
