import type { HeapGraph } from '../capture/types.js';
import { HeapIndex, NodeType, EdgeType } from './heap-index.js';
import { retainerPathOfObject } from './render-path.js';
import { displayEdgeName } from './retainer-path.js';
import type { LeakFilterRule } from './rules/types.js';
import type { SurvivorGroup } from './survivors.js';

/**
 * Growth that leaves no new object a user would recognise: a plain object
 * used as a memo (`this.cache[key] = node`) turns into a dictionary whose
 * keys V8 interns, and `Symbol.for(key)` files a symbol in the global
 * registry. The new members are internalized strings and symbols that hang
 * off the string table or the registry (which the survivor groups leave to
 * the engine), and the dictionary's store is one new object per resize, not
 * one per call. What grows per call is the holder's key count: this file
 * counts, for each object, the new interned keys its property store holds,
 * and for the registry the new symbols it holds.
 */

/** The registry of `Symbol.for`: an array under `(Strong roots)`. */
const SYMBOL_REGISTRY_EDGE = 'public_symbol_table';
/** What a keyed holder's finding says grows on it (finding-title.ts reads these). */
export const PROPERTIES_EDGE = 'properties';
export const SYMBOLS_EDGE = 'symbols';
export const SYMBOL_REGISTRY_LABEL = 'Symbol.for registry';

/** Which interval an id belongs to: -1 before the first boundary, k after boundary k. */
function intervalOf(id: number, boundaries: readonly number[]): number {
  let k = -1;
  for (let i = 0; i < boundaries.length; i++) if (id > boundaries[i]!) k = i;
  return k;
}

function edgeTo(graph: HeapGraph, from: number, name: string, strings = graph.strings): number {
  for (let e = graph.edgeStart[from]!; e < graph.edgeStart[from + 1]!; e++) {
    if (graph.edgeTypes[e] !== EdgeType.element && graph.edgeTypes[e] !== EdgeType.hidden && strings[graph.edgeNames[e]!] === name) return graph.edgeTargets[e]!;
  }
  return -1;
}

/**
 * The registry's node, or -1: the array V8 lists among its strong roots as
 * `public_symbol_table` (`(GC roots) → (Strong roots) → public_symbol_table`);
 * any synthetic root that names it will do.
 */
function symbolRegistry(graph: HeapGraph): number {
  for (let node = 0; node < graph.nodeCount; node++) {
    if (graph.nodeTypes[node] !== NodeType.synthetic) continue;
    const table = edgeTo(graph, node, SYMBOL_REGISTRY_EDGE);
    if (table >= 0) return table;
  }
  return -1;
}

/** Keys an object holds: its property edges (a dictionary's entries among them). */
function propertyCount(graph: HeapGraph, node: number): number {
  let count = 0;
  for (let e = graph.edgeStart[node]!; e < graph.edgeStart[node + 1]!; e++) if (graph.edgeTypes[e] === EdgeType.property) count++;
  return count;
}

function symbolCount(graph: HeapGraph, table: number): number {
  let count = 0;
  for (let e = graph.edgeStart[table]!; e < graph.edgeStart[table + 1]!; e++) if (graph.nodeTypes[graph.edgeTargets[e]!] === NodeType.symbol) count++;
  return count;
}

/**
 * Key counts at the explanation's first snapshot, when it takes one (the
 * pure-JS path): objects by id, and the symbol registry. A holder that has
 * no more keys at the end than here is turning over (a bounded cache that
 * replaces its keys), not growing.
 */
export interface KeyCounts {
  properties: Map<number, number>;
  symbols: number;
}

export function keyCounts(graph: HeapGraph): KeyCounts {
  const properties = new Map<number, number>();
  for (let node = 0; node < graph.nodeCount; node++) {
    if (graph.nodeTypes[node] !== NodeType.object) continue;
    const count = propertyCount(graph, node);
    // Only a memo-sized object can hold a growth worth a finding.
    if (count >= MIN_KEYS) properties.set(graph.nodeIds[node]!, count);
  }
  const registry = symbolRegistry(graph);
  return { properties, symbols: registry < 0 ? 0 : symbolCount(graph, registry) };
}

/** Fewer keys than this in a holder at the end cannot be a per-call growth worth reporting. */
const MIN_KEYS = 64;

const isInterned = (index: HeapIndex, node: number, parents: Int32Array) =>
  index.type(node) === NodeType.string && parents[node]! >= 0 && index.type(parents[node]!) === NodeType.synthetic;

interface Tally {
  holder: number;
  members: number[];
  counts: number[];
  bytes: number;
  store: number;
}

/**
 * Holders that gained interned keys or registered symbols after the first
 * boundary, one group each (`(property keys)` for a dictionary,
 * `(registered symbols)` for the registry). A group's bytes are its new
 * keys plus their share of the store that holds them. A holder made after
 * the first boundary is left out: it is new itself, and its own group
 * carries its keys.
 */
export function keyedGrowth(index: HeapIndex, boundaries: readonly number[], rules: readonly LeakFilterRule[], atStart?: KeyCounts): SurvivorGroup[] {
  const { graph } = index;
  const { parents } = index.shortestPathTree();
  const first = boundaries[0]!;
  const isNew = (node: number) => index.id(node) > first;
  const tallies = new Map<number, Tally>();
  const tally = (holder: number, member: number, store: number) => {
    let entry = tallies.get(holder);
    if (!entry) {
      entry = { holder, members: [], counts: new Array<number>(boundaries.length).fill(0), bytes: 0, store };
      tallies.set(holder, entry);
    }
    entry.members.push(member);
    entry.bytes += index.selfSize(member);
    const interval = intervalOf(index.id(member), boundaries);
    if (interval >= 0) entry.counts[interval]!++;
  };

  // A dictionary's keys sit in its property store: Object --properties--> (object properties) → key.
  for (let holder = 0; holder < graph.nodeCount; holder++) {
    if (index.type(holder) !== NodeType.object || isNew(holder)) continue;
    const store = edgeTo(graph, holder, PROPERTIES_EDGE);
    if (store < 0 || index.type(store) !== NodeType.array) continue;
    if (graph.edgeStart[store + 1]! - graph.edgeStart[store]! < MIN_KEYS) continue;
    for (let e = graph.edgeStart[store]!; e < graph.edgeStart[store + 1]!; e++) {
      const key = graph.edgeTargets[e]!;
      if (isNew(key) && isInterned(index, key, parents)) tally(holder, key, store);
    }
  }
  const registry = symbolRegistry(graph);
  if (registry >= 0) {
    for (let e = graph.edgeStart[registry]!; e < graph.edgeStart[registry + 1]!; e++) {
      const symbol = graph.edgeTargets[e]!;
      if (index.type(symbol) === NodeType.symbol && isNew(symbol)) tally(registry, symbol, registry);
    }
  }

  const groups: SurvivorGroup[] = [];
  for (const t of tallies.values()) {
    if (t.members.length < 2) continue;
    const isRegistry = t.holder === registry;
    const keysNow = isRegistry ? symbolCount(graph, registry) : propertyCount(graph, t.holder);
    if (atStart && !grewSinceStart(t, keysNow, isRegistry ? atStart.symbols : atStart.properties.get(index.id(t.holder)))) continue;
    const storeShare = keysNow > 0 ? (index.selfSize(t.store) * Math.min(t.members.length, keysNow)) / keysNow : 0;
    const group = groupOf(index, t, isRegistry, t.bytes + storeShare);
    const view = { index, representative: t.holder, name: group.name, nodeType: group.nodeType, pathText: group.pathText, holderText: index.label(t.holder) };
    if (rules.some((rule) => rule.excludesGroup?.(view))) continue;
    groups.push(group);
  }
  return groups;
}

/**
 * A bounded cache that replaces its keys gains as many new keys as a
 * growing memo, but no more keys in all: half the new keys must show in
 * the count. A holder the first snapshot did not count (too small then)
 * grew from under MIN_KEYS.
 */
function grewSinceStart(t: Tally, keysNow: number, keysAtStart: number | undefined): boolean {
  return keysNow - (keysAtStart ?? 0) >= t.members.length / 2;
}

function groupOf(index: HeapIndex, t: Tally, isRegistry: boolean, bytes: number): SurvivorGroup {
  const rendered = retainerPathOfObject(index, t.holder);
  const label = isRegistry ? SYMBOL_REGISTRY_LABEL : index.label(t.holder);
  return {
    name: isRegistry ? '(registered symbols)' : '(property keys)',
    nodeType: isRegistry ? NodeType.symbol : NodeType.string,
    members: t.members,
    countsPerInterval: t.counts,
    bytes,
    representative: t.members[0]!,
    retainerPath: rendered.steps,
    pathText: isRegistry ? `Symbol.for → ${SYMBOL_REGISTRY_EDGE}` : rendered.text,
    holder: { label, edge: isRegistry ? SYMBOLS_EDGE : PROPERTIES_EDGE, node: t.holder, ...variableOf(index, t.holder) },
  };
}

/** The property or variable name the holder is reached through (`cache` in `HashRing → cache`). */
function variableOf(index: HeapIndex, holder: number): { variable?: string } {
  const { parents, parentEdges } = index.shortestPathTree();
  const parent = parents[holder]!;
  if (parent < 0) return {};
  const name = displayEdgeName(index.graph, parent, parentEdges[holder]!);
  return name !== null && /^[A-Za-z_$][\w$]*$/.test(name) ? { variable: name } : {};
}
