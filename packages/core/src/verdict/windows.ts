import { screen, judgeAll, heapFloor, measureSettled, MIN_ROUNDS_TO_JUDGE, type ScreenInput, type ScreenResult, type Measurement } from './screen.js';
import { nowMs } from '../node-clock.js';
import type { GrowthJudgement } from './stats.js';
import { exactWindowsFirst } from './quick-window.js';
import { DROWNED_NOISE_FLOORS } from './screen-noise.js';

/** Calls a round of a fast function (see check-leak's round sizing). */
export const MAX_CALLS_PER_ROUND = 2000;

/** A levelled-off figure's drop in growth is this many times the second window's noise at least. */
const LEVELLED_DROP_NOISES = 2;

/** A first window whose heap fits a line this well grows for real: it needs no exact confirmation. */
const STRAIGHT_LINE_FIT = 0.95;

/** Heap growth per round under this (four V8 pages) is confirmed with exact figures. */
const PAGE_SIZED_GROWTH = 1024 * 1024;

export interface Screened {
  result: ScreenResult;
  callsPerRound: number;
  /** Rounds whose heap figures were exact (Capture.exact). */
  exactRounds: number;
  /** Set when an exact window passed the function (see quickExactWindow). */
  quick?: { calls: number; keptBytes: number; setAside: boolean };
}

/**
 * Steadily falling: V8 still flushing old bytecode, or the garbage of a
 * previous verdict swept late. It can mask a leak of the same size. A heap
 * that toggles by a large temporary kept by every other collection has a
 * negative median too, but its noise is larger than its fall: it masks nothing.
 */
function isFalling(heap: GrowthJudgement | undefined, floor: number): boolean {
  return heap !== undefined && heap.theilSenPerRound < -floor && heap.leastSquaresPerRound < -floor && heap.noise < -heap.theilSenPerRound;
}

/**
 * Every figure but the heap's (its use, its sampled survivors) is flat.
 * Exact rounds judge malloc flat (see judgeAll), so a window whose malloc
 * (or any other figure) moved keeps plain rounds.
 */
function onlyHeapMoved(result: ScreenResult): boolean {
  return [...result.judgements].every(([figure, judgement]) => figure === 'heapUsed' || figure === 'sampledSurvivors' || judgement.call === 'flat');
}

/**
 * Functions that make few calls a round, async code (each call waits for the
 * event loop) and slow functions, are screened with exact rounds from the
 * start, where the capture can: a small leak adds only a few KB a round, and
 * after a plain collection V8 puts a round's survivors into space it already
 * counts as used, so heap use can read flat for six rounds while a 100 B/call
 * leak goes on (seen in the corpus, async and sync), then move a page at
 * once. The heap walk that makes a reading exact costs about 5 ms per MB a
 * round; a fast function's full rounds show a leak at the threshold above
 * those moves, and go without.
 */
export function wantsExactRounds(capture: ScreenInput['capture'], async: boolean, callsPerRound: number): boolean {
  return (async || callsPerRound < MAX_CALLS_PER_ROUND) && exactRoundsAffordable(capture);
}

/**
 * Exact rounds walk the whole heap: about 0.1 s a round at 20 MB, but over
 * a second at 100 MB on a busy machine, where twelve of them cost more than
 * the explanation they would spare. Past this, rounds stay plain.
 */
const EXACT_ROUNDS_MAX_HEAP = 64 * 1024 * 1024;

function exactRoundsAffordable(capture: ScreenInput['capture']): boolean {
  if (!capture.exact) return false;
  if (capture.heapFigures().heapUsed < EXACT_ROUNDS_MAX_HEAP) return true;
  // Unsettled, heap use counts the garbage of the last calls too (a function
  // that allocates 60 KB a call read over 64 MB beside a 20 MB heap): what is
  // walked is what survives a collection.
  capture.gc('fast');
  return capture.heapFigures().heapUsed < EXACT_ROUNDS_MAX_HEAP;
}

/**
 * Whether the rounds a judgement needs, at the pace of the exact window
 * before them, end after the test's own limit. An exact reading walks the
 * whole heap: beside a jsdom heap on a loaded machine (load 12) one took
 * 0.4–1.1 s, and a clean component's verdict ran out of its 4.2 s after one
 * round ("no verdict"), where a plain reading took 0.1–0.3 s.
 */
function exactRoundsOverrun(input: ScreenInput): boolean {
  return input.deadline !== undefined && nowMs() + MIN_ROUNDS_TO_JUDGE * (input.pace?.roundMs ?? 0) > input.deadline.hard;
}

/**
 * The first window: one screen, and at most one more when its heap reading
 * cannot be trusted (see the branches). Returns the window to judge.
 */
async function firstWindow(screenInput: ScreenInput, mayResizeRounds: boolean): Promise<Screened> {
  let input = screenInput;
  const { runner } = input;
  let firstRounds: Measurement[] | undefined;
  // Plain rounds because exact ones would not fit: no exact reading beside them either (see hidesGrowth).
  let plainForTime = false;
  if (input.precise && input.earlyStop && !runner.async) {
    const windows = await exactWindowsFirst(input);
    if ('passed' in windows) return windows.passed;
    firstRounds = windows.firstRounds;
    if (exactRoundsOverrun(input)) {
      // The plain rounds keep their own pace: the exact window's would cut them short.
      input = { ...input, precise: false, pace: { roundMs: 0 } };
      firstRounds = undefined;
      plainForTime = true;
    }
  }
  const exactAtStart = !input.precise && !plainForTime && exactRoundsAffordable(input.capture) ? await exactHeapUsed(input) : null;
  let result = await screen(input, firstRounds);
  // Out of time, or rounds that cannot tell growth from noise: no second look, the verdict judges what it has.
  if (result.cutShort || result.lostInNoise) return { result, callsPerRound: input.callsPerRound, exactRounds: result.exact ? result.rounds : 0 };
  const heap = result.judgements.get('heapUsed');
  const floor = heapFloor(input.threshold, input.callsPerRound);
  const falling = isFalling(heap, floor);
  const flat = heap?.call === 'flat';
  const canGrowRounds = mayResizeRounds && input.callsPerRound < MAX_CALLS_PER_ROUND;
  const largerRounds = async (): Promise<Screened> => {
    const callsPerRound = Math.min(MAX_CALLS_PER_ROUND, input.callsPerRound * 4);
    const larger = await screen({ ...input, callsPerRound });
    return { result: larger, callsPerRound, exactRounds: larger.exact ? larger.rounds : 0 };
  };
  if (result.exact) {
    // Even exact, an async round of a hundred-odd calls moves by more than a
    // small leak adds (the event loop's own objects in flight): when the heap
    // reads flat through that noise, larger rounds, once.
    if (runner.async && flat && heap.noise > floor && canGrowRounds) return largerRounds();
    let exactRounds = result.rounds;
    // Exact readings show a fall plainly (the screen's own collections age
    // bytecode too): once more after it.
    if (falling) {
      result = await screen(input);
      exactRounds += result.rounds;
    }
    return { result, callsPerRound: input.callsPerRound, exactRounds };
  }
  // Heap noise far above what this round size can show (big tables
  // rehashing, pages): a small leak would drown. Async code without exact
  // readings gets the same (its survivors can hide in space already counted,
  // see wantsExactRounds): larger rounds, once. A fast function's rounds are
  // as large as they get: it is screened again exactly instead, where the
  // capture affords it.
  const hint = heap !== undefined && heap.leastSquaresPerRound > 0;
  const drowned = hint && heap.noise > DROWNED_NOISE_FLOORS * floor;
  if (flat && (drowned || runner.async) && canGrowRounds && !plainForTime) return largerRounds();
  // A flat plain window is not trusted when it is drowned in page moves or
  // when its exact ends grew (see hidesGrowth): screened again exactly.
  const drownedFastFunction = drowned && !runner.async && input.callsPerRound >= MAX_CALLS_PER_ROUND && onlyHeapMoved(result);
  if (flat && exactAtStart !== null && (drownedFastFunction || (await hidesGrowth(input, result, exactAtStart, floor)))) {
    result = await screen({ ...input, precise: true });
    return { result, callsPerRound: input.callsPerRound, exactRounds: result.rounds };
  }
  if (falling) result = await screen(input);
  return { result, callsPerRound: input.callsPerRound, exactRounds: 0 };
}

async function exactHeapUsed(input: ScreenInput): Promise<number> {
  return (await measureSettled(input.capture, input.gcMode, input.tracker, true)).heapUsed;
}

/**
 * Plain rounds can read flat while a leak goes on: after a plain collection
 * V8 may put a round's survivors into space it already counts as used, and
 * a fast function's leak of ~100 KB a round read +0 B/call for four rounds
 * under load, long enough to stop early. An exact reading at each end of the
 * window cannot hide them; when the two ends grew by more than the floor of
 * every round, the window is screened again with exact rounds.
 */
async function hidesGrowth(input: ScreenInput, result: ScreenResult, exactAtStart: number, floor: number): Promise<boolean> {
  const grown = (await exactHeapUsed(input)) - exactAtStart;
  return grown > result.rounds * floor;
}

/**
 * Screens, and when a figure grew, screens a second window: growth that
 * levels off (pools, agents, caches that fill slowly) is not a leak, a
 * growing figure must keep growing. `rounds` is the second window's length:
 * every round of it, it confirms growth and never stops early.
 */
export async function screenInWindows(input: ScreenInput, rounds: number, mayResizeRounds: boolean): Promise<Screened> {
  const first = await firstWindow(input, mayResizeRounds);
  let { result, exactRounds } = first;
  if (result.cutShort || result.lostInNoise || ![...result.judgements.values()].some((j) => j.call !== 'flat')) return first;
  const windowInput: ScreenInput = { ...input, callsPerRound: first.callsPerRound, precise: first.exactRounds > 0 };
  // Heap growth of a page or two a round may be V8's page accounting alone
  // (seen on a clean 1 ms function beside a 20 MB heap): confirm it with
  // exact heap figures, which costs less than the explanation it would
  // otherwise buy. Larger growth, and growth on a straight line (a leak's
  // fit is 0.99 and more; page moves are steps), is confirmed the cheap way.
  const firstHeap = result.judgements.get('heapUsed');
  const pageSized =
    firstHeap !== undefined && firstHeap.call !== 'flat' && firstHeap.theilSenPerRound < PAGE_SIZED_GROWTH && firstHeap.r2 < STRAIGHT_LINE_FIT;
  const switchToPrecise = !windowInput.precise && pageSized && onlyHeapMoved(result) && !exactRoundsOverrun(input) && exactRoundsAffordable(input.capture);
  // The second window starts where the first ended; after the switch to
  // exact readings it takes its own (exact) first reading.
  const lastReading = result.measurements[result.measurements.length - 1]!;
  const secondInput = { ...windowInput, precise: windowInput.precise || switchToPrecise, rounds, maxRounds: rounds, earlyStop: false };
  const second = await screen(secondInput, switchToPrecise ? undefined : [lastReading]);
  const secondWindow: Measurement[] = second.measurements;
  const combined: Measurement[] = [...result.measurements, ...second.measurements.slice(1)];
  const later = judgeAll(secondWindow, windowInput);
  // Mixed readings would carry the plain window's page slop into the trend.
  const overall = switchToPrecise ? later : judgeAll(combined, windowInput);
  for (const [figure, firstJudgement] of result.judgements) {
    if (firstJudgement.call === 'flat') continue;
    const after = later.get(figure);
    // Levelled off: the second window is flat and grows at under a quarter
    // of the first window's rate (a pool or agent filling up). Both slopes
    // must agree: on noisy async code a six-round median alone can read flat
    // while the leak goes on. The trend keeps its steps: a Map that keeps
    // growing doubles its table now and then.
    // And the drop must stand out of the second window's noise: a small leak
    // at the noise level reads flat in six rounds now and then.
    const drop = after ? firstJudgement.theilSenPerRound - Math.max(after.theilSenPerRound, after.trendPerRound, 0) : 0;
    const levelled =
      after?.call === 'flat' &&
      after.theilSenPerRound < firstJudgement.theilSenPerRound / 4 &&
      after.trendPerRound < firstJudgement.theilSenPerRound / 4 &&
      drop > LEVELLED_DROP_NOISES * after.noise;
    result.judgements.set(figure, levelled ? { ...firstJudgement, call: 'flat' } : (overall.get(figure) ?? firstJudgement));
  }
  if (second.exact) exactRounds += second.rounds;
  result = { ...result, measurements: combined, rounds: result.rounds + second.rounds };
  return { result, callsPerRound: first.callsPerRound, exactRounds };
}
