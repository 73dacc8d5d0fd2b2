import { HeapIndex } from './heap-index.js';
import type { HeapGraph } from '../capture/types.js';
import type { RetainerStep } from '../verdict/types.js';
export interface RetainerTree {
    readonly graph: HeapGraph;
    /** Node index each node was first reached from; -1 when unreachable. */
    readonly parentNode: Int32Array;
    /** Edge index each node was first reached through; -1 for the root and unreachable nodes. */
    readonly parentEdge: Int32Array;
}
/**
 * Runs the breadth-first search once (HeapIndex's shortest-path tree, which
 * skips weak edges, code and hidden classes); query it with `retainerStepsTo`.
 */
export declare function buildRetainerTree(graph: HeapGraph, index?: HeapIndex): RetainerTree;
/** Index of the node with this snapshot object id, or -1. */
export declare function findNodeIndexById(graph: HeapGraph, objectId: number): number;
/**
 * The path from a GC root to `nodeIndex` as readable steps, or null when the
 * node is unreachable (it would be collected by the next GC).
 *
 * Synthetic nodes at the start ((GC roots), (Handle scope)…) are dropped,
 * and so is everything before the last module variable unless `full`;
 * internal storage arrays are folded into the edge that reached them, so
 * `Map -table-> (array) -[3]-> Session` reads `Map → table[3] → Session`; a
 * variable held by a function context reads `(module) cache` when the
 * context is a top-level one, `(closure) cache` otherwise.
 */
export declare function retainerStepsTo(tree: RetainerTree, nodeIndex: number, options?: {
    full?: boolean;
}): RetainerStep[] | null;
/** `(module) cache → Map → table[3] → Session` */
export declare function renderRetainerPath(steps: readonly RetainerStep[]): string;
/** One-shot convenience: the rendered path to the object with `objectId`, or null. */
export declare function retainerPathForId(graph: HeapGraph, objectId: number): {
    steps: RetainerStep[];
    text: string;
} | null;
//# sourceMappingURL=retainer-path.d.ts.map