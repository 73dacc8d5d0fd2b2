import { AsyncLocalStorage, createHook, type AsyncHook } from 'node:async_hooks';
import { readdirSync } from 'node:fs';
import { isInternalFrame } from '../../analyzers/stack-frames.js';
import { MemscopeCreationStacks } from './creation-stack.js';
import { groupsLeftOpen, type HandleGroup } from './handle-groups.js';
import { processSingleton } from '../../main-context.js';
import type { TaskScope } from '../../tasks/scope.js';
import { taskStorage } from '../../tasks/storage.js';

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
  /** Type and first frame: the handles one line of code keeps opening. */
  readonly key: string;

  constructor(
    readonly type: string,
    readonly stack: string[],
    /** The call (1 = the first, warm-up included) whose async context made it. */
    readonly call: number,
    readonly round: number,
    resource: object,
    /** Made where none of the calls was on the stack (a library's callback), charged to the call running then. */
    readonly outsideTheCalls: boolean,
  ) {
    this.resource = new WeakRef(resource);
    this.key = `${type}\u0000${stack[0] ?? ''}`;
  }

  /**
   * Asked of the resource itself, not learnt from a destroy hook: a destroy
   * hook makes Node track every promise's destruction, which slows
   * await-heavy code and frees memory in bursts that read as noise.
   * Unref'd handles are open too: an unref'd timer or watcher still holds
   * its callback and its memory. So `hasRef()` (false once unref'd) is the
   * last resort, after the signs that do tell closed from unref'd.
   */
  unrefTimer(): void {
    const resource = this.resource.deref() as ResourceLike | undefined;
    if (resource?._destroyed === false && typeof resource.unref === 'function') resource.unref();
  }

  isOpen(): boolean {
    const resource = this.resource.deref() as ResourceLike | undefined;
    if (!resource) return false;
    if (typeof resource._destroyed === 'boolean') return !resource._destroyed;
    if (typeof resource.fd === 'number') return resource.fd >= 0;
    const ownerHandle = ownerHandleOf(resource);
    if (ownerHandle !== undefined) return ownerHandle !== null;
    if (typeof resource.hasRef === 'function') return resource.hasRef() === true;
    return true;
  }
}

/**
 * The `_handle` own property of the JS object that owns a native handle
 * (an FSWatcher, a StatWatcher): null once closed, whether or not it was
 * unref'd. Reading the native handle's own getters after close is unsafe:
 * FSEvent's `initialized` aborts the process on a closed handle. Prototype
 * getters (dgram's deprecated `_handle`) are left alone.
 */
function ownerHandleOf(resource: object): unknown {
  const ownerKey = Object.getOwnPropertySymbols(resource).find((symbol) => symbol.description === 'owner_symbol');
  const owner = ownerKey === undefined ? undefined : (resource as Record<symbol, unknown>)[ownerKey];
  if (typeof owner !== 'object' || owner === null) return undefined;
  const handle = Object.getOwnPropertyDescriptor(owner, '_handle');
  return handle && 'value' in handle ? handle.value : undefined;
}

interface ResourceLike {
  /** Timeout and Immediate: set once fired (one-shot) or cleared. */
  _destroyed?: boolean;
  /** Stream handles (sockets, pipes): -1 once closed; unref'd ones stay >= 0. */
  fd?: number;
  hasRef?(): boolean;
  unref?(): unknown;
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
const callScope = (): AsyncLocalStorage<MemscopeCallScope> =>
  processSingleton(SCOPE_KEY, () => ({ storage: new AsyncLocalStorage<MemscopeCallScope>() })).storage;

/**
 * What every async resource of a call inherits: whose call it is and which
 * one, so a handle made ticks later (a server's, after its address lookup)
 * is charged to the call that asked for it, not to whichever call runs then.
 */
class MemscopeCallScope {
  constructor(
    readonly tracker: symbol,
    readonly call: number,
  ) {}
}

/**
 * Watches the async resources the function under test creates (and only
 * those: the function runs inside an AsyncLocalStorage scope, and resources
 * inherit it), from its first call on, warm-up included: a handle opened per
 * call up to a cap may reach the cap before the rounds start. What is still
 * open at the end was left open. Unref'd timers and sockets count: they are
 * absent from process.getActiveResourcesInfo() yet still hold memory and a
 * callback.
 */
export class HandleTracker {
  private readonly scope = callScope();
  private readonly token = Symbol('memscope.checkLeak');
  private readonly live = new MemscopeHandleRecords();
  /**
   * The async id each tracked resource was last seen under. Node gives a
   * Timeout a new async id (and a new init) when it is refreshed after it
   * fired: undici's one module-wide timer, re-armed as requests come, is one
   * handle, not one more per re-arming.
   */
  private readonly idOfResource = new WeakMap<object, number>();
  private readonly origins = new MemscopeRecent<string>();
  /** Requests and ticks of our calls, by async id: the call that made each. */
  private readonly requests = new MemscopeRecent<number>();
  /** Handles that were seen closed, by `LiveHandle.key`: whether a line of code closes what it opens. */
  private readonly closed = new Map<string, number>();
  private readonly stacks = new MemscopeCreationStacks();
  private hook: AsyncHook | undefined;
  round = 0;
  /** Every call, warm-up included; the current one's number. */
  calls = 0;
  private lastFsRequest: number | undefined;

  /**
   * The call runner arms a timeout timer of its own right after a call
   * returns a promise (or what may be one), outside the call's scope: the
   * next timer made outside the calls is that one, not the function's.
   */
  private runnerTimerNext = false;
  /** The test the verdict runs in: timers of tests running beside it (concurrent tests) are none of the calls'. */
  private testOfVerdict: TaskScope | undefined;

  wrap<T>(fn: () => T): () => T {
    return () => {
      this.runnerTimerNext = false;
      const returned = this.scope.run(new MemscopeCallScope(this.token, ++this.calls), fn);
      this.runnerTimerNext = (typeof returned === 'object' && returned !== null) || typeof returned === 'function';
      return returned;
    };
  }

  start(): void {
    const { scope, token, live, origins, requests } = this;
    this.testOfVerdict = taskStorage.getStore()?.owner();
    this.hook = createHook({
      init: (asyncId, type, triggerAsyncId, resource) => {
        const store = scope.getStore();
        // A resource made in a native completion (a FileHandle after its open
        // request) may not see the scope; its trigger, made by fn, does.
        let call = store?.tracker === token ? store.call : requests.get(triggerAsyncId);
        if (call === undefined && type === 'Timeout' && store === undefined) {
          this.noteTimerOutsideTheCalls(asyncId, resource);
          return;
        }
        let inherited: string | undefined;
        if (call === undefined) {
          // FileHandles are made while their open request completes, with no
          // async context at all (trigger 0): charge them to our pending open.
          if (type !== 'FILEHANDLE' || triggerAsyncId !== 0 || this.lastFsRequest === undefined) return;
          inherited = origins.get(this.lastFsRequest);
          call = requests.get(this.lastFsRequest) ?? this.calls;
        }
        if (SELF_FINISHING.has(type)) {
          if (type !== 'PROMISE') requests.set(asyncId, call);
          // Remember where ticks and requests came from: a server's handle is
          // made in a later tick, whose own stack has no user frame.
          if (type === 'TickObject' || type.endsWith('REQWRAP') || type === 'FSREQPROMISE') {
            const origin: { stack?: string } = {};
            // These stacks start deep in Node (a listen's address lookup
            // defers through a tick): at 10 frames they end in the user's
            // helper, before the call that used it. Ticks are many: 16 frames
            // for them, enough for that path, without the cost of 40.
            const limit = Error.stackTraceLimit;
            Error.stackTraceLimit = type === 'TickObject' ? 16 : 40;
            Error.captureStackTrace(origin);
            Error.stackTraceLimit = limit;
            origins.set(asyncId, origin.stack ?? '');
            if (type === 'FSREQPROMISE') this.lastFsRequest = asyncId;
          }
          return;
        }
        let stack = this.stacks.of(deepStack());
        const origin = inherited ?? origins.get(triggerAsyncId);
        if (origin && (stack[0] === undefined || isInternalFrame(stack[0]))) stack = this.stacks.of(origin);
        this.track(asyncId, resource, () => new MemscopeLiveHandle(type, stack, call, this.round, resource, false));
      },
    });
    this.hook.enable();
  }

  /**
   * A timer armed where no call is on the stack: a library connected once,
   * outside the calls, arming a timer per reply in its socket's callback.
   * Charged to the call running then, and kept only when a library's or the
   * user's frame made it (not Node, the runner or memscope).
   */
  private noteTimerOutsideTheCalls(asyncId: number, resource: object): void {
    if (this.calls === 0) return;
    if (this.runnerTimerNext) {
      this.runnerTimerNext = false;
      return;
    }
    // Armed by another test's code (one running concurrently): not the calls', and no stack to take.
    const test = taskStorage.getStore()?.owner();
    if (test !== undefined && this.testOfVerdict !== undefined && test !== this.testOfVerdict) return;
    const stack = this.stacks.of(deepStack());
    if (stack[0] === undefined || isInternalFrame(stack[0])) return;
    this.track(asyncId, resource, () => new MemscopeLiveHandle('Timeout', stack, this.calls, this.round, resource, true));
  }

  /** Records a handle under its async id, unless its resource is already recorded (a timer re-armed): that record stands. */
  private track(asyncId: number, resource: object, record: () => LiveHandle): void {
    const previous = this.idOfResource.get(resource);
    if (previous !== undefined && this.live.has(previous)) return;
    this.idOfResource.set(resource, asyncId);
    this.live.set(asyncId, record());
  }

  stop(): void {
    this.hook?.disable();
    this.hook = undefined;
  }

  /**
   * Unrefs the timers the calls left armed: a leaking function called a few
   * thousand times leaves that many intervals, which would keep the runner's
   * process alive after its last test (Jest: "did not exit one second after
   * the test run"). They still run and still count as the test's open
   * handles in its report; only the process may now exit.
   */
  releaseTimers(): void {
    for (const handle of this.live.values()) handle.unrefTimer();
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

  /** Handles left open one per call, from the first call on; `grewInRounds`: the open count grew over the rounds. */
  groupsLeftOpen(grewInRounds: boolean): HandleGroup[] {
    this.prune();
    return groupsLeftOpen([...this.live.values()], this.closed, grewInRounds);
  }

  private prune(): void {
    for (const [id, handle] of this.live) {
      if (handle.isOpen()) continue;
      this.live.delete(id);
      this.closed.set(handle.key, (this.closed.get(handle.key) ?? 0) + 1);
    }
  }
}

/**
 * Sockets and servers are created deep inside Node's net stack: the default
 * 10 frames often end before the user's own line.
 */
function deepStack(): string {
  const holder: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  Error.captureStackTrace(holder, deepStack);
  Error.stackTraceLimit = limit;
  return holder.stack ?? '';
}

/** Open file descriptors of this process (Linux); null where unknown. */
export function openFileDescriptors(): number | null {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return null;
  }
}

