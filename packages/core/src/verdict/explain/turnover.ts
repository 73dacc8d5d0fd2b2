import { types } from 'node:util';
import { COLLECTION_EDGES, type SurvivorGroup } from '../../analyzers/survivors.js';
import type { HeapIndex } from '../../analyzers/heap-index.js';
import { PROPERTIES_EDGE } from '../../analyzers/keyed-growth.js';
import type { CallRunner } from '../calls/call-runner.js';
import { nowMs } from '../../node-clock.js';

/**
 * A bounded cache that is full and turning over gains as many new members
 * per interval as a leaking one (an LRU of 5000 keys replaces one per call),
 * and one that fills up during the explanation gains them until it is full.
 * Neither grows on: the holder's own count says so. Counting is exact at
 * any moment (no collection needed), so a few more calls after the last
 * snapshot and two counts tell a holder that keeps growing from one that
 * stopped.
 */

/** Holders whose count is their growth: collections and plain objects used as dictionaries. */
const COUNTED_EDGES = new Set([...COLLECTION_EDGES, PROPERTIES_EDGE]);
/** A plain object with fewer keys is no dictionary that could hold a per-call growth. */
const MIN_DICTIONARY_KEYS = 64;

const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size')!.get!;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, 'size')!.get!;

/**
 * Members of a live holder, read without running user code (no proxy traps,
 * no getters); null when not countable. A WeakMap or WeakSet cannot be
 * counted from JavaScript at all.
 */
export function memberCount(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || types.isProxy(value)) return null;
  if (types.isWeakMap(value) || types.isWeakSet(value)) return null;
  if (types.isMap(value)) return Reflect.apply(mapSize, value, []) as number;
  if (types.isSet(value)) return Reflect.apply(setSize, value, []) as number;
  if (Array.isArray(value)) return value.length;
  return Reflect.ownKeys(value).length;
}

/** The holder's value is what its edge says (a Map's entries are counted on a Map). */
function countsAs(edge: string, value: unknown): boolean {
  if (edge === 'Map entries') return types.isMap(value);
  if (edge === 'Set entries') return types.isSet(value);
  if (edge === 'array elements') return Array.isArray(value);
  return true;
}

function isCounted(group: SurvivorGroup): boolean {
  const holder = group.holder;
  return holder !== undefined && (COUNTED_EDGES.has(holder.edge) || holder.label === 'Object');
}

/**
 * Share of the members a group gained per call that its holder must gain
 * over the onward calls. A leaking Map gains one entry per call however many
 * objects an entry keeps; a full LRU gains none.
 */
const ONWARD_SHARE = 1 / 8;

/**
 * The groups without those whose holder stopped growing: the holders of
 * steady groups are counted, `onwardCalls` more calls are made, and they
 * are counted again. Groups whose holder cannot be counted (an emitter, a
 * closure's scope) or reached stand as they are.
 */
export async function withoutStoppedHolders(input: {
  groups: SurvivorGroup[];
  isCandidate: (group: SurvivorGroup) => boolean;
  index: HeapIndex;
  objectById: ((id: number) => unknown) | undefined;
  runner: CallRunner;
  calls: number;
  onwardCalls: number;
}): Promise<SurvivorGroup[]> {
  const { groups, index, objectById, runner, calls, onwardCalls } = input;
  if (!objectById) return groups;
  const holders = new Map<number, { value: object; before: number }>();
  for (const group of groups) {
    if (!isCounted(group) || !input.isCandidate(group) || holders.has(group.holder!.node)) continue;
    const value = objectById(index.id(group.holder!.node));
    const before = countsAs(group.holder!.edge, value) ? memberCount(value) : null;
    if (before === null) continue;
    if (!COUNTED_EDGES.has(group.holder!.edge) && before < MIN_DICTIONARY_KEYS) continue;
    holders.set(group.holder!.node, { value: value as object, before });
  }
  if (holders.size === 0) return groups;
  const rate = (group: SurvivorGroup) => group.members.length / calls;
  // Followed while it keeps the pace of its least demanding group; each group is judged on the last batch.
  const slowest = new Map<number, number>();
  for (const group of groups) {
    const node = group.holder?.node;
    if (node !== undefined && holders.has(node)) slowest.set(node, Math.min(slowest.get(node) ?? Infinity, rate(group)));
  }
  const last = await lastBatchGains(holders, slowest, runner, onwardCalls);
  return groups.filter((group) => {
    const gain = group.holder ? last.get(group.holder.node) : undefined;
    return gain === undefined || gain.gained >= Math.max(1, rate(group) * gain.batch * ONWARD_SHARE);
  });
}

/**
 * Calls past which a holder still filling is taken for a leak: caches
 * bounded at up to ~5000 entries fill before it; more calls would run a
 * leak of file handles into the process's descriptor limit (an LRU of 5000 keys met
 * in a verdict whose warm-up and rounds made 1500 calls on a busy machine
 * was still filling after the first onward calls).
 */
const BOUND_CALLS = 10_000;
/** Time the onward calls may take in all: a slow function stops at its first batch or two. */
const ONWARD_MS = 1500;

/**
 * What each holder gained in the last batch of onward calls it was followed
 * through: doubling batches, each holder counted around every batch, a
 * holder no longer followed once it gained less than its share in a batch
 * (full, or turning over); one that kept gaining is followed until
 * BOUND_CALLS calls or ONWARD_MS.
 */
async function lastBatchGains(
  holders: ReadonlyMap<number, { value: object; before: number }>,
  perCall: ReadonlyMap<number, number>,
  runner: CallRunner,
  firstBatch: number,
): Promise<Map<number, { gained: number; batch: number }>> {
  const last = new Map<number, { gained: number; batch: number }>();
  const growing = new Map([...holders].map(([node, { value, before }]) => [node, { value, count: before }]));
  const started = nowMs();
  for (let batch = firstBatch; growing.size > 0; batch = Math.min(batch * 2, BOUND_CALLS - runner.calls)) {
    await runner.run(batch);
    for (const [node, holder] of growing) {
      const count = memberCount(holder.value) ?? holder.count;
      const gained = count - holder.count;
      last.set(node, { gained, batch });
      holder.count = count;
      if (gained < Math.max(1, (perCall.get(node) ?? 0) * batch * ONWARD_SHARE)) growing.delete(node);
    }
    if (runner.calls + firstBatch > BOUND_CALLS || nowMs() - started >= ONWARD_MS) break;
  }
  return last;
}
