import { AsyncLocalStorage, createHook, type AsyncHook } from 'node:async_hooks';
import { readdirSync } from 'node:fs';
import { isInternalFrame, userFramesFirst } from '../analyzers/stack-frames.js';

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
  constructor(
    readonly type: string,
    readonly stack: string[],
    readonly round: number,
  ) {}
}
export type LiveHandle = MemscopeLiveHandle;

class MemscopeHandleRecords extends Map<number, LiveHandle> {}
class MemscopeHandleOrigins extends Map<number, string> {}
class MemscopeRequestIds extends Set<number> {}

/**
 * Watches the async resources the function under test creates (and only
 * those: the function runs inside an AsyncLocalStorage scope, and resources
 * inherit it), keeping each until it is destroyed. What is still here after
 * the rounds was left open. Unref'd timers and sockets count: they are absent
 * from process.getActiveResourcesInfo() yet still hold memory and a callback.
 */
export class HandleTracker {
  private readonly scope = new AsyncLocalStorage<symbol>();
  private readonly token = Symbol('memscope.checkLeak');
  private readonly live = new MemscopeHandleRecords();
  private readonly origins = new MemscopeHandleOrigins();
  private readonly requests = new MemscopeRequestIds();
  private hook: AsyncHook | undefined;
  round = 0;
  private lastFsRequest: number | undefined;

  wrap<T>(fn: () => T): () => T {
    return () => this.scope.run(this.token, fn);
  }

  start(): void {
    const { scope, token, live, origins, requests } = this;
    this.hook = createHook({
      init: (asyncId, type, triggerAsyncId) => {
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
          if (type !== 'PROMISE') requests.add(asyncId);
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
        live.set(asyncId, new MemscopeLiveHandle(type, stack, this.round));
      },
      destroy: (asyncId) => {
        live.delete(asyncId);
        origins.delete(asyncId);
        requests.delete(asyncId);
        if (this.lastFsRequest === asyncId) this.lastFsRequest = undefined;
      },
    });
    this.hook.enable();
  }

  stop(): void {
    this.hook?.disable();
    this.hook = undefined;
  }

  /** Handles created by the function and not destroyed yet. */
  liveCount(): number {
    return this.live.size;
  }

  liveHandles(): LiveHandle[] {
    return [...this.live.values()];
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

