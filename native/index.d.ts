/**
 * @memscope/native: V8 and allocator figures that Node's public API does not
 * offer, or offers only through slow paths (JSON heap snapshots over the
 * inspector). Prebuilt per platform and Node ABI (@memscope/native-linux-x64-gnu),
 * or built from source with `npx memscope build-native`.
 *
 * @example
 * const native = require('@memscope/native');
 * native.collectGarbage('fast');
 * const { usedHeapSize } = native.heapStatistics();
 */

// Types live in a namespace merged with the value so that `export =` (the
// module is CommonJS) and named type imports both work.
declare namespace memscopeNative {
  type NativeGcMode = 'fast' | 'thorough' | 'young';

  /** v8::Isolate::GetHeapStatistics, in bytes (counts for contexts). */
  interface NativeHeapStatistics {
    usedHeapSize: number;
    totalHeapSize: number;
    heapSizeLimit: number;
    totalPhysicalSize: number;
    totalAvailableSize: number;
    /** Memory outside the V8 heap reported by embedders (Buffers, ArrayBuffers included). */
    externalMemory: number;
    /** V8's own malloc'ed memory. */
    mallocedMemory: number;
    peakMallocedMemory: number;
    numberOfNativeContexts: number;
    numberOfDetachedContexts: number;
    totalGlobalHandlesSize: number;
    usedGlobalHandlesSize: number;
    /** glibc mallinfo2 uordblks + hblkhd: all C heap bytes in use; null off glibc. */
    mallocBytes: number | null;
  }

  interface NativeHeapSpaceStatistics {
    name: string;
    size: number;
    used: number;
    available: number;
    physical: number;
  }

  interface NativeGcTotals {
    /** Collections of any kind (scavenges included) since the callbacks were installed. */
    count: number;
    timeMs: number;
    /** Sum over collections of used heap before minus after (may dip below zero for one scavenge). */
    freedBytes: number;
    /**
     * The young generation's share of freedBytes: new space and new
     * large-object space before minus after, promoted bytes included.
     */
    youngFreedBytes: number;
  }

  /**
   * A heap snapshot as compact typed arrays; without `phasesMs` it is
   * HeapGraph in @memscope/core (capture/types.ts), which the pure-JS path
   * fills in the same layout.
   */
  interface NativeHeapGraph {
    nodeCount: number;
    edgeCount: number;
    /** V8 object ids: stable for an object's life, shared with the inspector. */
    nodeIds: Uint32Array;
    nodeTypes: Uint8Array;
    /** Index into `strings`. */
    nodeNames: Uint32Array;
    nodeSelfSizes: Float64Array;
    /** Length nodeCount + 1 (CSR offsets into the edge arrays). */
    edgeStart: Uint32Array;
    edgeTypes: Uint8Array;
    /** For element (1) and hidden (4) edges the index itself; otherwise an index into `strings`. */
    edgeNames: Uint32Array;
    /** Node index (not id) of the edge's target. */
    edgeTargets: Uint32Array;
    strings: string[];
    /**
     * Milliseconds per phase: V8 building its snapshot, V8 writing it out,
     * the addon reading it (the strings made into JS values included), and
     * deleting the snapshot.
     */
    phasesMs: { snapshot: number; serialize: number; read: number; release: number };
  }

  interface NativeAllocationFrame {
    functionName: string;
    url: string;
    /** 1-based line of the function's start; 0 when unknown. */
    line: number;
    /** 1-based column of the function's start; 0 when unknown. */
    column: number;
  }

  interface NativeAllocationSample {
    size: number;
    count: number;
    /** Grows in allocation order. */
    id: number;
    /** Leaf first. Frame objects are shared between samples: treat them as read-only. */
    stack: NativeAllocationFrame[];
  }

  interface NativeBinding {
    /**
     * A full, synchronous collection without `--expose-gc`. 'fast' (default) is
     * one mark-compact; 'thorough' is Isolate::LowMemoryNotification.
     * `keepExposeGcFlag`: leave V8's --expose-gc flag on afterwards (pass true
     * when the process was started with it, so new contexts keep `gc`).
     */
    collectGarbage(mode?: NativeGcMode, keepExposeGcFlag?: boolean): void;
    heapStatistics(): NativeHeapStatistics;
    heapSpaceStatistics(): NativeHeapSpaceStatistics[];
    /** Cumulative since the addon was first loaded in this isolate. */
    gcTotals(): NativeGcTotals;
    /** Bytes in use in new space plus new large-object space, now (well under a µs). */
    youngGenerationUsed(): number;
    /** Takes a heap snapshot, converts it in C++ and deletes it. Node 0 is the root. */
    heapGraph(): NativeHeapGraph;
    /**
     * The breadth-first tree of @memscope/core's HeapIndex.shortestPathTree
     * over a heap graph, walked in C++: `skipByName[name] === 1` marks nodes
     * whose edges are not followed, `keyOfEntry[name]` the key id of a
     * WeakMap entry's internal edges (followed last), `keptForJob` the name
     * of the `(Strong roots)` edge to skip (-1 for none). Absent from addons
     * built before it.
     */
    shortestPathTree?(
      graph: Pick<NativeHeapGraph, 'nodeTypes' | 'nodeIds' | 'nodeNames' | 'edgeStart' | 'edgeTypes' | 'edgeNames' | 'edgeTargets'>,
      skipByName: Int8Array,
      keyOfEntry: Uint32Array | undefined,
      keptForJob: number,
    ): { parents: Int32Array; parentEdges: Int32Array; order: Int32Array };
    /** V8's snapshot id of a live object or function; 0 until a snapshot has seen it. */
    objectId(value: object): number;
    /**
     * The live JS value with that snapshot id: an object or function (a
     * realm's global object as its `globalThis`), a string, a number (a
     * copy), a bigint or a public symbol. undefined when nothing with that id
     * is alive, and for V8's own structures (closure contexts, code, hidden
     * classes, private symbols, the hole), which must never reach JavaScript.
     * One walk over the heap per call: about 3 µs per live object on Node 20.
     */
    objectById(id: number): unknown;
    /**
     * Gives every live object an id without a snapshot (one full GC plus a
     * heap walk) and returns the highest id assigned: later objects get higher ids.
     */
    markObjectIds(): number;
    /**
     * Every markObjectIds call opens an interval: the objects it is the first
     * to give an id (those allocated since the call before). `bytes[i]` is
     * what is still alive of interval `from + i` as of the latest mark;
     * `next` is the interval the next mark opens.
     */
    liveBytesByInterval(from?: number): { next: number; bytes: number[] };
    /** Starts (or restarts, emptying the profile) the sampling heap profiler. */
    startSampling(intervalBytes?: number, stackDepth?: number): void;
    /** Samples still alive; throws when the profiler is not running. */
    readSampling(): NativeAllocationSample[];
    /**
     * Samples still alive without their stacks: (id, size, count) triples in
     * one array, far cheaper than readSampling on a large heap; throws when
     * the profiler is not running.
     */
    readSampleSizes(): Float64Array;
    /** Stops and discards the profile; a no-op when not running. */
    stopSampling(): void;
    /** NODE_MODULE_VERSION the file was compiled for. */
    readonly abi: number;
    /** Node version whose headers it was compiled against. */
    readonly nodeVersion: string;
  }
}

declare const memscopeNative: memscopeNative.NativeBinding;
export = memscopeNative;
