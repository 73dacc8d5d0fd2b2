import type { Capture, GcTotals } from '../capture/types.js';
import type { TaskFigures } from './types.js';
/**
 * One reading of the heap at a task boundary, and the figures two readings
 * give. A reading is a few counters (heap statistics and the capture's GC
 * totals), cheap enough to take at every boundary in sampled mode.
 */
export interface Reading {
    time: number;
    heapUsed: number;
    external: number;
    arrayBuffers: number;
    malloc: number | null;
    gc: GcTotals;
    /** GCs memscope forced itself up to this reading; subtracted from the task's. */
    forced: GcTotals;
}
export declare function emptyTotals(): GcTotals;
export declare function takeReading(capture: Capture, forced: GcTotals): Reading;
/**
 * Figures of the span between two readings.
 *
 * - heapBefore / heapAfter: heap used at the task's start and end (measured).
 * - allocated: heap delta plus bytes freed by the GCs in between (measured:
 *   both terms are read; GCs memscope forced are left out).
 * - peak: the largest heap used seen at this task's boundaries and those of
 *   the tasks inside it (sampled: a lower bound, the real peak falls between
 *   two readings, just before some GC).
 * - gcCount / gcTimeMs: collections during the task, memscope's own excluded.
 * - external / arrayBuffers / malloc: change during the task (end − start).
 */
export declare function figuresBetween(start: Reading, end: Reading, peakSeen: number): TaskFigures;
/** Folds a GC memscope forced into the running total of forced GCs. */
export declare function addForced(forced: GcTotals, before: GcTotals, after: GcTotals): void;
//# sourceMappingURL=figures.d.ts.map