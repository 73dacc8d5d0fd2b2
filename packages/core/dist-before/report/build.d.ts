import type { LoadedBaseline } from '../baseline/types.js';
import type { FileRecord, TaskNode } from '../tasks/types.js';
import { type BaselineComparison, type RunInfo, type RunReport, type RunTotals } from './schema.js';
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
export declare function buildRunReport(input: BuildRunReportInput): RunReport;
export declare function duplicateTestIds(tasks: readonly TaskNode[]): string[];
export declare function computeTotals(fileCount: number, tasks: readonly TaskNode[], missingFiles: number, duplicateTests: number, baseline: BaselineComparison | undefined): RunTotals;
/** 1 when the run found a leak or a regression, else 0: the CLI's and reporters' exit code. */
export declare function reportExitCode(report: RunReport): 0 | 1;
//# sourceMappingURL=build.d.ts.map