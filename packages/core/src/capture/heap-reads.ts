import v8 from 'node:v8';
import type { HeapFigures, QuickHeapFigures } from './types.js';

/**
 * The heap readings both capture paths take the same way: V8's heap
 * statistics through node:v8 (one shared-buffer fill, ~0.5 µs; the same
 * GetHeapStatistics the addon calls) and Node's ArrayBuffer count. What
 * differs is passed in: the young generation (the addon reads two spaces in
 * ~0.1 µs, node:v8 builds all ~12) and malloc (only the addon sees it).
 */
export interface PathReads {
  youngUsed(): number;
  malloc(): number | null;
}

export function readHeapFiguresWith(reads: PathReads): HeapFigures {
  const heap = v8.getHeapStatistics();
  const malloc = reads.malloc();
  const youngUsed = reads.youngUsed();
  return {
    heapUsed: heap.used_heap_size,
    heapTotal: heap.total_heap_size,
    heapLimit: heap.heap_size_limit,
    external: heap.external_memory,
    youngUsed,
    // Node's ArrayBuffer allocator keeps this count; V8 does not expose it.
    arrayBuffers: process.memoryUsage().arrayBuffers,
    malloc,
    nativeContexts: heap.number_of_native_contexts,
    detachedContexts: heap.number_of_detached_contexts,
  };
}

/** The heap figures less process.memoryUsage(), whose RSS read costs ~17 µs. */
export function readQuickHeapWith(reads: Pick<PathReads, 'youngUsed'>): QuickHeapFigures {
  const heap = v8.getHeapStatistics();
  return { heapUsed: heap.used_heap_size, heapTotal: heap.total_heap_size, external: heap.external_memory, youngUsed: reads.youngUsed() };
}
