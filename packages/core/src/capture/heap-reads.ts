import v8 from 'node:v8';
import type { HeapFigures, QuickHeapFigures } from './types.js';

/** The heap figures that come from V8's heap statistics, and malloc where the path sees it. */
export type StatisticsFigures = Pick<HeapFigures, 'heapUsed' | 'heapTotal' | 'heapLimit' | 'external' | 'malloc' | 'nativeContexts' | 'detachedContexts'>;

/**
 * The heap readings both capture paths take the same way; what differs is
 * passed in: where V8's statistics come from (the addon's one call also reads
 * malloc, which node:v8 does not expose) and the young generation (the addon
 * reads two spaces in ~0.1 µs, node:v8 builds all ~12).
 */
export interface PathReads {
  statistics(): StatisticsFigures;
  youngUsed(): number;
}

/** node:v8's statistics (one shared-buffer fill, ~0.5 µs; the same GetHeapStatistics the addon calls), malloc unknown. */
export function nodeHeapStatistics(): StatisticsFigures {
  const heap = v8.getHeapStatistics();
  // A line per concept: the heap and its limit, memory outside it, contexts.
  return {
    heapUsed: heap.used_heap_size, heapTotal: heap.total_heap_size, heapLimit: heap.heap_size_limit,
    external: heap.external_memory, malloc: null,
    nativeContexts: heap.number_of_native_contexts, detachedContexts: heap.number_of_detached_contexts,
  };
}

export function readHeapFiguresWith(reads: PathReads): HeapFigures {
  const { heapUsed, heapTotal, heapLimit, external, malloc, nativeContexts, detachedContexts } = reads.statistics();
  const youngUsed = reads.youngUsed();
  // Node's ArrayBuffer allocator keeps this count; V8 does not expose it.
  const arrayBuffers = process.memoryUsage().arrayBuffers;
  return { heapUsed, heapTotal, heapLimit, external, youngUsed, arrayBuffers, malloc, nativeContexts, detachedContexts };
}

/** The heap figures less process.memoryUsage(), whose RSS read costs ~17 µs, and less malloc: node:v8's statistics on both paths. */
export function readQuickHeapWith(reads: Pick<PathReads, 'youngUsed'>): QuickHeapFigures {
  const heap = v8.getHeapStatistics();
  return { heapUsed: heap.used_heap_size, heapTotal: heap.total_heap_size, external: heap.external_memory, youngUsed: reads.youngUsed() };
}
