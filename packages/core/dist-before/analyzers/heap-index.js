"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HeapIndex = exports.EdgeType = exports.NodeType = void 0;
/** v8::HeapGraphNode::Type */
exports.NodeType = {
    hidden: 0,
    array: 1,
    string: 2,
    object: 3,
    code: 4,
    closure: 5,
    regexp: 6,
    number: 7,
    native: 8,
    synthetic: 9,
    consString: 10,
    slicedString: 11,
    symbol: 12,
    bigint: 13,
    objectShape: 14,
};
/** v8::HeapGraphEdge::Type */
exports.EdgeType = { context: 0, element: 1, property: 2, internal: 3, hidden: 4, shortcut: 5, weak: 6 };
const OWN_HOLDERS = /^(CallRunner|HandleTracker|Memscope[A-Z]\w*)$/;
/**
 * Read access to a HeapGraph: names, edge labels, id lookup, and the
 * shortest-path tree from the root that retainer paths are read from.
 */
class HeapIndex {
    graph;
    idToIndex;
    parents;
    parentEdges;
    order;
    constructor(graph) {
        this.graph = graph;
    }
    name(node) {
        return this.graph.strings[this.graph.nodeNames[node]] ?? '';
    }
    type(node) {
        return this.graph.nodeTypes[node];
    }
    id(node) {
        return this.graph.nodeIds[node];
    }
    selfSize(node) {
        return this.graph.nodeSelfSizes[node];
    }
    indexOfId(id) {
        if (!this.idToIndex) {
            this.idToIndex = new Map();
            const { nodeIds, nodeCount } = this.graph;
            for (let i = 0; i < nodeCount; i++)
                this.idToIndex.set(nodeIds[i], i);
        }
        return this.idToIndex.get(id) ?? -1;
    }
    edgeLabel(edge) {
        const { edgeTypes, edgeNames, strings } = this.graph;
        const type = edgeTypes[edge];
        const name = edgeNames[edge];
        if (type === exports.EdgeType.element || type === exports.EdgeType.hidden)
            return `[${name}]`;
        return strings[name] ?? '';
    }
    /** A display name for a node: constructor for objects, `name()` for functions, kind for internals. */
    label(node) {
        const name = this.name(node);
        switch (this.type(node)) {
            case exports.NodeType.closure:
                return `${name || 'anonymous'}()`;
            case exports.NodeType.string:
            case exports.NodeType.consString:
            case exports.NodeType.slicedString:
                return 'string';
            case exports.NodeType.array:
                return name ? `(${name.replace(/^\(|\)$/g, '')})` : '(array)';
            default:
                return name.startsWith('system / Context') ? '(scope)' : name;
        }
    }
    /**
     * Breadth-first tree from the root over strong edges: the parent of every
     * reachable node on one of its shortest retainer paths. Edges into code,
     * hidden classes and weak slots never hold user data alive, so the walk
     * skips them to keep paths meaningful.
     */
    shortestPathTree() {
        if (this.parents && this.parentEdges && this.order)
            return { parents: this.parents, parentEdges: this.parentEdges, order: this.order };
        const { nodeCount, edgeStart, edgeTypes, edgeTargets, nodeTypes } = this.graph;
        const parents = new Int32Array(nodeCount).fill(-1);
        const parentEdges = new Int32Array(nodeCount).fill(-1);
        const queue = new Int32Array(nodeCount);
        let head = 0;
        let tail = 0;
        queue[tail++] = 0;
        parents[0] = 0;
        while (head < tail) {
            const node = queue[head++];
            // memscope's own objects reach the function under test; a path through
            // them would explain nothing to the user.
            if (node !== 0 && OWN_HOLDERS.test(this.name(node)))
                continue;
            for (let e = edgeStart[node]; e < edgeStart[node + 1]; e++) {
                if (edgeTypes[e] === exports.EdgeType.weak || edgeTypes[e] === exports.EdgeType.shortcut)
                    continue;
                const target = edgeTargets[e];
                if (parents[target] !== -1)
                    continue;
                const targetType = nodeTypes[target];
                if (targetType === exports.NodeType.code || targetType === exports.NodeType.objectShape)
                    continue;
                parents[target] = node;
                parentEdges[target] = e;
                queue[tail++] = target;
            }
        }
        this.parents = parents;
        this.parentEdges = parentEdges;
        // Breadth-first order: every node comes after its parent.
        this.order = queue.subarray(0, tail);
        return { parents, parentEdges, order: this.order };
    }
    /** Node indexes from the root to `node` (inclusive), or [] when unreachable. */
    pathTo(node) {
        const { parents, parentEdges } = this.shortestPathTree();
        if (parents[node] === -1)
            return { nodes: [], edges: [] };
        const nodes = [];
        const edges = [];
        for (let at = node; at !== 0; at = parents[at]) {
            nodes.push(at);
            edges.push(parentEdges[at]);
        }
        nodes.push(0);
        return { nodes: nodes.reverse(), edges: edges.reverse() };
    }
}
exports.HeapIndex = HeapIndex;
//# sourceMappingURL=heap-index.js.map