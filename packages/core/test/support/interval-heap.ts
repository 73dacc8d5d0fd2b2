import type { Capture } from '../../src/capture/types.js';

/** The model heap behind intervalHeapCapture, for a test to move and read. */
export interface IntervalHeap {
  /** Live bytes per id interval; the first holds what was there from the start. */
  intervals: number[];
  /** Bytes allocated since the last exact reading: the next one opens an interval for them. */
  pending: number;
  exactReadings: number;
  /** The live bytes as the last exact reading left them. */
  settled: number;
  /** Bytes of compiled code. */
  code: number;
}

export interface IntervalHeapOptions {
  startBytes?: number;
  /** Without exact reads, a capture of plain readings only, as on the pure-JS path. */
  exact?: boolean;
  /** What an exact reading does before it opens its interval: take time, move the heap. */
  beforeSettle?: (heap: IntervalHeap) => void;
  /** What a plain reading shows; the live bytes unless given. */
  plainBytes?: (heap: IntervalHeap, live: number) => number;
}

/**
 * A capture that keeps live bytes per id interval as V8's GetHeapStats does
 * for the native capture's marks: every exact reading opens an interval for
 * what was allocated since the previous one. Plain readings see the whole
 * heap in one old space; nothing is ever collected on its own.
 */
export function intervalHeapCapture(options: IntervalHeapOptions = {}): { capture: Capture; heap: IntervalHeap } {
  const startBytes = options.startBytes ?? 20 * 1024 * 1024;
  const heap: IntervalHeap = { intervals: [startBytes], pending: 0, exactReadings: 0, settled: startBytes, code: 0 };
  const live = () => heap.intervals.reduce((sum, bytes) => sum + bytes, 0) + heap.pending;
  const plain = () => (options.plainBytes ? options.plainBytes(heap, live()) : live());
  const exact = {
    settle: () => {
      options.beforeSettle?.(heap);
      heap.intervals.push(heap.pending);
      heap.pending = 0;
      heap.exactReadings++;
      heap.settled = live();
    },
    liveBytesByInterval: (from = 0) => ({ next: heap.intervals.length, bytes: heap.intervals.slice(from) }),
    markIds: () => heap.intervals.length,
    codeBytes: () => heap.code,
  };
  const capture = {
    path: options.exact === false ? 'js' : 'native',
    gc: () => {},
    ...(options.exact === false ? {} : { exact }),
    heapFigures: () => ({ heapUsed: plain(), heapTotal: plain(), heapLimit: 4e9, external: 0, arrayBuffers: 0, malloc: null }),
    heapSpaces: () => [{ name: 'old_space', size: plain(), used: plain(), available: 0, physical: plain() }],
    gcTotals: () => ({ count: 0, timeMs: 0, freedBytes: 0, youngFreedBytes: 0 }),
  } as unknown as Capture;
  return { capture, heap };
}

/** A call that keeps `keep` new bytes and frees `free` bytes of what was there from the start. */
export function callKeeping(heap: IntervalHeap, keep: number, free = 0): () => void {
  return () => {
    heap.pending += keep;
    heap.intervals[0]! -= free;
  };
}
