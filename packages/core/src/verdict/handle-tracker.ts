import { AsyncLocalStorage, createHook, type AsyncHook } from 'node:async_hooks';
import { readdirSync } from 'node:fs';
import { isInternalFrame, userFramesFirst } from '../analyzers/stack-frames.js';
import { processSingleton } from '../main-context.js';

/**
 * Resources that finish by themselves or belong to promises and ticks: they
 * are never "left open" in the sense a leak verdict cares about.
 */
const SELF_FINISHING = new Set([
  'PROMISE',
  'TickObject',
  'Immediate',
  'Microtask',
  'FSREQCALLBACK',
  'FSREQPROMISE',
  'GETADDRINFOREQWRAP',
  'GETNAMEINFOREQWRAP',
  'QUERYWRAP',
  'SHUTDOWNWRAP',
  'WRITEWRAP',
  'FILEHANDLECLOSEREQ',
  'ZLIB',
  'RANDOMBYTESREQUEST',
  'PBKDF2REQUEST',
  'SCRYPTREQUEST',
  'HASHREQUEST',
  'CIPHERREQUEST',
  'KEYGENREQUEST',
  'SIGNREQUEST',
  'VERIFYREQUEST',
  'HTTPINCOMINGMESSAGE',
  'HTTPCLIENTREQUEST',
]);

/** A handle the function created; named so the verdict's own rules can tell it from user data. */
class MemscopeLiveHandle {
  private readonly resource: WeakRef<object>;

  constructor(
    readonly type: string,
    readonly stack: string[],
    readonly round: number,
    resource: object,
  ) {
    this.resource = new WeakRef(resource);
  }

  /**
   * Asked of the resource itself, not learnt from a destroy hook: a destroy
   * hook makes Node track every promise's destruction, which slows
   * await-heavy code and frees memory in bursts that read as noise.
   */
  isOpen(): boolean {
    const resource = this.resource.deref() as ResourceLike | undefined;
    if (!resource) return false;
    if (typeof resource._destroyed === 'boolean') return !resource._destroyed;
    if (typeof resource.fd === 'number' && resource.fd < 0) return false;
    if (typeof resource.hasRef === 'function' && typeof resource.fd !== 'number') return resource.hasRef();
    return true;
  }
}

interface ResourceLike {
  /** Timeout and Immediate: set once fired (one-shot) or cleared. */
  _destroyed?: boolean;
  /** Stream handles (sockets, pipes): -1 once closed; unref'd ones stay >= 0. */
  fd?: number;
  hasRef?(): boolean;
}

const RECENT_SLOTS = 4096;

/**
 * The most recent entries by async id, in fixed slots: origins are needed for
 * a tick or two. Async ids only grow, so slot `id % 4096` holds the newest id
 * that maps there. Fixed arrays, unlike a Map trimmed to a size, never
 * reallocate or rehash: the tracker's own memory stays flat between rounds
 * instead of moving by tens of KB and drowning small leaks.
 */
class MemscopeRecent<V> {
  private readonly ids = new Float64Array(RECENT_SLOTS).fill(-1);
  private readonly values: (V | undefined)[] = new Array<V | undefined>(RECENT_SLOTS).fill(undefined);

  set(id: number, value: V): void {
    const slot = id % RECENT_SLOTS;
    this.ids[slot] = id;
    this.values[slot] = value;
  }

  has(id: number): boolean {
    return this.ids[id % RECENT_SLOTS] === id;
  }

  get(id: number): V | undefined {
    const slot = id % RECENT_SLOTS;
    return this.ids[slot] === id ? this.values[slot] : undefined;
  }
}
export type LiveHandle = MemscopeLiveHandle;

class MemscopeHandleRecords extends Map<number, LiveHandle> {}

/**
 * One storage for every tracker, each telling its calls apart by its own
 * token. An AsyncLocalStorage that ran once stays enabled, and on Node 20
 * every enabled one adds a property to every async resource made
 * afterwards, promises included: with one per tracker, each verdict added
 * one for good. After ten verdicts the promises in flight at an exact
 * reading held 5.4 KB instead of 2.6 KB, past what a quick window allows,
 * and every later clean verdict took its full rounds (1.0–1.6 s instead of
 * 0.4–0.5 s beside a 20 MB heap). Disabling each storage when its verdict
 * ends switches Node's promise hooks off and on around every verdict
 * instead: the quick window then passed a clean function in 29 verdicts of
 * 60, against 52 of 60 with this one storage.
 * Kept on the main global: Jest loads a copy of this module per test file.
 */
const SCOPE_KEY = Symbol.for('memscope.verdict.handle-scope');
const callScope = (): AsyncLocalStorage<symbol> =>
  processSingleton(SCOPE_KEY, () => ({ storage: new AsyncLocalStorage<symbol>() })).storage;

/**
 * Watches the async resources the function under test creates (and only
 * those: the function runs inside an AsyncLocalStorage scope, and resources
 * inherit it), keeping each until it is destroyed. What is still here after
 * the rounds was left open. Unref'd timers and sockets count: they are absent
 * from process.getActiveResourcesInfo() yet still hold memory and a callback.
 */
export class HandleTracker {
  private readonly scope = callScope();
  private readonly token = Symbol('memscope.checkLeak');
  private readonly live = new MemscopeHandleRecords();
  private readonly origins = new MemscopeRecent<string>();
  private readonly requests = new MemscopeRecent<true>();
  private hook: AsyncHook | undefined;
  round = 0;
  /**
   * Calls made in rounds (round ≥ 1): the handles counted per call are those
   * made in rounds, so the calls must be too, whatever ran before them
   * (warm-up, timing the sampler).
   */
  callsInRounds = 0;
  private lastFsRequest: number | undefined;

  wrap<T>(fn: () => T): () => T {
    return () => {
      if (this.round >= 1) this.callsInRounds++;
      return this.scope.run(this.token, fn);
    };
  }

  start(): void {
    const { scope, token, live, origins, requests } = this;
    this.hook = createHook({
      init: (asyncId, type, triggerAsyncId, resource) => {
        // A resource made in a native completion (a FileHandle after its open
        // request) may not see the scope; its trigger, made by fn, does.
        let inherited: string | undefined;
        if (scope.getStore() !== token && !requests.has(triggerAsyncId)) {
          // FileHandles are made while their open request completes, with no
          // async context at all (trigger 0): charge them to our pending open.
          if (type !== 'FILEHANDLE' || triggerAsyncId !== 0 || this.lastFsRequest === undefined) return;
          inherited = origins.get(this.lastFsRequest);
        }
        if (SELF_FINISHING.has(type)) {
          if (type !== 'PROMISE') requests.set(asyncId, true);
          // Remember where ticks and requests came from: a server's handle is
          // made in a later tick, whose own stack has no user frame.
          if (type === 'TickObject' || type.endsWith('REQWRAP') || type === 'FSREQPROMISE') {
            const origin: { stack?: string } = {};
            Error.captureStackTrace(origin);
            origins.set(asyncId, origin.stack ?? '');
            if (type === 'FSREQPROMISE') this.lastFsRequest = asyncId;
          }
          return;
        }
        const holder: { stack?: string } = {};
        // Sockets and servers are created deep inside Node's net stack: the
        // default 10 frames often end before the user's own line.
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 40;
        Error.captureStackTrace(holder);
        Error.stackTraceLimit = limit;
        let stack = userFramesFirst(holder.stack ?? '');
        const origin = inherited ?? origins.get(triggerAsyncId);
        if (origin && stack.every(isInternalFrame)) stack = userFramesFirst(origin);
        live.set(asyncId, new MemscopeLiveHandle(type, stack, this.round, resource));
      },
    });
    this.hook.enable();
  }

  stop(): void {
    this.hook?.disable();
    this.hook = undefined;
  }

  /** Handles created by the function and still open. */
  liveCount(): number {
    this.prune();
    return this.live.size;
  }

  liveHandles(): LiveHandle[] {
    this.prune();
    return [...this.live.values()];
  }

  private prune(): void {
    for (const [id, handle] of this.live) if (!handle.isOpen()) this.live.delete(id);
  }
}

/** Open file descriptors of this process (Linux); null where unknown. */
export function openFileDescriptors(): number | null {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return null;
  }
}

