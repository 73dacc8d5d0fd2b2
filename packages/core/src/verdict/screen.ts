import type { Capture, GcMode } from '../capture/types.js';
import { judgeGrowth, type GrowthJudgement } from './stats.js';
import type { CallRunner } from './call-runner.js';
import { openFileDescriptors, type HandleTracker } from './handle-tracker.js';

/** The figures read after every round, each a series over rounds. */
export type ScreenedFigure = 'heapUsed' | 'external' | 'arrayBuffers' | 'malloc' | 'handles' | 'fds';

export interface Measurement {
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  malloc: number | null;
  handles: number;
  fds: number | null;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Heap used outside the code spaces: compiled code comes and goes with the
 * JIT's tiering decisions, never with the user's data.
 */
function heapUsedWithoutCode(capture: Capture): number {
  let used = 0;
  for (const space of capture.heapSpaces()) if (!space.name.startsWith('code')) used += space.used;
  return used;
}

/** One turn of the event loop (WeakRefs kept for the job are released), then a full GC, then the reading. */
export async function measureSettled(capture: Capture, mode: GcMode, tracker: HandleTracker): Promise<Measurement> {
  await nextTurn();
  capture.gc(mode);
  const figures = capture.heapFigures();
  return {
    heapUsed: heapUsedWithoutCode(capture),
    external: figures.external,
    arrayBuffers: figures.arrayBuffers,
    malloc: figures.malloc,
    handles: tracker.liveCount(),
    fds: openFileDescriptors(),
  };
}

export interface ScreenInput {
  capture: Capture;
  runner: CallRunner;
  tracker: HandleTracker;
  gcMode: GcMode;
  callsPerRound: number;
  rounds: number;
  maxRounds: number;
  /** Bytes per call below which growth is not a leak. */
  threshold: number;
  /** May stop after EARLY_FLAT_ROUNDS when every figure is clearly flat (not when the user set `rounds`). */
  earlyStop?: boolean;
}

export interface ScreenResult {
  measurements: Measurement[];
  judgements: Map<ScreenedFigure, GrowthJudgement>;
  rounds: number;
}

const MALLOC_DRIFT_PER_ROUND = 16 * 1024;

/**
 * Rounds after which a series may already be called flat: enough to see a
 * leak at the threshold (each of its deltas clears half the floor), few
 * enough that a clean verdict costs four full GCs, not six.
 */
const EARLY_FLAT_ROUNDS = 4;

/** Per-round floor for each figure: bytes scale with calls; handles and descriptors count one. */
function floorFor(figure: ScreenedFigure, input: ScreenInput): number {
  switch (figure) {
    case 'handles':
    case 'fds':
      return 0.5;
    case 'malloc':
      // glibc keeps freed chunks in its arenas, and V8's own malloc'd
      // bookkeeping (compiler zones, remembered sets, GC worklists) grows by
      // about 2 KiB per full GC for the first 20 or so collections and then
      // wanders ±3 KiB per round. Growth under 16 KiB a round is that drift,
      // never a leak this screen could tell apart from it.
      return Math.max(input.threshold * input.callsPerRound, MALLOC_DRIFT_PER_ROUND);
    default:
      return input.threshold * input.callsPerRound;
  }
}

export function judgeAll(measurements: Measurement[], input: ScreenInput): Map<ScreenedFigure, GrowthJudgement> {
  const judgements = new Map<ScreenedFigure, GrowthJudgement>();
  const figures: ScreenedFigure[] = ['heapUsed', 'external', 'arrayBuffers', 'malloc', 'handles', 'fds'];
  for (const figure of figures) {
    const series = measurements.map((m) => m[figure]);
    if (series.some((v) => v === null)) continue;
    judgements.set(figure, judgeGrowth(series as number[], floorFor(figure, input)));
  }
  return judgements;
}

/**
 * Every round of every figure moved by less than half its floor: no leak at
 * or above the threshold can hide in that (it would clear half the floor in
 * every round), so the remaining rounds would only confirm it.
 */
function clearlyFlat(measurements: Measurement[], input: ScreenInput): boolean {
  const figures: ScreenedFigure[] = ['heapUsed', 'external', 'arrayBuffers', 'malloc', 'handles', 'fds'];
  return figures.every((figure) => {
    const half = floorFor(figure, input) / 2;
    for (let i = 1; i < measurements.length; i++) {
      const before = measurements[i - 1]![figure];
      const after = measurements[i]![figure];
      if (before !== null && after !== null && Math.abs(after - before) > half) return false;
    }
    return true;
  });
}

/**
 * Screens cheaply: rounds of calls with a full GC after each, no snapshot.
 * Ambiguous figures get more rounds, up to maxRounds; nothing is guessed.
 */
export async function screen(input: ScreenInput): Promise<ScreenResult> {
  const { capture, runner, tracker, gcMode, callsPerRound } = input;
  // V8 ages bytecode of functions that stopped running and flushes it over
  // the next few full GCs, which shows as a steady *fall* in heap use. One
  // thorough collection first flushes it all at once.
  capture.gc('thorough');
  const measurements: Measurement[] = [await measureSettled(capture, gcMode, tracker)];
  let rounds = 0;
  const runRound = async () => {
    tracker.round = ++rounds;
    await runner.run(callsPerRound);
    measurements.push(await measureSettled(capture, gcMode, tracker));
  };
  while (rounds < input.rounds) {
    await runRound();
    if (input.earlyStop && rounds >= EARLY_FLAT_ROUNDS && clearlyFlat(measurements, input)) break;
  }
  let judgements = judgeAll(measurements, input);
  while (rounds < input.maxRounds && [...judgements.values()].some((j) => j.call === 'ambiguous')) {
    await runRound();
    judgements = judgeAll(measurements, input);
  }
  return { measurements, judgements, rounds };
}
