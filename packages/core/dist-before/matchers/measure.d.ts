import type { Capture, GcMode } from '../capture/types.js';
export interface AllocationOptions {
    /** Calls before measuring (JIT warm-up, caches filled). Default 10. */
    warmup?: number;
    /** Calls measured; the figure is their mean. Default 100. */
    calls?: number;
}
export interface RetentionOptions {
    /** Calls measured; the figure is their total. Default 1. */
    calls?: number;
    /** Strength of the settling GC before and after. Default 'thorough' (sub-KB noise). */
    gc?: GcMode;
}
export interface AllocationMeasurement {
    calls: number;
    warmup: number;
    /** All bytes allocated by the measured calls, garbage included. */
    totalBytes: number;
    perCall: number;
    /** Collections that ran during the measured calls. */
    gcCount: number;
}
export interface RetentionMeasurement {
    calls: number;
    /** Heap (outside code) plus external bytes still reachable after the calls, never below 0. */
    retainedBytes: number;
    heapBytes: number;
    externalBytes: number;
}
/**
 * Bytes allocated per call: after warm-up and a full GC, heap use grows by
 * what the calls allocated minus what collections freed in between, so
 * allocated = heap delta + bytes freed by GCs (the capture's GC accounting).
 */
export declare function measureAllocation(fn: unknown, capture: Capture, rawOptions?: unknown, matcherName?: string): Promise<AllocationMeasurement>;
/**
 * Bytes still reachable after `calls` calls: a settled GC before and after,
 * one event-loop turn before each so WeakRefs held for the current job are
 * released, and the difference in heap (outside code) plus external memory.
 */
export declare function measureRetention(fn: unknown, capture: Capture, rawOptions?: unknown, matcherName?: string): Promise<RetentionMeasurement>;
//# sourceMappingURL=measure.d.ts.map