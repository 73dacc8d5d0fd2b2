import type { AllocationSample } from './types.js';
/** The inspector's sampling profile (HeapProfiler.SamplingHeapProfile). */
export interface InspectorSamplingProfile {
    head: InspectorProfileNode;
    samples: Array<{
        size: number;
        nodeId: number;
        ordinal: number;
    }>;
}
interface InspectorProfileNode {
    id: number;
    callFrame: {
        functionName: string;
        url: string;
        lineNumber: number;
        columnNumber: number;
    };
    children: InspectorProfileNode[];
}
/**
 * The inspector reports each sample's size multiplied by its count
 * (v8-heap-profiler-agent-impl.cc: `sample.size * sample.count`), where the
 * count is derived from the object size. Recover the pair: a count c
 * dividing the product with samplesPerObject(product / c) === c. Small
 * objects fit several (1040 = 16 × 65 = 20 × 52 = 208 × 5): the size with V8's
 * object alignment wins, then the smaller size, as small objects are by far
 * the most common. The product (bytes the sample stands for) is exact.
 */
export declare function splitSampleSize(product: number, intervalBytes: number): {
    size: number;
    count: number;
};
/** Flattens the inspector's call tree into one leaf-first stack per live sample. */
export declare function samplesFromProfile(profile: InspectorSamplingProfile, intervalBytes: number): AllocationSample[];
export {};
//# sourceMappingURL=js-sampling.d.ts.map