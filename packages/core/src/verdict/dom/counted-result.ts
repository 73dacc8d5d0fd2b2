import type { Capture } from '../../capture/types.js';
import type { ResolvedLeakOptions } from '../options.js';
import type { CutShort, Finding, LeakResult, TraceStep, VerdictStats } from '../types.js';

/** What a verdict decided from the DOM's listener lists, without plain rounds over the heap. */
export interface CountedOutcome {
  findings: Finding[];
  warmupCalls: number;
  /** The counted intervals, as rounds: no heap was read per call over them. */
  rounds: number;
  callsPerRound: number;
  totalCalls: number;
  snapshots: number;
  timeMs: VerdictStats['timeMs'];
  reason: string;
  trace: TraceStep[];
  cutShort?: CutShort;
}

/** The result of a verdict the DOM counting decided (a storm found, or none and the heap left unjudged). */
export function countedResult(capture: Capture, opts: ResolvedLeakOptions, outcome: CountedOutcome): LeakResult {
  const { findings, cutShort } = outcome;
  return {
    leaked: findings.length > 0,
    findings,
    capture: capture.path,
    stats: {
      warmupCalls: outcome.warmupCalls,
      rounds: outcome.rounds,
      callsPerRound: outcome.callsPerRound,
      totalCalls: outcome.totalCalls,
      growth: [],
      threshold: opts.threshold,
      snapshots: outcome.snapshots,
      exactRounds: 0,
      timeMs: outcome.timeMs,
      reason: outcome.reason,
      trace: outcome.trace,
      ...(cutShort ? { cutShort } : {}),
    },
  };
}
