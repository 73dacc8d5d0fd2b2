/**
 * Which task's Buffers are still alive. A Buffer's bytes live outside V8's
 * heap: the sampling heap profiler sees only its ~100-byte wrapper, sampled
 * once in dozens, so it cannot tell who holds 20 MB of them. While tests
 * are attributed, Buffer's allocating statics are wrapped: each Buffer with
 * a backing store of its own (not a slice of the shared 8 KB pool) is
 * remembered with its owner through a WeakRef, and an owner's live external
 * bytes are the sum over the refs still set.
 *
 * Only Buffer's statics are seen: `new ArrayBuffer(n)` and typed arrays are
 * counted in `allocated` (external growth while the task runs) but not in
 * `retained`.
 */

type Allocator = (...args: never[]) => Buffer;
const WRAPPED = ['alloc', 'allocUnsafe', 'allocUnsafeSlow', 'from', 'concat'] as const;
type WrappedName = (typeof WRAPPED)[number];

interface Held<Owner> {
  owner: Owner;
  bytes: number;
  ref: WeakRef<ArrayBufferLike>;
}

export class BufferOwners<Owner> {
  private held: Held<Owner>[] = [];
  /** Bytes of every Buffer each owner allocated, collected or not. */
  private readonly allocated = new Map<Owner, number>();
  private originals: Partial<Record<WrappedName, Allocator>> | null = null;

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
    this.held.push({ owner, bytes: store.byteLength, ref: new WeakRef(store) });
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
