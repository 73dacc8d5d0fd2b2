import type { Colors } from '../report/colors.js';
import type { LeakResult, VerdictStats } from '../verdict/types.js';
/** `6 rounds × 50 calls after 20 warm-up · heapUsed +1.0 KiB/call (fit 0.99) · threshold 8 B/call · 1 snapshot · 412 ms · native capture`. */
export declare function formatStatistics(stats: VerdictStats, capture: LeakResult['capture']): string;
/** The findings and the statistics line, for a function that leaked. */
export declare function formatLeakDiagnosis(result: LeakResult, c: Colors): string;
/** For `.toLeak()` on a function that did not leak. */
export declare function formatNoLeak(result: LeakResult, c: Colors): string;
//# sourceMappingURL=diagnosis.d.ts.map