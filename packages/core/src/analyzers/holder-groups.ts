import { EdgeType, NodeType, type HeapIndex } from './heap-index.js';
import { COLLECTION_EDGES, NATIVE_BACKED, type SurvivorGroup } from './survivors.js';

/** Names V8 gives the parts of a closure or a value, never what a user made. */
const PART_NAMES = /^(system \/ .*|\(string\)|\(anonymous\)|Object|Array|heap number|bigint)$/;

/**
 * Which group names a holder's finding: the listeners themselves on an
 * emitter, then instances of a named class, then any object or closure,
 * then the rest (strings, closure scopes) by bytes.
 */
function leadWeight(group: SurvivorGroup, heldDirectly: (group: SurvivorGroup) => boolean): number {
  const listeners = /listeners$/.test(group.holder?.edge ?? '');
  if (listeners && (group.nodeType === NodeType.closure || group.name === 'Listener')) return 3e12 + group.members.length;
  if (group.nodeType === NodeType.object && !PART_NAMES.test(group.name)) return 2e12 + group.bytes;
  // What a Set, Map or array gains per call names its growth, before the
  // plain objects those members reach (a store's subscriber closures, not
  // the framework's owner records behind each one's bound setter).
  if ((group.nodeType === NodeType.closure || group.nodeType === NodeType.object) && heldDirectly(group)) return 1.5e12 + group.bytes;
  if (group.nodeType === NodeType.closure || (group.nodeType !== NodeType.string && !/^(system \/|\(string\))/.test(group.name))) return 1e12 + group.bytes;
  return group.bytes;
}

/**
 * One holder, one finding: what a growing listener list, registry or Map
 * entry keeps per call (the listener's closure and its scopes, a Session's
 * key string and arrays) folds into the group that names the holder's
 * growth, and its bytes into that group's per-call figure.
 */
/**
 * True when the group's representative is one of its holder collection's
 * own members: an element of the array (or of its `elements` store), an
 * entry of the Set's or Map's `table`.
 */
export function heldDirectlyBy(index: HeapIndex, group: SurvivorGroup): boolean {
  const holder = group.holder;
  if (!holder || !COLLECTION_EDGES.has(holder.edge)) return false;
  const { edgeStart, edgeTargets, edgeTypes } = index.graph;
  const store = index.edgeTo(holder.node, /^(table|elements)$/);
  for (const owner of store >= 0 ? [holder.node, store] : [holder.node]) {
    for (let e = edgeStart[owner]!; e < edgeStart[owner + 1]!; e++) {
      if (edgeTargets[e] === group.representative && edgeTypes[e] !== EdgeType.weak) return true;
    }
  }
  return false;
}

export function mergeByHolder(groups: readonly SurvivorGroup[], heldDirectly: (group: SurvivorGroup) => boolean = () => false): SurvivorGroup[] {
  const clusters = new Map<number, SurvivorGroup[]>();
  const merged: SurvivorGroup[] = [];
  for (const group of groups) {
    const holder = group.holder?.node;
    if (holder === undefined) merged.push(group);
    else clusters.set(holder, [...(clusters.get(holder) ?? []), group]);
  }
  for (const cluster of clusters.values()) {
    const [lead, ...rest] = [...cluster].sort((a, b) => leadWeight(b, heldDirectly) - leadWeight(a, heldDirectly));
    if (rest.length === 0) {
      merged.push(lead!);
      continue;
    }
    merged.push({ ...lead!, bytes: cluster.reduce((sum, g) => sum + g.bytes, 0), folded: rest });
  }
  return merged.sort((a, b) => b.bytes - a.bytes);
}

/** The groups a finding stands for: its lead and what was folded into it. */
export function groupsOf(group: SurvivorGroup): SurvivorGroup[] {
  return [group, ...(group.folded ?? [])];
}

/** True when some of the finding's objects are backed by native memory (a Buffer, a typed array). */
export function holdsNativeMemory(group: SurvivorGroup): boolean {
  return groupsOf(group).some((g) => NATIVE_BACKED.test(g.name) || (g.nativeBytes ?? 0) > 0);
}

/**
 * Listeners a call adds on an emitter: every listener closure folded into
 * the finding counts (a 'close' and a 'data' listener per call are +2).
 */
/** The group's path ends `… wrapper() → context → system / Context → value → fn()`: a closure kept by another's scope. */
function heldInClosureScope(group: SurvivorGroup): boolean {
  const steps = group.retainerPath;
  return steps.length >= 3 && steps[steps.length - 2]!.node === 'system / Context' && /\(\)$/.test(steps[steps.length - 3]!.node);
}

export function listenersPerCall(group: SurvivorGroup, calls: number): number | undefined {
  if (!/listeners$/.test(group.holder?.edge ?? '')) return undefined;
  const listeners = groupsOf(group).filter((g) => (g.nodeType === NodeType.closure || g.name === 'Listener') && /listeners$/.test(g.holder?.edge ?? ''));
  // A closure kept in another listener closure's scope (the user's function
  // inside jsdom's wrapper of it) is not a listener of its own.
  const closures = listeners.filter((g) => g.nodeType === NodeType.closure && !heldInClosureScope(g));
  const counted = closures.length > 0 ? closures : listeners;
  return counted.length === 0 ? undefined : counted.reduce((sum, g) => sum + g.members.length, 0) / calls;
}

// An HTTP request left open keeps its parser, its ClientRequest and what those hold.
const HANDLE_PATH = /Timeout|TimersList|_onTimeout|_timerArgs|_idlePrev|_idleNext|Socket|Server|FSWatcher|ChildProcess|HTTPParser|ClientRequest|IncomingMessage/;
const HANDLE_HEAP_NAMES = /^(Timeout|Immediate|Socket|Server|TCP|Pipe|FSWatcher|StatWatcher|ChildProcess|Worker|MessagePort|TimersList)$/;
/** Every step of a group's path: the printed text elides the internal hops a handle hides in. */
const fullPathText = (group: SurvivorGroup): string => group.retainerPath.map((step) => (step.edge ? `${step.node} → ${step.edge}` : step.node)).join(' → ');

/**
 * A heap group that is part of the handles left open: the handle's own
 * objects, or what its timer's callback keeps (a promise a library's
 * timeout will reject). A collection of the user's that grows is a bug of
 * its own even when a timer's closure is where the path happens to start
 * (a job queue keeping its outputs, reached through its interval).
 */
export function heldByLeakingHandle(group: SurvivorGroup): boolean {
  if (HANDLE_HEAP_NAMES.test(group.name) || HANDLE_PATH.test(group.pathText)) return true;
  return !COLLECTION_EDGES.has(group.holder?.edge ?? '') && HANDLE_PATH.test(fullPathText(group));
}

/**
 * Timers themselves, reached through Node's lists of pending timers
 * (`timerListMap` → TimersList → `_idleNext` …). The handle tracker counts
 * pending timers exactly, call by call; when it saw none left open per call,
 * these are a bounded set renewed (the newest N pending, the oldest cleared),
 * which one snapshot interval cannot tell from growth. What a timer's
 * callback keeps is another population, judged on its own.
 */
export function isPendingTimerSet(group: SurvivorGroup): boolean {
  return group.name === 'Timeout' && /\bTimersList\b/.test(fullPathText(group));
}
