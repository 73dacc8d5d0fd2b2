import { isAbsolute, join, resolve } from 'node:path';
import { loadBaseline } from '../baseline/read.js';
import { shouldUpdateBaseline, updateBaseline } from '../baseline/update.js';
import type { CapturePath } from '../capture/types.js';
import { buildRunReport } from '../report/build.js';
import type { Colors } from '../report/colors.js';
import { plural } from '../report/format.js';
import type { RunReport, RunnerInfo, ShardInfo } from '../report/schema.js';
import { formatSummary } from '../report/summary.js';
import { writeReports, type WrittenReports } from '../report/write.js';
import type { FileRecord } from '../tasks/types.js';
import type { ResolvedReporterOptions } from './options.js';

export interface FinishRunInput {
  /** The file records the workers wrote. */
  records: readonly FileRecord[];
  /** Every test file the runner ran, relative to `rootDir`; those without a record are reported missing. */
  expectedFiles: readonly string[];
  options: ResolvedReporterOptions;
  runner: RunnerInfo;
  rootDir: string;
  /** The runner's own update flag (Jest's `-u`, Vitest's `-u`); the `update` option wins over it. */
  runnerUpdate?: boolean;
  shard?: ShardInfo;
  startedAt?: Date;
  colors: Colors;
  env?: NodeJS.ProcessEnv;
}

export interface FinishedRun {
  report: RunReport;
  written: WrittenReports;
  /** The end-of-run summary, no trailing newline; empty when the `summary` option is off. */
  summary: string;
  /** Why the run must fail (a baseline regression), or null. */
  failure: string | null;
}

/** Where the reports go: a sharded run writes into a folder of its own so shards never overwrite each other. */
export function reportDirectory(rootDir: string, outputDir: string, shard?: ShardInfo): string {
  const base = isAbsolute(outputDir) ? outputDir : resolve(rootDir, outputDir);
  return shard && shard.count > 1 ? join(base, `shard-${shard.index}-of-${shard.count}`) : base;
}

/** `native` only when every worker measured with the addon. */
function captureOf(records: readonly FileRecord[]): CapturePath {
  return records.length > 0 && records.every((r) => r.capture === 'native') ? 'native' : 'js';
}

/**
 * The reporter's whole end of run, the same for every runner: build the
 * report from the records, compare with (or update) the baseline, write the
 * JSON and HTML reports, format the summary, and say whether the run fails.
 */
export async function finishRun(input: FinishRunInput): Promise<FinishedRun> {
  const { options, rootDir } = input;
  const mode = options.mode;
  const partial = input.shard !== undefined && input.shard.count > 1;
  const run = {
    node: process.version,
    v8: process.versions.v8,
    capture: captureOf(input.records),
    mode,
    runner: input.runner,
    ...(input.shard ? { shard: input.shard } : {}),
    ...(input.startedAt ? { startedAt: input.startedAt.toISOString(), durationMs: Date.now() - input.startedAt.getTime() } : {}),
    root: rootDir,
  };
  const base = { files: input.records, run, expectedFiles: input.expectedFiles };
  let report: RunReport;
  if (options.baseline === false) {
    report = buildRunReport(base);
  } else {
    const loaded = await loadBaseline(resolve(rootDir, options.baseline), { mode });
    const update = options.update ?? (input.runnerUpdate === true || shouldUpdateBaseline(undefined, input.env ?? process.env));
    if (update) {
      const measuredTasks = buildRunReport(base).tasks;
      const comparison = await updateBaseline(measuredTasks, loaded, { mode, partial });
      report = buildRunReport({ ...base, baseline: { ...comparison, file: options.baseline } });
    } else {
      const compared = buildRunReport({ ...base, baseline: loaded });
      report = compared.baseline ? { ...compared, baseline: { ...compared.baseline, file: options.baseline } } : compared;
    }
  }
  const written = await writeReports(report, { outDir: reportDirectory(rootDir, options.outputDir, input.shard), html: options.html });
  const summary = options.summary ? formatSummary(report, { colors: input.colors, written, cwd: rootDir }) : '';
  const regressions = report.baseline?.regressions.length ?? 0;
  const failure = regressions > 0
    ? `memscope: ${plural(regressions, 'memory regression')} against ${options.baseline}. ` +
      'If the change is intended, update the baseline (MEMSCOPE_UPDATE=1, or the runner\'s -u).'
    : null;
  return { report, written, summary, failure };
}
