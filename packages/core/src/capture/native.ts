import type { NativeBinding } from '@memscope/native';
import { loadBinding, loadStatus, type NativeLoadStatus } from '@memscope/native/loader';
import { checkPositiveInteger, MAX_STACK_DEPTH, withCheckedArguments } from './checked.js';
import { compiledCodeBytes } from './code-bytes.js';
import { forcingCollections } from './forced-gc.js';
import { readHeapFiguresWith, readQuickHeapWith, type PathReads } from './heap-reads.js';
import type {
  AllocationSample,
  Capture,
  GcMode,
  GcTotals,
  GraphWalks,
  HeapFigures,
  HeapGraph,
  HeapSpaceFigures,
  QuickHeapFigures,
} from './types.js';

export interface NativeCaptureOptions {
  /** Frames kept per sampled allocation (leaf first). Default 32. */
  samplingStackDepth?: number;
}

/**
 * The addon, or an Error (code ERR_MEMSCOPE_NATIVE_UNAVAILABLE) whose first
 * line says why it is unavailable: not built, built for another Node ABI,
 * failed to build, or failed to load.
 */
export function loadNativeBinding(): NativeBinding {
  return loadBinding();
}

/** The same lookup, as a value: for `memscope doctor` and other reports. Never throws. */
export function nativeLoadStatus(): NativeLoadStatus {
  return loadStatus();
}

/**
 * Whether this process was started with --expose-gc. The addon switches
 * V8's flag on only for its own collections and off again afterwards, unless
 * the user wanted it on (then new vm contexts must keep their `gc`).
 */
function startedWithExposeGc(): boolean {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return flags.some((flag) => flag === '--expose-gc' || flag === '--expose_gc') || typeof globalThis.gc === 'function';
}

/**
 * A `Capture` over the native addon. The binding is a parameter so tests can
 * run the same cases against this path and the pure-JS one.
 *
 * @example
 * const capture = createNativeCapture(loadNativeBinding());
 * capture.gc('fast');
 * console.log(capture.heapFigures().heapUsed, capture.gcTotals().count);
 */
export function createNativeCapture(binding: NativeBinding, options: NativeCaptureOptions = {}): Capture {
  const stackDepth =
    options.samplingStackDepth === undefined
      ? 32
      : checkPositiveInteger('samplingStackDepth', options.samplingStackDepth, MAX_STACK_DEPTH);
  const keepExposeGcFlag = startedWithExposeGc();
  // The addon counts from its first load in the isolate; a capture counts from its creation.
  const gcAtStart = binding.gcTotals();
  let sampling = false;
  // An addon built before the walk existed leaves HeapIndex to its own.
  const walks: GraphWalks | undefined = typeof binding.shortestPathTree === 'function' ? { shortestPathTree: binding.shortestPathTree.bind(binding) } : undefined;
  // One addon call gives V8's statistics and malloc, which node:v8 does not expose; the young generation is two space reads (~0.1 µs).
  const reads: PathReads = {
    statistics: () => {
      const stats = binding.heapStatistics();
      // As nodeHeapStatistics (heap-reads.ts) groups them, under the addon's names.
      return {
        heapUsed: stats.usedHeapSize, heapTotal: stats.totalHeapSize, heapLimit: stats.heapSizeLimit,
        external: stats.externalMemory, malloc: stats.mallocBytes,
        nativeContexts: stats.numberOfNativeContexts, detachedContexts: stats.numberOfDetachedContexts,
      };
    },
    youngUsed: () => binding.youngGenerationUsed(),
  };

  return withCheckedArguments({
    path: 'native',

    gc(mode: GcMode = 'fast'): void {
      forcingCollections(() => binding.collectGarbage(mode, keepExposeGcFlag));
    },

    heapFigures: (): HeapFigures => readHeapFiguresWith(reads),

    quickHeap: (): QuickHeapFigures => readQuickHeapWith(reads),

    heapSpaces(): HeapSpaceFigures[] {
      return binding.heapSpaceStatistics().map((space) => ({ ...space }));
    },

    gcTotals(): GcTotals {
      const now = binding.gcTotals();
      return {
        count: now.count - gcAtStart.count,
        timeMs: now.timeMs - gcAtStart.timeMs,
        freedBytes: now.freedBytes - gcAtStart.freedBytes,
        youngFreedBytes: now.youngFreedBytes - gcAtStart.youngFreedBytes,
      };
    },

    heapGraph(): HeapGraph {
      const graph: HeapGraph = forcingCollections(() => binding.heapGraph());
      if (walks) graph.walks = walks;
      return graph;
    },

    lookup: {
      valueById: (id: number): unknown => binding.objectById(id),
    },

    exact: {
      markIds: (): number => forcingCollections(() => binding.markObjectIds()),
      settle(): void {
        // Marking ids collects (one full GC) and walks every object.
        forcingCollections(() => binding.markObjectIds());
      },
      liveBytesByInterval: (from = 0): { next: number; bytes: number[] } => binding.liveBytesByInterval(from),
      codeBytes: compiledCodeBytes,
    },

    objectId(value: object): number {
      return binding.objectId(value);
    },

    startSampling(intervalBytes: number, depth?: number): void {
      binding.startSampling(intervalBytes, depth ?? stackDepth);
      sampling = true;
    },

    readSampling(): AllocationSample[] {
      // Not sampling means no live samples (as on the pure-JS path).
      if (!sampling) return [];
      return binding.readSampling();
    },

    readSampleSizes(): AllocationSample[] {
      if (!sampling) return [];
      // An addon built before readSampleSizes existed has only the full read.
      return typeof binding.readSampleSizes === 'function' ? samplesFromSizes(binding.readSampleSizes()) : binding.readSampling();
    },

    stopSampling(): void {
      binding.stopSampling();
      sampling = false;
    },
  });
}

const NO_FRAMES: AllocationSample['stack'] = Object.freeze([]) as unknown as AllocationSample['stack'];

/** readSampleSizes' (id, size, count) triples as samples with no frames. */
function samplesFromSizes(triples: Float64Array): AllocationSample[] {
  const samples: AllocationSample[] = new Array(triples.length / 3);
  for (let at = 0, i = 0; at < triples.length; at += 3, i++) {
    samples[i] = { id: triples[at]!, size: triples[at + 1]!, count: triples[at + 2]!, stack: NO_FRAMES };
  }
  return samples;
}
