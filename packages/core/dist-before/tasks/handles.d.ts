import type { OpenHandle } from './types.js';
/**
 * Handles a task opens and leaves open.
 *
 * Only an `init` hook is installed: a `destroy` hook makes Node track the
 * destruction of every promise (a weak handle per promise), which measured
 * 2.2× slower on an await-heavy loop on Node 20, on top of the cost of
 * AsyncLocalStorage itself. Whether a resource is still open is asked of the
 * resource when the task ends instead:
 * - Timeout and Immediate objects carry `_destroyed`, set by Node when they
 *   fire (non-repeating) or are cleared. Unref'd timers still count: they
 *   still run.
 * - libuv handle wraps (sockets, servers, watchers, child processes…) answer
 *   `hasRef()`, false once closed. An unref'd socket is not counted.
 * One-shot requests (fs, dns, crypto) and promises are not handles.
 * A task keeps its resources only until it ends, so memscope holds nothing
 * past the task.
 */
export interface HandleEntry {
    type: string;
    resource: object;
    /** Error.captureStackTrace target: V8 formats the stack only when it is read. */
    creation: {
        stack?: string;
    };
}
/** Turns tracking on while at least one recorder needs it; returns the release. */
export declare function retainHandleTracking(): () => void;
export declare function isStillOpen(entry: HandleEntry): boolean;
/**
 * A closed socket or server answers `hasRef()` true until libuv runs its
 * close callback, at the end of the loop iteration that closed it (after the
 * check phase), while its 'close' event may already have fired. So when a
 * wrap looks open, wait two immediates (into the next iteration) first.
 */
export declare function mayBeClosing(entries: readonly HandleEntry[]): boolean;
export declare function letClosesFinish(): Promise<void>;
export declare function describeHandle(entry: HandleEntry): OpenHandle;
/**
 * Handles still open, less those a runner or memscope created and those
 * whose first user frame matches one of `ignoreFrames`.
 */
export declare function handlesLeftOpen(entries: readonly HandleEntry[], ignoreFrames: readonly RegExp[]): OpenHandle[];
//# sourceMappingURL=handles.d.ts.map