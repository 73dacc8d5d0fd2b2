import type { CapturePath } from '../capture/types.js';
import type { AllocationSite, RetainerStep } from '../analyzers/types.js';

// Part of a finding, and of the public types with it.
export type { FigureSource } from '../figure-source.js';
export type { AllocationSite, RetainerStep };

/** What every finding carries. */
interface FindingBase {
  /** One line: what grew, e.g. `Session objects: +1 per call (48 B per call)`. */
  title: string;
  perCall: { count: number; bytes: number };
}

/** What a finding made from objects on the heap carries: their name, who holds them, where they were made. */
export interface ObjectFields {
  /** Constructor or group name, e.g. `Session`, `(unexplained heap growth)`. */
  name: string;
  /** From a GC root to the leaked objects. */
  retainerPath?: RetainerStep[];
  /** The same path rendered as one line, `(module) cache → Map → table[k] → Session`. */
  retainerPathText?: string;
  allocationSite?: AllocationSite;
  /** One leaked object via pretty-format, bounded in size. */
  preview?: string;
  /** Retainer cycles among the leaked objects, each rendered as `A → B → A`. */
  cycles?: string[];
  /** The holder that gains references and the edge that grows (`window`, `'resize' listeners`). */
  holder?: string;
  growingEdge?: string;
}

/** A population of objects that grows on the JS heap, or the heap's growth when no snapshot fitted to explain it. */
export interface HeapFinding extends FindingBase, ObjectFields {
  kind: 'heap';
}

/** Listeners or closures that one holder gains per call. */
export interface StormFinding extends FindingBase, ObjectFields {
  kind: 'storm';
}

/** Handles or file descriptors left open per call. */
export interface HandleFinding extends FindingBase {
  kind: 'handle';
  /** The resource type: Timeout, TCPSERVERWRAP, FSWATCHER, …, `fd` for a bare descriptor. */
  resourceType: string;
  /** Where the resource was created, user frames first (absent for a bare descriptor). */
  creationStack?: string[];
}

/**
 * Native memory (external, arrayBuffers, malloc) that grows: the figure
 * alone, or with the objects that hold it (Buffers) when a snapshot found them.
 */
export interface NativeFinding extends FindingBase, Partial<ObjectFields> {
  kind: 'native';
}

/** What a leak verdict reports, one interface per kind: narrow by `kind` to read a kind's own fields. */
export type Finding = HeapFinding | StormFinding | HandleFinding | NativeFinding;

/** The kinds of finding a leak verdict can report. */
export type FindingKind = Finding['kind'];

/** The findings that name objects on the heap: every kind but handles. */
export type ObjectFinding = HeapFinding | StormFinding | NativeFinding;

export interface FigureGrowth {
  /** Figure screened: heapUsed, external, arrayBuffers, malloc, handles. */
  figure: string;
  /** Least-squares slope in units per call (bytes or handles). */
  perCall: number;
  /** Robust (median of pairwise slopes) estimate, units per call. */
  medianPerCall: number;
  /** Coefficient of determination of the linear fit, 0..1. */
  fit: number;
  /** Noise floor in units per round (median absolute deviation of round deltas). */
  noise: number;
  /** Whether this figure grew beyond the noise and the threshold. */
  grew: boolean;
}

export interface VerdictStats {
  warmupCalls: number;
  rounds: number;
  callsPerRound: number;
  totalCalls: number;
  growth: FigureGrowth[];
  /** Bytes per call below which growth is not a leak. */
  threshold: number;
  snapshots: number;
  /**
   * Rounds whose heap use was read exact to the object (Capture.exact):
   * used where page-sized accounting moves could hide or fake a small leak.
   */
  exactRounds: number;
  /** Milliseconds spent in each phase. */
  timeMs: { warmup: number; screen: number; explain: number; total: number };
  /** Why the verdict is what it is, in one line. */
  reason: string;
  /**
   * Every decision on the way to the verdict, in order: the phase, what it
   * showed, why the next phase was picked (see verdict/screen/screen-plan.ts).
   */
  trace: TraceStep[];
  /** Set when a step did not fit in the verdict's time limit and was left out. */
  cutShort?: CutShort;
}

/** One decision of a verdict: `rounds (exact): 6 × 60 calls, heapUsed +79 B/call, fit 0.94; grew → second window`. */
export interface TraceStep {
  /** The phase that ran, e.g. `quick window`, `rounds (plain)`, `judge`. */
  phase: string;
  /** What it showed, e.g. `kept 96 B`, `heapUsed +79 B/call, fit 0.94`. */
  saw: string;
  /** The named facts that picked the next phase, e.g. `flat, passed`. */
  why: string;
  /** The phase or outcome it led to, e.g. `second window`, `explain`, `passed`. */
  next: string;
}

/** A step of the verdict left out for lack of time: what it needed and what was left of the limit. */
export interface CutShort {
  step: 'screen' | 'explanation';
  neededMs: number;
  leftMs: number;
  limitMs: number;
}

export interface LeakResult {
  leaked: boolean;
  /** Set when too few rounds fit in the time limit to judge: neither a leak nor a pass. */
  undecided?: boolean;
  findings: Finding[];
  stats: VerdictStats;
  capture: CapturePath;
}
