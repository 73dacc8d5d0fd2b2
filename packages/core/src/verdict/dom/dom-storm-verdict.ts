import type { Capture } from '../../capture/types.js';
import type { CallRunner } from '../calls/call-runner.js';
import type { HandleTracker } from '../handles/handle-tracker.js';
import { isIgnored, type ResolvedLeakOptions } from '../options.js';
import { measureSettled } from '../screen/screen.js';
import { countDomListenerStorms, domStormFindings, hasDomDocument } from './dom-listener-storms.js';
import { handleFindings } from '../explain/findings.js';
import type { CutShort, Finding, HandleFinding, LeakResult, StormFinding, TraceStep, VerdictStats } from '../types.js';
import { explanationEstimateMs, type Deadline } from '../time-budget.js';
import { explainedFindings } from '../explain/explained-findings.js';
import { allocatedPerCallSince, type AllocationReading } from '../allocation-rate.js';
import { measureSnapshotFit } from '../../capture/snapshot/snapshot-guard.js';
import { nowMs } from '../../node-clock.js';
import { countedResult } from './counted-result.js';

/**
 * The counting against its calls alone at the warm-up's pace: the lists'
 * reads and a busy machine's slack. The warm-up's pace includes its cold
 * first calls (12 ms a call in a Jest file's first verdict, 1–4 ms after),
 * which already overstate the counting's: measured 1–3 times its calls at
 * that pace, and at 3 the first verdict of a Jest file skipped the counting
 * and ran out of time in the rounds.
 */
const COUNTING_COST = 2;
/** A reading against the counting's time: half its calls and two full collections, each about a round's cost. */
const READING_COST = 2;

/**
 * Calls an interval of the counting has at most. The lists are counted
 * exactly, so an interval needs no more calls than a steady gain can show
 * in (15 entries at MIN_PER_CALL) and a list filling up to a cap cannot fake
 * (it fills in the warm-up's calls, or slows in the second interval): the
 * round's 60 and more cost a Jest + jsdom verdict 2–3 s under load, and
 * its first test ran out of time before the counting.
 */
const MAX_COUNTING_CALLS = 30;

/** Listener storms counted on the DOM, and what the same calls showed besides. */
export interface DomStorms {
  storms: StormFinding[];
  /** Handles left open over the counted calls, one per call or more. */
  handles: HandleFinding[];
  handleGrew: boolean;
  /** Calls made since the counting began. */
  calls: number;
  /** What a round of calls with its settled reading took here. */
  roundMs: number;
}

/**
 * The verdict on a function that makes the DOM's listener lists grow: the
 * lists are counted over two intervals of calls (see
 * dom-listener-storms.ts); when a target's lists gained listeners steadily,
 * one more interval between two settled readings says what each call keeps
 * on the heap. That proves the leak with no rounds, in well under a second
 * on a jsdom heap where rounds take seconds. Handles left open over the
 * same calls are findings too. Undefined when no list grew (or outside
 * a DOM environment): the rounds decide, as for any function, unless the
 * heap goes unjudged there anyway (see dom-counted-verdict.ts).
 */
export async function domStormVerdict(input: {
  capture: Capture;
  runner: CallRunner;
  tracker: HandleTracker;
  opts: ResolvedLeakOptions;
  callsPerInterval: number;
  /** The warm-up's time per call: its last batch's when faster than its mean (cold first calls). */
  msPerCall: number;
  deadline: Deadline;
  /** Filled when the lists were counted and none grew: the calls counted and their time. */
  countedClean?: { calls: number; ms: number };
}): Promise<DomStorms | undefined> {
  const { capture, runner, tracker, opts, callsPerInterval, msPerCall, deadline } = input;
  if (!opts.kinds.has('storm') || !hasDomDocument()) return undefined;
  const countingCalls = Math.min(callsPerInterval, MAX_COUNTING_CALLS);
  // The counting's calls, twice over with the environment's list reads, must fit: else the rounds decide.
  if (!deadline.fits(COUNTING_COST * 2 * countingCalls * msPerCall)) return undefined;
  const countingStarted = nowMs();
  const callsBefore = runner.calls;
  const handlesBefore = tracker.liveCount();
  const storms = await countDomListenerStorms(runner, countingCalls);
  const countedMs = nowMs() - countingStarted;
  const countedCalls = runner.calls - callsBefore;
  if (storms.length === 0 && input.countedClean) Object.assign(input.countedClean, { calls: countedCalls, ms: countedMs });
  if (storms.length === 0) return undefined;
  // The reading's calls: a fast component's round (765 calls on happy-dom)
  // cost a first verdict 1.3 s past its limit under load, where 60 read
  // what a leaked listener keeps with its component.
  const readingCalls = Math.min(callsPerInterval, 2 * MAX_COUNTING_CALLS);
  const intervalMs = (countedMs / countedCalls) * readingCalls;
  // The heap's growth per call: another interval between two plain settled
  // collections (an exact reading walks the heap, 0.3 s at a time beside a
  // loaded jsdom heap; over an interval's calls a page of slop moves the
  // figure by a fraction of what a leaked listener keeps with its
  // component). Left out when it would not fit in the time left: the
  // storm is proven without it. The first collection shows what the second
  // costs (a second and more beside a 50 MB heap at load 16): the rest of
  // the reading goes on only when three times that and the calls still fit.
  let bytesPerCall: number | undefined;
  let roundMs = intervalMs;
  if (deadline.fits(READING_COST * intervalMs)) {
    const readingStarted = nowMs();
    const start = await measureSettled(capture, opts.gc, tracker);
    const settleMs = nowMs() - readingStarted;
    if (deadline.fits(3 * (intervalMs + settleMs))) {
      await runner.run(readingCalls);
      const end = await measureSettled(capture, opts.gc, tracker);
      roundMs = ((nowMs() - readingStarted) / readingCalls) * callsPerInterval;
      bytesPerCall = Math.max(0, (end.heapUsed - start.heapUsed) / readingCalls);
    }
  }
  const calls = runner.calls - callsBefore;
  const findings: StormFinding[] = [];
  const handles: HandleFinding[] = [];
  for (const finding of domStormFindings(storms, bytesPerCall)) {
    const site = finding.allocationSite ? `${finding.allocationSite.file}:${finding.allocationSite.line}` : '';
    if (!isIgnored({ kind: 'storm', name: finding.name, retainerPath: finding.retainerPathText ?? '', allocationSite: site }, opts.ignore)) findings.push(finding);
  }
  if (findings.length === 0) return undefined;
  const handleGrew = tracker.liveCount() - handlesBefore >= calls / 2;
  if (opts.kinds.has('handle') && handleGrew) handles.push(...handleFindings(tracker.groupsLeftOpen(true), tracker.calls));
  return { storms: findings, handles, handleGrew, calls, roundMs };
}

/** Whether the snapshot's findings already name the storm's target and events (`window gains 'resize' listeners`). */
function alreadyNamed(storm: StormFinding, findings: readonly Finding[]): boolean {
  const what = storm.title.slice(0, storm.title.indexOf(':'));
  return findings.some((f) => f.title.startsWith(`${what}:`));
}

/**
 * The verdict's result once the DOM's lists proved a storm: with the heap
 * snapshot's explanation when it fits in the time left (a component that
 * leaks a listener often leaks a subscription beside it, which only the
 * snapshot sees), else the counted storms alone, with the explanation
 * marked as left out.
 */
export async function withDomStorms(
  dom: DomStorms,
  ctx: { capture: Capture; runner: CallRunner; tracker: HandleTracker; opts: ResolvedLeakOptions; deadline: Deadline; started: number; timeMs: VerdictStats['timeMs']; callsPerRound: number; allocationAtStart: AllocationReading; trace: TraceStep[] },
): Promise<LeakResult> {
  const { capture, runner, tracker, opts, deadline, timeMs } = ctx;
  timeMs.screen = nowMs() - ctx.started - timeMs.warmup;
  // Priced only under a time limit: without one the explanation always fits.
  const explanationMs = deadline.limitMs === undefined ? 0 : explanationEstimateMs(capture.heapFigures().heapUsed, dom.roundMs);
  const findings: Finding[] = [...dom.handles];
  let snapshots = 0;
  let cutShort: CutShort | undefined;
  if (deadline.fits(explanationMs) && measureSnapshotFit(capture).fits) {
    const explainStarted = nowMs();
    const allocatedPerCall = allocatedPerCallSince(ctx.allocationAtStart, capture, runner);
    const explained = await explainedFindings({ capture, runner, tracker, opts, callsPerRound: ctx.callsPerRound, allocatedPerCall, handleGrew: dom.handleGrew, nativeBytesPerCall: 0, made: findings });
    snapshots = explained.snapshots;
    findings.push(...dom.storms.filter((storm) => !alreadyNamed(storm, explained.findings)), ...explained.findings);
    timeMs.explain = nowMs() - explainStarted;
  } else {
    cutShort = { step: 'explanation', neededMs: Math.round(explanationMs), leftMs: Math.max(0, Math.round(deadline.leftMs())), limitMs: opts.timeLimit ?? 0 };
    findings.push(...dom.storms);
  }
  timeMs.total = nowMs() - ctx.started;
  return countedResult(capture, opts, {
    findings,
    warmupCalls: runner.calls - dom.calls,
    // The counted intervals: two, and the reading's two.
    rounds: 4,
    callsPerRound: ctx.callsPerRound,
    totalCalls: runner.calls,
    snapshots,
    timeMs,
    reason: `the DOM's listener lists grew with every call; ${findings.length} finding(s)${cutShort ? ', the heap snapshot that would look for more did not fit in the time left' : ''}`,
    trace: [...ctx.trace, { phase: 'DOM listener lists', saw: `${dom.storms.length} grew`, why: cutShort ? 'no time for the snapshot' : `snapshot, ${snapshots} taken`, next: findings.length ? 'leaked' : 'passed' }],
    cutShort,
  });
}
