import type { Colors } from '../report/colors.js';
import type { RunReport, RunnerInfo, ShardInfo } from '../report/schema.js';
import { type WrittenReports } from '../report/write.js';
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
export declare function reportDirectory(rootDir: string, outputDir: string, shard?: ShardInfo): string;
/**
 * The reporter's whole end of run, the same for every runner: build the
 * report from the records, compare with (or update) the baseline, write the
 * JSON and HTML reports, format the summary, and say whether the run fails.
 */
export declare function finishRun(input: FinishRunInput): Promise<FinishedRun>;
//# sourceMappingURL=finish-run.d.ts.map