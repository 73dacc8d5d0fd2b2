/**
 * Which task's Buffers are still alive. A Buffer's bytes live outside V8's
 * heap: the sampling heap profiler sees only its ~100-byte wrapper, sampled
 * once in dozens, so it cannot tell who holds 20 MB of them. While tests
 * are attributed, Buffer's allocating statics are wrapped: each Buffer with
 * a backing store of its own (not a slice of the shared 8 KB pool) is
 * remembered with its owner through a WeakRef, and an owner's live external
 * bytes are the sum over the refs still set.
 *
 * A WeakRef is cleared by a full GC only: V8's scavenger keeps every WeakRef
 * target (and so a dropped Buffer's backing store) alive. A ref still set is
 * proof of life only when a full GC whose marking began after the Buffer
 * was made has run; before that, the Buffer may be garbage (one made while
 * V8 marks incrementally survives that round). Each Buffer notes the
 * full-GC generation it was made in, and unprovenBytes tells the caller
 * whether a scavenge is enough or a full GC must settle the question.
 *
 * Only Buffer's statics are seen: `new ArrayBuffer(n)` and typed arrays are
 * counted in `allocated` (external growth while the task runs) but not in
 * `retained`.
 */

type Allocator = (...args: never[]) => Buffer;
/**
 * Generations between a Buffer's and now that prove its ref: a full GC V8
 * ran on its own counts one (it may have been marking when the Buffer was
 * made: only the one after it surely began later), a full GC the caller
 * forced counts two (atomic, begun after).
 */
const PROVEN_AFTER = 2;
const WRAPPED = ['alloc', 'allocUnsafe', 'allocUnsafeSlow', 'from', 'concat'] as const;
type WrappedName = (typeof WRAPPED)[number];

interface Held<Owner> {
  owner: Owner;
  bytes: number;
  ref: WeakRef<ArrayBufferLike>;
  /** Full-GC generation when it was made (see PROVEN_AFTER). */
  generation: number;
}

export class BufferOwners<Owner> {
  private held: Held<Owner>[] = [];
  /** Bytes of every Buffer each owner allocated, collected or not. */
  private readonly allocated = new Map<Owner, number>();
  private originals: Partial<Record<WrappedName, Allocator>> | null = null;
  private generation = 0;
  /**
   * An object nobody holds: cleared by the first full GC after the job that
   * made it (V8 keeps a new WeakRef's target until its job ends), which
   * tells that one ran without a GC callback.
   */
  private fullGcWitness = new WeakRef({});

  /** Wraps Buffer's statics; `ownerNow` names the task running the caller, null for none. */
  install(ownerNow: () => Owner | null): void {
    if (this.originals) return;
    const originals: Partial<Record<WrappedName, Allocator>> = {};
    const statics = Buffer as unknown as Record<WrappedName, Allocator>;
    for (const name of WRAPPED) {
      const original = statics[name];
      originals[name] = original;
      // The wrapper's own `this` is Buffer's.
      const owners = this;
      statics[name] = function (this: unknown, ...args: never[]): Buffer {
        const buffer = original.apply(this, args);
        const store = buffer.buffer;
        // Pooled Buffers share one slab; only a store of its own is this Buffer's.
        if (store.byteLength === buffer.byteLength && store.byteLength > 0) {
          const owner = ownerNow();
          if (owner !== null) owners.own(owner, store);
        }
        return buffer;
      } as Allocator;
    }
    this.originals = originals;
  }

  private own(owner: Owner, store: ArrayBufferLike): void {
    this.noteFullGc();
    this.held.push({ owner, bytes: store.byteLength, ref: new WeakRef(store), generation: this.generation });
    this.allocated.set(owner, (this.allocated.get(owner) ?? 0) + store.byteLength);
  }

  /** Bytes of all the Buffers `owner` allocated. */
  allocatedBytes(owner: Owner): number {
    return this.allocated.get(owner) ?? 0;
  }

  uninstall(): void {
    if (!this.originals) return;
    const statics = Buffer as unknown as Record<WrappedName, Allocator>;
    for (const name of WRAPPED) statics[name] = this.originals[name]!;
    this.originals = null;
  }

  /**
   * Notes a full GC since the last call: one the caller just forced
   * (`forcedFull`), or one V8 ran on its own (the witness is gone). Call it
   * before unprovenBytes, and again after forcing a full GC.
   */
  fullGcGeneration(forcedFull = false): void {
    if (forcedFull) {
      this.generation += PROVEN_AFTER;
      this.fullGcWitness = new WeakRef({});
    } else {
      this.noteFullGc();
    }
  }

  private noteFullGc(): void {
    // deref() keeps the witness until this job ends: a full GC within the job is noticed at the next one.
    if (this.fullGcWitness.deref() !== undefined) return;
    this.generation++;
    this.fullGcWitness = new WeakRef({});
  }

  /**
   * Bytes of `owner`'s Buffers whose ref is set but no full GC has seen
   * since they were made: alive or garbage, only a full GC tells. Reads no
   * ref (a deref keeps its target alive until the job ends).
   */
  unprovenBytes(owner: Owner): number {
    let bytes = 0;
    for (const entry of this.held) if (entry.owner === owner && this.generation - entry.generation < PROVEN_AFTER) bytes += entry.bytes;
    return bytes;
  }

  /** Bytes of `owner`'s Buffers still alive; forgets the collected ones. */
  liveBytes(owner: Owner): number {
    let bytes = 0;
    this.held = this.held.filter((entry) => {
      if (entry.ref.deref() === undefined) return false;
      if (entry.owner === owner) bytes += entry.bytes;
      return true;
    });
    return bytes;
  }

  forget(owner: Owner): void {
    this.held = this.held.filter((entry) => entry.owner !== owner);
    this.allocated.delete(owner);
  }
}
