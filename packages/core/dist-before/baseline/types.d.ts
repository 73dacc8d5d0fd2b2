import type { Figure, MeasureMode } from '../tasks/types.js';
import type { BaselineFigureName, Tolerance } from '../report/schema.js';
/**
 * `memscope.baseline.json`, committed with the project. It holds each test's
 * figures and, optionally, tolerances the user wrote by hand; updating the
 * baseline rewrites the figures and keeps the tolerances.
 *
 * A figure regresses when `new > old + max(absolute, relative × old)`.
 * Tolerances resolve per test, then per file (`tolerance`), then from the
 * defaults, which are wider for sampled and inferred figures than for
 * measured (settled) ones.
 *
 * @example
 * {
 *   "schemaVersion": 1,
 *   "kind": "memscope-baseline",
 *   "mode": "sampled",
 *   "figures": ["retained", "allocated", "handlesLeftOpen"],
 *   "tolerance": { "allocated": { "relative": 0.3 } },
 *   "tests": {
 *     "src/cache.test.ts > Cache > evicts": {
 *       "file": "src/cache.test.ts",
 *       "path": ["Cache", "evicts"],
 *       "figures": { "allocated": { "value": 182344, "source": "sampled" } },
 *       "tolerance": { "allocated": { "absolute": 262144 } }
 *     }
 *   }
 * }
 */
export declare const BASELINE_SCHEMA_VERSION = 1;
export declare const BASELINE_KIND = "memscope-baseline";
export declare const DEFAULT_BASELINE_FILE = "memscope.baseline.json";
export declare const DEFAULT_BASELINE_FIGURES: BaselineFigureName[];
export type ToleranceOverrides = Partial<Record<BaselineFigureName, Partial<Tolerance>>>;
export interface BaselineTest {
    file: string;
    /** Names from the file down to the test, for people reading the file. */
    path: string[];
    figures: Partial<Record<BaselineFigureName, Figure>>;
    tolerance?: ToleranceOverrides;
}
export interface BaselineFile {
    schemaVersion: typeof BASELINE_SCHEMA_VERSION;
    kind: typeof BASELINE_KIND;
    /** Figures recorded in one mode are not comparable with the other mode's. */
    mode: MeasureMode;
    /** Which figures are recorded and compared. */
    figures: BaselineFigureName[];
    tolerance?: ToleranceOverrides;
    /** Keyed by test id (TaskNode.id). */
    tests: Record<string, BaselineTest>;
}
/** A baseline as read from disk; `data` is null when the file does not exist yet. */
export interface LoadedBaseline {
    path: string;
    data: BaselineFile | null;
}
//# sourceMappingURL=types.d.ts.map