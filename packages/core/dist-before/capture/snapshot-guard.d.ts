import type { Capture } from './types.js';
export interface SnapshotFit {
    heapUsed: number;
    heapLimit: number;
    /** Estimated extra memory the snapshot needs outside the V8 heap. */
    estimatedBytes: number;
    /** Memory the process can still use (cgroup limit or free system memory). */
    availableBytes: number;
    /** Headroom needed under the V8 heap limit (pure-JS path only, else 0). */
    heapHeadroomNeeded: number;
    fits: boolean;
}
export declare function measureSnapshotFit(capture: Capture): SnapshotFit;
/**
 * Throws ERR_MEMSCOPE_SNAPSHOT_TOO_LARGE when a heap snapshot of the current
 * heap would likely exhaust memory; call it before `capture.heapGraph()`.
 *
 * @example
 * assertSnapshotFits(capture);
 * const graph = capture.heapGraph();
 */
export declare function assertSnapshotFits(capture: Capture): SnapshotFit;
//# sourceMappingURL=snapshot-guard.d.ts.map