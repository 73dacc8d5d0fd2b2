import v8 from 'node:v8';
import type { HeapFigures, QuickHeapFigures } from './types.js';

/** V8's heap statistics as the figures need them, and malloc where the path sees it. */
export interface HeapStatisticsRead {
  used: number;
  total: number;
  limit: number;
  external: number;
  nativeContexts: number;
  detachedContexts: number;
  malloc: number | null;
}

/**
 * The heap readings both capture paths take the same way; what differs is
 * passed in: where V8's statistics come from (the addon's one call also reads
 * malloc, which node:v8 does not expose) and the young generation (the addon
 * reads two spaces in ~0.1 µs, node:v8 builds all ~12).
 */
export interface PathReads {
  statistics(): HeapStatisticsRead;
  youngUsed(): number;
}

/** node:v8's statistics (one shared-buffer fill, ~0.5 µs; the same GetHeapStatistics the addon calls), malloc unknown. */
export function nodeHeapStatistics(): HeapStatisticsRead {
  const heap = v8.getHeapStatistics();
  return {
    used: heap.used_heap_size,
    total: heap.total_heap_size,
    limit: heap.heap_size_limit,
    external: heap.external_memory,
    nativeContexts: heap.number_of_native_contexts,
    detachedContexts: heap.number_of_detached_contexts,
    malloc: null,
  };
}

export function readHeapFiguresWith(reads: PathReads): HeapFigures {
  const heap = reads.statistics();
  const youngUsed = reads.youngUsed();
  return {
    heapUsed: heap.used,
    heapTotal: heap.total,
    heapLimit: heap.limit,
    external: heap.external,
    youngUsed,
    // Node's ArrayBuffer allocator keeps this count; V8 does not expose it.
    arrayBuffers: process.memoryUsage().arrayBuffers,
    malloc: heap.malloc,
    nativeContexts: heap.nativeContexts,
    detachedContexts: heap.detachedContexts,
  };
}

/** The heap figures less process.memoryUsage(), whose RSS read costs ~17 µs, and less malloc: node:v8's statistics on both paths. */
export function readQuickHeapWith(reads: Pick<PathReads, 'youngUsed'>): QuickHeapFigures {
  const heap = v8.getHeapStatistics();
  return { heapUsed: heap.used_heap_size, heapTotal: heap.total_heap_size, external: heap.external_memory, youngUsed: reads.youngUsed() };
}
