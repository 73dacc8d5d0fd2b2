import type { AllocationSample, Capture, GcMode, HeapGraph } from '../../capture/types.js';
import { HeapIndex, NodeType } from '../../analyzers/heap-index.js';
import { COLLECTION_EDGES, groupSurvivors, type SurvivorGroup } from '../../analyzers/survivors.js';
import { leakFilterRules } from '../../analyzers/rule-list.js';
import { allocationCandidates } from '../../analyzers/allocation-site.js';
import { showInlinedFrames } from '../../analyzers/inlined-frames.js';
import type { CallRunner } from '../calls/call-runner.js';
import type { HandleTracker } from '../handles/handle-tracker.js';
import { measureSettled, type Measurement } from '../screen/screen.js';
import { keyCounts, keyedGrowth, type KeyCounts } from '../../analyzers/keyed-growth.js';
import { withoutStoppedHolders } from './turnover.js';
import { valueByIdThroughInspector } from '../../analyzers/value-by-id.js';
import { valuesThroughHolders } from '../../analyzers/values-through-holders.js';
import { valuesInScopesOf } from '../../analyzers/scope-values.js';
import { nextMacrotask, nowMs } from '../../node-clock.js';
import { recordSnapshot } from '../time-budget.js';

export interface Explanation {
  index: HeapIndex;
  boundaries: number[];
  groups: SurvivorGroup[];
  samples: AllocationSample[];
  calls: number;
  callsPerInterval: number;
  snapshots: number;
  /** Our own holder, used to hand a leaked object over for its preview. */
  previewHolder: { value?: unknown };
  previewHolderId: number;
  /** The capture's direct lookup of a live value by id, when it has one. */
  objectById?: (id: number) => unknown;
  /** Native figures' change per call over the explanation's own calls, settled readings at both ends. */
  nativePerCall: Record<NativeFigure, number>;
}

export type NativeFigure = 'external' | 'arrayBuffers' | 'malloc';

/**
 * The highest id of a JS heap object. Embedder nodes (`Node / …`, type
 * native) and synthetic roots get ids from hashes, not from the counter, so
 * they say nothing about allocation order.
 */
function maxId(graph: HeapGraph): number {
  let max = 0;
  for (let i = 0; i < graph.nodeCount; i++) {
    const type = graph.nodeTypes[i];
    if (type === NodeType.native || type === NodeType.synthetic) continue;
    if (graph.nodeIds[i]! > max) max = graph.nodeIds[i]!;
  }
  return max;
}

/**
 * References an object holds, counting those of its hidden and array
 * containers too: a Map's entries live in its table, an array's elements in
 * its backing store.
 */
function heldReferences(graph: HeapGraph, node: number): number {
  let count = graph.edgeStart[node + 1]! - graph.edgeStart[node]!;
  for (let e = graph.edgeStart[node]!; e < graph.edgeStart[node + 1]!; e++) {
    const child = graph.edgeTargets[e]!;
    const type = graph.nodeTypes[child];
    if (type === NodeType.array || type === NodeType.hidden) count += graph.edgeStart[child + 1]! - graph.edgeStart[child]!;
  }
  return count;
}

/** Held references of every object and closure, by object id. */
function holderSizes(graph: HeapGraph): Map<number, number> {
  const sizes = new Map<number, number>();
  for (let node = 0; node < graph.nodeCount; node++) {
    const type = graph.nodeTypes[node];
    if (type === NodeType.object || type === NodeType.closure) sizes.set(graph.nodeIds[node]!, heldReferences(graph, node));
  }
  return sizes;
}

/**
 * False when the group's holder is a collection (Map, Set, array) that
 * existed at the first snapshot and holds no more references now. Other
 * holders keep their growth deeper (an emitter's listeners sit two levels
 * down) and are left to the counts.
 */
function holderGrew(group: SurvivorGroup, graph: HeapGraph, sizesAtStart: Map<number, number>): boolean {
  if (!group.holder || !COLLECTION_EDGES.has(group.holder.edge)) return true;
  const before = sizesAtStart.get(graph.nodeIds[group.holder.node]!);
  return before === undefined || heldReferences(graph, group.holder.node) > before;
}

/**
 * Samples the profiler may take over the whole explanation. Each sample walks
 * the stack (several µs); a function that allocates megabytes per call would
 * otherwise take millions of them at the fine intervals small leaks need.
 */
const MAX_SAMPLES = 20_000;

/**
 * Sampling interval for the explanation: fine enough that a leak of a few KB
 * in total leaves samples, coarse enough that the function's garbage does not
 * swamp the profiler.
 */
export function samplingInterval(callsPerInterval: number, intervals: number, threshold: number, allocatedPerCall = 0): number {
  const calls = callsPerInterval * intervals;
  const leakBased = Math.min(8192, 2 ** Math.floor(Math.log2(Math.max(1, (Math.max(threshold, 16) * calls) / 64))));
  const volumeBased = 2 ** Math.ceil(Math.log2(Math.max(1, (allocatedPerCall * calls) / MAX_SAMPLES)));
  return Math.max(64, Math.min(65536, Math.max(leakBased, volumeBased)));
}

export interface ExplainInput {
  capture: Capture;
  runner: CallRunner;
  tracker: HandleTracker;
  gcMode: GcMode;
  callsPerInterval: number;
  threshold: number;
  /** Bytes the function allocates per call (garbage included), measured while screening. */
  allocatedPerCall?: number;
}

/**
 * Id marks between intervals: the capture's cheap marks when it has them,
 * else a heap snapshot each, whose first also keeps what every holder and
 * keyed collection held then (see holderGrew, keyedGrowth).
 */
function idMarks(capture: Capture) {
  const cheapMarks = capture.exact;
  const marks = { snapshots: 0, sizesAtStart: undefined as Map<number, number> | undefined, keysAtStart: undefined as KeyCounts | undefined };
  const mark = (): number => {
    if (cheapMarks) return cheapMarks.markIds();
    marks.snapshots++;
    const graph = capture.heapGraph();
    marks.sizesAtStart ??= holderSizes(graph);
    marks.keysAtStart ??= keyCounts(graph);
    return maxId(graph);
  };
  // With cheap marks, three intervals tell a steady leak from a one-off; with
  // snapshots as marks, one interval keeps the cost to two snapshots.
  return { mark, marks, intervals: cheapMarks ? 3 : 1 };
}

/** The intervals of calls under the sampling profiler, a mark before each: the boundaries and the samples. */
async function sampledIntervals(input: ExplainInput, intervals: number, firstBoundary: number, mark: () => number): Promise<{ boundaries: number[]; samples: AllocationSample[]; extraCalls: number }> {
  const { capture, runner, tracker, gcMode, callsPerInterval } = input;
  const boundaries = [firstBoundary];
  // Helpers inlined into their caller would be charged to the caller.
  const restoreInlining = showInlinedFrames();
  capture.startSampling(samplingInterval(callsPerInterval, intervals, input.threshold, input.allocatedPerCall));
  let samples: AllocationSample[] = [];
  let extraCalls = 0;
  try {
    for (let i = 0; i < intervals; i++) {
      await runner.run(callsPerInterval);
      if (i < intervals - 1) {
        // A turn for the job's WeakRefs, then the mark, whose own full
        // collection settles the heap: a forced one before it would only
        // repeat it (36 ms of CPU at 20 MB). Ids go to what is alive at the
        // mark, so survivors get the same intervals either way.
        await nextMacrotask();
        boundaries.push(mark());
      } else {
        await measureSettled(capture, gcMode, tracker);
      }
    }
    samples = capture.readSampling();
    if (allocationCandidates(samples).length === 0) {
      // Seen on the first explanation of a process: the profile holds only
      // memscope's own samples. One more interval under a fresh profiler gives
      // the user's sites; its objects land in the last interval.
      capture.stopSampling();
      capture.startSampling(samplingInterval(callsPerInterval, intervals, input.threshold, input.allocatedPerCall));
      await runner.run(callsPerInterval);
      await measureSettled(capture, gcMode, tracker);
      samples = capture.readSampling();
      extraCalls = callsPerInterval;
    }
  } finally {
    capture.stopSampling();
    restoreInlining();
  }
  return { boundaries, samples, extraCalls };
}

/** What the explanation reads of a settled heap: the native figures, and the heap's size for the snapshot's time estimate. */
type SettledReading = Pick<Measurement, 'heapUsed' | 'external' | 'arrayBuffers' | 'malloc'>;

/**
 * The figures of a heap that a full collection has just settled, read
 * without another one: at 20 MB a collection costs ~30 ms of CPU, at
 * 100 MB ~150 ms, and a second one in a row frees nothing the figures
 * read (no ArrayBuffer, no external memory is made in between).
 */
function readJustSettled(capture: Capture): SettledReading {
  const figures = capture.heapFigures();
  let heapUsed = 0;
  // As measureSettled reads it: compiled code comes and goes with the JIT.
  for (const space of capture.heapSpaces()) if (!space.name.startsWith('code')) heapUsed += space.used;
  return { heapUsed, external: figures.external, arrayBuffers: figures.arrayBuffers, malloc: figures.malloc };
}

/**
 * The settled reading the explanation starts from, and its first id mark.
 * A cheap mark collects the whole heap itself (a precise full collection, as
 * gc 'fast' is), so under 'fast' the reading follows the mark instead of a
 * collection of its own; 'thorough' (several collections that also release
 * memory back to the system) and snapshot marks keep their own settle.
 */
async function settledStart(input: ExplainInput, mark: () => number, cheapMarks: boolean): Promise<{ atStart: SettledReading; firstBoundary: number }> {
  const { capture, gcMode, tracker } = input;
  if (!cheapMarks || gcMode !== 'fast') {
    const atStart = await measureSettled(capture, gcMode, tracker);
    return { atStart, firstBoundary: mark() };
  }
  await nextMacrotask();
  const firstBoundary = mark();
  return { atStart: readJustSettled(capture), firstBoundary };
}

/** Native figures' change per call between two settled readings. */
function nativeChangePerCall(atStart: SettledReading, atEnd: SettledReading, calls: number): Record<NativeFigure, number> {
  return {
    external: (atEnd.external - atStart.external) / calls,
    arrayBuffers: (atEnd.arrayBuffers - atStart.arrayBuffers) / calls,
    malloc: atEnd.malloc === null || atStart.malloc === null ? 0 : (atEnd.malloc - atStart.malloc) / calls,
  };
}

/**
 * Runs a few more rounds between id marks and ends with one heap snapshot.
 * Ids are handed out in order, so each survivor's id says in which interval it
 * was allocated: a leaking population shows up in every interval, a cache that
 * filled up or a lazy singleton only in the first (or in none).
 */
export async function explainGrowth(input: ExplainInput): Promise<Explanation> {
  const { capture, runner, callsPerInterval } = input;
  const { mark, marks, intervals } = idMarks(capture);
  const previewHolder: { value?: unknown } = {};
  const { atStart, firstBoundary } = await settledStart(input, mark, capture.exact !== undefined);
  const { boundaries, samples, extraCalls } = await sampledIntervals(input, intervals, firstBoundary, mark);
  // The last interval ended with a settle (its samples are read from a
  // collected heap); the profiler's stop since then freed only its own
  // memory, which the reading at the start did not hold either.
  await nextMacrotask();
  const atEnd = readJustSettled(capture);
  const snapshotStarted = nowMs();
  const graph = capture.heapGraph();
  recordSnapshot(nowMs() - snapshotStarted, atEnd.heapUsed);
  const index = new HeapIndex(graph);
  const grouped = groupSurvivors(index, boundaries, leakFilterRules);
  // One interval cannot tell growth from churn: a bounded cache that replaces
  // its entries also leaves new survivors. The first snapshot can: a holder
  // that holds no more references than it did then is not growing.
  const { sizesAtStart } = marks;
  const survivors = sizesAtStart === undefined ? grouped : grouped.filter((group) => holderGrew(group, graph, sizesAtStart));
  const calls = callsPerInterval * intervals + extraCalls;
  // A holder counted below often holds the leaked object previewed later: found among its members, not by a second heap walk;
  // the holder itself is most often a variable the function under test closes over, found without a walk too.
  const lookup = capture.lookup;
  const objectById = lookup ? valuesThroughHolders((id) => lookup.valueById(id), capture.objectId.bind(capture), () => valuesInScopesOf(runner.fn)) : undefined;
  const previewHolderId = capture.objectId(previewHolder);
  const groups = await withoutStoppedHolders({
    groups: [...survivors, ...keyedGrowth(index, boundaries, leakFilterRules, marks.keysAtStart)],
    isCandidate: (group) => isSteadyGrowth(group, calls),
    index,
    objectById: objectById ?? valueByIdThroughInspector(previewHolder, previewHolderId),
    runner,
    calls,
    onwardCalls: Math.max(50, Math.ceil(callsPerInterval / 2)),
  });
  const snapshots = marks.snapshots + 1;
  const nativePerCall = nativeChangePerCall(atStart, atEnd, calls);
  return { index, boundaries, groups, samples, calls, callsPerInterval, snapshots, previewHolder, previewHolderId, objectById, nativePerCall };
}

/**
 * A group leaks when it gained members in every interval at a steady rate
 * (the smallest count at least a quarter of the largest) and, with a single
 * interval, when it gained at least two.
 */
export function isSteadyGrowth(group: SurvivorGroup, calls: number): boolean {
  const counts = group.countsPerInterval;
  if (counts.length === 1) return counts[0]! >= Math.max(2, calls / 50);
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  return min > 0 && min * 4 >= max;
}

/**
 * Members per call below which a group is a fraction of an object per call:
 * a cache filled lazily, a prototype property set once, a one-off met in
 * the explanation's calls. Such a group is a finding only when its bytes
 * per call are real growth on their own.
 */
const FRACTION_PER_CALL = 0.5;
/** Bytes per call a fractional group needs (measured: a lazily filled prototype cache read +0.09 per call, 7 B per call). */
const FRACTION_MIN_BYTES = 16;

/**
 * True when a steady group (its holder's folded groups included) adds
 * enough per call to be a finding: a quarter of the threshold for whole
 * objects per call, the threshold and at least FRACTION_MIN_BYTES for a
 * fraction of an object per call.
 */
export function growsEnoughPerCall(group: SurvivorGroup, calls: number, threshold: number): boolean {
  const bytesPerCall = group.bytes / calls;
  if (bytesPerCall < threshold / 4) return false;
  const membersPerCall = Math.max(...[group, ...(group.folded ?? [])].map((g) => g.members.length)) / calls;
  return membersPerCall >= FRACTION_PER_CALL || bytesPerCall >= Math.max(threshold, FRACTION_MIN_BYTES);
}

export function groupKind(group: SurvivorGroup): 'object' | 'closure' | 'other' {
  if (group.nodeType === NodeType.closure) return 'closure';
  if (group.nodeType === NodeType.object || group.nodeType === NodeType.native) return 'object';
  return 'other';
}
