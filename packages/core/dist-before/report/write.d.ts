import type { RunReport } from './schema.js';
export declare const DEFAULT_REPORT_DIR = "memscope-report";
export interface WriteReportsOptions {
    /** Directory for `report.json` and `index.html`; created when missing. Default `memscope-report`. */
    outDir?: string;
    /** Also write the HTML dashboard. Default true. */
    html?: boolean;
    /** File name of the JSON report inside `outDir`. Default `report.json`. */
    jsonName?: string;
}
export interface WrittenReports {
    json: string;
    html?: string;
}
/**
 * Writes the JSON report and, unless `html: false`, the dashboard. Each file
 * is written atomically. Returns the absolute paths written.
 */
export declare function writeReports(report: RunReport, options?: WriteReportsOptions): Promise<WrittenReports>;
/** Compact JSON: indentation would make a 10,000-test report several times larger. */
export declare function serializeRunReport(report: RunReport): string;
/** Parses report text; `source` names the file in errors. */
export declare function parseRunReport(text: string, source: string): RunReport;
/** Reads and validates a report written by `writeReports`. */
export declare function readRunReport(path: string): Promise<RunReport>;
//# sourceMappingURL=write.d.ts.map