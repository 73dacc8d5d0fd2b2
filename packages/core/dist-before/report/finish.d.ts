import type { FileRecord } from '../tasks/types.js';
import type { RunInfo, RunReport } from './schema.js';
import { type WriteReportsOptions, type WrittenReports } from './write.js';
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
export declare function finishRun(options: FinishRunOptions): Promise<FinishedRun>;
//# sourceMappingURL=finish.d.ts.map