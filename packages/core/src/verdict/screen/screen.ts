import { isMainThread } from 'node:worker_threads';
import type { Capture, GcMode } from '../../capture/types.js';
import { differences, judgeGrowth, median, type GrowthJudgement } from './stats.js';
import type { CallRunner } from '../calls/call-runner.js';
import { openFileDescriptors, type HandleTracker } from '../handles/handle-tracker.js';
import type { SurvivorSampler } from './survivor-sampler.js';
import { nextMacrotask, nowMs } from '../../node-clock.js';
import { lostInNoise } from './screen-noise.js';

/** The figures read after every round, each a series over rounds. */
export type ScreenedFigure = 'heapUsed' | 'sampledSurvivors' | 'external' | 'arrayBuffers' | 'malloc' | 'handles' | 'fds';

export interface Measurement {
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  malloc: number | null;
  handles: number;
  fds: number | null;
  /** Bytes the JS heap has allocated so far (heap used plus all bytes the collections freed); not screened. */
  allocated: number;
  /** Bytes of compiled code and bytecode, read with exact readings only (see heapEvidence); not screened. */
  compiledCode?: number | null;
  /** Bytes of the user's live sampled allocations, in sampled rounds only (see SurvivorSampler). */
  sampledSurvivors?: number | null;
}

const nextTurn = nextMacrotask;

/**
 * Heap used outside the code spaces: compiled code comes and goes with the
 * JIT's tiering decisions, never with the user's data.
 */
function heapUsedWithoutCode(capture: Capture): number {
  let used = 0;
  for (const space of capture.heapSpaces()) if (!space.name.startsWith('code')) used += space.used;
  return used;
}

/**
 * The bytes of every live object, summed over the id marks' intervals. Even
 * right after a mark, V8's heap use moves by 30 KB and more a round beside
 * a busy function (JIT tiering, pages changing hands): a 40 B/call leak in a
 * 0.5 ms function (60 calls, 2.4 KB a round) was missed half the time. The
 * objects' own sizes do not move: measured there, a clean round +64 B with
 * one 7 KB step in eleven, a leaking one +4.9 KB every round. Null when the
 * capture keeps no such sums.
 */
function liveBytesOfMarkedObjects(capture: Capture): number | null {
  const intervals = capture.exact?.liveBytesByInterval(0);
  if (!intervals) return null;
  let total = 0;
  for (const bytes of intervals.bytes) total += bytes;
  return total;
}

/**
 * One turn of the event loop (WeakRefs kept for the job are released), then a
 * full GC, then the reading. `precise` settles through the capture's id mark
 * instead: its collection and heap walk leave heap use exact to the object,
 * where after a plain forced collection it can sit a whole page (±200 KB)
 * off for a round.
 */
export async function measureSettled(capture: Capture, mode: GcMode, tracker: HandleTracker, precise = false, sampler?: SurvivorSampler): Promise<Measurement> {
  await nextTurn();
  const exact = precise ? capture.exact : undefined;
  if (exact) exact.settle();
  else capture.gc(mode);
  const figures = capture.heapFigures();
  return {
    heapUsed: (exact && liveBytesOfMarkedObjects(capture)) || heapUsedWithoutCode(capture),
    external: figures.external,
    arrayBuffers: figures.arrayBuffers,
    malloc: figures.malloc,
    handles: tracker.liveCount(),
    fds: openFileDescriptors(),
    allocated: figures.heapUsed + capture.gcTotals().freedBytes,
    compiledCode: exact ? exact.codeBytes() : null,
    sampledSurvivors: sampler ? sampler.read() : null,
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
  /** Settle every round through the capture's id mark (see measureSettled): dearer, exact heap figures. */
  precise?: boolean;
  /** Read the user's sampled survivors after every round (see SurvivorSampler). */
  sampler?: SurvivorSampler;
  /**
   * Node-clock times no round may end after: `soft` once MIN_ROUNDS_TO_JUDGE
   * rounds ran (the rest of the time is the explanation's), `hard` ever (the
   * test's own limit).
   */
  deadline?: { soft: number; hard: number };
  /** The longest a settled round took so far in this verdict, shared by its windows (ms). */
  pace?: { roundMs: number };
}

/** Rounds a screen needs to judge a figure: fewer fit no line. */
export const MIN_ROUNDS_TO_JUDGE = 4;

/** Calls a round of a fast function: at ROUND_TARGET_MS, a function of 15 µs a call or less reaches it. */
export const MAX_CALLS_PER_ROUND = 2000;

/** Calls a round at least, however slow the function (at ROUND_TARGET_MS, from 0.5 ms a call). */
export const MIN_CALLS_PER_ROUND = 60;

/** The calls of a round take about this long (ms), between the two bounds above. */
export const ROUND_TARGET_MS = 30;

/** Growing populations the explanation makes findings of, largest first; the rest are left out of the result. */
export const FINDINGS_SHOWN = 5;

/** Calls a round for a function that takes `msPerCall`, unless the user set them. */
export function callsPerRoundFor(msPerCall: number): number {
  return Math.min(MAX_CALLS_PER_ROUND, Math.max(MIN_CALLS_PER_ROUND, Math.ceil(ROUND_TARGET_MS / Math.max(msPerCall, 0.001))));
}

export interface ScreenResult {
  measurements: Measurement[];
  judgements: Map<ScreenedFigure, GrowthJudgement>;
  rounds: number;
  /** Whether every reading was exact (settled through Capture.exact). */
  exact: boolean;
  /** Set when the deadline stopped the rounds. */
  cutShort?: boolean;
  /** Set when the rounds stopped because the heap's noise drowned what more of them could show (see lostInNoise). */
  lostInNoise?: boolean;
}

const MALLOC_DRIFT_PER_ROUND = 16 * 1024;

/**
 * V8's own heap moves by a few hundred bytes between two settled rounds even
 * when no call runs at all (feedback and bytecode aging, the harness's own
 * promises and immediates): measured 0.1–1 KB a round on a 20 MB heap. With
 * rounds of 60 calls (a 1 ms function) that alone is above 8 B per call.
 */
const HEAP_DRIFT_PER_ROUND = 1024;

/**
 * Rounds after which a series may already be called flat: enough to see a
 * leak at the threshold (each of its deltas clears half the floor), few
 * enough that a clean verdict costs four full GCs, not six.
 */
const EARLY_FLAT_ROUNDS = 4;

/** Heap growth per round that is not yet a leak: the threshold for every call plus V8's own drift. */
export function heapFloor(threshold: number, callsPerRound: number): number {
  return threshold * callsPerRound + HEAP_DRIFT_PER_ROUND;
}

/**
 * Malloc's drift grows with the garbage the function makes: every scavenge
 * and full GC mallocs worklists and glibc keeps some of it (measured +20 KB a
 * round when the rounds allocate 3.6 MB of JS objects on a quiet machine,
 * 100–180 KB (up to 5%) while other processes kept both cores busy).
 */
const MALLOC_DRIFT_SHARE_OF_ALLOCATED = 0.1;

function allocatedPerRound(measurements: readonly Measurement[]): number {
  return median(differences(measurements.map((m) => m.allocated)));
}

/** Per-round floor for each figure: bytes scale with calls; handles and descriptors count one. */
function floorFor(figure: ScreenedFigure, input: ScreenInput, measurements: readonly Measurement[]): number {
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
      return Math.max(
        input.threshold * input.callsPerRound,
        MALLOC_DRIFT_PER_ROUND,
        MALLOC_DRIFT_SHARE_OF_ALLOCATED * allocatedPerRound(measurements),
      );
    case 'heapUsed':
    case 'sampledSurvivors':
      return heapFloor(input.threshold, input.callsPerRound);
    default:
      return input.threshold * input.callsPerRound;
  }
}

/**
 * A round that compiled code grows by its code, its bytecode and their
 * feedback vectors, scope infos and handlers: measured 1.5–4 times the
 * code statistics' own change.
 */
export const ROUND_GROWTH_PER_CODE_BYTE = 4;

/**
 * The exact heap series without the rounds in which V8 compiled or dropped
 * code. A process's first verdicts run memscope's own code for the first
 * times: every other round Sparkplug compiles a batch of it as it warms up
 * (with its feedback vectors, scope infos and handlers), 5–30 KB that reads
 * as steady growth of 100 B a call and more, and buys rounds and an
 * explanation that finds nothing. The code's own bytes are only part of
 * what such a round adds, so the whole round is set aside, not corrected;
 * but only when the code accounts for its growth: a round that grew far
 * more than it compiled (a leak that now and then compiles a function and
 * keeps a large object with it) stays. A leak grows in the other rounds
 * too. When fewer than EARLY_FLAT_ROUNDS rounds are left (code compiled
 * nearly every round, as a function that builds a RegExp or a Function per
 * call makes it), every round counts.
 */
export function heapEvidence(measurements: readonly Measurement[]): number[] {
  const series = measurements.map((m) => m.heapUsed);
  if (measurements.some((m) => m.compiledCode === null || m.compiledCode === undefined)) return series;
  const kept = [series[0]!];
  for (let i = 1; i < series.length; i++) {
    const growth = series[i]! - series[i - 1]!;
    const compiled = Math.abs(measurements[i]!.compiledCode! - measurements[i - 1]!.compiledCode!);
    if (compiled > 0 && growth <= ROUND_GROWTH_PER_CODE_BYTE * compiled) continue;
    kept.push(kept[kept.length - 1]! + growth);
  }
  const setAside = series.length - kept.length;
  return setAside > 0 && kept.length - 1 >= EARLY_FLAT_ROUNDS ? kept : series;
}

function seriesOf(measurements: readonly Measurement[], figure: ScreenedFigure): (number | null)[] {
  return figure === 'heapUsed' ? heapEvidence(measurements) : measurements.map((m) => m[figure] ?? null);
}

export function judgeAll(measurements: Measurement[], input: ScreenInput): Map<ScreenedFigure, GrowthJudgement> {
  const judgements = new Map<ScreenedFigure, GrowthJudgement>();
  const figures: ScreenedFigure[] = ['heapUsed', 'sampledSurvivors', 'external', 'arrayBuffers', 'malloc', 'handles', 'fds'];
  for (const figure of figures) {
    const series = seriesOf(measurements, figure);
    if (series.some((v) => v === null)) continue;
    // Malloc is not this function's own (a) in exact rounds, which mark
    // object ids, and V8 keeps its id map in malloc'd memory (tens of bytes
    // per live object), so it grows with every object the heap keeps; (b) in
    // a worker thread (Vitest's threads and vmThreads pools), where it is the
    // whole process's and other threads' tests allocate into it at the same
    // time (a clean function in a vm pool read +43 B/call, fit 0.86).
    if (figure === 'malloc' && (input.precise || !isMainThread)) continue;
    const judgement = judgeGrowth(series as number[], floorFor(figure, input, measurements));
    // Native malloc is the noisiest figure: glibc keeps freed chunks in
    // per-thread arenas and V8's GC worklists come and go with the function's
    // garbage (±60 KB a round measured beside a 20 MB heap, 1 ms calls). Only
    // a clear rise counts there; an ambiguous one never buys more rounds.
    judgements.set(figure, figure === 'malloc' && judgement.call === 'ambiguous' ? { ...judgement, call: 'flat' } : judgement);
  }
  return judgements;
}

/**
 * Every figure is flat by a margin: its robust slope and its step-free trend
 * both under half the floor, and every round but at most one (a step: a JIT
 * tier, a rehash) moved it by less than half the floor. A leak at or above
 * the threshold clears the floor in most rounds, so the remaining rounds
 * would only confirm this. Malloc only has to show no clear rise.
 */
function clearlyFlat(measurements: Measurement[], input: ScreenInput): boolean {
  for (const [figure, judgement] of judgeAll(measurements, input)) {
    // Malloc's rounds move by tens of KB beside a busy heap (see judgeAll):
    // only a clear rise keeps the screen going.
    if (figure === 'malloc') {
      if (judgement.call === 'grows') return false;
      continue;
    }
    const half = floorFor(figure, input, measurements) / 2;
    if (judgement.call !== 'flat' || Math.abs(judgement.theilSenPerRound) > half || Math.abs(judgement.leastSquaresPerRound) > half) return false;
    const series = seriesOf(measurements, figure) as number[];
    let moved = 0;
    for (let i = 1; i < series.length; i++) if (Math.abs(series[i]! - series[i - 1]!) > half) moved++;
    if (moved > 1) return false;
  }
  return true;
}

/**
 * Screens cheaply: rounds of calls with a full GC after each, no snapshot.
 * Ambiguous figures get more rounds, up to maxRounds; nothing is guessed.
 * `firstRounds` are readings already taken with the same input (a quick
 * window that did not pass), kept as the screen's first rounds.
 */
export async function screen(input: ScreenInput, firstRounds?: readonly Measurement[]): Promise<ScreenResult> {
  const { capture, runner, tracker, gcMode, callsPerRound } = input;
  const measurements: Measurement[] = [];
  // A round costs at least its settled reading: the first one's time stands in until a round was timed.
  const pace = input.pace ?? { roundMs: 0 };
  if (firstRounds?.length) measurements.push(...firstRounds);
  else {
    const started = nowMs();
    // V8 ages bytecode of functions that stopped running and flushes it over
    // the next few full GCs, which shows as a steady *fall* in heap use. One
    // thorough collection first flushes it all at once.
    capture.gc('thorough');
    measurements.push(await measureSettled(capture, gcMode, tracker, input.precise, input.sampler));
    pace.roundMs = Math.max(pace.roundMs, nowMs() - started);
  }
  let rounds = measurements.length - 1;
  const runRound = async () => {
    const started = nowMs();
    tracker.round = ++rounds;
    await runner.run(callsPerRound);
    measurements.push(await measureSettled(capture, gcMode, tracker, input.precise, input.sampler));
    pace.roundMs = Math.max(pace.roundMs, nowMs() - started);
  };
  // The test's time is not the screen's to overrun: it judges what it has.
  let cutShort = false;
  const inTime = (): boolean => {
    if (input.deadline === undefined) return true;
    const until = rounds < MIN_ROUNDS_TO_JUDGE ? input.deadline.hard : input.deadline.soft;
    cutShort = nowMs() + pace.roundMs > until;
    return !cutShort;
  };
  let drowned = false;
  const noiseDecides = (judgements: Map<ScreenedFigure, GrowthJudgement>): boolean => {
    // Not when the user set the rounds: each of them runs.
    if (!input.earlyStop || rounds < MIN_ROUNDS_TO_JUDGE) return false;
    const heapBytes = capture.heapFigures().heapUsed;
    drowned = lostInNoise({ judgements, floor: heapFloor(input.threshold, callsPerRound), heapBytes, roundMs: pace.roundMs, hardDeadline: input.deadline?.hard });
    return drowned;
  };
  while (rounds < input.rounds && inTime()) {
    await runRound();
    if (input.earlyStop && rounds >= EARLY_FLAT_ROUNDS && clearlyFlat(measurements, input)) break;
    if (noiseDecides(judgeAll(measurements, input))) break;
  }
  let judgements = judgeAll(measurements, input);
  while (!drowned && rounds < input.maxRounds && [...judgements.values()].some((j) => j.call === 'ambiguous') && inTime()) {
    await runRound();
    judgements = judgeAll(measurements, input);
    noiseDecides(judgements);
  }
  return {
    measurements,
    judgements,
    rounds,
    exact: Boolean(input.precise && capture.exact),
    ...(cutShort ? { cutShort } : {}),
    ...(drowned ? { lostInNoise: true } : {}),
  };
}
