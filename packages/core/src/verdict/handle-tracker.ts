import { AsyncLocalStorage, createHook, type AsyncHook } from 'node:async_hooks';
import { readdirSync } from 'node:fs';
import { userFramesFirst } from '../analyzers/stack-frames.js';

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
  private hook: AsyncHook | undefined;
  round = 0;

  wrap<T>(fn: () => T): () => T {
    return () => this.scope.run(this.token, fn);
  }

  start(): void {
    const { scope, token, live } = this;
    this.hook = createHook({
      init: (asyncId, type) => {
        if (SELF_FINISHING.has(type) || scope.getStore() !== token) return;
        const holder: { stack?: string } = {};
        Error.captureStackTrace(holder);
        live.set(asyncId, new MemscopeLiveHandle(type, userFramesFirst(holder.stack ?? ''), this.round));
      },
      destroy: (asyncId) => {
        live.delete(asyncId);
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

