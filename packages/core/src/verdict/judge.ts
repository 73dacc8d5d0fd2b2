import type { Capture } from '../capture/types.js';
import { assertSnapshotFits } from '../capture/snapshot/snapshot-guard.js';
import type { ResolvedLeakOptions } from './options.js';
import type { CallRunner } from './calls/call-runner.js';
import type { HandleTracker } from './handles/handle-tracker.js';
import { MIN_ROUNDS_TO_JUDGE, type ScreenResult, type ScreenedFigure } from './screen/screen.js';
import type { ScreenOutcome } from './screen/windows.js';
import { allocatedPerCallSince, type AllocationReading } from './allocation-rate.js';
import { descriptorFinding, handleFindings, nativeFinding } from './explain/findings.js';
import { explainedFindings } from './explain/explained-findings.js';
import type { CutShort, Finding, TraceStep, VerdictStats } from './types.js';
import { nowMs } from '../node-clock.js';
import { explanationEstimateMs, type Deadline } from './time-budget.js';
import { clearHeapGrowthPerCall, unexplainedGrowth } from './explain/unexplained-growth.js';
import { survivorSiteWithoutSnapshot } from './explain/sampled-site.js';
import { formatBytes } from '../report/format.js';
import { domGrowthGoesUnjudged, unjudgedDomGrowthReason, type UnjudgedGrowth } from './dom/unjudged-growth.js';

/** What every step of one verdict shares. */
export interface VerdictRun {
  capture: Capture;
  runner: CallRunner;
  tracker: HandleTracker;
  opts: ResolvedLeakOptions;
  deadline: Deadline;
  started: number;
  timeMs: VerdictStats['timeMs'];
  trace: TraceStep[];
}

/** The screen's outcome and the readings the explanation starts from. */
export interface ScreenStep {
  screened: ScreenOutcome;
  warmupCalls: number;
  allocationAtStart: AllocationReading;
}

/** What the judgement (and the explanation, when it ran) concluded. */
export interface Judged {
  findings: Finding[];
  reason: string;
  snapshots: number;
  undecided: boolean;
  cutShort?: CutShort;
}

/** What grew in the screen beyond the heap: handles, descriptors, native memory. */
interface ScreenGrowth {
  findings: Finding[];
  handleGrew: boolean;
  nativeGrowth: ScreenedFigure | undefined;
  nativeBytesPerCall: number;
}

const NATIVE_FIGURES: ScreenedFigure[] = ['arrayBuffers', 'external', 'malloc'];

const grew = (result: ScreenResult, figure: ScreenedFigure) => result.judgements.get(figure)?.call === 'grows';
const notFlat = (result: ScreenResult, figure: ScreenedFigure) => {
  const call = result.judgements.get(figure)?.call;
  return call === 'grows' || call === 'ambiguous';
};

function screenGrowth(run: VerdictRun, result: ScreenResult, callsPerRound: number): ScreenGrowth {
  const findings: Finding[] = [];
  // From the first call on, warm-up included: a cap reached in the warm-up leaves every round flat.
  const handleGroups = run.tracker.groupsLeftOpen(grew(result, 'handles'));
  const handleGrew = handleGroups.length > 0 || grew(result, 'fds');
  if (run.opts.kinds.has('handle') && handleGrew) {
    findings.push(...handleFindings(handleGroups, run.tracker.calls));
    const fdsPerCall = (result.judgements.get('fds')?.theilSenPerRound ?? 0) / callsPerRound;
    if (!findings.some((f) => f.kind === 'handle') && grew(result, 'fds')) findings.push(descriptorFinding(fdsPerCall));
  }
  const nativeGrowth = NATIVE_FIGURES.find((f) => grew(result, f));
  const nativeBytesPerCall = nativeGrowth ? result.judgements.get(nativeGrowth)!.theilSenPerRound / callsPerRound : 0;
  return { findings, handleGrew, nativeGrowth, nativeBytesPerCall };
}

/** The figures that did not read flat, for the trace: `heapUsed grows +79 B/call, fit 0.94`. */
function notFlatFigures(result: ScreenResult, callsPerRound: number): string {
  const shown = [...result.judgements].filter(([, j]) => j.call !== 'flat');
  if (shown.length === 0) return 'every figure flat';
  return shown
    .map(([figure, j]) => {
      const perCall = j.leastSquaresPerRound / callsPerRound;
      const amount = figure === 'handles' || figure === 'fds' ? perCall.toFixed(2) : formatBytes(perCall);
      return `${figure} ${j.call} ${perCall >= 0 ? '+' : ''}${amount}/call, fit ${j.r2.toFixed(2)}`;
    })
    .join(', ');
}

/**
 * After the screen: no verdict when too few rounds fit, the explanation
 * when the heap or native memory moved and it fits in the time left, the
 * growth unexplained when it does not, a pass otherwise.
 */
export async function judgeScreen(run: VerdictRun, step: ScreenStep): Promise<Judged> {
  const { result, callsPerRound } = step.screened;
  const growth = screenGrowth(run, result, callsPerRound);
  const { opts, deadline } = run;
  const saw = notFlatFigures(result, callsPerRound);
  if (result.cutShort === true && result.rounds < MIN_ROUNDS_TO_JUDGE && growth.findings.length === 0) return noVerdict(run, result, saw);
  const wantsHeap = opts.kinds.has('heap') || opts.kinds.has('storm') || opts.kinds.has('native');
  // Priced only under a time limit: without one the explanation always fits.
  const roundMs = run.timeMs.screen / Math.max(1, (run.runner.calls - step.warmupCalls) / callsPerRound);
  const explanationMs = deadline.limitMs === undefined ? 0 : explanationEstimateMs(run.capture.heapFigures().heapUsed, roundMs);
  const wantsExplanation = wantsHeap && (notFlat(result, 'heapUsed') || notFlat(result, 'sampledSurvivors') || Boolean(growth.nativeGrowth));
  if (wantsExplanation && !deadline.fits(explanationMs)) return unexplained(run, step, growth, { explanationMs, roundMs, saw });
  if (wantsExplanation) {
    run.trace.push({ phase: 'judge', saw, why: 'moved', next: 'explain' });
    return explain(run, step, growth);
  }
  const { quick: window } = step.screened;
  const quick = window
    ? ` (an exact window of ${window.calls} calls kept ${Math.round(window.keptBytes)} B${window.setAside ? '; one before it, in which V8 compiled code, set aside' : ''})`
    : '';
  const reason = growth.handleGrew ? 'handles left open grew with the calls' : `no figure grew beyond the noise floor${quick}`;
  run.trace.push({ phase: 'judge', saw, why: growth.handleGrew ? 'handles grew' : 'flat', next: growth.findings.length ? 'leaked' : 'passed' });
  return { findings: growth.findings, reason, snapshots: 0, undecided: false };
}

function noVerdict(run: VerdictRun, result: ScreenResult, saw: string): Judged {
  const cutShort = { step: 'screen' as const, neededMs: Math.round((run.timeMs.screen / Math.max(1, result.rounds)) * MIN_ROUNDS_TO_JUDGE), leftMs: 0, limitMs: run.opts.timeLimit! };
  run.trace.push({ phase: 'judge', saw, why: `${result.rounds} of ${MIN_ROUNDS_TO_JUDGE} rounds in time`, next: 'no verdict' });
  const reason = `only ${result.rounds} of the ${MIN_ROUNDS_TO_JUDGE} rounds a verdict needs fit in the time limit: no verdict`;
  return { findings: [], reason, snapshots: 0, undecided: true, cutShort };
}

/** Memory moved and its explanation does not fit in the time left: the growth as the screen saw it. */
async function unexplained(run: VerdictRun, step: ScreenStep, growth: ScreenGrowth, cost: { explanationMs: number; roundMs: number; saw: string }): Promise<Judged> {
  const { capture, runner, opts, deadline } = run;
  const { result, callsPerRound } = step.screened;
  const findings = [...growth.findings];
  const cutShort: CutShort = { step: 'explanation', neededMs: Math.round(cost.explanationMs), leftMs: Math.max(0, Math.round(deadline.leftMs())), limitMs: opts.timeLimit! };
  // In a DOM environment growth is not judged without the explanation (see dom/unjudged-growth.ts).
  const judged = !domGrowthGoesUnjudged();
  const unjudged: UnjudgedGrowth[] = [];
  // The survivors' allocation site costs two rounds, not a snapshot: worth it for growth that is surely a leak.
  const sampleSite = judged && opts.kinds.has('heap') && clearHeapGrowthPerCall(result, callsPerRound, opts.threshold) !== undefined && deadline.fits(2 * cost.roundMs);
  const site = sampleSite ? await survivorSiteWithoutSnapshot(capture, runner, callsPerRound * 2, opts.gc) : undefined;
  const heap = opts.kinds.has('heap') ? unexplainedGrowth(result, callsPerRound, opts.threshold, cutShort, site) : undefined;
  if (heap && judged) findings.push(heap);
  else if (heap) unjudged.push({ what: 'the heap', perCall: heap.perCall.bytes, fit: result.judgements.get('heapUsed')!.r2 });
  if (growth.nativeGrowth && opts.kinds.has('native')) {
    const native = nativeFinding(growth.nativeGrowth, growth.nativeBytesPerCall);
    if (judged) findings.push(native);
    else unjudged.push({ what: growth.nativeGrowth, perCall: growth.nativeBytesPerCall, fit: result.judgements.get(growth.nativeGrowth)!.r2 });
  }
  const notJudged = unjudged.length > 0 ? unjudgedDomGrowthReason(unjudged, cutShort) : undefined;
  const reason = findings.length ? 'memory grew with every call; the explanation did not fit in the time left' : (notJudged ?? unresolvedHeapReason(result, callsPerRound));
  const why = `moved; the explanation needs ~${cutShort.neededMs} ms, ${cutShort.leftMs} ms left${notJudged ? '; DOM environment, growth not judged without it' : ''}`;
  run.trace.push({ phase: 'judge', saw: cost.saw, why, next: findings.length ? 'leaked' : 'passed' });
  return { findings, reason, snapshots: 0, undecided: false, cutShort };
}

/** Snapshots around intervals of calls: what survives them, by holder (verdict/explain/explained-findings.ts). */
async function explain(run: VerdictRun, step: ScreenStep, growth: ScreenGrowth): Promise<Judged> {
  const { capture, runner, tracker, opts } = run;
  const explainStarted = nowMs();
  assertSnapshotFits(capture);
  const allocatedPerCall = allocatedPerCallSince(step.allocationAtStart, capture, runner);
  const { handleGrew, nativeGrowth, nativeBytesPerCall } = growth;
  const findings = [...growth.findings];
  const explained = await explainedFindings({ capture, runner, tracker, opts, callsPerRound: step.screened.callsPerRound, allocatedPerCall, handleGrew, nativeGrowth, nativeBytesPerCall, made: findings });
  findings.push(...explained.findings);
  run.timeMs.explain = nowMs() - explainStarted;
  const reason = explained.explained || findings.length
    ? `memory grew with every call; ${findings.length} finding(s)`
    : 'the heap moved between rounds, but no object population grows with the number of calls';
  const why = explained.explained ? 'a population grows' : 'no population grows';
  run.trace.push({ phase: 'explain', saw: `${explained.snapshots} snapshot(s), ${findings.length} finding(s)`, why, next: findings.length ? 'leaked' : 'passed' });
  return { findings, reason, snapshots: explained.snapshots, undecided: false };
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
