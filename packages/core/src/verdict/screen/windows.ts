import { screen, heapFloor, measureSettled, MAX_CALLS_PER_ROUND, MIN_ROUNDS_TO_JUDGE, type ScreenInput, type ScreenResult, type Measurement } from './screen.js';
import { nowMs } from '../../node-clock.js';
import type { GrowthJudgement } from './stats.js';
import { exactWindowsFirst } from './quick-window.js';
import { DROWNED_NOISE_FLOORS } from './screen-noise.js';
import { firstPhase, nextPhase, phaseLabel, type Phase, type RoundsMode, type WindowFacts } from './screen-plan.js';
import { pageSizedGrowth, secondWindow } from './second-window.js';
import { formatBytes } from '../../report/format.js';
import type { TraceStep } from '../types.js';
import { hasDomDocument } from '../dom/dom-listener-storms.js';
import { exactReadingEstimateMs } from '../time-budget.js';

export interface Screened {
  result: ScreenResult;
  callsPerRound: number;
  /** Rounds whose heap figures were exact (Capture.exact). */
  exactRounds: number;
  /** Set when an exact window passed the function (see quickExactWindow). */
  quick?: { calls: number; keptBytes: number; setAside: boolean };
}

/** The screen's result and how it came to it. */
export interface ScreenOutcome extends Screened {
  /** Every phase the screen ran, with what it showed and the phase it led to (see screen-plan.ts). */
  trace: TraceStep[];
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
 * A DOM environment under a time limit whose exact screen (the quick
 * window's two readings and the readings of the rounds after it) would end
 * after the test's own limit, at what a heap walk costs per MB (see
 * exactReadingEstimateMs).
 */
function domExactOverrun(input: ScreenInput): boolean {
  if (input.deadline === undefined || !hasDomDocument()) return false;
  const readings = 2 + MIN_ROUNDS_TO_JUDGE + 1;
  return nowMs() + readings * exactReadingEstimateMs(input.capture.heapFigures().heapUsed) > input.deadline.hard;
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
function hidesGrowth(grownBetweenExactEnds: number, result: ScreenResult, floor: number): boolean {
  return grownBetweenExactEnds > result.rounds * floor;
}

/** What the phases share while the screen runs. */
interface ScreenState {
  /** The screen's input as given: the second window starts from it. */
  readonly input: ScreenInput;
  readonly rounds: number;
  readonly mayResizeRounds: boolean;
  /** The first window's input: plain rounds when exact ones would not fit (see exactRoundsOverrun). */
  first: ScreenInput;
  /** The quick window's closing reading, the first reading of the rounds after it. */
  firstRounds?: Measurement[];
  /** What a quick window that did not pass kept, when the capture could tell. */
  quickKept?: number;
  /** An exact reading before plain rounds, where the capture affords it (see hidesGrowth). */
  exactAtStart: number | null;
  /** Heap growth between the exact readings at either end of a plain window. */
  grownBetweenExactEnds: number;
  screened: Screened;
}

const roundsMode = (input: ScreenInput): RoundsMode => (input.precise ? 'exact' : input.sampler ? 'sampled' : 'plain');

/** Runs one phase; each leaves what it screened in `s.screened`. */
async function runPhase(phase: Phase, s: ScreenState): Promise<void> {
  switch (phase.kind) {
    case 'quickWindow': {
      const windows = await exactWindowsFirst(s.input);
      if ('passed' in windows) s.screened = { ...windows.passed };
      else {
        s.firstRounds = windows.firstRounds;
        s.quickKept = windows.keptBytes;
      }
      return;
    }
    case 'rounds':
      return firstRounds(phase.forTime, s);
    case 'exactEnd':
      s.grownBetweenExactEnds = (await exactHeapUsed(s.first)) - s.exactAtStart!;
      return;
    case 'largerRounds': {
      const callsPerRound = Math.min(MAX_CALLS_PER_ROUND, s.first.callsPerRound * 4);
      const result = await screen({ ...s.first, callsPerRound });
      s.screened = { result, callsPerRound, exactRounds: result.exact ? result.rounds : 0 };
      return;
    }
    case 'rescreen': {
      const result = await screen(phase.exact ? { ...s.first, precise: true } : s.first);
      s.screened = { ...s.screened, result, exactRounds: s.screened.exactRounds + (result.exact ? result.rounds : 0) };
      return;
    }
    case 'secondWindow':
      s.screened = await secondWindow(s.input, s.screened, s.rounds, phase.switchToExact);
      return;
    case 'judge':
      return;
  }
}

async function firstRounds(forTime: boolean, s: ScreenState): Promise<void> {
  if (forTime) {
    // The plain rounds keep their own pace: the exact window's would cut them short.
    s.first = { ...s.input, precise: false, pace: { roundMs: 0 } };
    s.firstRounds = undefined;
  }
  // Plain rounds because exact ones would not fit: no exact reading beside them either (see hidesGrowth).
  s.exactAtStart = !s.first.precise && !forTime && exactRoundsAffordable(s.first.capture) ? await exactHeapUsed(s.first) : null;
  const result = await screen(s.first, s.firstRounds);
  s.screened = { result, callsPerRound: s.first.callsPerRound, exactRounds: result.exact ? result.rounds : 0 };
}

/** The named facts the plan decides by, read from the window just screened. */
function windowFacts(s: ScreenState): WindowFacts {
  const { result } = s.screened;
  const heap = (): GrowthJudgement | undefined => result.judgements.get('heapUsed');
  const floor = () => heapFloor(s.first.threshold, s.first.callsPerRound);
  const flat = () => heap()?.call === 'flat';
  return {
    passed: () => s.screened.quick !== undefined,
    exactRoundsOverrun: () => exactRoundsOverrun(s.input),
    cutShort: () => result.cutShort === true,
    lostInNoise: () => result.lostInNoise === true,
    exact: () => result.exact,
    exactSoFar: () => s.screened.exactRounds > 0,
    flat,
    falling: () => isFalling(heap(), floor()),
    drowned: () => (heap()?.leastSquaresPerRound ?? 0) > 0 && heap()!.noise > DROWNED_NOISE_FLOORS * floor(),
    noisy: () => (heap()?.noise ?? 0) > floor(),
    async: () => s.first.runner.async,
    canGrowRounds: () => s.mayResizeRounds && s.first.callsPerRound < MAX_CALLS_PER_ROUND,
    fullRounds: () => s.first.callsPerRound >= MAX_CALLS_PER_ROUND,
    onlyHeapMoved: () => onlyHeapMoved(result),
    exactEnds: () => s.exactAtStart !== null,
    hidesGrowth: () => hidesGrowth(s.grownBetweenExactEnds, result, floor()),
    anyGrowth: () => [...result.judgements.values()].some((j) => j.call !== 'flat'),
    pageSizedGrowth: () => pageSizedGrowth(result) && onlyHeapMoved(result) && !exactRoundsOverrun(s.input) && exactRoundsAffordable(s.input.capture),
  };
}

/** What a phase showed, for the trace: the heap's growth per call and its fit, or the quick window's kept bytes. */
function shown(phase: Phase, s: ScreenState): string {
  const { quick, result, callsPerRound } = s.screened;
  if (phase.kind === 'quickWindow') {
    const kept = quick?.keptBytes ?? s.quickKept;
    return kept === undefined ? 'no exact reading' : `kept ${formatBytes(kept)}`;
  }
  if (phase.kind === 'exactEnd') return `exact ends ${s.grownBetweenExactEnds >= 0 ? '+' : ''}${formatBytes(s.grownBetweenExactEnds)}`;
  const heap = result.judgements.get('heapUsed');
  if (!heap) return `${result.rounds} rounds`;
  const perCall = heap.leastSquaresPerRound / callsPerRound;
  return `${result.rounds} × ${callsPerRound} calls, heapUsed ${perCall >= 0 ? '+' : ''}${formatBytes(perCall)}/call, fit ${heap.r2.toFixed(2)}`;
}

/**
 * Screens in the phases screen-plan.ts declares: from the first phase,
 * each phase runs and the plan picks the next from what it showed, until
 * the result is judged. `rounds` is the second window's length;
 * `mayResizeRounds` is false when the user set the round size.
 */
export async function screenInWindows(input: ScreenInput, rounds: number, mayResizeRounds: boolean): Promise<ScreenOutcome> {
  const trace: TraceStep[] = [];
  const nothingYet: ScreenResult = { measurements: [], judgements: new Map(), rounds: 0, exact: false };
  const s: ScreenState = { input, rounds, mayResizeRounds, first: input, exactAtStart: null, grownBetweenExactEnds: 0, screened: { result: nothingYet, callsPerRound: input.callsPerRound, exactRounds: 0 } };
  const start = firstPhase({ mode: roundsMode(input), earlyStop: input.earlyStop === true, async: input.runner.async, domExactOverrun: domExactOverrun(input) });
  // The warm-up's figures (round size, readings, async) decide the first phase.
  trace.push({ phase: 'warm-up', saw: `${input.callsPerRound} calls a round`, why: start.why, next: phaseLabel(start.next) });
  let phase = start.next;
  while (phase.kind !== 'judge') {
    await runPhase(phase, s);
    const decision = nextPhase(phase, windowFacts(s));
    trace.push({ phase: phaseLabel(phase), saw: shown(phase, s), why: decision.why, next: phaseLabel(decision.next) });
    phase = decision.next;
  }
  return { ...s.screened, trace };
}
