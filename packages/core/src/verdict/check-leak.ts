import { MemscopeError } from '../errors.js';
import { releaseDeadContextsPromptly } from '../main-context.js';
import { getCapture } from '../capture/index.js';
import type { Capture } from '../capture/types.js';
import { resolveLeakOptions, type LeakOptions, type ResolvedLeakOptions } from './options.js';
import { CallRunner, type LeakTarget } from './calls/call-runner.js';
import { warmUp } from './warm-up.js';
import { HandleTracker } from './handles/handle-tracker.js';
import { MAX_CALLS_PER_ROUND, callsPerRoundFor, type ScreenedFigure } from './screen/screen.js';
import { screenInWindows, wantsExactRounds, type ScreenOutcome } from './screen/windows.js';
import { warmScreeningCode } from './warm-machinery.js';
import { startAffordableSampler, wantsSampledRounds } from './screen/survivor-sampler.js';
import { allocationReading, type AllocationReading } from './allocation-rate.js';
import { serialized } from './serialize.js';
import { whileMeasuring } from '../tasks/storage.js';
import { asVerdictTask } from '../tasks/verdict-task.js';
import type { FigureGrowth, LeakResult } from './types.js';
import type { GrowthJudgement } from './screen/stats.js';
import { nowMs } from '../node-clock.js';
import { Deadline } from './time-budget.js';
import { domStormVerdict, withDomStorms } from './dom/dom-storm-verdict.js';
import { countedDomVerdict, heapGoesUnjudged } from './dom/dom-counted-verdict.js';
import { domGrowthGoesUnjudged } from './dom/unjudged-growth.js';
import { judgeScreen, type Judged, type ScreenStep, type VerdictRun } from './judge.js';


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
  return serialized(() => whileMeasuring(() => asVerdictTask(deps.verdictName ?? 'checkLeak', verdict, (result) => result.stats.totalCalls, (result) => result.stats.trace)));
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

/** Warm-up → screen → judge (and explain) → result; a DOM listener storm is counted on its own after the warm-up. */
async function runVerdict(fn: LeakTarget, opts: ResolvedLeakOptions, capture: Capture): Promise<LeakResult> {
  const started = nowMs();
  // Counted in the warm-up's time: the caller waits for it too.
  await warmScreeningCode(capture);
  const tracker = new HandleTracker();
  const runner = new CallRunner(tracker.wrap(fn), opts.timeout);
  const timeMs = { warmup: 0, screen: 0, explain: 0, total: 0 };
  const run: VerdictRun = { capture, runner, tracker, opts, deadline: Deadline.within(opts.timeLimit, started), started, timeMs, trace: [] };
  tracker.start();
  try {
    const warm = await warmUpStep(run);
    // A listener storm on the DOM is counted in its lists: no rounds needed.
    const { deadline } = run;
    const countedClean = { calls: 0, ms: 0 };
    const domStorms = await domStormVerdict({ capture, runner, tracker, opts, callsPerInterval: warm.callsPerRound, msPerCall: Math.min(warm.msPerCall, warm.lastMsPerCall), deadline, countedClean });
    if (domStorms) return await withDomStorms(domStorms, { capture, runner, tracker, opts, deadline, started, timeMs, callsPerRound: warm.callsPerRound, allocationAtStart: warm.beforeDomCounting, trace: run.trace });
    // Rounds whose heap growth could not be judged in the time left: the counting decides (see dom/dom-counted-verdict.ts).
    const counted = () => countedDomVerdict({ capture, tracker, opts, deadline, started, timeMs, callsPerRound: warm.callsPerRound, totalCalls: runner.calls, counted: countedClean, trace: run.trace });
    if (countedClean.calls > 0 && heapGoesUnjudged(capture, deadline, (countedClean.ms / countedClean.calls) * warm.callsPerRound)) return counted();
    const screened = await screenStep(run, warm);
    const judged = await judgeScreen(run, screened);
    // Rounds cut short before they could judge, after a clean counting: the
    // explanation that alone judges a DOM environment's heap had no time
    // either, so the counting decides, as when the rounds are skipped
    // (a fast happy-dom component's rounds of 612–1685 calls under load).
    if (judged.undecided && countedClean.calls > 0 && domGrowthGoesUnjudged()) return counted();
    return resultOf(run, screened, judged);
  } finally {
    tracker.stop();
    tracker.releaseTimers();
  }
}

/** What the warm-up decides: the round size, and whether rounds are exact or sample survivors. */
interface WarmUp {
  msPerCall: number;
  /** The warm-up's last batch's time per call: its pace once the first calls' cold code is behind it. */
  lastMsPerCall: number;
  callsPerRound: number;
  precise: boolean;
  slowOrAsync: boolean;
  beforeDomCounting: AllocationReading;
}

async function warmUpStep(run: VerdictRun): Promise<WarmUp> {
  const { capture, runner, opts } = run;
  const pace = { lastMsPerCall: Infinity };
  const msPerCall = await warmUp(runner, opts, pace);
  run.timeMs.warmup = nowMs() - run.started;
  const callsPerRound = opts.callsPerRound ?? callsPerRoundFor(msPerCall);
  const slowOrAsync = runner.async || callsPerRound < MAX_CALLS_PER_ROUND;
  const precise = wantsExactRounds(capture, runner.async, callsPerRound);
  return { msPerCall, lastMsPerCall: pace.lastMsPerCall, callsPerRound, precise, slowOrAsync, beforeDomCounting: allocationReading(capture, runner) };
}

/** Rounds in the phases of the screen plan (verdict/screen/screen-plan.ts), its trace added to the verdict's. */
async function screenStep(run: VerdictRun, warm: WarmUp): Promise<ScreenStep> {
  const { capture, runner, tracker, opts, deadline } = run;
  const sampler = wantsSampledRounds(capture, warm.precise, warm.slowOrAsync) ? await startAffordableSampler(capture, runner, warm.msPerCall) : undefined;
  const warmupCalls = runner.calls;
  const screenInput = { capture, runner, tracker, gcMode: opts.gc, callsPerRound: warm.callsPerRound, rounds: opts.rounds, maxRounds: opts.maxRounds, threshold: opts.threshold, earlyStop: !opts.roundsGiven, precise: warm.precise, sampler, deadline: deadline.forScreen(run.started), pace: { roundMs: 0 } };
  const allocationAtStart = allocationReading(capture, runner);
  let screened: ScreenOutcome;
  try {
    screened = await screenInWindows(screenInput, opts.rounds, opts.callsPerRound === undefined);
  } finally {
    // The explanation runs the profiler at its own interval.
    sampler?.stop();
  }
  run.timeMs.screen = nowMs() - run.started - run.timeMs.warmup;
  run.trace.push(...screened.trace);
  return { screened, warmupCalls, allocationAtStart };
}

function resultOf(run: VerdictRun, step: ScreenStep, judged: Judged): LeakResult {
  const { result, callsPerRound, exactRounds } = step.screened;
  run.timeMs.total = nowMs() - run.started;
  return {
    leaked: judged.findings.length > 0,
    ...(judged.undecided ? { undecided: true } : {}),
    findings: judged.findings,
    capture: run.capture.path,
    stats: {
      warmupCalls: step.warmupCalls,
      rounds: result.rounds,
      callsPerRound,
      totalCalls: run.runner.calls,
      growth: growthStats(result.judgements, callsPerRound),
      threshold: run.opts.threshold,
      snapshots: judged.snapshots,
      exactRounds,
      timeMs: run.timeMs,
      reason: judged.reason,
      trace: run.trace,
      ...(judged.cutShort ? { cutShort: judged.cutShort } : {}),
    },
  };
}
