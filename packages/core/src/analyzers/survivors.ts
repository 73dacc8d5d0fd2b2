import { HeapIndex, NodeType, EdgeType } from './heap-index.js';
import { renderRetainerPath } from './render-path.js';
import type { LeakFilterRule } from './rules/types.js';
import type { RetainerStep } from '../verdict/types.js';

/** Node types a user would call "an object": they head a group; the rest is owned by them. */
const GROUP_HEAD_TYPES = new Set<number>([NodeType.object, NodeType.closure, NodeType.regexp, NodeType.native]);
const STRING_TYPES = new Set<number>([NodeType.string, NodeType.consString, NodeType.slicedString]);

export interface SurvivorGroup {
  name: string;
  nodeType: number;
  members: number[];
  /** Members per measured interval (objects allocated in that interval and still alive). */
  countsPerInterval: number[];
  /** Self size of the members plus the new objects they own. */
  bytes: number;
  representative: number;
  retainerPath: RetainerStep[];
  pathText: string;
  holder: { label: string; edge: string; node: number } | undefined;
}

/** Which interval an id belongs to: -1 before the first boundary, k after boundary k. */
function intervalOf(id: number, boundaries: readonly number[]): number {
  let k = -1;
  for (let i = 0; i < boundaries.length; i++) if (id > boundaries[i]!) k = i;
  return k;
}

/**
 * Groups the objects that were allocated after the first boundary and are
 * still alive. Each new object is charged to its nearest new ancestor that a
 * user would recognise (a Session owns its strings and backing stores);
 * objects without one head a group of their own, keyed by type and name.
 */
export function groupSurvivors(index: HeapIndex, boundaries: readonly number[], rules: readonly LeakFilterRule[]): SurvivorGroup[] {
  const { nodeCount } = index.graph;
  const { parents } = index.shortestPathTree();
  const first = boundaries[0]!;
  const isNew = (node: number) => index.id(node) > first;
  const groups = new Map<string, SurvivorGroup>();
  const excluded = (node: number) => rules.some((rule) => rule.excludesNode?.(index, node));

  const keyOf = (node: number) => `${index.type(node)}:${index.name(node)}`;
  // A new object belongs to a nearby new ancestor of another kind (a Session
  // owns its strings and its user object). Ancestors of the same kind are
  // peers, not owners: a linked list is a population, not one big object.
  const headOf = (node: number): number => {
    let steps = 0;
    for (let at = parents[node]!; at > 0 && isNew(at) && steps < 8; at = parents[at]!, steps++) {
      if (GROUP_HEAD_TYPES.has(index.type(at))) return keyOf(at) === keyOf(node) ? -1 : at;
    }
    return -1;
  };

  // The holder of every reachable node: its nearest ancestor that existed
  // before the measured calls, computed once in breadth-first order.
  const holders = holderTable(index, isNew);

  const pendingBytes: Array<[number, number]> = [];
  for (let node = 1; node < nodeCount; node++) {
    if (!isNew(node) || parents[node] === -1 || heldByRunningCode(index, holders[node]!) || excluded(node)) continue;
    const type = index.type(node);
    const head = headOf(node);
    if (head !== -1) {
      pendingBytes.push([head, index.selfSize(node)]);
      continue;
    }
    if (!GROUP_HEAD_TYPES.has(type) && !STRING_TYPES.has(type) && type !== NodeType.number && type !== NodeType.bigint) continue;
    const name = STRING_TYPES.has(type) ? '(string)' : index.name(node) || '(anonymous)';
    const key = `${type}:${name}:${holders[node]}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        name,
        nodeType: type,
        members: [],
        countsPerInterval: new Array<number>(boundaries.length).fill(0),
        bytes: 0,
        representative: node,
        retainerPath: [],
        pathText: '',
        holder: undefined,
      };
      groups.set(key, group);
    }
    group.members.push(node);
    group.bytes += index.selfSize(node);
    const interval = intervalOf(index.id(node), boundaries);
    group.countsPerInterval[interval] = (group.countsPerInterval[interval] ?? 0) + 1;
  }

  const groupOfHead = new Map<number, SurvivorGroup>();
  for (const group of groups.values()) for (const member of group.members) groupOfHead.set(member, group);
  for (const [head, bytes] of pendingBytes) {
    const group = groupOfHead.get(head);
    if (group) group.bytes += bytes;
  }

  const result: SurvivorGroup[] = [];
  for (const group of groups.values()) {
    group.representative = shallowestMember(group.members, index);
    const rendered = renderRetainerPath(index, group.representative);
    group.retainerPath = rendered.steps;
    group.pathText = rendered.text;
    group.holder = findHolder(index, group.representative, isNew);
    const holderText = group.holder ? tailFrom(index, group.representative, group.holder.node) : group.pathText;
    const view = { index, representative: group.representative, name: group.name, nodeType: group.nodeType, pathText: group.pathText, holderText };
    if (rules.some((rule) => rule.excludesGroup?.(view))) continue;
    result.push(group);
  }
  return result.sort((a, b) => b.bytes - a.bytes);
}

/** Labels and edges from `holder` down to `node` along its retainer path. */
function tailFrom(index: HeapIndex, node: number, holder: number): string {
  const { nodes, edges } = index.pathTo(node);
  const start = nodes.indexOf(holder);
  if (start < 0) return index.label(node);
  const parts: string[] = [];
  for (let i = start; i < nodes.length; i++) {
    parts.push(index.label(nodes[i]!));
    if (i < nodes.length - 1) parts.push(index.edgeLabel(edges[i]!));
  }
  return parts.join(' → ');
}

/**
 * The holder of every reachable node: its nearest ancestor that existed
 * before the measured calls, past arrays and V8's hidden containers. A node
 * with no such ancestor is held by the synthetic root its path enters
 * through (`(Stack roots)`, `(Internalized strings)`, `(Global handles)`…),
 * so that survivors kept by different roots never share a group: one
 * group's retainer path stands for all of its members.
 */
function holderTable(index: HeapIndex, isNew: (node: number) => boolean): Int32Array {
  const { parents, order } = index.shortestPathTree();
  const holders = new Int32Array(index.graph.nodeCount).fill(-1);
  for (const node of order) {
    const parent = parents[node]!;
    if (parent < 0 || node === 0) continue;
    const type = index.type(parent);
    if (type === NodeType.synthetic) {
      holders[node] = parent;
      continue;
    }
    const isContainer = type === NodeType.array || type === NodeType.hidden;
    holders[node] = !isNew(parent) && !isContainer ? parent : holders[parent]!;
  }
  return holders;
}

const RUNNING_CODE_ROOTS = /^\((Stack roots|Handle scope)\)$/;

/**
 * True for new objects that only the running code holds: nothing older than
 * the measured calls lies between them and the stack. The function under
 * test has returned when the snapshot is taken, so these belong to the code
 * taking it (on the pure-JS path from Node 22 on, the snapshot file's path).
 */
function heldByRunningCode(index: HeapIndex, holder: number): boolean {
  return holder >= 0 && index.type(holder) === NodeType.synthetic && RUNNING_CODE_ROOTS.test(index.name(holder));
}

/**
 * The member with the shortest path from a real holder. Members hanging
 * straight off a synthetic root (a handle scope, the most recent allocation)
 * say nothing about who keeps the rest alive.
 */
function shallowestMember(members: number[], index: HeapIndex): number {
  const { parents } = index.shortestPathTree();
  let best = members[0]!;
  let bestDepth = Infinity;
  for (const member of members.slice(0, 200)) {
    const parent = parents[member]!;
    if (parent <= 0 || index.type(parent) === NodeType.synthetic) continue;
    let depth = 0;
    for (let at = member; at > 0 && depth < 10_000; at = parents[at]!) depth++;
    if (depth < bestDepth) {
      bestDepth = depth;
      best = member;
    }
  }
  return best;
}

/**
 * The object that gains a reference with every call: the nearest ancestor
 * that existed before the measured calls. Listeners are reported on their
 * emitter (`'data' listeners`), collections by their entries.
 */
function findHolder(index: HeapIndex, node: number, isNew: (n: number) => boolean): SurvivorGroup['holder'] {
  const { nodes, edges } = index.pathTo(node);
  // Listeners: report the emitter or event target, whatever list or map
  // Node keeps them in underneath.
  const eventsAt = edges.findIndex((e) => /^(_events|Symbol\(kEvents\))$/.test(index.edgeLabel(e)));
  // Only when the new objects are the listeners themselves (or their list
  // nodes), not data that a listener's closure happens to reach.
  const throughScope = nodes.slice(eventsAt + 1).some((n) => index.label(n) === '(scope)');
  if (index.name(node) === 'Listener' && eventsAt < 0) {
    // EventTarget keeps its listeners in a linked list of Listener records.
    for (let i = nodes.length - 2; i > 0; i--) {
      const label = index.label(nodes[i]!);
      if (/EventTarget|AbortSignal|MessagePort|Emitter/.test(label)) return { label, edge: 'listeners', node: nodes[i]! };
    }
  }
  if (eventsAt >= 0 && !throughScope && (nodes.length - eventsAt <= 8 || index.name(node) === 'Listener')) {
    const emitter = nodes[eventsAt]!;
    const next = edges[eventsAt + 1];
    const eventName = next !== undefined && index.graph.edgeTypes[next] === EdgeType.property ? `'${index.edgeLabel(next)}' ` : '';
    return { label: index.label(emitter), edge: `${eventName}listeners`, node: emitter };
  }
  for (let i = nodes.length - 2; i > 0; i--) {
    const at = nodes[i]!;
    if (isNew(at)) continue;
    const type = index.type(at);
    if (type === NodeType.array || type === NodeType.hidden || type === NodeType.synthetic) continue;
    const label = index.label(at);
    const edge = /^(Map|WeakMap)$/.test(label)
      ? 'Map entries'
      : label === 'Set'
        ? 'Set entries'
        : label === 'Array'
          ? 'array elements'
          : index.edgeLabel(edges[i]!);
    return { label, edge, node: at };
  }
  return undefined;
}

/** Retainer cycles among the new objects of a group, rendered `A → B → A`. */
export function findCycles(index: HeapIndex, group: SurvivorGroup, isNew: (n: number) => boolean, limit = 3): string[] {
  const { edgeStart, edgeTargets, edgeTypes } = index.graph;
  const cycles: string[] = [];
  for (const start of group.members.slice(0, 50)) {
    // Depth-limited search for a path back to `start` through new objects.
    const stack: Array<{ node: number; path: number[] }> = [{ node: start, path: [start] }];
    const seen = new Set<number>([start]);
    while (stack.length && cycles.length < limit) {
      const { node, path } = stack.pop()!;
      if (path.length > 6) continue;
      for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
        if (edgeTypes[e] === EdgeType.weak) continue;
        const target = edgeTargets[e]!;
        if (target === start && path.length > 1) {
          const names = [...path, start].map((n) => index.label(n)).filter((l) => !l.startsWith('('));
          const text = names.join(' → ');
          if (names.length > 1 && !cycles.includes(text)) cycles.push(text);
          continue;
        }
        if (seen.has(target) || !isNew(target)) continue;
        seen.add(target);
        stack.push({ node: target, path: [...path, target] });
      }
    }
    if (cycles.length >= limit) break;
  }
  return cycles;
}
