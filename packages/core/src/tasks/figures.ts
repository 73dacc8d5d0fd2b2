import { performance } from 'node:perf_hooks';
import type { Capture, GcTotals } from '../capture/types.js';
import type { Figure, TaskFigures } from './types.js';

/**
 * One reading of the heap at a task boundary, and the figures two readings
 * give. A quick reading is V8's own counters and the capture's GC totals
 * (a few µs); a full one adds arrayBuffers (process.memoryUsage(), which also
 * reads RSS) and malloc (mallinfo2, dearer as the heap fragments), tens of
 * µs each, so sampled mode takes full readings at file boundaries only.
 */
export interface Reading {
  time: number;
  heapUsed: number;
  external: number;
  /** null in a quick reading. */
  arrayBuffers: number | null;
  /** null in a quick reading, or when the capture cannot tell. */
  malloc: number | null;
  gc: GcTotals;
  /** GCs memscope forced itself up to this reading; subtracted from the task's. */
  forced: GcTotals;
}

export function emptyTotals(): GcTotals {
  return { count: 0, timeMs: 0, freedBytes: 0 };
}

export function takeReading(capture: Capture, forced: GcTotals, full = true): Reading {
  if (!full && capture.quickHeap) {
    const heap = capture.quickHeap();
    const gc = capture.gcTotals();
    return { time: performance.now(), heapUsed: heap.heapUsed, external: heap.external, arrayBuffers: null, malloc: null, gc, forced: { ...forced } };
  }
  const heap = capture.heapFigures();
  const gc = capture.gcTotals();
  return {
    time: performance.now(),
    heapUsed: heap.heapUsed,
    external: heap.external,
    arrayBuffers: heap.arrayBuffers,
    malloc: heap.malloc,
    gc,
    forced: { ...forced },
  };
}

const measured = (value: number): Figure => ({ value, source: 'measured' });

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
 * - external / arrayBuffers / malloc: change during the task (end − start);
 *   arrayBuffers and malloc only when both readings are full.
 */
export function figuresBetween(start: Reading, end: Reading, peakSeen: number): TaskFigures {
  const gcCount = end.gc.count - start.gc.count - (end.forced.count - start.forced.count);
  const gcTimeMs = end.gc.timeMs - start.gc.timeMs - (end.forced.timeMs - start.forced.timeMs);
  const freed = end.gc.freedBytes - start.gc.freedBytes - (end.forced.freedBytes - start.forced.freedBytes);
  const figures: TaskFigures = {
    heapBefore: measured(start.heapUsed),
    heapAfter: measured(end.heapUsed),
    allocated: measured(Math.max(0, end.heapUsed - start.heapUsed + freed)),
    peak: { value: Math.max(peakSeen, start.heapUsed, end.heapUsed), source: 'sampled' },
    gcCount: measured(Math.max(0, gcCount)),
    gcTimeMs: measured(Math.max(0, gcTimeMs)),
    external: measured(end.external - start.external),
    durationMs: measured(end.time - start.time),
  };
  if (start.arrayBuffers !== null && end.arrayBuffers !== null) figures.arrayBuffers = measured(end.arrayBuffers - start.arrayBuffers);
  if (start.malloc !== null && end.malloc !== null) figures.malloc = measured(end.malloc - start.malloc);
  return figures;
}

/** Folds a GC memscope forced into the running total of forced GCs. */
export function addForced(forced: GcTotals, before: GcTotals, after: GcTotals): void {
  forced.count += after.count - before.count;
  forced.timeMs += after.timeMs - before.timeMs;
  forced.freedBytes += after.freedBytes - before.freedBytes;
}
