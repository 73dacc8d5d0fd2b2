import { processSingleton } from '../main-context.js';
import { nowMs } from '../node-clock.js';

/**
 * How long the verdict's dear steps take, and whether they fit in what is
 * left of the test's time.
 *
 * The explanation's heap snapshot is the one step whose cost grows with the
 * whole heap, not with the function: a component test under jsdom carries a
 * 40–80 MB heap whose snapshot takes seconds on a busy machine. What one
 * snapshot cost per MB is kept for the process, so the next verdict knows
 * before it starts one.
 */

/** Milliseconds per MB of heap a snapshot is assumed to take before one was measured (2-core machine under load: 50–300). */
const DEFAULT_SNAPSHOT_MS_PER_MB = 120;

/** Share of the time limit the screen may use; the explanation needs the rest. */
export const SCREEN_SHARE = 0.45;

/** The explanation runs three intervals of two rounds' calls, each settled like a round. */
const EXPLANATION_ROUNDS = 6;

/** Previews, turnover checks and finding sites after the snapshot: a part of its cost again. */
const AFTER_SNAPSHOT_FACTOR = 1.6;

const MB = 1024 * 1024;

interface SnapshotCost {
  msPerMB: number;
  measured: boolean;
}

function snapshotCost(): SnapshotCost {
  return processSingleton(Symbol.for('memscope.snapshot-cost'), () => ({ msPerMB: DEFAULT_SNAPSHOT_MS_PER_MB, measured: false }));
}

/** Remembers what a snapshot of `heapBytes` took; the slower of the last two readings counts (a busy machine stays busy). */
export function recordSnapshot(ms: number, heapBytes: number): void {
  if (!(heapBytes > 0) || !(ms > 0)) return;
  const cost = snapshotCost();
  const rate = ms / (heapBytes / MB);
  cost.msPerMB = cost.measured ? Math.max(rate, (rate + cost.msPerMB) / 2) : rate;
  cost.measured = true;
}

/** What the explanation is expected to take on a heap of `heapBytes`, given a settled round of `roundMs`. */
export function explanationEstimateMs(heapBytes: number, roundMs: number): number {
  const snapshotMs = snapshotCost().msPerMB * (heapBytes / MB);
  return EXPLANATION_ROUNDS * roundMs + AFTER_SNAPSHOT_FACTOR * snapshotMs;
}

/**
 * Milliseconds per MB of heap an exact reading (a full collection and a
 * walk of every object) is assumed to take: 5 on a quiet machine, 10–27
 * measured beside a jsdom heap of 35–55 MB on a 2-core machine under load.
 */
const EXACT_READING_MS_PER_MB = 20;

/** What one exact reading of a heap of `heapBytes` is expected to take. */
export function exactReadingEstimateMs(heapBytes: number): number {
  return EXACT_READING_MS_PER_MB * (heapBytes / MB);
}

/** A point in time the verdict must be done by, on node-clock's clock; none without a time limit. */
export class Deadline {
  private constructor(readonly at: number | undefined, readonly limitMs: number | undefined) {}

  static within(limitMs: number | undefined, startedAt = nowMs()): Deadline {
    return new Deadline(limitMs === undefined ? undefined : startedAt + limitMs, limitMs);
  }

  /** Milliseconds left; Infinity without a limit. */
  leftMs(): number {
    return this.at === undefined ? Infinity : this.at - nowMs();
  }

  /** Whether `ms` more fit before the deadline. */
  fits(ms: number): boolean {
    return ms <= this.leftMs();
  }

  /** The screen's deadlines: a share of the limit once it can judge, the whole limit before. */
  forScreen(startedAt: number): { soft: number; hard: number } | undefined {
    if (this.at === undefined || this.limitMs === undefined) return undefined;
    return { soft: startedAt + this.limitMs * SCREEN_SHARE, hard: this.at };
  }
}
