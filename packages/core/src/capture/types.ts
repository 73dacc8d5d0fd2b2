/**
 * The capture layer: one interface, two implementations.
 *
 * `native` is the C++ addon (@memscope/native); `js` is the pure-JS twin over
 * node:v8, node:inspector and vm. Everything above this layer (verdicts,
 * per-test scopes, reports) talks only to `Capture`, and every result says
 * which path produced it.
 */

import type { NativeBinding, NativeHeapGraph } from '@memscope/native';

export type CapturePath = 'native' | 'js';

/** How hard a forced collection tries. */
export type GcMode =
  /** One full mark-compact: fast, a few KB of noise between identical rounds. */
  | 'fast'
  /** Isolate::LowMemoryNotification (or repeated full GCs): slower, sub-KB noise. */
  | 'thorough'
  /** One scavenge of the young generation (~1 ms): clears short-lived garbage only. The pure-JS path collects fully. */
  | 'young';

export interface HeapSpaceFigures {
  name: string;
  size: number;
  used: number;
  available: number;
  physical: number;
}

export interface HeapFigures {
  /** V8 heap bytes in use (GetHeapStatistics().used_heap_size). */
  heapUsed: number;
  heapTotal: number;
  heapLimit: number;
  /** Bytes of memory held outside the V8 heap but owned by JS objects. */
  external: number;
  /** Part of heapUsed in new space and new large-object space; absent when the capture cannot read it cheaply. */
  youngUsed?: number;
  /** Bytes of ArrayBuffer backing stores (part of `external`). */
  arrayBuffers: number;
  /** glibc malloc bytes in use (mallinfo2 uordblks + hblkhd); null when unknown. */
  malloc: number | null;
  /** Number of native contexts alive (one per vm context / realm). */
  nativeContexts: number;
  detachedContexts: number;
}

/** The heap figures that cost about a microsecond to read: V8's own counters only. */
export interface QuickHeapFigures {
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** As in HeapFigures. */
  youngUsed?: number;
}

/** Cumulative GC accounting since the capture was created. */
export interface GcTotals {
  count: number;
  /** Time spent inside collections, in milliseconds. */
  timeMs: number;
  /** Bytes freed by collections (heap used before minus after, summed). */
  freedBytes: number;
  /**
   * The young generation's share of freedBytes (new space and new
   * large-object space before minus after, promoted bytes included); the rest
   * is the old spaces' share. Absent when the capture cannot tell.
   */
  youngFreedBytes?: number;
}

/**
 * A heap snapshot as compact typed arrays, in the layout of V8's own
 * snapshot: node 0 is the synthetic root; edges of node i are
 * edgeStart[i] .. edgeStart[i + 1] - 1.
 *
 * Node types follow v8::HeapGraphNode::Type (0 hidden, 1 array, 2 string,
 * 3 object, 4 code, 5 closure, 6 regexp, 7 number, 8 native, 9 synthetic,
 * 10 concatenated string, 11 sliced string, 12 symbol, 13 bigint,
 * 14 object shape). Edge types follow v8::HeapGraphEdge::Type (0 context,
 * 1 element, 2 property, 3 internal, 4 hidden, 5 shortcut, 6 weak).
 * The layout and its fields are written once, as the addon's
 * NativeHeapGraph (@memscope/native), less the addon's timings.
 */
export type HeapGraph = Omit<NativeHeapGraph, 'phasesMs'> & {
  /** Walks over this graph in native code, when the capture has them (HeapIndex falls back to its own). */
  walks?: GraphWalks;
};

/** The addon's walks over a heap graph (see NativeBinding.shortestPathTree). */
export interface GraphWalks {
  shortestPathTree: NonNullable<NativeBinding['shortestPathTree']>;
}

/** One stack frame of an allocation sample, 1-based line and column of the function. */
export interface AllocationFrame {
  functionName: string;
  url: string;
  line: number;
  column: number;
}

/** A sampled allocation that is still alive when the profile was read. */
export interface AllocationSample {
  /** Sampled size in bytes of one object. */
  size: number;
  /** How many objects of this size the sample stands for. */
  count: number;
  /** V8's sample id, growing in allocation order (both captures set it; hand-built samples may not). */
  id?: number;
  /** Leaf first. */
  stack: AllocationFrame[];
}

/**
 * Reads exact to the object, which only the native capture has: V8's object
 * id marks, with the live bytes each mark's interval still holds. Present as
 * a whole or absent, chosen when the capture is created; a caller checks
 * `capture.exact` once.
 */
export interface ExactReads {
  /**
   * A full collection followed by a walk over the whole heap, after which
   * heap use is exact to the object. A plain forced collection can leave it a
   * whole page (±200 KB) off for a round, which drowns leaks of a few KB a
   * round. Dearer than gc() (the walk costs about 5 ms per MB of heap).
   */
  settle(): void;
  /**
   * Gives every live object an id without building a snapshot, and returns
   * the highest id assigned: objects allocated later get higher ids. Cheaper
   * than heapGraph(), whose max id stands in without exact reads.
   */
  markIds(): number;
  /**
   * Bytes still alive of the objects each id mark (markIds or settle) was
   * the first to see, i.e. of what was allocated between two marks:
   * `bytes[i]` for the interval `from + i`, as of the latest mark. `next` is
   * the interval the next mark opens. Unlike heap use it does not move when
   * V8 moves pages or frees older objects.
   */
  liveBytesByInterval(from?: number): { next: number; bytes: number[] };
  /**
   * Bytes of compiled code and bytecode with their metadata (V8's code
   * statistics, a walk of the code-holding spaces: about 5 ms at 20 MB), so
   * exact rounds can set aside a round in which V8 compiled code.
   */
  codeBytes(): number;
}

/**
 * The live value with a snapshot id, undefined when none is alive (native).
 * Without it a preview goes through the inspector, which walks the heap once
 * for the value and once more for the object that receives it.
 */
export interface ValueLookup {
  valueById(id: number): unknown;
}

/**
 * What every capture does (the base), and what only some do, as capability
 * objects set once when the capture is created (`exact`, `lookup`).
 * Arguments are checked once for both paths (see checked.ts).
 */
export interface Capture {
  readonly path: CapturePath;
  /** A full, synchronous collection. Needs no Node flags. */
  gc(mode?: GcMode): void;
  heapFigures(): HeapFigures;
  /**
   * heapUsed, heapTotal and external without the dear reads of heapFigures
   * (process.memoryUsage() for arrayBuffers, mallinfo2 for malloc, tens of
   * µs each): cheap enough for every test boundary.
   */
  quickHeap(): QuickHeapFigures;
  heapSpaces(): HeapSpaceFigures[];
  gcTotals(): GcTotals;
  /** Takes a heap snapshot and returns it as typed arrays. */
  heapGraph(): HeapGraph;
  /** The snapshot id of a live value, 0 when it has none yet (no snapshot saw it). */
  objectId(value: object): number;
  /**
   * Starts the sampling heap profiler; `intervalBytes` is the mean sampling
   * interval. `stackDepth`: frames kept per sample where the capture can
   * choose (native: default 32; the inspector keeps its own); a caller that
   * reads only sizes and ids asks for 1, as each sample walks that many frames.
   */
  startSampling(intervalBytes: number, stackDepth?: number): void;
  /** Live samples since startSampling; the profiler keeps running. */
  readSampling(): AllocationSample[];
  /**
   * The same samples, with empty stacks where the capture can read them
   * without their frames (native: one typed array, ~100× cheaper on a heap
   * of 10 000 live samples; pure JS: readSampling).
   */
  readSampleSizes(): AllocationSample[];
  stopSampling(): void;
  /** Exact reads (native); absent on the pure-JS path. */
  readonly exact?: ExactReads;
  /** A direct lookup of live values by id (native); absent on the pure-JS path. */
  readonly lookup?: ValueLookup;
}
