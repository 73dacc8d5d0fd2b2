import { EdgeType, HeapIndex, NodeType } from './heap-index.js';
import type { HeapGraph } from '../capture/types.js';
import type { RetainerStep } from './types.js';

/**
 * Shortest retainer paths from the snapshot root to any node.
 *
 * One breadth-first search from node 0 over the strong edges (weak edges do
 * not keep anything alive) records, per node, the node and edge it was first
 * reached through. Every later query walks those two typed arrays back to
 * the root, so a leak verdict asking for paths to thousands of objects pays
 * for one search.
 */

const NODE_HIDDEN = NodeType.hidden;
const NODE_ARRAY = NodeType.array;
const NODE_CLOSURE = NodeType.closure;
const NODE_SYNTHETIC = NodeType.synthetic;
const { context: EDGE_CONTEXT, element: EDGE_ELEMENT, hidden: EDGE_HIDDEN } = EdgeType;

const NOT_REACHED = -1;
const ROOT = 0;

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
export function buildRetainerTree(graph: HeapGraph, index: HeapIndex = new HeapIndex(graph)): RetainerTree {
  const { parents, parentEdges } = index.shortestPathTree();
  return { graph, parentNode: parents, parentEdge: parentEdges };
}

/** Index of the node with this snapshot object id, or -1. */
export function findNodeIndexById(graph: HeapGraph, objectId: number): number {
  return graph.nodeIds.indexOf(objectId);
}

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
export function retainerStepsTo(
  tree: RetainerTree,
  nodeIndex: number,
  /** `stepNodes`, when given, receives the node index each returned step stands for (full paths only). */
  options: { full?: boolean; stepNodes?: number[] } = {},
): RetainerStep[] | null {
  const { graph, parentNode, parentEdge } = tree;
  if (nodeIndex < 0 || nodeIndex >= graph.nodeCount || parentNode[nodeIndex] === NOT_REACHED) return null;
  const nodes: number[] = [];
  const edges: number[] = [];
  for (let node = nodeIndex; node !== ROOT; node = parentNode[node]!) {
    nodes.push(node);
    edges.push(parentEdge[node]!);
  }
  nodes.reverse();
  edges.reverse();
  // nodes[i] was reached through edges[i] from nodes[i - 1] (or the root).
  let first = 0;
  while (first < nodes.length - 1 && graph.nodeTypes[nodes[first]!] === NODE_SYNTHETIC) first++;

  const steps: RetainerStep[] = [];
  for (let i = first; i < nodes.length; i++) {
    const node = nodes[i]!;
    const isLast = i === nodes.length - 1;
    const outEdge = isLast ? -1 : edges[i + 1]!;
    if (!isLast && i > first && isStorage(graph, node)) {
      // Fold `holder -name-> (storage) -[i]-> value` into `name[i]` on the previous step.
      const previous = steps[steps.length - 1];
      if (previous?.edge !== undefined) {
        previous.edge = `${previous.edge}${edgeLabel(graph, outEdge, true)}`;
        continue;
      }
    }
    const variable = isLast ? null : contextVariableName(graph, node, outEdge);
    if (variable !== null) {
      steps.push({ node: contextLabel(graph, node), edge: variable });
      options.stepNodes?.push(node);
      continue;
    }
    const step: RetainerStep = { node: nodeLabel(graph, node) };
    if (!isLast) step.edge = edgeLabel(graph, outEdge, false);
    steps.push(step);
    options.stepNodes?.push(node);
  }
  return options.full ? steps : fromLastModuleVariable(steps);
}

/** Objects a user knows as the root of what they hold: the global, `process`, an open handle, a window. */
const KNOWN_ROOTS = /^(global|globalThis|Window|process|TCP|Pipe|TTY|UDP|Timeout|Immediate|Server|Socket|FSWatcher|StatWatcher|ChildProcess|Worker|MessagePort|FileHandle)$/;

/** V8's and Node's own names: `Node / …`, `system / …`, `(object properties)`; none is something a user wrote. */
export function isInternalStep(step: RetainerStep): boolean {
  if (step.node === '(module)' || step.node === '(closure)') return false;
  return /^(Node \/|system \/|\(|<|$)/.test(step.node);
}

/**
 * The path from the first root a user knows, looked for up to the holder
 * (the object that gains a reference per call; `holderAt`, the last step
 * when unknown): the last module variable (the library's or the user's
 * own), else the last variable of a function scope (the test's local
 * `store`, the `events` a request handler closes over), else the first
 * well-known root object (the global, `process`, an open handle, a window),
 * else the first step that is not V8's or Node's bookkeeping
 * (`Node / PrincipalRealm → cleanup_queue → …` says nothing). Variables
 * past the holder belong to what leaks (a listener's own scope), not to
 * who keeps it.
 */
export function fromUserRoot(steps: RetainerStep[], holderAt = steps.length - 1): RetainerStep[] {
  const limit = Math.min(Math.max(holderAt, 0), steps.length - 1);
  for (const label of ['(module)', '(closure)']) {
    for (let i = limit; i > 0; i--) {
      if (steps[i]!.node === label && steps[i]!.edge !== undefined) return steps.slice(i);
    }
  }
  const known = steps.findIndex((step, i) => i <= limit && i < steps.length - 1 && KNOWN_ROOTS.test(step.node));
  if (known >= 0) return steps.slice(known);
  const first = steps.findIndex((step) => !isInternalStep(step));
  return first > 0 ? steps.slice(first) : steps;
}

/**
 * Runs of V8's and Node's internal steps in the middle of a path, folded
 * into one `… 4 internal hops …` step for the text; the steps themselves
 * stay in the finding's `retainerPath`.
 */
export function elideInternalHops(path: readonly RetainerStep[]): RetainerStep[] {
  const steps = foldEventTargetListeners(path);
  const out: RetainerStep[] = [];
  for (let i = 0; i < steps.length; ) {
    // A linked list (`Listener → next → Listener → next → …`) reads as one step and its length.
    let same = i;
    while (same + 1 < steps.length - 1 && steps[same + 1]!.node === steps[i]!.node && steps[same + 1]!.edge === steps[i]!.edge) same++;
    if (same - i >= 2) {
      out.push({ node: `… ${same - i + 1} × ${steps[i]!.node}`, edge: steps[i]!.edge ?? '' });
      i = same + 1;
      continue;
    }
    let end = i;
    while (end < steps.length - 1 && end > 0 && isInternalStep(steps[end]!)) end++;
    if (end - i >= 2) {
      out.push({ node: `… ${end - i} internal hops …`, edge: steps[end - 1]!.edge ?? '' });
      i = end;
      continue;
    }
    out.push(steps[i]!);
    i++;
  }
  return out;
}

/** The symbol Node's EventTarget files its listeners under: a Map by event type of linked Listener records. */
const EVENT_TARGET_LISTENERS = /^(<symbol kEvents>|Symbol\(kEvents\))$/;

/**
 * Node's EventTarget keeps an event's listeners as a linked list of
 * Listener records under a head object in a Map under a private symbol:
 * `AbortSignal → <symbol kEvents> → Map → table[6] → Object → next → …
 * 2207 × Listener → next → Listener` is Node's bookkeeping, not something a
 * user can look up. It reads as the listener's place on its target:
 * `AbortSignal → listeners[2208] → Listener` (the title names the event).
 */
function foldEventTargetListeners(steps: readonly RetainerStep[]): readonly RetainerStep[] {
  const at = steps.findIndex((step, i) => i < steps.length - 1 && EVENT_TARGET_LISTENERS.test(step.edge ?? ''));
  if (at < 0 || steps[at + 1]?.node !== 'Map' || steps[at + 2]?.node !== 'Object' || steps[at + 2]?.edge !== 'next') return steps;
  let listener = at + 3;
  while (listener < steps.length - 1 && steps[listener]!.node === 'Listener' && steps[listener]!.edge === 'next') listener++;
  if (steps[listener]?.node !== 'Listener') return steps;
  return [...steps.slice(0, at), { node: steps[at]!.node, edge: `listeners[${listener - at - 3}]` }, ...steps.slice(listener)];
}

/**
 * Node makes an AbortSignal as an EventTarget and swaps its prototype, so
 * the heap names it EventTarget; its abort state (a private symbol only
 * AbortSignal has) tells it apart.
 */
export function isAbortSignal(graph: HeapGraph, node: number): boolean {
  if (nameOf(graph, node) !== 'EventTarget') return false;
  for (let edge = graph.edgeStart[node]!; edge < graph.edgeStart[node + 1]!; edge++) {
    const type = graph.edgeTypes[edge];
    if (type === EDGE_ELEMENT || type === EDGE_HIDDEN) continue;
    if (/^(<symbol kAborted>|Symbol\(kAborted\))$/.test(graph.strings[graph.edgeNames[edge]!] ?? '')) return true;
  }
  return false;
}

/**
 * The path from the last module-level variable on it: what leads from the
 * global object to a module (the runner's registries, closures of its
 * internals) says nothing about the leak, the variable does.
 */
function fromLastModuleVariable(steps: RetainerStep[]): RetainerStep[] {
  for (let i = steps.length - 1; i > 0; i--) {
    if (steps[i]!.node === '(module)') return steps.slice(i);
  }
  // No module variable: a local of the test's own function (`(closure)
  // store`) is where the story starts; the async frames above it are the
  // runner's.
  for (let i = steps.length - 1; i > 0; i--) {
    if (steps[i]!.node === '(closure)') return steps.slice(i);
  }
  return steps;
}

/** `(module) cache → Map → table[3] → Session` */
export function retainerStepsText(steps: readonly RetainerStep[]): string {
  const parts: string[] = [];
  for (const step of steps) {
    if (step.edge === undefined) parts.push(step.node);
    else if (step.node.startsWith('… ')) parts.push(...(step.edge ? [step.node, step.edge] : [step.node]));
    else if (step.node === '(module)' || step.node === '(closure)') parts.push(`${step.node} ${step.edge}`);
    else parts.push(step.node, step.edge);
  }
  return parts.join(' → ');
}

/** One-shot convenience: the rendered path to the object with `objectId`, or null. */
export function retainerPathForId(graph: HeapGraph, objectId: number): { steps: RetainerStep[]; text: string } | null {
  const index = findNodeIndexById(graph, objectId);
  if (index < 0) return null;
  const steps = retainerStepsTo(buildRetainerTree(graph), index);
  return steps ? { steps, text: retainerStepsText(steps) } : null;
}

/**
 * The name an edge reads as in code: a variable for a context slot, a
 * property name for a property; null for elements and V8's internal edges.
 */
export function displayEdgeName(graph: HeapGraph, from: number, edge: number): string | null {
  const variable = contextVariableName(graph, from, edge);
  if (variable !== null) return variable;
  return graph.edgeTypes[edge] === EdgeType.property ? (graph.strings[graph.edgeNames[edge]!] ?? null) : null;
}

function nameOf(graph: HeapGraph, node: number): string {
  return graph.strings[graph.nodeNames[node]!] ?? '?';
}

/** Backing stores of objects: `(object elements)`, `system / OrderedHashMap`, … */
function isStorage(graph: HeapGraph, node: number): boolean {
  const type = graph.nodeTypes[node];
  if (type !== NODE_ARRAY && type !== NODE_HIDDEN) return false;
  const name = nameOf(graph, node);
  return name.startsWith('(') || name.startsWith('system /') || name === '';
}

function nodeLabel(graph: HeapGraph, node: number): string {
  const name = nameOf(graph, node);
  if (graph.nodeTypes[node] === NODE_CLOSURE) return name ? `${name}()` : '(anonymous function)';
  if (isAbortSignal(graph, node)) return 'AbortSignal';
  return name || '(anonymous)';
}

function edgeLabel(graph: HeapGraph, edge: number, folded: boolean): string {
  const type = graph.edgeTypes[edge];
  if (type === EDGE_ELEMENT || type === EDGE_HIDDEN) return `[${graph.edgeNames[edge]!}]`;
  const name = graph.strings[graph.edgeNames[edge]!] ?? '?';
  if (!folded) return name;
  // Hash-table slots come as internal edges named by their index.
  return /^\d+$/.test(name) ? `[${name}]` : `.${name}`;
}

/**
 * The variable a context edge stands for. V8 names context locals with
 * `context` edges, but some contexts (module wrappers among them, measured on
 * Node 20) only get hidden edges `[i]`; their ScopeInfo then holds the i-th
 * local's name as its own hidden edge `[i]`.
 */
function contextVariableName(graph: HeapGraph, node: number, edge: number): string | null {
  const type = graph.edgeTypes[edge];
  if (type === EDGE_CONTEXT) return graph.strings[graph.edgeNames[edge]!] ?? '?';
  if (type !== EDGE_HIDDEN || nameOf(graph, node) !== 'system / Context') return null;
  const scopeInfo = namedTarget(graph, node, 'scope_info');
  if (scopeInfo < 0) return null;
  const slot = graph.edgeNames[edge]!;
  const end = graph.edgeStart[scopeInfo + 1]!;
  for (let e = graph.edgeStart[scopeInfo]!; e < end; e++) {
    if (graph.edgeTypes[e] === EDGE_HIDDEN && graph.edgeNames[e] === slot) return nameOf(graph, graph.edgeTargets[e]!);
  }
  return null;
}

/**
 * The value of the variable named by `pattern` in the scope `context`, by
 * the same naming as the retainer path (context edges, or hidden ones named
 * through the ScopeInfo: block scopes such as the one Vitest runs a
 * transformed module in); -1 when it has none.
 */
export function scopeVariable(graph: HeapGraph, context: number, pattern: RegExp): number {
  for (let e = graph.edgeStart[context]!; e < graph.edgeStart[context + 1]!; e++) {
    const name = contextVariableName(graph, context, e);
    if (name !== null && pattern.test(name)) return graph.edgeTargets[e]!;
  }
  return -1;
}

function namedTarget(graph: HeapGraph, node: number, edgeName: string): number {
  const end = graph.edgeStart[node + 1]!;
  for (let edge = graph.edgeStart[node]!; edge < end; edge++) {
    const type = graph.edgeTypes[edge];
    if (type === EDGE_ELEMENT || type === EDGE_HIDDEN) continue;
    if (graph.strings[graph.edgeNames[edge]!] === edgeName) return graph.edgeTargets[edge]!;
  }
  return -1;
}

/** A context whose `previous` is a native or script context belongs to a top-level (module) function. */
function contextLabel(graph: HeapGraph, context: number): string {
  const previous = namedTarget(graph, context, 'previous');
  if (previous < 0) return '(module)';
  return /NativeContext|ScriptContext/.test(nameOf(graph, previous)) ? '(module)' : '(closure)';
}
