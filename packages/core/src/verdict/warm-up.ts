import type { CallRunner } from './calls/call-runner.js';
import type { ResolvedLeakOptions } from './options.js';
import { nowMs } from '../node-clock.js';
import { median } from './screen/stats.js';

/**
 * At least this many calls and this long, so that lazy singletons, caches
 * filled on first use and the JIT's first tiers are behind us.
 */
const MIN_CALLS = 20;
const MIN_MS = 50;
/** A function of a few µs reaches MIN_MS only after many calls; this many are enough. */
const MAX_CALLS = 5000;
const FIRST_BATCH = 10;
const MAX_BATCH = 500;

/**
 * The next batch: doubling, but no more calls than the minimum still needs
 * at the pace so far. Doubling alone overshot: the batch that crossed 50 ms
 * could take as long again, and a 1 ms function warmed up for 70 calls
 * (median 85 ms, up to 130 ms) where 50 calls and 50 ms were asked for.
 */
function nextBatch(runner: CallRunner, batch: number, elapsedMs: number): number {
  const doubled = Math.min(batch * 2, MAX_BATCH, MAX_CALLS - runner.calls);
  const perCall = elapsedMs / runner.calls;
  if (!(perCall > 0)) return Math.max(1, doubled);
  const stillNeeded = Math.max(MIN_CALLS - runner.calls, Math.ceil((MIN_MS - elapsedMs) / perCall));
  return Math.max(1, Math.min(doubled, stillNeeded));
}

/**
 * Runs the function until it is warm (`opts.warmup` calls when given) and
 * returns its time per call: the median of its batches', not the mean of
 * the whole warm-up. `pace.lastMsPerCall` gets the time per call of its last
 * batch, the pace once the cold first calls are behind it (30 ms each in a
 * Jest file's first jsdom verdict, 1–4 ms a call after them).
 *
 * The round size follows from it (callsPerRoundFor), and a process that
 * other busy processes keep off the CPU for tens of milliseconds stretches
 * the whole warm-up of a fast function: on a loaded 2-core machine a Map
 * lookup of well under 1 µs averaged 17–110 µs a call in 14 of 30 verdicts
 * and got rounds of 278–1742 calls instead of 2000. An exact round keeps
 * a few KB of its own whatever its size (the readings' bookkeeping, V8's),
 * which small rounds spread over few calls: a bounded cache read +15 B/call
 * (fit 0.93) in rounds of 278. Such a stall lands in one batch or between
 * two, and the median leaves it out.
 */
export async function warmUp(runner: CallRunner, opts: Pick<ResolvedLeakOptions, 'warmup'>, pace?: { lastMsPerCall: number }): Promise<number> {
  const msPerCallByBatch: number[] = [];
  const timedBatch = async (calls: number) => {
    const batchStarted = nowMs();
    await runner.run(calls);
    if (calls === 0) return;
    msPerCallByBatch.push((nowMs() - batchStarted) / calls);
    if (pace) pace.lastMsPerCall = msPerCallByBatch.at(-1)!;
  };
  const started = nowMs();
  if (opts.warmup !== undefined) {
    await timedBatch(opts.warmup);
  } else {
    let batch = FIRST_BATCH;
    while (runner.calls < MIN_CALLS || (nowMs() - started < MIN_MS && runner.calls < MAX_CALLS)) {
      await timedBatch(batch);
      batch = nextBatch(runner, batch, nowMs() - started);
    }
  }
  return median(msPerCallByBatch);
}
