import { join } from 'node:path';
import { loadBaseline } from '../baseline/read.js';
import { judgeOrUpdate } from '../baseline/apply.js';
import { shouldUpdateBaseline } from '../baseline/update.js';
import type { CapturePath } from '../capture/types.js';
import { buildRunReport, withBaseline } from '../report/build.js';
import type { Colors } from '../report/colors.js';
import { plural } from '../report/format.js';
import { resolveInsideRoot } from '../report/files/paths.js';
import type { RunReport, RunnerInfo, ShardInfo } from '../report/schema.js';
import { formatSummary } from '../report/summary.js';
import { writeReports, type WrittenReports } from '../report/files/write.js';
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

/**
 * Where the reports go, resolved against the project root (a relative path
 * may not leave it): a sharded run writes into a folder of its own so shards
 * never overwrite each other.
 */
export function reportDirectory(rootDir: string, outputDir: string, shard?: ShardInfo): string {
  const base = resolveInsideRoot(rootDir, outputDir, 'outputDir');
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
  // Both paths are checked before anything is read or written.
  const outDir = reportDirectory(rootDir, options.outputDir, input.shard);
  let report = buildRunReport(base);
  if (options.baseline !== false) {
    const loaded = await loadBaseline(resolveInsideRoot(rootDir, options.baseline, 'baseline'), { mode });
    const update = options.update ?? (input.runnerUpdate === true || shouldUpdateBaseline(undefined, input.env ?? process.env));
    const comparison = await judgeOrUpdate(report.tasks, loaded, { update, mode, partial });
    report = withBaseline(report, { ...comparison, file: options.baseline });
  }
  const written = await writeReports(report, { outDir, html: options.html });
  const summary = options.summary ? formatSummary(report, { colors: input.colors, written, cwd: rootDir }) : '';
  const regressions = report.baseline?.regressions.length ?? 0;
  const failure = regressions > 0
    ? `memscope: ${plural(regressions, 'memory regression')} against ${options.baseline}. ` +
      'If the change is intended, update the baseline (MEMSCOPE_UPDATE=1, or the runner\'s -u).'
    : null;
  return { report, written, summary, failure };
}
