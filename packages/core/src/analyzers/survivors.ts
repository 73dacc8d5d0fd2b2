import { collectionMembers, pathThroughCollection, treeThroughCollections, type CollectionMember } from './collection-members.js';
import { childStorageElement, DOM_LISTENERS_EDGE, domTargetName, TREE_LINK_NAME } from './dom-targets.js';
import { HeapIndex, NodeType, EdgeType } from './heap-index.js';
import { retainerPathOfObject } from './render-path.js';
import { displayEdgeName, isAbortSignal } from './retainer-path.js';
import type { LeakFilterRule } from './rules/types.js';
import type { RetainerStep } from './types.js';

/** Node types a user would call "an object": they head a group; the rest is owned by them. */
const GROUP_HEAD_TYPES = new Set<number>([NodeType.object, NodeType.closure, NodeType.regexp, NodeType.native]);
const STRING_TYPES = new Set<number>([NodeType.string, NodeType.consString, NodeType.slicedString]);

/** The edges by which a Map, a Set or an array holds its members: a holder that grows there gains members. */
export const COLLECTION_EDGES: ReadonlySet<string> = new Set(['Map entries', 'Set entries', 'array elements']);

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
  holder: GroupHolder | undefined;
  /** Bytes of Buffers, typed arrays and their backing stores among what the members own. */
  nativeBytes?: number;
  /** Groups with the same holder folded into this one (their bytes are in `bytes`). */
  folded?: SurvivorGroup[];
}

/**
 * The object that existed before the measured calls and gains a reference
 * with every call: the root cause a finding is named after.
 */
export interface GroupHolder {
  /** Its display name: constructor (`Map`, `Socket`), `name()` for functions. */
  label: string;
  /** What grows on it: `Map entries`, `'data' listeners`, `array elements`, a property. */
  edge: string;
  node: number;
  /** The variable or property that holds it (`cache` in `(module) cache → Map`), when it has one. */
  variable?: string;
  /** A DOM event target (`window`, `document`, `HTMLDivElement`) of jsdom or happy-dom. */
  dom?: boolean;
  /** For listeners: the list the group's objects are elements of (under the emitter's storage). */
  storage?: number;
}

const CONTEXT_NAME = 'system / Context';
/** Objects whose memory lives outside the JS heap (a Buffer's bytes, an ArrayBuffer's store). */
export const NATIVE_BACKED = /^(Buffer|FastBuffer|ArrayBuffer|SharedArrayBuffer|DataView|(Ui|I)nt(8|16|32)Array|Uint8ClampedArray|Float(32|64)Array|Big(Ui|I)nt64Array|system \/ JSArrayBufferData)$/;

/** Which interval an id belongs to: -1 before the first boundary, k after boundary k. */
function intervalOf(id: number, boundaries: readonly number[]): number {
  let k = -1;
  for (let i = 0; i < boundaries.length; i++) if (id > boundaries[i]!) k = i;
  return k;
}

/** A population as the walk over new objects collects it, before its holder and path are known. */
type Population = Pick<SurvivorGroup, 'name' | 'nodeType' | 'members' | 'countsPerInterval' | 'bytes' | 'nativeBytes'>;

/** What the walk over new objects leaves for describing their groups. */
interface Collected {
  populations: Map<string, Population>;
  /** The holder of every reachable node (see holderTable). */
  holders: Int32Array;
  /** Heads held by an older collection that the shortest path does not go through (see collectionMembers). */
  heldByCollection: Map<number, CollectionMember>;
}

/**
 * Groups the objects that were allocated after the first boundary and are
 * still alive. Each new object is charged to its nearest new ancestor that a
 * user would recognise (a Session owns its strings and backing stores);
 * objects without one head a group of their own, keyed by type and name.
 * Each group is built once, with its holder and path, from its population.
 */
export function groupSurvivors(index: HeapIndex, boundaries: readonly number[], rules: readonly LeakFilterRule[]): SurvivorGroup[] {
  const first = boundaries[0]!;
  const isNew = (node: number) => index.id(node) > first;
  const collected = collectPopulations(index, boundaries, rules, isNew);
  const { heldByCollection } = collected;
  const collectionTree = heldByCollection.size > 0 ? treeThroughCollections(index, heldByCollection) : undefined;
  const result: SurvivorGroup[] = [];
  for (const population of collected.populations.values()) {
    const group = describedGroup(index, population, collected, isNew, collectionTree);
    const { representative, name, nodeType } = group.group;
    const view = { index, representative, name, nodeType, pathText: group.ruleText, holderText: group.holderText };
    if (rules.some((rule) => rule.excludesGroup?.(view))) continue;
    result.push(group.group);
  }
  return result.sort((a, b) => b.bytes - a.bytes);
}

function collectPopulations(index: HeapIndex, boundaries: readonly number[], rules: readonly LeakFilterRule[], isNew: (node: number) => boolean): Collected {
  const { nodeCount } = index.graph;
  const { parents } = index.shortestPathTree();
  const populations = new Map<string, Population>();
  const excluded = (node: number) => rules.some((rule) => rule.excludesNode?.(index, node));
  const heads = headTable(index, parents, isNew);

  // The holder of every reachable node: its nearest ancestor that existed
  // before the measured calls, computed once in breadth-first order.
  const holders = holderTable(index, isNew);
  // A new object that an older Set, Map or array holds, but that the
  // shortest path reaches through other new objects (a subscriber that a
  // leaked listener's scope also reaches), heads a group held by that
  // collection: two places that gain a reference per call are two bugs,
  // and which one the breadth-first walk met first says nothing.
  const inCollections = collectionMembers(index, isNew, (node) => GROUP_HEAD_TYPES.has(index.type(node)));
  const heldByCollection = new Map<number, CollectionMember>();

  const owned: OwnedBytes = { heads: [], bytes: [], native: [], ownerOfHead: new Map() };
  const joined: JoinedPopulations = { populations, byHolder: new Map() };
  for (let node = 1; node < nodeCount; node++) {
    if (!isNew(node) || parents[node] === -1 || heldByRunningCode(index, holders[node]!) || excluded(node)) continue;
    const member = inCollections.get(node);
    let head = heads[node]!;
    if (head !== -1 && member !== undefined && holders[node] !== member.collection) {
      heldByCollection.set(node, member);
      head = -1;
    }
    if (head !== -1) {
      noteOwned(owned, index, node, head);
      continue;
    }
    if (formsPopulation(index.type(node))) joinPopulation(joined, index, node, heldByCollection.get(node)?.collection ?? holders[node]!, boundaries);
  }
  chargeOwnedBytes(populations, owned);
  return { populations, holders, heldByCollection };
}

/** Whether a node of this type that leads its own group forms a population (other kinds form none). */
function formsPopulation(type: number): boolean {
  return GROUP_HEAD_TYPES.has(type) || STRING_TYPES.has(type) || type === NodeType.number || type === NodeType.bigint;
}

/** The name a node that leads its own group is counted under. */
function populationName(index: HeapIndex, node: number, type: number): string {
  return STRING_TYPES.has(type) ? '(string)' : index.name(node) || '(anonymous)';
}

/**
 * The populations by their key (type, name, holder), in the order they were
 * first met, and the same populations by holder, then by node type and
 * name index: tens of thousands of new nodes find theirs without a key
 * string made per node.
 */
interface JoinedPopulations {
  populations: Map<string, Population>;
  byHolder: Map<number, Map<number, Population>>;
}

/** Node types are below 16: a node's name index and type make one number. */
const TYPE_SLOTS = 16;

/** Adds the node to the population of its type, name and holder, counting it in the interval it was allocated in. */
function joinPopulation({ populations, byHolder }: JoinedPopulations, index: HeapIndex, node: number, holder: number, boundaries: readonly number[]): void {
  const type = index.type(node);
  let byName = byHolder.get(holder);
  if (!byName) byHolder.set(holder, (byName = new Map()));
  const nameKey = index.graph.nodeNames[node]! * TYPE_SLOTS + type;
  let population = byName.get(nameKey);
  if (!population) {
    // Two name indexes can share a key (every string is '(string)'): the key decides.
    const name = populationName(index, node, type);
    const key = `${type}:${name}:${holder}`;
    population = populations.get(key);
    if (!population) {
      population = { name, nodeType: type, members: [], countsPerInterval: new Array<number>(boundaries.length).fill(0), bytes: 0 };
      populations.set(key, population);
    }
    byName.set(nameKey, population);
  }
  population.members.push(node);
  population.bytes += index.selfSize(node);
  const interval = intervalOf(index.id(node), boundaries);
  population.countsPerInterval[interval] = (population.countsPerInterval[interval] ?? 0) + 1;
}

/**
 * The head of every new node, -1 for none. A new object belongs to a nearby
 * new ancestor of another kind (a Session owns its strings and its user
 * object). Ancestors of the same kind are peers, not owners: a linked list
 * is a population, not one big object. A closure's context chain
 * (`context → previous → previous`) is one closure's scope, not a
 * population of contexts: a context looks past the contexts above it for
 * the closure that owns them.
 *
 * An owner of another kind that is itself owned by a peer heading a group
 * does not own the node: a list linked through its members' records (jsdom's
 * elements, each holding its next sibling through its own tree record) is
 * as much a population as a plain linked list. A peer that is itself owned
 * (the second <li> of a panel) leaves the node with its owner; closures,
 * whose names say little (two anonymous arrows are peers), keep theirs.
 */
function headTable(index: HeapIndex, parents: Int32Array, isNew: (node: number) => boolean): Int32Array {
  // Same type and name: a peer. Names are compared by their string-table
  // index first, which settles nearly every pair without reading a string.
  const { nodeNames, nodeTypes } = index.graph;
  const samePeer = (a: number, b: number) => nodeTypes[a] === nodeTypes[b] && (nodeNames[a] === nodeNames[b] || index.name(a) === index.name(b));
  const heads = new Int32Array(index.graph.nodeCount).fill(-1);
  // A list linked through its members' own records: the owner's head is a peer that heads a group.
  const linksPeers = (owner: number, node: number): boolean => {
    const peer = heads[owner]!;
    return peer !== -1 && index.type(node) !== NodeType.closure && samePeer(peer, node) && heads[peer] === -1;
  };
  const headOf = (node: number): number => {
    const isContext = index.name(node) === CONTEXT_NAME;
    let steps = 0;
    for (let at = parents[node]!; at > 0 && isNew(at) && steps < 8; at = parents[at]!, steps++) {
      if (!GROUP_HEAD_TYPES.has(index.type(at))) continue;
      if (!samePeer(at, node)) return linksPeers(at, node) ? -1 : at;
      if (!isContext) return -1;
    }
    return -1;
  };
  // In breadth-first order, so that a peer's head is known before the nodes below it.
  for (const node of index.shortestPathTree().order) if (isNew(node)) heads[node] = headOf(node);
  return heads;
}

/**
 * What heads own, charged once the groups are known: for each owned object
 * its head, its bytes and whether they are native-backed (three parallel
 * lists, no tuple per object), and the heads that are themselves owned by
 * another head (their bytes, and the bytes charged to them, go on up to the
 * head that leads a group).
 */
interface OwnedBytes {
  heads: number[];
  bytes: number[];
  native: boolean[];
  ownerOfHead: Map<number, number>;
}

function noteOwned(owned: OwnedBytes, index: HeapIndex, node: number, head: number): void {
  owned.heads.push(head);
  owned.bytes.push(index.selfSize(node));
  owned.native.push(index.nameMatches(node, NATIVE_BACKED));
  if (GROUP_HEAD_TYPES.has(index.type(node))) owned.ownerOfHead.set(node, head);
}

/** Charges what each head owns to the population of the head that leads it. */
function chargeOwnedBytes(populations: Map<string, Population>, owned: OwnedBytes): void {
  const { ownerOfHead } = owned;
  const populationOfHead = new Map<number, Population>();
  for (const population of populations.values()) for (const member of population.members) populationOfHead.set(member, population);
  for (let i = 0; i < owned.heads.length; i++) {
    const head = owned.heads[i]!;
    const bytes = owned.bytes[i]!;
    const native = owned.native[i]!;
    let at: number | undefined = head;
    for (let hops = 0; at !== undefined && !populationOfHead.has(at) && hops < 16; hops++) at = ownerOfHead.get(at);
    const population = at === undefined ? undefined : populationOfHead.get(at);
    if (!population) continue;
    population.bytes += bytes;
    if (native) population.nativeBytes = (population.nativeBytes ?? 0) + bytes;
  }
}

/** A population as a group: its shallowest member, the holder, the path; and the texts the rules judge it by. */
function describedGroup(
  index: HeapIndex,
  population: Population,
  { holders, heldByCollection }: Collected,
  isNew: (node: number) => boolean,
  collectionTree: ReturnType<typeof treeThroughCollections> | undefined,
): { group: SurvivorGroup; ruleText: string; holderText: string } {
  const representative = shallowestMember(population.members, index);
  const member = heldByCollection.get(representative);
  const path = member ? pathThroughCollection(index, representative, member) : undefined;
  const holder = path ? describeHolder(index, path.nodes, path.edges, path.nodes.indexOf(member!.collection)) : findHolder(index, representative, isNew, holders);
  const rendered = retainerPathOfObject(index, representative, holder?.node, member ? collectionTree : undefined);
  const holderText = !holder ? rendered.ruleText : path ? tailOf(index, path, holder.node) : tailFrom(index, representative, holder.node);
  const group: SurvivorGroup = { ...population, representative, retainerPath: rendered.steps, pathText: rendered.text, holder };
  return { group, ruleText: rendered.ruleText, holderText };
}

/** Labels and edges from `holder` down to `node` along its retainer path. */
function tailFrom(index: HeapIndex, node: number, holder: number): string {
  return tailOf(index, index.pathTo(node), holder);
}

function tailOf(index: HeapIndex, { nodes, edges }: { nodes: number[]; edges: number[] }, holder: number): string {
  const node = nodes[nodes.length - 1]!;
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
  const holders = new Int32Array(index.graph.nodeCount).fill(-1);
  const ephemerons = fillHolders(index, holders, isNew, undefined);
  // A WeakMap's value lives as long as its key: when the key is new, the
  // value is held by whatever holds the key (a listener's scope, a request),
  // not by the WeakMap it is reached through first.
  if (ephemerons) fillHolders(index, holders, isNew, ephemeronKeys(index, holders, isNew));
  return holders;
}

/**
 * One breadth-first pass that sets each node's holder from its parent's;
 * `keys[node] >= 0`: the node is held by whatever holds that key. Says
 * whether it passed an ephemeron edge (a WeakMap's value).
 */
function fillHolders(index: HeapIndex, holders: Int32Array, isNew: (node: number) => boolean, keys: Int32Array | undefined): boolean {
  const { parents, parentEdges, order } = index.shortestPathTree();
  const { nodeTypes } = index.graph;
  let ephemerons = false;
  for (let i = 0; i < order.length; i++) {
    const node = order[i]!;
    const parent = parents[node]!;
    if (parent < 0 || node === 0) continue;
    const key = keys ? keys[node]! : -1;
    if (key >= 0) {
      holders[node] = holders[key]!;
      continue;
    }
    const type = nodeTypes[parent]!;
    if (type === NodeType.synthetic) {
      holders[node] = parent;
      continue;
    }
    const isContainer = type === NodeType.array || type === NodeType.hidden;
    holders[node] = !isNew(parent) && !isContainer ? parent : holders[parent]!;
    ephemerons ||= index.edgeNameMatches(parentEdges[node]!, EPHEMERON_EDGE);
  }
  return ephemerons;
}

/** For each WeakMap value whose key is new and held: the key's node, else -1. */
function ephemeronKeys(index: HeapIndex, holders: Int32Array, isNew: (node: number) => boolean): Int32Array {
  const { parentEdges, order } = index.shortestPathTree();
  const keys = new Int32Array(holders.length).fill(-1);
  for (const node of order) {
    const match = index.edgeNameMatches(parentEdges[node]!, EPHEMERON_EDGE) ? EPHEMERON_EDGE.exec(index.edgeLabel(parentEdges[node]!)) : null;
    const key = match ? index.indexOfId(Number(match[1])) : -1;
    if (key >= 0 && key !== node && isNew(key) && holders[key]! >= 0) keys[node] = key;
  }
  return keys;
}

/** V8 names a WeakMap value's edge after the entry: `part of key (DOMException @1135311) -> value (Object @1121435) pair in WeakMap …`. */
const EPHEMERON_EDGE = /part of key \(.* @(\d+)\) -> value/;

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

/** Edges under which Node keeps an emitter's or event target's listeners. */
const EVENTS_EDGE = /^(_events|Symbol\(kEvents\)|<symbol kEvents>|_eventListeners|<symbol listeners>|Symbol\(listeners\)|<symbol listenerOptions>|Symbol\(listenerOptions\))$/;
/** What an emitter keeps its listeners in: its events object, the lists, EventTarget's Listener records. */
const LISTENER_STORAGE = /^(Object|Array|Map|Listener|\(.*\)|system \/ .*|)$/;

/**
 * The object that gains a reference with every call: the nearest ancestor
 * of the group that existed before the measured calls (the holder table's
 * entry). Listeners are reported on their emitter (`'data' listeners`),
 * whatever lists Node keeps them in underneath, and so is everything their
 * closures keep: a listener's scope leaks with the listener. Collections are
 * reported by their entries.
 */
function findHolder(index: HeapIndex, node: number, isNew: (n: number) => boolean, holders: Int32Array): GroupHolder | undefined {
  const { nodes, edges } = index.pathTo(node);
  const held = holders[node]!;
  const heldAt = held >= 0 && index.type(held) !== NodeType.synthetic ? nodes.indexOf(held) : -1;
  if (held >= 0 && index.type(held) !== NodeType.synthetic && heldAt < 0) {
    // Held through a WeakMap key that another holder keeps: describe that holder.
    const path = index.pathTo(held);
    const at = path.nodes.length - 1;
    if (at > 0) return listenerHolder(index, path.nodes, path.edges, at) ?? describeHolder(index, path.nodes, path.edges, at);
  }
  const listeners = heldAt >= 0 ? listenerHolder(index, nodes, edges, heldAt) : undefined;
  if (listeners) return listeners;
  if (heldAt > 0) return describeHolder(index, nodes, edges, heldAt);
  // No old ancestor on the path (reached through a root's own storage): the
  // nearest old object that is not a container, as before.
  for (let i = nodes.length - 2; i > 0; i--) {
    const at = nodes[i]!;
    if (isNew(at)) continue;
    const type = index.type(at);
    if (type === NodeType.array || type === NodeType.hidden || type === NodeType.synthetic) continue;
    return describeHolder(index, nodes, edges, i);
  }
  return undefined;
}

/**
 * The emitter whose listener storage is the holder: `_events` (or
 * EventTarget's kEvents) lies above the holder, and only the emitter's own
 * bookkeeping (the events object, a listener array, Listener records) lies
 * between them.
 */
function listenerHolder(index: HeapIndex, nodes: number[], edges: number[], heldAt: number): GroupHolder | undefined {
  // pathTo's edges[i] leads from nodes[i] to nodes[i + 1].
  // EventTarget keeps its listeners as a linked list of Listener records:
  // the path runs through all the older ones, however many.
  for (let i = heldAt; i > 1; i--) {
    // A listener's own closure above the holder: the growth is data the
    // listener keeps (an old listener filling an array), not listeners.
    if (index.type(nodes[i]!) === NodeType.closure || !LISTENER_STORAGE.test(index.name(nodes[i]!))) return undefined;
    if (!EVENTS_EDGE.test(index.edgeLabel(edges[i - 1]!))) continue;
    const emitter = nodes[i - 1]!;
    const next = edges[i];
    const domTarget = DOM_LISTENERS_EDGE.test(index.edgeLabel(edges[i - 1]!)) ? domTargetName(index.label(emitter), i > 1 ? index.label(nodes[i - 2]!) : undefined) : undefined;
    const property = next !== undefined && index.graph.edgeTypes[next] === EdgeType.property ? index.edgeLabel(next) : undefined;
    // EventTarget (Node's, happy-dom's) files listeners in a Map keyed by
    // the event, below any phase (`bubbling`); EventEmitter and jsdom under
    // a property named after it.
    const event = mapKeyOnPath(index, nodes, edges, i, heldAt) ?? property;
    const eventName = event === undefined ? '' : `'${event}' `;
    const dom = domTarget ? { dom: true, storage: nodes[heldAt]! } : {};
    return { label: domTarget ?? emitterLabel(index, emitter), edge: `${eventName}listeners`, node: emitter, ...dom, ...variableOf(index, nodes, edges, i - 1) };
  }
  return undefined;
}

/** An emitter as the user knows it: an AbortSignal, not the EventTarget Node makes it from. */
function emitterLabel(index: HeapIndex, emitter: number): string {
  return isAbortSignal(index.graph, emitter) ? 'AbortSignal' : index.label(emitter);
}

/**
 * The key of the Map entry the path goes through between `from` and `to`
 * (happy-dom files listeners by phase, then by event type: `bubbling →
 * Map → table → [6]`). V8 lays a Map's entries out as key, value, chain:
 * the key of the value at element n is element n − 1 of the same table.
 */
function mapKeyOnPath(index: HeapIndex, nodes: number[], edges: number[], from: number, to: number): string | undefined {
  const { edgeStart, edgeTargets, edgeTypes } = index.graph;
  for (let at = from; at + 2 < nodes.length && at <= to; at++) {
    if (index.name(nodes[at]!) !== 'Map') continue;
    const table = nodes[at + 1]!;
    const valueEdge = edges[at + 1]!;
    // Element edges read `[6]`, internal ones `6`.
    const match = /^\[?(\d+)\]?$/.exec(index.edgeLabel(valueEdge));
    if (!match) return undefined;
    const keyAt = String(Number(match[1]) - 1);
    for (let e = edgeStart[table]!; e < edgeStart[table + 1]!; e++) {
      if (edgeTypes[e] !== EdgeType.weak && index.edgeLabel(e).replace(/^\[|\]$/g, '') === keyAt && index.type(edgeTargets[e]!) === NodeType.string) return index.name(edgeTargets[e]!);
    }
    return undefined;
  }
  return undefined;
}

function describeHolder(index: HeapIndex, nodes: number[], edges: number[], at: number): GroupHolder {
  const holder = nodes[at]!;
  const element = childStorageElement(index, nodes, edges, at);
  if (element) {
    const named = variableOf(index, nodes, edges, element.elementAt);
    return { label: element.label, edge: 'child nodes', node: holder, ...(named.variable && !TREE_LINK_NAME.test(named.variable) ? named : {}) };
  }
  const label = index.label(holder);
  const edge = /^(Map|WeakMap)$/.test(label)
    ? 'Map entries'
    : label === 'Set' || label === 'WeakSet'
      ? 'Set entries'
      : label === 'Array'
        ? 'array elements'
        : at < edges.length
          ? index.edgeLabel(edges[at]!)
          : 'entries';
  return { label, edge, node: holder, ...variableOf(index, nodes, edges, at) };
}

/** The variable or property name the path reaches node `at` through, when it reads as one. */
function variableOf(index: HeapIndex, nodes: number[], edges: number[], at: number): { variable?: string } {
  if (at < 1) return {};
  const name = displayEdgeName(index.graph, nodes[at - 1]!, edges[at - 1]!);
  return name !== null && /^[A-Za-z_$][\w$]*$/.test(name) ? { variable: name } : {};
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
          if (new Set(names).size > 1 && !cycles.includes(text)) cycles.push(text);
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
