import type { CallRunner } from './calls/call-runner.js';
import type { ResolvedLeakOptions } from './options.js';
import { nowMs } from '../node-clock.js';

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
 * returns its mean time per call. `pace.lastMsPerCall` gets the time per
 * call of its last batch: the mean counts the cold first calls too (30 ms
 * each in a Jest file's first jsdom verdict, 1–4 ms a call after them).
 */
export async function warmUp(runner: CallRunner, opts: Pick<ResolvedLeakOptions, 'warmup'>, pace?: { lastMsPerCall: number }): Promise<number> {
  const started = nowMs();
  const timed = async (calls: number) => {
    const batchStarted = nowMs();
    await runner.run(calls);
    if (pace && calls > 0) pace.lastMsPerCall = (nowMs() - batchStarted) / calls;
  };
  if (opts.warmup !== undefined) {
    await timed(opts.warmup);
  } else {
    let batch = FIRST_BATCH;
    while (runner.calls < MIN_CALLS || (nowMs() - started < MIN_MS && runner.calls < MAX_CALLS)) {
      await timed(batch);
      batch = nextBatch(runner, batch, nowMs() - started);
    }
  }
  const elapsed = nowMs() - started;
  return runner.calls > 0 ? elapsed / runner.calls : 0;
}
