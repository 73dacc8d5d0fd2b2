import { MemscopeError } from '../errors.js';
import { releaseDeadContextsPromptly } from '../main-context.js';
import { getCapture } from '../capture/index.js';
import { assertSnapshotFits } from '../capture/snapshot-guard.js';
import type { Capture } from '../capture/types.js';
import { resolveLeakOptions, type LeakOptions, type ResolvedLeakOptions } from './options.js';
import { CallRunner, type LeakTarget } from './call-runner.js';
import { warmUp } from './warm-up.js';
import { HandleTracker } from './handle-tracker.js';
import { MIN_ROUNDS_TO_JUDGE, MAX_CALLS_PER_ROUND, callsPerRoundFor, type ScreenResult, type ScreenedFigure } from './screen.js';
import { screenInWindows, wantsExactRounds } from './windows.js';
import { warmScreeningCode } from './warm-machinery.js';
import { startAffordableSampler, wantsSampledRounds } from './survivor-sampler.js';
import { allocatedPerCallSince, allocationReading } from './allocation-rate.js';
import { descriptorFinding, handleFindings, nativeFinding } from './findings.js';
import { explainedFindings } from './explained-findings.js';
import { serialized } from './serialize.js';
import { whileMeasuring } from '../tasks/storage.js';
import { asVerdictTask } from '../tasks/verdict-task.js';
import type { CutShort, FigureGrowth, Finding, LeakResult } from './types.js';
import type { GrowthJudgement } from './stats.js';
import { nowMs } from '../node-clock.js';
import { Deadline, explanationEstimateMs } from './time-budget.js';
import { clearHeapGrowthPerCall, unexplainedGrowth } from './unexplained-growth.js';
import { survivorSiteWithoutSnapshot } from './sampled-site.js';
import { domStormVerdict, withDomStorms } from './dom-storm-verdict.js';
import { formatBytes } from '../report/format.js';


/**
 * The sampling profiler only sees frames that exist at run time: once
 * TurboFan inlines the function under test into the call loop, its
 * allocations are charged to memscope's loop and the allocation site is
 * lost. Calling the loop's call sites with several distinct functions first
 * makes their feedback megamorphic, and V8 never inlines a megamorphic call.
 */
function keepCallSitesMegamorphic(): void {
  const distinct = [() => 1, () => 2, () => 3, () => 4, () => 5, () => 6];
  const tracker = new HandleTracker();
  for (const fn of distinct) {
    void new CallRunner(fn, 1000).run(2);
    void new CallRunner(tracker.wrap(fn), 1000).run(2);
  }
}
keepCallSitesMegamorphic();

export interface CheckLeakDeps {
  capture?: Capture;
  /** The verdict's child task is named after it: `toLeak verdict: 41,000 calls`. Default 'checkLeak'. */
  verdictName?: string;
}

/**
 * Calls `fn` many times and decides whether memory grows with every call.
 *
 * @example
 * ```js
 * const { checkLeak } = require('@memscope/core');
 * const cache = new Map();
 * const result = await checkLeak(() => cache.set(Math.random(), { big: 'x'.repeat(100) }));
 * result.leaked; // true
 * result.findings[0].title; // "entries of Map cache: +1 per call (152 B per call)"
 * result.findings[0].retainerPathText; // "(module) cache → Map → table[…] → Object"
 * ```
 */
export function checkLeak(fn: LeakTarget, options?: LeakOptions, deps: CheckLeakDeps = {}): Promise<LeakResult> {
  if (typeof fn !== 'function') {
    const got = fn === null ? 'null' : typeof fn;
    return Promise.reject(new MemscopeError('ERR_MEMSCOPE_NOT_A_FUNCTION', `checkLeak: expected a function to call repeatedly, got ${got}.`));
  }
  let resolved: ResolvedLeakOptions;
  try {
    resolved = resolveLeakOptions(options);
  } catch (error) {
    return Promise.reject(error);
  }
  releaseDeadContextsPromptly();
  const verdict = () => runVerdict(fn, resolved, deps.capture ?? getCapture());
  return serialized(() => whileMeasuring(() => asVerdictTask(deps.verdictName ?? 'checkLeak', verdict, (result) => result.stats.totalCalls)));
}

function growthStats(judgements: Map<ScreenedFigure, GrowthJudgement>, callsPerRound: number): FigureGrowth[] {
  return [...judgements].map(([figure, j]) => ({
    figure,
    perCall: j.leastSquaresPerRound / callsPerRound,
    medianPerCall: j.theilSenPerRound / callsPerRound,
    fit: j.r2,
    noise: j.noise,
    grew: j.call !== 'flat',
  }));
}

const grew = (screenResult: ScreenResult, figure: ScreenedFigure) => screenResult.judgements.get(figure)?.call === 'grows';
const notFlat = (screenResult: ScreenResult, figure: ScreenedFigure) => {
  const call = screenResult.judgements.get(figure)?.call;
  return call === 'grows' || call === 'ambiguous';
};

async function runVerdict(fn: LeakTarget, opts: ResolvedLeakOptions, capture: Capture): Promise<LeakResult> {
  const started = nowMs();
  // Counted in the warm-up's time: the caller waits for it too.
  await warmScreeningCode(capture);
  const deadline = Deadline.within(opts.timeLimit, started);
  const tracker = new HandleTracker();
  const runner = new CallRunner(tracker.wrap(fn), opts.timeout);
  const timeMs = { warmup: 0, screen: 0, explain: 0, total: 0 };
  let snapshots = 0;
  tracker.start();
  try {
    const msPerCall = await warmUp(runner, opts);
    timeMs.warmup = nowMs() - started;
    const callsPerRoundAtStart = opts.callsPerRound ?? callsPerRoundFor(msPerCall);
    const slowOrAsync = runner.async || callsPerRoundAtStart < MAX_CALLS_PER_ROUND;
    const precise = wantsExactRounds(capture, runner.async, callsPerRoundAtStart);
    const beforeDomCounting = allocationReading(capture, runner);
    // A listener storm on the DOM is counted in its lists: no rounds needed.
    const domStorms = await domStormVerdict({ capture, runner, tracker, opts, callsPerInterval: callsPerRoundAtStart, msPerCall, deadline });
    if (domStorms) return await withDomStorms(domStorms, { capture, runner, tracker, opts, deadline, started, timeMs, callsPerRound: callsPerRoundAtStart, allocationAtStart: beforeDomCounting });
    const sampler = wantsSampledRounds(capture, precise, slowOrAsync) ? await startAffordableSampler(capture, runner, msPerCall) : undefined;
    const warmupCalls = runner.calls;
    const screenInput = { capture, runner, tracker, gcMode: opts.gc, callsPerRound: callsPerRoundAtStart, rounds: opts.rounds, maxRounds: opts.maxRounds, threshold: opts.threshold, earlyStop: !opts.roundsGiven, precise, sampler, deadline: deadline.forScreen(started), pace: { roundMs: 0 } };
    const allocationAtStart = allocationReading(capture, runner);
    let screened: Awaited<ReturnType<typeof screenInWindows>>;
    try {
      screened = await screenInWindows(screenInput, opts.rounds, opts.callsPerRound === undefined);
    } finally {
      // The explanation runs the profiler at its own interval.
      sampler?.stop();
    }
    const { result, exactRounds, callsPerRound } = screened;
    timeMs.screen = nowMs() - started - timeMs.warmup;

    const findings: Finding[] = [];
    // From the first call on, warm-up included: a cap reached in the warm-up leaves every round flat.
    const handleGroups = tracker.groupsLeftOpen(grew(result, 'handles'));
    const handleGrew = handleGroups.length > 0 || grew(result, 'fds');
    if (opts.kinds.has('handle') && handleGrew) {
      findings.push(...handleFindings(handleGroups, tracker.calls));
      const fdsPerCall = (result.judgements.get('fds')?.theilSenPerRound ?? 0) / callsPerRound;
      if (!findings.some((f) => f.kind === 'handle') && grew(result, 'fds')) findings.push(descriptorFinding(fdsPerCall));
    }
    const nativeFigures: ScreenedFigure[] = ['arrayBuffers', 'external', 'malloc'];
    const nativeGrowth = nativeFigures.find((f) => grew(result, f));
    const nativeBytesPerCall = nativeGrowth ? (result.judgements.get(nativeGrowth)!.theilSenPerRound / callsPerRound) : 0;
    const wantsHeap = opts.kinds.has('heap') || opts.kinds.has('storm') || opts.kinds.has('native');
    let reason: string;
    let cutShort: CutShort | undefined;
    const undecided = result.cutShort === true && result.rounds < MIN_ROUNDS_TO_JUDGE && findings.length === 0;
    // Priced only under a time limit: without one the explanation always fits.
    const roundMs = timeMs.screen / Math.max(1, (runner.calls - warmupCalls) / callsPerRound);
    const explanationMs = deadline.limitMs === undefined ? 0 : explanationEstimateMs(capture.heapFigures().heapUsed, roundMs);
    const wantsExplanation = wantsHeap && (notFlat(result, 'heapUsed') || notFlat(result, 'sampledSurvivors') || Boolean(nativeGrowth));
    if (undecided) {
      cutShort = { step: 'screen', neededMs: Math.round((timeMs.screen / Math.max(1, result.rounds)) * MIN_ROUNDS_TO_JUDGE), leftMs: 0, limitMs: opts.timeLimit! };
      reason = `only ${result.rounds} of the ${MIN_ROUNDS_TO_JUDGE} rounds a verdict needs fit in the time limit: no verdict`;
    } else if (wantsExplanation && !deadline.fits(explanationMs)) {
      cutShort = { step: 'explanation', neededMs: Math.round(explanationMs), leftMs: Math.max(0, Math.round(deadline.leftMs())), limitMs: opts.timeLimit! };
      // The survivors' allocation site costs two rounds, not a snapshot: worth it for growth that is surely a leak.
      const sampleSite = opts.kinds.has('heap') && clearHeapGrowthPerCall(result, callsPerRound, opts.threshold) !== undefined && deadline.fits(2 * roundMs);
      const site = sampleSite ? await survivorSiteWithoutSnapshot(capture, runner, callsPerRound * 2, opts.gc) : undefined;
      const growth = unexplainedGrowth(result, callsPerRound, opts.threshold, cutShort, site);
      if (growth && opts.kinds.has('heap')) findings.push(growth);
      if (nativeGrowth && opts.kinds.has('native')) findings.push(nativeFinding(nativeGrowth, nativeBytesPerCall));
      reason = findings.length ? 'memory grew with every call; the explanation did not fit in the time left' : unresolvedHeapReason(result, callsPerRound);
    } else if (wantsExplanation) {
      const explainStarted = nowMs();
      assertSnapshotFits(capture);
      const allocatedPerCall = allocatedPerCallSince(allocationAtStart, capture, runner);
      const explained = await explainedFindings({ capture, runner, tracker, opts, callsPerRound, allocatedPerCall, handleGrew, nativeGrowth, nativeBytesPerCall, made: findings });
      snapshots = explained.snapshots;
      findings.push(...explained.findings);
      timeMs.explain = nowMs() - explainStarted;
      reason = explained.explained || findings.length
        ? `memory grew with every call; ${findings.length} finding(s)`
        : 'the heap moved between rounds, but no object population grows with the number of calls';
    } else {
      const { quick: window } = screened;
      const quick = window
        ? ` (an exact window of ${window.calls} calls kept ${Math.round(window.keptBytes)} B${window.setAside ? '; one before it, in which V8 compiled code, set aside' : ''})`
        : '';
      reason = handleGrew ? 'handles left open grew with the calls' : `no figure grew beyond the noise floor${quick}`;
    }
    timeMs.total = nowMs() - started;
    return {
      leaked: findings.length > 0,
      ...(undecided ? { undecided: true } : {}),
      findings,
      capture: capture.path,
      stats: {
        warmupCalls,
        rounds: result.rounds,
        callsPerRound,
        totalCalls: runner.calls,
        growth: growthStats(result.judgements, callsPerRound),
        threshold: opts.threshold,
        snapshots,
        exactRounds,
        timeMs,
        reason,
        ...(cutShort ? { cutShort } : {}),
      },
    };
  } finally {
    tracker.stop();
    tracker.releaseTimers();
  }
}

/**
 * A pass whose heap moved and whose explanation did not fit says how much
 * the heap moved, per call: growth below that was not ruled out (a DOM
 * environment's heap moves by tens of KB a round as V8 compiles and drops
 * its code).
 */
export function unresolvedHeapReason(result: ScreenResult, callsPerRound: number): string {
  const noise = result.judgements.get('heapUsed')?.noise ?? 0;
  const moved = noise > 0 ? ` ±${formatBytes(noise)} a round (${formatBytes(noise / callsPerRound)} per call), no trend beyond that` : '';
  return `the heap moved between rounds${moved}; the explanation that would tell a leak from noise did not fit in the time left`;
}
