import type { AllocationFrame, AllocationSample } from '../types.js';

/** The inspector's sampling profile (HeapProfiler.SamplingHeapProfile). */
export interface InspectorSamplingProfile {
  head: InspectorProfileNode;
  samples: Array<{ size: number; nodeId: number; ordinal: number }>;
}

interface InspectorProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children: InspectorProfileNode[];
}

/** V8's SamplingHeapProfiler::ScaleSample: objects one sample of `size` stands for. */
function samplesPerObject(size: number, intervalBytes: number): number {
  return Math.round(1 / (1 - Math.exp(-size / intervalBytes)));
}

/** How well a candidate size fits V8's object alignment (8 bytes, or 4 with pointer compression). */
function alignmentRank(size: number): number {
  if (size % 8 === 0) return 2;
  return size % 4 === 0 ? 1 : 0;
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
export function splitSampleSize(product: number, intervalBytes: number): { size: number; count: number } {
  let best = { size: product, count: 1 };
  let bestRank = -1;
  const consider = (count: number): void => {
    const size = product / count;
    if (samplesPerObject(size, intervalBytes) !== count) return;
    const rank = alignmentRank(size);
    if (rank > bestRank || (rank === bestRank && size < best.size)) {
      best = { size, count };
      bestRank = rank;
    }
  };
  for (let divisor = 1; divisor * divisor <= product; divisor++) {
    if (product % divisor !== 0) continue;
    consider(divisor);
    if (divisor * divisor !== product) consider(product / divisor);
  }
  return best;
}

/** Flattens the inspector's call tree into one leaf-first stack per live sample. */
export function samplesFromProfile(profile: InspectorSamplingProfile, intervalBytes: number): AllocationSample[] {
  const stacks = new Map<number, AllocationFrame[]>();
  const walk = (node: InspectorProfileNode, parentStack: AllocationFrame[]): void => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    // The protocol's positions are 0-based; ours are 1-based like V8's API.
    const frame: AllocationFrame = { functionName, url, line: lineNumber + 1, column: columnNumber + 1 };
    const stack = node === profile.head ? parentStack : [frame, ...parentStack];
    stacks.set(node.id, stack);
    for (const child of node.children) walk(child, stack);
  };
  walk(profile.head, []);
  // Many samples share a size; split each product once.
  const splits = new Map<number, { size: number; count: number }>();
  return profile.samples.map((sample) => {
    let split = splits.get(sample.size);
    if (!split) {
      split = splitSampleSize(sample.size, intervalBytes);
      splits.set(sample.size, split);
    }
    return { ...split, id: sample.ordinal, stack: stacks.get(sample.nodeId) ?? [] };
  });
}
