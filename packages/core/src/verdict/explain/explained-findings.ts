import type { Capture } from '../../capture/types.js';
import type { CallRunner } from '../calls/call-runner.js';
import type { HandleTracker } from '../handles/handle-tracker.js';
import { isIgnored, type ResolvedLeakOptions } from '../options.js';
import { FINDINGS_SHOWN, type ScreenedFigure } from '../screen/screen.js';
import { explainGrowth, growsEnoughPerCall, isSteadyGrowth } from './explain.js';
import { nativeKeptGrowing } from './native-growth.js';
import { heldByLeakingHandle, heldDirectlyBy, holdsNativeMemory, isPendingTimerSet, mergeByHolder } from '../../analyzers/holder-groups.js';
import type { SurvivorGroup } from '../../analyzers/survivors.js';
import { findingKindOf, groupFinding, nativeFinding } from './findings.js';
import type { Finding } from '../types.js';

/**
 * The heap snapshot's explanation as findings: the steadily growing
 * populations (at most FINDINGS_SHOWN), each with its holder, path and site, minus
 * what the user ignores; and the native growth when no population carries
 * it. `explained` counts the populations found.
 */
export async function explainedFindings(input: {
  capture: Capture;
  runner: CallRunner;
  tracker: HandleTracker;
  opts: ResolvedLeakOptions;
  callsPerRound: number;
  allocatedPerCall: number;
  /** Handles left open grew: populations they hold are their findings, not the heap's. */
  handleGrew: boolean;
  nativeGrowth?: ScreenedFigure;
  nativeBytesPerCall: number;
  /** Findings already made (handles), which a native finding must not repeat. */
  made: readonly Finding[];
}): Promise<{ findings: Finding[]; explained: number; snapshots: number }> {
  const { capture, runner, tracker, opts, nativeGrowth, nativeBytesPerCall } = input;
  const explanation = await explainGrowth({ capture, runner, tracker, gcMode: opts.gc, callsPerInterval: input.callsPerRound * 2, threshold: opts.threshold, allocatedPerCall: input.allocatedPerCall });
  const { calls } = explanation;
  const heldDirectly = (g: SurvivorGroup) => heldDirectlyBy(explanation.index, g);
  // Timers the handle tracker saw no more of per call are its to judge, not the snapshot's.
  const judgedByHandles = (g: SurvivorGroup) => !input.handleGrew && isPendingTimerSet(g);
  const steady = mergeByHolder(explanation.groups.filter((g) => isSteadyGrowth(g, calls) && !judgedByHandles(g)), heldDirectly).filter((g) => growsEnoughPerCall(g, calls, opts.threshold));
  const findings: Finding[] = [];
  let nativeExplained = false;
  for (const group of steady.slice(0, FINDINGS_SHOWN)) {
    if (input.handleGrew && heldByLeakingHandle(group)) continue;
    const kind = findingKindOf(group, Boolean(nativeGrowth));
    if (!opts.kinds.has(kind)) continue;
    const subject = { kind, name: group.name, retainerPath: group.pathText, allocationSite: '' };
    // A holder that keeps Buffers per call is the native growth's cause:
    // one finding carries both figures, not a heap and a native one.
    const absorbsNative = Boolean(nativeGrowth) && (kind === 'native' || holdsNativeMemory(group));
    const finding = groupFinding(group, explanation, kind, absorbsNative ? nativeBytesPerCall : 0);
    subject.allocationSite = finding.allocationSite ? `${finding.allocationSite.file}:${finding.allocationSite.line}` : '';
    if (isIgnored(subject, opts.ignore)) continue;
    findings.push(finding);
    nativeExplained ||= absorbsNative;
  }
  const explained = findings.length;
  const madeNative = [...input.made, ...findings].some((f) => f.kind === 'native');
  if (nativeGrowth && opts.kinds.has('native') && !nativeExplained && !madeNative && nativeKeptGrowing(explanation.nativePerCall, nativeGrowth, nativeBytesPerCall)) {
    findings.push(nativeFinding(nativeGrowth, nativeBytesPerCall));
  }
  return { findings, explained, snapshots: explanation.snapshots };
}
