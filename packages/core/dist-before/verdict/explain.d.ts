import type { AllocationSample, Capture, GcMode } from '../capture/types.js';
import { HeapIndex } from '../analyzers/heap-index.js';
import { type SurvivorGroup } from '../analyzers/survivors.js';
import type { CallRunner } from './call-runner.js';
import type { HandleTracker } from './handle-tracker.js';
export interface Explanation {
    index: HeapIndex;
    boundaries: number[];
    groups: SurvivorGroup[];
    samples: AllocationSample[];
    calls: number;
    callsPerInterval: number;
    snapshots: number;
    /** Our own holder, used to hand a leaked object over for its preview. */
    previewHolder: {
        value?: unknown;
    };
    previewHolderId: number;
}
/**
 * Runs a few more rounds between id marks and ends with one heap snapshot.
 * Ids are handed out in order, so each survivor's id says in which interval it
 * was allocated: a leaking population shows up in every interval, a cache that
 * filled up or a lazy singleton only in the first (or in none).
 */
export declare function explainGrowth(input: {
    capture: Capture;
    runner: CallRunner;
    tracker: HandleTracker;
    gcMode: GcMode;
    callsPerInterval: number;
    threshold: number;
}): Promise<Explanation>;
/**
 * A group leaks when it gained members in every interval at a steady rate
 * (the smallest count at least a quarter of the largest) and, with a single
 * interval, when it gained at least two.
 */
export declare function isSteadyGrowth(group: SurvivorGroup, calls: number): boolean;
export declare function groupKind(group: SurvivorGroup): 'object' | 'closure' | 'other';
//# sourceMappingURL=explain.d.ts.map