import type { Capture } from '../../capture/types.js';
import type { HandleTracker } from '../handles/handle-tracker.js';
import type { ResolvedLeakOptions } from '../options.js';
import { handleFindings } from '../explain/findings.js';
import { explanationEstimateMs, type Deadline } from '../time-budget.js';
import type { CutShort, LeakResult, TraceStep, VerdictStats } from '../types.js';
import { countedResult } from './counted-result.js';
import { domGrowthGoesUnjudged, notJudgedWithoutExplanation } from './unjudged-growth.js';
import { nowMs } from '../../node-clock.js';

/**
 * The verdict in a DOM environment whose explanation cannot fit in the
 * test's time: the DOM's listener lists were counted and none grew, so what
 * is left to judge is handles and the heap. Heap and native growth that the
 * explanation cannot look at is not judged there (see unjudged-growth.ts),
 * so rounds could only end in a pass with a note, after seconds of settled
 * readings of a 40–80 MB heap: under load a Jest + jsdom verdict got 1 to 3
 * of its 4 rounds into the default 5 s and ended with no verdict on a
 * clean widget. Handles are judged without rounds, from every call the
 * tracker saw (warm-up and counting included), as a verdict cut short
 * judges them.
 */
export function heapGoesUnjudged(capture: Capture, deadline: Deadline, roundMs: number): boolean {
  if (deadline.limitMs === undefined || !domGrowthGoesUnjudged()) return false;
  return !deadline.fits(UNSETTLED_SHARE * explanationEstimateMs(capture.heapFigures().heapUsed, roundMs));
}

/**
 * The share of the explanation's estimate that must not fit either. Before
 * the rounds no collection has run: the heap's figure counts its garbage
 * (a jsdom heap read 50–80 MB that settles at 40), and the counting's pace
 * has no settled readings in it. Only a limit far short of the explanation
 * skips the rounds: the default 5 s against 8–20 s; a 120 s limit under
 * load, whose snapshots measured 60 s, goes on to the rounds and the judge.
 */
const UNSETTLED_SHARE = 0.5;

/** The result from the counting alone: handles left open per call are findings; the heap is named as not judged. */
export function countedDomVerdict(ctx: {
  capture: Capture;
  tracker: HandleTracker;
  opts: ResolvedLeakOptions;
  deadline: Deadline;
  started: number;
  timeMs: VerdictStats['timeMs'];
  /** The warm-up's round size: the explanation's intervals are priced at it. */
  callsPerRound: number;
  totalCalls: number;
  counted: { calls: number; ms: number };
  trace: TraceStep[];
}): LeakResult {
  const { capture, tracker, opts, deadline, timeMs, counted } = ctx;
  timeMs.screen = nowMs() - ctx.started - timeMs.warmup;
  const findings = opts.kinds.has('handle') ? handleFindings(tracker.groupsLeftOpen(false), tracker.calls) : [];
  const neededMs = explanationEstimateMs(capture.heapFigures().heapUsed, (counted.ms / counted.calls) * ctx.callsPerRound);
  const cutShort: CutShort = { step: 'explanation', neededMs: Math.round(neededMs), leftMs: Math.max(0, Math.round(deadline.leftMs())), limitMs: opts.timeLimit ?? 0 };
  const reason = findings.length
    ? `handles were left open with the calls; ${findings.length} finding(s)`
    : `no DOM listener list grew over ${counted.calls} calls and no handle was left open per call; the heap was ${notJudgedWithoutExplanation(cutShort)}`;
  timeMs.total = nowMs() - ctx.started;
  return countedResult(capture, opts, {
    findings,
    warmupCalls: ctx.totalCalls - counted.calls,
    // The counted calls, as one round: no heap was read over them.
    rounds: 1,
    callsPerRound: counted.calls,
    totalCalls: ctx.totalCalls,
    snapshots: 0,
    timeMs,
    reason,
    trace: [...ctx.trace, { phase: 'DOM listener lists', saw: 'none grew', why: `DOM environment; the explanation needs ~${cutShort.neededMs} ms, ${cutShort.leftMs} ms left: heap not judged`, next: findings.length ? 'leaked' : 'passed' }],
    cutShort,
  });
}
