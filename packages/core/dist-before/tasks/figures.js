"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.emptyTotals = emptyTotals;
exports.takeReading = takeReading;
exports.figuresBetween = figuresBetween;
exports.addForced = addForced;
const node_perf_hooks_1 = require("node:perf_hooks");
function emptyTotals() {
    return { count: 0, timeMs: 0, freedBytes: 0 };
}
function takeReading(capture, forced) {
    const heap = capture.heapFigures();
    return {
        time: node_perf_hooks_1.performance.now(),
        heapUsed: heap.heapUsed,
        external: heap.external,
        arrayBuffers: heap.arrayBuffers,
        malloc: heap.malloc,
        gc: capture.gcTotals(),
        forced: { ...forced },
    };
}
const measured = (value) => ({ value, source: 'measured' });
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
function figuresBetween(start, end, peakSeen) {
    const gcCount = end.gc.count - start.gc.count - (end.forced.count - start.forced.count);
    const gcTimeMs = end.gc.timeMs - start.gc.timeMs - (end.forced.timeMs - start.forced.timeMs);
    const freed = end.gc.freedBytes - start.gc.freedBytes - (end.forced.freedBytes - start.forced.freedBytes);
    const figures = {
        heapBefore: measured(start.heapUsed),
        heapAfter: measured(end.heapUsed),
        allocated: measured(Math.max(0, end.heapUsed - start.heapUsed + freed)),
        peak: { value: Math.max(peakSeen, start.heapUsed, end.heapUsed), source: 'sampled' },
        gcCount: measured(Math.max(0, gcCount)),
        gcTimeMs: measured(Math.max(0, gcTimeMs)),
        external: measured(end.external - start.external),
        arrayBuffers: measured(end.arrayBuffers - start.arrayBuffers),
        durationMs: measured(end.time - start.time),
    };
    if (start.malloc !== null && end.malloc !== null)
        figures.malloc = measured(end.malloc - start.malloc);
    return figures;
}
/** Folds a GC memscope forced into the running total of forced GCs. */
function addForced(forced, before, after) {
    forced.count += after.count - before.count;
    forced.timeMs += after.timeMs - before.timeMs;
    forced.freedBytes += after.freedBytes - before.freedBytes;
}
//# sourceMappingURL=figures.js.map