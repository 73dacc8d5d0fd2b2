import v8 from 'node:v8';
import type { NativeBinding } from '@memscope/native';
import { loadBinding, loadStatus, type NativeLoadStatus } from '@memscope/native/loader';
import { MemscopeError } from '../errors.js';
import { compiledCodeBytes } from './code-bytes.js';
import { forcingCollections } from './forced-gc.js';
import type {
  AllocationSample,
  Capture,
  GcMode,
  GcTotals,
  HeapFigures,
  HeapGraph,
  HeapSpaceFigures,
  QuickHeapFigures,
} from './types.js';

export interface NativeCaptureOptions {
  /** Frames kept per sampled allocation (leaf first). Default 32. */
  samplingStackDepth?: number;
}

const GC_MODES: readonly GcMode[] = ['fast', 'thorough', 'young'];
const MAX_STACK_DEPTH = 1024;

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

function checkGcMode(mode: unknown): GcMode {
  if (GC_MODES.includes(mode as GcMode)) return mode as GcMode;
  throw new MemscopeError(
    'ERR_MEMSCOPE_INVALID_OPTION',
    `gc(mode): mode must be 'fast', 'thorough' or 'young', received ${JSON.stringify(mode) ?? String(mode)}`,
  );
}

function checkPositiveInteger(name: string, value: unknown, max: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max) return value;
  throw new MemscopeError(
    'ERR_MEMSCOPE_INVALID_OPTION',
    `${name} must be an integer from 1 to ${max}, received ${JSON.stringify(value) ?? String(value)}`,
  );
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

  return {
    path: 'native',

    gc(mode: GcMode = 'fast'): void {
      const checked = checkGcMode(mode);
      forcingCollections(() => binding.collectGarbage(checked, keepExposeGcFlag));
    },

    heapFigures(): HeapFigures {
      const stats = binding.heapStatistics();
      return {
        heapUsed: stats.usedHeapSize,
        heapTotal: stats.totalHeapSize,
        heapLimit: stats.heapSizeLimit,
        external: stats.externalMemory,
        youngUsed: binding.youngGenerationUsed(),
        // Node's ArrayBuffer allocator keeps this count; V8 does not expose it.
        arrayBuffers: process.memoryUsage().arrayBuffers,
        malloc: stats.mallocBytes,
        nativeContexts: stats.numberOfNativeContexts,
        detachedContexts: stats.numberOfDetachedContexts,
      };
    },

    quickHeap(): QuickHeapFigures {
      // node:v8 fills a shared buffer in one call (~0.5 µs); the addon's heapStatistics also reads malloc.
      const stats = v8.getHeapStatistics();
      return {
        heapUsed: stats.used_heap_size,
        heapTotal: stats.total_heap_size,
        external: stats.external_memory,
        // Two space reads in C++ (~0.1 µs); v8.getHeapSpaceStatistics() would build objects for all ~12 spaces (~6 µs).
        youngUsed: binding.youngGenerationUsed(),
      };
    },

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
      return forcingCollections(() => binding.heapGraph());
    },

    objectById(id: number): unknown {
      return binding.objectById(id);
    },

    markObjectIds(): number {
      return forcingCollections(() => binding.markObjectIds());
    },

    settlePrecisely(): void {
      // Marking ids collects (one full GC) and walks every object.
      forcingCollections(() => binding.markObjectIds());
    },

    compiledCodeBytes,

    liveBytesByInterval(from = 0): { next: number; bytes: number[] } {
      return binding.liveBytesByInterval(from);
    },

    objectId(value: object): number {
      if ((typeof value !== 'object' || value === null) && typeof value !== 'function') {
        throw new MemscopeError(
          'ERR_MEMSCOPE_NOT_TRACKABLE',
          `objectId(value): value must be an object or function, received ${value === null ? 'null' : typeof value}`,
        );
      }
      return binding.objectId(value);
    },

    startSampling(intervalBytes: number, depth?: number): void {
      const frames = depth === undefined ? stackDepth : checkPositiveInteger('startSampling(intervalBytes, stackDepth)', depth, MAX_STACK_DEPTH);
      binding.startSampling(checkPositiveInteger('startSampling(intervalBytes)', intervalBytes, 2 ** 40), frames);
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
  };
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
