import { resolve } from 'node:path';
import { compareWithBaseline } from '../baseline/judge.js';
import { loadBaseline } from '../baseline/read.js';
import { shouldUpdateBaseline, updateBaseline } from '../baseline/update.js';
import { DEFAULT_BASELINE_FILE } from '../baseline/types.js';
import type { FileRecord } from '../tasks/types.js';
import { buildRunReport, reportExitCode } from './build.js';
import type { BaselineComparison, RunInfo, RunReport } from './schema.js';
import { writeReports, type WriteReportsOptions, type WrittenReports } from './write.js';

export interface FinishRunOptions extends WriteReportsOptions {
  files: readonly FileRecord[];
  run: RunInfo;
  expectedFiles?: readonly string[];
  /**
   * The baseline file, relative to `run.root` (or the working directory).
   * Default `memscope.baseline.json`; `false` skips the comparison.
   */
  baseline?: string | false;
  /** Rewrite the baseline (the runner's `-u`); unset falls back to MEMSCOPE_UPDATE. */
  update?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface FinishedRun {
  report: RunReport;
  written: WrittenReports;
  /** 0 when clean, 1 when a leak or regression was found. */
  exitCode: 0 | 1;
}

/**
 * What a reporter does at the end of a run: compare with the baseline (and
 * rewrite it when updating), build the report, write report.json and
 * index.html. A baseline that does not exist is only created on update;
 * otherwise the run is not compared.
 *
 * @example
 * const { report, written, exitCode } = await finishRun({ files, run, update: argv.updateSnapshot === 'all' });
 * process.stderr.write(formatSummary(report, { colors: colorsFor(process.stderr), written }) + '\n');
 */
export async function finishRun(options: FinishRunOptions): Promise<FinishedRun> {
  const { files, run, expectedFiles } = options;
  const draft = buildRunReport({ files, run, ...(expectedFiles ? { expectedFiles } : {}) });
  let comparison: BaselineComparison | undefined;
  if (options.baseline !== false) {
    const path = resolve(run.root ?? process.cwd(), options.baseline ?? DEFAULT_BASELINE_FILE);
    const loaded = await loadBaseline(path, { mode: run.mode });
    const partial = run.shard !== undefined && run.shard.count > 1;
    if (shouldUpdateBaseline(options.update, options.env)) comparison = await updateBaseline(draft.tasks, loaded, { mode: run.mode, partial });
    else if (loaded.data) comparison = compareWithBaseline(draft.tasks, loaded, { partial });
  }
  const report = comparison
    ? { ...draft, baseline: comparison, totals: { ...draft.totals, regressions: comparison.regressions.length } }
    : draft;
  const written = await writeReports(report, options);
  return { report, written, exitCode: reportExitCode(report) };
}
