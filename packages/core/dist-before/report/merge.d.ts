import type { LoadedBaseline } from '../baseline/types.js';
import { type RunReport } from './schema.js';
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
export declare function mergeRunReports(inputs: readonly SourcedReport[], options?: {
    baseline?: LoadedBaseline;
    createdAt?: Date;
}): RunReport;
//# sourceMappingURL=merge.d.ts.map