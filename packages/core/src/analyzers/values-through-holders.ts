import { types } from 'node:util';

/**
 * Members scanned per lookup before falling back to the capture's lookup:
 * reading a member's id costs well under a µs, a heap walk 0.2–0.3 s at a
 * 20 MB heap, so 200,000 members still cost less than the walk.
 */
const MAX_SCANNED = 200_000;

const mapForEach = Map.prototype.forEach;
const setForEach = Set.prototype.forEach;
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size')!.get!;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, 'size')!.get!;
const mapEntries = Map.prototype.entries;
const setValues = Set.prototype.values;
// The built-in iterators' own `next`, read once: a user's patch of the
// prototypes must not run inside the lookup.
const mapIteratorNext = Object.getPrototypeOf(new Map().entries()).next as (this: Iterator<[unknown, unknown]>) => IteratorResult<[unknown, unknown]>;
const setIteratorNext = Object.getPrototypeOf(new Set().values()).next as (this: Iterator<unknown>) => IteratorResult<unknown>;

const isReference = (value: unknown): value is object => (typeof value === 'object' && value !== null) || typeof value === 'function';

/**
 * The members of a Map (keys and values), a Set or an array, read without
 * running user code: no proxies, no getters, no patched iterators.
 * Other values have none here.
 */
function* membersOf(holder: unknown): Generator<unknown> {
  if (!isReference(holder) || types.isProxy(holder)) return;
  if (types.isMap(holder)) {
    const entries = Reflect.apply(mapEntries, holder, []) as Iterator<[unknown, unknown]>;
    for (let step = Reflect.apply(mapIteratorNext, entries, []); !step.done; step = Reflect.apply(mapIteratorNext, entries, [])) {
      yield step.value[0];
      yield step.value[1];
    }
  } else if (types.isSet(holder)) {
    const values = Reflect.apply(setValues, holder, []) as Iterator<unknown>;
    for (let step = Reflect.apply(setIteratorNext, values, []); !step.done; step = Reflect.apply(setIteratorNext, values, [])) yield step.value;
  } else if (Array.isArray(holder)) {
    const { length } = holder;
    for (let i = 0; i < length; i++) {
      const slot = Reflect.getOwnPropertyDescriptor(holder, i);
      if (slot && 'value' in slot) yield slot.value;
    }
  }
}

/**
 * Appends up to `limit` members of `holder` (in membersOf's order) to
 * `members`; true when it holds more. A Map or Set that fits is read with
 * the built-in forEach (saved before any user code could patch it), which
 * makes no iterator result and no entry array per member: a leaking Map of
 * 45,000 entries cost ~15 ms of collections read through its iterator.
 */
function membersInto(holder: unknown, members: unknown[], limit: number): boolean {
  if (isReference(holder) && !types.isProxy(holder)) {
    if (types.isMap(holder) && 2 * (Reflect.apply(mapSize, holder, []) as number) <= limit) {
      Reflect.apply(mapForEach, holder, [(value: unknown, key: unknown) => members.push(key, value)]);
      return false;
    }
    if (types.isSet(holder) && (Reflect.apply(setSize, holder, []) as number) <= limit) {
      Reflect.apply(setForEach, holder, [(value: unknown) => members.push(value)]);
      return false;
    }
  }
  let read = 0;
  for (const member of membersOf(holder)) {
    if (++read > limit) return true;
    members.push(member);
  }
  return false;
}

/**
 * A lookup of live values by heap snapshot id that tries the members of
 * the collections it already returned, then the values `nearby` lists
 * (read once, on the first lookup that needs them), before asking `lookup`.
 *
 * The capture's lookup (V8's FindObjectById) marks and walks the whole heap
 * for every id: 0.2–0.3 s at 20 MB. An explanation looks up a group's
 * holder to count it, then the group's representative to preview it, and
 * the representative is most often a member of that very holder (a leaking
 * Map's value). Its members' ids, read one by one, find it in milliseconds.
 * The answer is the same object either way: an id names one live object.
 */
export function valuesThroughHolders(
  lookup: (id: number) => unknown,
  objectId: (value: object) => number,
  nearby: () => readonly unknown[] = () => [],
): (id: number) => unknown {
  const holders: unknown[] = [];
  let near: readonly unknown[] | undefined;
  const found = (id: number): unknown => {
    let scanned = 0;
    for (const holder of holders) {
      // Newest first: a leak appends, and the member looked up is one the
      // explanation's calls added, behind every entry made before them
      // (30,000 ids read instead of a few thousand for the bench's Map).
      const members: unknown[] = [];
      const more = membersInto(holder, members, MAX_SCANNED - scanned);
      scanned += members.length;
      for (let i = members.length - 1; i >= 0; i--) {
        const member = members[i];
        if (isReference(member) && objectId(member) === id) return member;
      }
      if (more) return undefined;
    }
    return undefined;
  };
  const foundNearby = (id: number): unknown => {
    near ??= nearby();
    return near.find((value) => isReference(value) && objectId(value) === id);
  };
  return (id: number): unknown => {
    const value = found(id) ?? foundNearby(id) ?? lookup(id);
    if (isReference(value) && !types.isProxy(value) && (types.isMap(value) || types.isSet(value) || Array.isArray(value)) && !holders.includes(value)) holders.push(value);
    return value;
  };
}
