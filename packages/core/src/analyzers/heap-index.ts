import type { HeapGraph } from '../capture/types.js';

/** v8::HeapGraphNode::Type */
export const NodeType = {
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
} as const;

/** The `(Strong roots)` edge to the targets of WeakRefs V8 keeps until the current job ends. */
const KEPT_FOR_JOB_EDGE = 'weak_refs_keep_during_job';

/** v8::HeapGraphEdge::Type */
export const EdgeType = { context: 0, element: 1, property: 2, internal: 3, hidden: 4, shortcut: 5, weak: 6 } as const;

/** Fibonacci hashing: ids are mostly consecutive, and the multiply spreads them over the table. */
const idHash = (id: number): number => Math.imul(id, 0x9e3779b1) >>> 0;

/** Every node's index in slots keyed by its id; a repeated id keeps its last node, as a Map would. */
function idSlots({ nodeIds, nodeCount }: HeapGraph): Int32Array {
  let size = 2;
  while (size < nodeCount * 2) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let node = 0; node < nodeCount; node++) {
    const id = nodeIds[node]!;
    let slot = idHash(id) & mask;
    while (slots[slot] !== -1 && nodeIds[slots[slot]!] !== id) slot = (slot + 1) & mask;
    slots[slot] = node;
  }
  return slots;
}

/** V8's name for the edges to a WeakMap entry's value, from its table and from its key (`288 / part of key (Object @12) -> value …`). */
const WEAK_MAP_ENTRY = /^(?:\d+ \/ )?part of key \(.*? @(\d+)\) -> value/;

const OWN_HOLDERS = /^(CallRunner|HandleTracker|FileRecorder|TaskScope|Memscope[A-Z]\w*)$/;

/**
 * Read access to a HeapGraph: names, edge labels, id lookup, and the
 * shortest-path tree from the root that retainer paths are read from.
 */
export class HeapIndex {
  /** Open-addressing table of node indexes keyed by id (-1 is empty): half a million entries in a Map cost ~0.1 s to build. */
  private idSlots: Int32Array | undefined;
  /** Per pattern, per string: -1 not tested yet, else whether the pattern matches. */
  private readonly matches = new Map<RegExp, Int8Array>();
  private lastPattern: RegExp | undefined;
  private lastMatches: Int8Array | undefined;
  private parents: Int32Array | undefined;
  private parentEdges: Int32Array | undefined;
  private order: Int32Array | undefined;

  constructor(readonly graph: HeapGraph) {}

  name(node: number): string {
    return this.graph.strings[this.graph.nodeNames[node]!] ?? '';
  }

  type(node: number): number {
    return this.graph.nodeTypes[node]!;
  }

  id(node: number): number {
    return this.graph.nodeIds[node]!;
  }

  selfSize(node: number): number {
    return this.graph.nodeSelfSizes[node]!;
  }

  indexOfId(id: number): number {
    const slots = (this.idSlots ??= idSlots(this.graph));
    const { nodeIds } = this.graph;
    const mask = slots.length - 1;
    for (let slot = idHash(id) & mask; ; slot = (slot + 1) & mask) {
      const node = slots[slot]!;
      if (node === -1 || nodeIds[node] === id) return node;
    }
  }

  /** True when `pattern` matches the node's name; each distinct name is tested once per pattern. */
  nameMatches(node: number, pattern: RegExp): boolean {
    return this.stringMatches(this.graph.nodeNames[node]!, pattern);
  }

  /**
   * True when `edge` is named (not an element's or hidden index) and `pattern`
   * matches its name. Each distinct name is tested once per pattern, where
   * testing every edge's label would test the same few names millions of times.
   */
  edgeNameMatches(edge: number, pattern: RegExp): boolean {
    const { edgeTypes, edgeNames } = this.graph;
    const type = edgeTypes[edge];
    if (type === undefined || type === EdgeType.element || type === EdgeType.hidden) return false;
    return this.stringMatches(edgeNames[edge]!, pattern);
  }

  /** Per string, whether `pattern` matches it: -1 not tested yet, else 0 or 1. */
  private matchTable(pattern: RegExp): Int8Array {
    let known = this.matches.get(pattern);
    if (!known) this.matches.set(pattern, (known = new Int8Array(this.graph.strings.length).fill(-1)));
    return known;
  }

  private stringMatches(string: number, pattern: RegExp): boolean {
    // Callers test one pattern over many nodes in a row: keep its table at hand.
    const known = pattern === this.lastPattern ? this.lastMatches! : this.matchTable(pattern);
    this.lastPattern = pattern;
    this.lastMatches = known;
    if (known[string] === -1) known[string] = pattern.test(this.graph.strings[string] ?? '') ? 1 : 0;
    return known[string] === 1;
  }

  edgeLabel(edge: number): string {
    const { edgeTypes, edgeNames, strings } = this.graph;
    const type = edgeTypes[edge]!;
    const name = edgeNames[edge]!;
    if (type === EdgeType.element || type === EdgeType.hidden) return `[${name}]`;
    return strings[name] ?? '';
  }

  /** The target of `from`'s first edge whose label matches (and whose target has node type `type`), else -1. */
  edgeTo(from: number, label: RegExp, type?: number): number {
    const { edgeStart, edgeTargets } = this.graph;
    for (let e = edgeStart[from]!; e < edgeStart[from + 1]!; e++) {
      if (label.test(this.edgeLabel(e)) && (type === undefined || this.type(edgeTargets[e]!) === type)) return edgeTargets[e]!;
    }
    return -1;
  }

  /** A display name for a node: constructor for objects, `name()` for functions, kind for internals. */
  label(node: number): string {
    const name = this.name(node);
    switch (this.type(node)) {
      case NodeType.closure:
        return `${name || 'anonymous'}()`;
      case NodeType.string:
      case NodeType.consString:
      case NodeType.slicedString:
        return 'string';
      case NodeType.array:
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
   *
   * A WeakMap entry's value is drawn twice by V8: from the map's table and
   * from its key. The value lives only as long as the key, so the edge from
   * the table is followed last, when nothing else reaches the value: a Vue
   * component's reactive props then read as held by whatever keeps the
   * component (its leaked listener), not by Vue's `reactiveMap`.
   *
   * V8 keeps the target of every WeakRef made or dereferenced in the current
   * job alive until the job ends, in an array under `(Strong roots)`: the
   * handle tracker's WeakRefs put every timer a call made there. That hold is
   * V8's, gone a job later, and no user's retainer, so the walk skips it.
   */
  shortestPathTree(): { parents: Int32Array; parentEdges: Int32Array; order: Int32Array } {
    if (this.parents && this.parentEdges && this.order) return { parents: this.parents, parentEdges: this.parentEdges, order: this.order };
    const walk = this.graph.walks?.shortestPathTree;
    if (walk) {
      // The same walk in native code: run once per graph, the JavaScript loop
      // below would mostly run before V8 optimizes it (50–100 ms at 20 MB).
      const tree = walk(this.graph, this.ownHolderTable(), this.weakMapEntryKeys(), this.graph.strings.indexOf(KEPT_FOR_JOB_EDGE));
      this.parents = tree.parents;
      this.parentEdges = tree.parentEdges;
      this.order = tree.order;
      return tree;
    }
    const { nodeCount, nodeNames, edgeStart, edgeTypes, edgeNames, edgeTargets, nodeTypes, nodeIds, strings } = this.graph;
    const parents = new Int32Array(nodeCount).fill(-1);
    const parentEdges = new Int32Array(nodeCount).fill(-1);
    const queue = new Int32Array(nodeCount);
    const keyOfEntry = this.weakMapEntryKeys();
    const ownHolder = this.matchTable(OWN_HOLDERS);
    const fromTables: number[] = [];
    const keptForJob = strings.indexOf(KEPT_FOR_JOB_EDGE);
    let head = 0;
    let tail = 0;
    queue[tail++] = 0;
    parents[0] = 0;
    // Once per explanation over every node and edge (half a million and 1.6
    // million at 20 MB): the steps are written out inline, a quarter faster
    // than through nameMatches and a per-edge closure.
    for (let deferred = 0; ; ) {
      while (head < tail) {
        const node = queue[head++]!;
        // memscope's own objects reach the function under test; a path through
        // them would explain nothing to the user.
        if (node !== 0) {
          const name = nodeNames[node]!;
          let own = ownHolder[name]!;
          if (own === -1) own = ownHolder[name] = OWN_HOLDERS.test(strings[name] ?? '') ? 1 : 0;
          if (own === 1) continue;
        }
        const end = edgeStart[node + 1]!;
        for (let e = edgeStart[node]!; e < end; e++) {
          const type = edgeTypes[e];
          if (type === EdgeType.weak || type === EdgeType.shortcut) continue;
          if (type === EdgeType.internal && edgeNames[e] === keptForJob) continue;
          if (type === EdgeType.internal && keyOfEntry) {
            const key = keyOfEntry[edgeNames[e]!]!;
            if (key !== 0 && key !== nodeIds[node]) {
              fromTables.push(node, e);
              continue;
            }
          }
          const target = edgeTargets[e]!;
          if (parents[target] !== -1) continue;
          const targetType = nodeTypes[target];
          if (targetType === NodeType.code || targetType === NodeType.objectShape) continue;
          parents[target] = node;
          parentEdges[target] = e;
          queue[tail++] = target;
        }
      }
      if (deferred >= fromTables.length) break;
      for (; deferred < fromTables.length; deferred += 2) {
        const e = fromTables[deferred + 1]!;
        const target = edgeTargets[e]!;
        if (parents[target] !== -1) continue;
        const targetType = nodeTypes[target];
        if (targetType === NodeType.code || targetType === NodeType.objectShape) continue;
        parents[target] = fromTables[deferred]!;
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

  /**
   * OWN_HOLDERS tested on every string, for a walk that cannot test them as
   * it goes. Each name it can match starts with one of five capitals; the
   * rest are settled without running the pattern.
   */
  private ownHolderTable(): Int8Array {
    const own = this.matchTable(OWN_HOLDERS);
    const { strings } = this.graph;
    for (let i = 0; i < strings.length; i++) {
      if (own[i] !== -1) continue;
      const name = strings[i] ?? '';
      const first = name.charCodeAt(0);
      const candidate = first === 67 || first === 72 || first === 70 || first === 84 || first === 77; // C H F T M
      own[i] = candidate && OWN_HOLDERS.test(name) ? 1 : 0;
    }
    return own;
  }

  /**
   * For each string that names a WeakMap entry's edges, the key's id; 0 for
   * other strings.
   * Undefined when the heap has no WeakMap entries.
   */
  private weakMapEntryKeys(): Uint32Array | undefined {
    let keys: Uint32Array | undefined;
    const { strings } = this.graph;
    for (let i = 0; i < strings.length; i++) {
      const name = strings[i]!;
      if (!name.includes('part of key (')) continue;
      const match = WEAK_MAP_ENTRY.exec(name);
      if (!match) continue;
      keys ??= new Uint32Array(strings.length);
      keys[i] = Number(match[1]);
    }
    return keys;
  }

  /** Node indexes from the root to `node` (inclusive), or [] when unreachable. */
  pathTo(node: number): { nodes: number[]; edges: number[] } {
    const { parents, parentEdges } = this.shortestPathTree();
    if (parents[node] === -1) return { nodes: [], edges: [] };
    const nodes: number[] = [];
    const edges: number[] = [];
    for (let at = node; at !== 0; at = parents[at]!) {
      nodes.push(at);
      edges.push(parentEdges[at]!);
    }
    nodes.push(0);
    return { nodes: nodes.reverse(), edges: edges.reverse() };
  }
}
