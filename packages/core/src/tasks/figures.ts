import { performance } from 'node:perf_hooks';
import type { Capture, GcTotals } from '../capture/types.js';
import type { Figure, TaskFigures } from './types.js';
import { nowMs } from '../node-clock.js';

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
  /** The part of heapUsed in the young generation; null when the capture cannot read it. */
  youngUsed: number | null;
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
  return { count: 0, timeMs: 0, freedBytes: 0, youngFreedBytes: 0 };
}

export function takeReading(capture: Capture, forced: GcTotals, full = true): Reading {
  // The quick read has no arrayBuffers or malloc: those are the dear ones.
  const dear = full ? capture.heapFigures() : null;
  const heap = dear ?? capture.quickHeap();
  const gc = capture.gcTotals();
  return {
    time: nowMs(),
    heapUsed: heap.heapUsed,
    youngUsed: heap.youngUsed ?? null,
    external: heap.external,
    arrayBuffers: dear ? dear.arrayBuffers : null,
    malloc: dear ? dear.malloc : null,
    gc,
    forced: { ...forced },
  };
}

const measured = (value: number): Figure => ({ value, source: 'measured' });

/** A GcTotals field's change between two readings, less the change memscope's own GCs made; null when unknown. */
function unforcedChange(start: Reading, end: Reading, field: keyof GcTotals): number | null {
  const [endGc, startGc, endForced, startForced] = [end.gc[field], start.gc[field], end.forced[field], start.forced[field]];
  if (endGc === undefined || startGc === undefined || endForced === undefined || startForced === undefined) return null;
  return endGc - startGc - (endForced - startForced);
}

/**
 * Bytes allocated between two readings: heap delta plus bytes GCs freed,
 * summed separately for the young generation and for the other spaces, each
 * share clamped at 0.
 *
 * Why two shares: heap used can fall with no GC at all. On Node 24 background
 * compile threads hand back 0.4–1.2 MB of old, code and trusted space
 * between two readings; no GC callback sees it, so one total goes negative
 * and a test that allocated hid behind a 0. Young-generation use only falls
 * inside a collection (V8 allocates there on the main thread; nothing hands
 * it back in between), so its share is exact: new-space allocation, the bulk
 * of what JS allocates. The old share adds large objects, pretenured sites
 * and code, and is the only one such a drop can pull down. Counting the young
 * generation alone would drop that share entirely, under-reporting a test
 * whose arrays went straight to large-object space.
 *
 * A scavenge's promoted bytes leave the young share as "freed" and enter the
 * old one as negative freed, so they are counted once, where allocated.
 */
export function allocatedBetween(start: Reading, end: Reading): number {
  const total = end.heapUsed - start.heapUsed + (unforcedChange(start, end, 'freedBytes') ?? 0);
  const youngFreed = unforcedChange(start, end, 'youngFreedBytes');
  if (start.youngUsed === null || end.youngUsed === null || youngFreed === null) return Math.max(0, total);
  const young = end.youngUsed - start.youngUsed + youngFreed;
  return Math.max(0, young) + Math.max(0, total - young);
}

/**
 * Figures of the span between two readings.
 *
 * - heapBefore / heapAfter: heap used at the task's start and end (measured).
 * - allocated: heap delta plus bytes freed by the GCs in between, young
 *   generation and old spaces each on their own (measured: every term is
 *   read; GCs memscope forced are left out). See allocatedBetween.
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
  const figures: TaskFigures = {
    heapBefore: measured(start.heapUsed),
    heapAfter: measured(end.heapUsed),
    allocated: measured(allocatedBetween(start, end)),
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
  // Kept only while every total so far carried the young share.
  if (forced.youngFreedBytes !== undefined && before.youngFreedBytes !== undefined && after.youngFreedBytes !== undefined) {
    forced.youngFreedBytes += after.youngFreedBytes - before.youngFreedBytes;
  } else {
    delete forced.youngFreedBytes;
  }
}
