import { compareWithBaseline } from '../baseline/judge.js';
import type { LoadedBaseline } from '../baseline/types.js';
import { MemscopeError } from '../errors.js';
import type { TaskNode } from '../tasks/types.js';
import { assembleReport } from './build.js';
import type { BaselineComparison, RunInfo, RunReport } from './schema.js';

export interface SourcedReport {
  report: RunReport;
  /** Where it was read from, for error messages. */
  source: string;
}

/**
 * Joins the reports of a sharded run (`--shard=i/n`, one report per
 * machine) into one and judges it as a whole: test ids seen in more than one
 * report are listed as duplicates; with `baseline` the merged tests are
 * compared afresh, otherwise the shards' own comparisons are combined and a
 * baseline test counts as removed only when no shard saw it.
 */
export function mergeRunReports(inputs: readonly SourcedReport[], options: { baseline?: LoadedBaseline; createdAt?: Date } = {}): RunReport {
  const first = inputs[0];
  if (!first) throw new MemscopeError('ERR_MEMSCOPE_USAGE', 'merge needs at least one report');
  for (const { report, source } of inputs) {
    if (report.run.mode !== first.report.run.mode) {
      throw new MemscopeError(
        'ERR_MEMSCOPE_REPORT_INVALID',
        `${source}: measured in ${report.run.mode} mode but ${first.source} in ${first.report.run.mode} mode; reports of different modes cannot be merged`,
      );
    }
  }
  const tasks: TaskNode[] = inputs.flatMap((i) => i.report.tasks);
  const files = inputs.flatMap((i) => i.report.files);
  const missing = inputs.flatMap((i) => i.report.missing);
  const baseline = options.baseline
    ? compareWithBaseline(tasks, options.baseline, { partial: false })
    : combineComparisons(inputs.map((i) => i.report.baseline));
  const run = mergedRunInfo(inputs.map((i) => i.report.run));
  return assembleReport({ createdAt: options.createdAt, run, files, tasks, missing, baseline });
}

function mergedRunInfo(runs: RunInfo[]): RunInfo {
  const { shard: _shard, ...first } = runs[0]!;
  const starts = runs.map((r) => r.startedAt).filter((s): s is string => s !== undefined).sort();
  const durations = runs.map((r) => r.durationMs).filter((d): d is number => d !== undefined);
  // One machine without the native addon makes the merged run's figures as coarse as its own.
  const capture = runs.some((r) => r.capture === 'js') ? 'js' : first.capture;
  return {
    ...first,
    capture,
    ...(starts[0] ? { startedAt: starts[0] } : {}),
    // Shards run side by side, so the run took as long as its slowest shard.
    ...(durations.length ? { durationMs: Math.max(...durations) } : {}),
  };
}

function combineComparisons(parts: (BaselineComparison | undefined)[]): BaselineComparison | undefined {
  const present = parts.filter((p): p is BaselineComparison => p !== undefined);
  const first = present[0];
  if (!first) return undefined;
  const seenRegression = new Set<string>();
  const regressions = present.flatMap((p) => p.regressions).filter((r) => {
    const key = `${r.taskId}\u0000${r.figure}`;
    if (seenRegression.has(key)) return false;
    seenRegression.add(key);
    return true;
  });
  const compared: BaselineComparison['compared'] = Object.create(null);
  for (const p of present) Object.assign(compared, p.compared);
  // Removed from the whole run = not seen by any shard. Shards without a comparison saw
  // an unknown set, so removals can only be stated when every shard was compared.
  let removed = present.length === parts.length ? new Set(first.removedTests) : new Set<string>();
  for (const p of present.slice(1)) removed = new Set(p.removedTests.filter((id) => removed.has(id)));
  return {
    file: first.file,
    updated: present.some((p) => p.updated),
    created: present.every((p) => p.created),
    regressions,
    newTests: [...new Set(present.flatMap((p) => p.newTests))],
    removedTests: [...removed],
    partial: false,
    ...sharedOf(present),
    compared,
  };
}

function sharedOf(parts: readonly BaselineComparison[]): { sharedTests?: string[] } {
  const ids = [...new Set(parts.flatMap((p) => p.sharedTests ?? []))];
  return ids.length > 0 ? { sharedTests: ids } : {};
}
