import { heapFloor, measureSettled, ROUND_GROWTH_PER_CODE_BYTE, type Measurement, type ScreenInput, type ScreenResult, type ScreenedFigure } from './screen.js';
import type { GrowthJudgement } from './stats.js';
import type { Screened } from './windows.js';
import { nowMs } from '../../node-clock.js';

/** One exact window's readings and what it says (see quickExactWindow). */
export interface QuickWindow {
  /** The window's two readings; the second is the first of the screen that follows when it does not pass. */
  measurements: Measurement[];
  /** Bytes allocated in the window and still alive at its end. */
  keptBytes: number;
  clean: boolean;
  /**
   * V8 compiled or dropped code during the window, enough to account for its
   * growth and for its new survivors: no evidence (see heapEvidence), another
   * window may pass.
   */
  codeChanged: boolean;
}

/**
 * New survivors of a clean window that are not the function's: memscope's
 * own await chain alive at the closing reading (promises, a generator, its
 * contexts) and V8's bookkeeping (transition arrays, feedback, handlers),
 * each replacing the previous round's. Measured 2.4–3.0 KB a window beside a
 * 20 MB heap, while the heap as a whole moved by about 100 B. A leak smaller
 * than this could hide behind an old object freed in the same window; any
 * larger one cannot, and every leak still has to pass the heap's own change.
 */
const IN_FLIGHT_AT_READING = 4096;

/**
 * Rounds' worth of calls in the window. A leak that keeps something only
 * every so many calls shows in a window of two rounds whenever its period is
 * under two rounds: the same reach as four screened rounds, which let one
 * step pass as a JIT tier.
 */
const WINDOW_ROUNDS = 2;

/** Past any interval a process opens: asks for `next` alone. */
const NO_INTERVALS = 2 ** 40;

/**
 * Two rounds of calls between two exact readings, enough to pass a clean
 * function without the five readings a trend of four rounds needs. An exact
 * reading walks the whole heap (about 0.1 s at 20 MB), so for a 1 ms
 * function the readings, not the calls, are what a clean verdict costs.
 *
 * It passes only when the window kept next to nothing: the whole heap's
 * exact change is under half the round's floor, and so are the objects
 * first seen by its closing reading (allocated during the window and still
 * alive) but for what is always in flight there (IN_FLIGHT_AT_READING); no
 * handle or descriptor stayed open and no native figure grew. Those new
 * survivors are what a leak adds with every call; counting them apart from
 * the heap's total means an old object freed during the window (a previous
 * verdict's garbage, flushed bytecode) cannot hide a leak of the same size.
 */
export async function quickExactWindow(input: ScreenInput, startReading?: Measurement): Promise<QuickWindow | null> {
  const { capture, runner, tracker, gcMode, callsPerRound } = input;
  const exact = capture.exact;
  if (!exact) return null;
  const started = nowMs();
  const start = startReading ?? (await measureSettled(capture, gcMode, tracker, true));
  // The interval the closing reading opens: what the window's calls allocate lands there.
  const windowInterval = exact.liveBytesByInterval(NO_INTERVALS).next;
  const calls = WINDOW_ROUNDS * callsPerRound;
  tracker.round = 1;
  await runner.run(calls);
  const end = await measureSettled(capture, gcMode, tracker, true);
  if (input.pace) input.pace.roundMs = Math.max(input.pace.roundMs, (nowMs() - started) / WINDOW_ROUNDS);
  const keptBytes = exact.liveBytesByInterval(windowInterval).bytes.reduce((sum, bytes) => sum + bytes, 0);
  const halfFloor = heapFloor(input.threshold, calls) / 2;
  const nativeLimit = (input.threshold * calls) / 2;
  const clean =
    end.heapUsed - start.heapUsed <= halfFloor &&
    keptBytes <= halfFloor + IN_FLIGHT_AT_READING &&
    end.handles <= start.handles &&
    (end.fds ?? 0) <= (start.fds ?? 0) &&
    end.external - start.external <= nativeLimit &&
    end.arrayBuffers - start.arrayBuffers <= nativeLimit;
  // As heapEvidence sets such a round aside: code changed, and accounts for the growth.
  const compiled = start.compiledCode != null && end.compiledCode != null ? Math.abs(end.compiledCode - start.compiledCode) : 0;
  const byCode = ROUND_GROWTH_PER_CODE_BYTE * compiled;
  // The survivors too: a heap that replaces its own objects every window (a
  // DOM environment's wrappers, parser and style caches) keeps far more than
  // its code brings; another window keeps as much and never passes.
  const codeChanged = compiled > 0 && end.heapUsed - start.heapUsed <= byCode && keptBytes <= byCode + halfFloor + IN_FLIGHT_AT_READING;
  return { measurements: [start, end], keptBytes, clean, codeChanged };
}

/** A passed window as the screen's result: every figure flat, its change spread over the window's rounds. */
export function quickWindowResult(window: QuickWindow): ScreenResult {
  const [start, end] = window.measurements as [Measurement, Measurement];
  const judgements = new Map<ScreenedFigure, GrowthJudgement>();
  for (const figure of SCREENED) {
    const from = start[figure];
    const to = end[figure];
    if (from === null || to === null) continue;
    const delta = (to - from) / WINDOW_ROUNDS;
    judgements.set(figure, { call: 'flat', theilSenPerRound: delta, leastSquaresPerRound: delta, trendPerRound: delta, r2: 0, noise: 0, positiveShare: 0 });
  }
  return { measurements: window.measurements, judgements, rounds: WINDOW_ROUNDS, exact: true };
}

/** Malloc is not judged in exact rounds (see judgeAll). */
const SCREENED = ['heapUsed', 'external', 'arrayBuffers', 'handles', 'fds'] as const satisfies readonly ScreenedFigure[];

/** Whether another window, at the pace of the rounds so far, ends before the test's own limit. */
function roomForWindow(input: ScreenInput): boolean {
  return input.deadline === undefined || nowMs() + WINDOW_ROUNDS * (input.pace?.roundMs ?? 0) <= input.deadline.hard;
}

/**
 * The exact windows a slow sync function gets before its rounds: one, and
 * one more when V8 compiled code in the first (that window says nothing
 * either way, see heapEvidence). Either the function passed, or the last
 * window's closing reading starts the screen (no second thorough
 * collection and reading).
 */
export async function exactWindowsFirst(input: ScreenInput): Promise<{ passed: Screened } | { firstRounds?: Measurement[]; keptBytes?: number }> {
  let window = await quickExactWindow(input);
  let setAside = 0;
  if (window && !window.clean && window.codeChanged && roomForWindow(input)) {
    setAside = WINDOW_ROUNDS;
    window = await quickExactWindow(input, window.measurements[1]);
  }
  if (!window?.clean) return window ? { firstRounds: [window.measurements[1]!], keptBytes: window.keptBytes } : {};
  const result = quickWindowResult(window);
  result.rounds += setAside;
  const quick = { calls: WINDOW_ROUNDS * input.callsPerRound, keptBytes: window.keptBytes, setAside: setAside > 0 };
  return { passed: { result, callsPerRound: input.callsPerRound, exactRounds: result.rounds, quick } };
}
