import type { Colors } from './colors.js';
import type { RunReport } from './schema.js';
import type { WrittenReports } from './write.js';
export interface SummaryOptions {
    colors: Colors;
    /** Paths written by `writeReports`, shown relative to `cwd`. */
    written?: WrittenReports;
    cwd?: string;
    /** How many entries each list shows before "… and N more". Default 5. */
    limit?: number;
}
/**
 * The end-of-run summary as one string (no trailing newline). Pure: the
 * same report and options give the same text, so it can be snapshot-tested
 * with colours off.
 */
export declare function formatSummary(report: RunReport, options: SummaryOptions): string;
//# sourceMappingURL=summary.d.ts.map