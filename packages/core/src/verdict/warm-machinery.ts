import type { Capture, ExactReads } from '../capture/types.js';
import { CallRunner } from './calls/call-runner.js';
import { HandleTracker } from './handles/handle-tracker.js';
import { screenInWindows } from './screen/windows.js';

/** Dry screens run: half read flat, half grow, so both the quick window and the rounds run. */
const DRY_SCREENS = 16;

/** Growth a dry reading shows in a growing screen: far past any floor. */
const DRY_GROWTH = 64 * 1024;

let warmed = false;

/**
 * Runs the screening machinery dry once, before the first verdict measures
 * anything. The first time memscope's own per-round code runs (reading,
 * judging, the async hooks that track handles), V8 compiles it a batch at a
 * time as each function warms up: every other round of a first verdict
 * gained 5–30 KB of bytecode, baseline code and feedback, read as a steady
 * 100 B a call, and a clean 1 ms function took 3–7 s (twelve rounds and
 * often a heap snapshot) instead of 0.5 s. Dry screens against a capture
 * that neither collects nor walks the heap warm that code in ~0.2 s, once
 * per copy of the module.
 */
export async function warmScreeningCode(capture: Capture): Promise<void> {
  if (warmed) return;
  warmed = true;
  const tracker = new HandleTracker();
  const runner = new CallRunner(tracker.wrap(() => undefined), 1000);
  tracker.start();
  try {
    for (let screen = 0; screen < DRY_SCREENS; screen++) {
      const dry = dryCapture(capture, screen % 2 === 1 ? DRY_GROWTH : 0);
      const input = { capture: dry, runner, tracker, gcMode: 'fast' as const, callsPerRound: 4, rounds: 6, maxRounds: 12, threshold: 8, earlyStop: true };
      await screenInWindows({ ...input, precise: capture.exact !== undefined }, 6, false);
    }
  } finally {
    tracker.stop();
  }
}

/**
 * The capture's own readers (so the code that reads them warms up on the
 * real object's shape), with collections and marks that do nothing and a
 * live total that grows by `growth` a mark.
 */
function dryCapture(capture: Capture, growth: number): Capture {
  let total = 0;
  let marks = 0;
  const exact: ExactReads | undefined = capture.exact && {
    ...capture.exact,
    settle: () => {
      marks++;
      total += growth;
    },
    liveBytesByInterval: (from = 0) => ({ next: marks + 1, bytes: from <= marks ? [total] : [] }),
    codeBytes: () => 0,
  };
  return Object.assign(Object.create(capture) as Capture, { gc: () => undefined, exact });
}
