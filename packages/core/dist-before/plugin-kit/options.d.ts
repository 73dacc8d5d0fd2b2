import type { MeasureMode } from '../tasks/types.js';
/**
 * Options of the memscope reporter, the same for every runner:
 *
 * @example
 * // jest.config.js
 * reporters: ['default', ['@memscope/jest/reporter', { baseline: 'memscope.baseline.json', html: false }]]
 */
export interface ReporterOptions {
    /** Directory of `report.json` and `index.html`, relative to the project root. Default `memscope-report`. */
    outputDir?: string;
    /** Also write the self-contained HTML dashboard. Default true. */
    html?: boolean;
    /** Baseline file relative to the project root, or `false` to compare with none. Default `memscope.baseline.json`. */
    baseline?: string | false;
    /** Rewrite the baseline with this run's figures. Default: the runner's update flag (`-u`) or `MEMSCOPE_UPDATE=1`. */
    update?: boolean;
    /** Print the summary at the end of the run. Default true. */
    summary?: boolean;
    /**
     * `sampled`: figures read at test boundaries, no forced GC (cheap, the default).
     * `settled`: a full GC after every test, so `retained` is exact (slower: 6–10× in Jest).
     */
    mode?: MeasureMode;
}
export interface ResolvedReporterOptions {
    outputDir: string;
    html: boolean;
    baseline: string | false;
    update: boolean | undefined;
    summary: boolean;
    mode: MeasureMode;
}
/** Checks every reporter option up front and fills in the defaults; unknown options are errors, not ignored. */
export declare function resolveReporterOptions(raw: unknown): ResolvedReporterOptions;
//# sourceMappingURL=options.d.ts.map