import type { HeapGraph } from '../capture/types.js';
/** v8::HeapGraphNode::Type */
export declare const NodeType: {
    readonly hidden: 0;
    readonly array: 1;
    readonly string: 2;
    readonly object: 3;
    readonly code: 4;
    readonly closure: 5;
    readonly regexp: 6;
    readonly number: 7;
    readonly native: 8;
    readonly synthetic: 9;
    readonly consString: 10;
    readonly slicedString: 11;
    readonly symbol: 12;
    readonly bigint: 13;
    readonly objectShape: 14;
};
/** v8::HeapGraphEdge::Type */
export declare const EdgeType: {
    readonly context: 0;
    readonly element: 1;
    readonly property: 2;
    readonly internal: 3;
    readonly hidden: 4;
    readonly shortcut: 5;
    readonly weak: 6;
};
/**
 * Read access to a HeapGraph: names, edge labels, id lookup, and the
 * shortest-path tree from the root that retainer paths are read from.
 */
export declare class HeapIndex {
    readonly graph: HeapGraph;
    private idToIndex;
    private parents;
    private parentEdges;
    private order;
    constructor(graph: HeapGraph);
    name(node: number): string;
    type(node: number): number;
    id(node: number): number;
    selfSize(node: number): number;
    indexOfId(id: number): number;
    edgeLabel(edge: number): string;
    /** A display name for a node: constructor for objects, `name()` for functions, kind for internals. */
    label(node: number): string;
    /**
     * Breadth-first tree from the root over strong edges: the parent of every
     * reachable node on one of its shortest retainer paths. Edges into code,
     * hidden classes and weak slots never hold user data alive, so the walk
     * skips them to keep paths meaningful.
     */
    shortestPathTree(): {
        parents: Int32Array;
        parentEdges: Int32Array;
        order: Int32Array;
    };
    /** Node indexes from the root to `node` (inclusive), or [] when unreachable. */
    pathTo(node: number): {
        nodes: number[];
        edges: number[];
    };
}
//# sourceMappingURL=heap-index.d.ts.map