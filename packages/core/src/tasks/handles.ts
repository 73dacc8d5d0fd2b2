import { createHook, type AsyncHook } from 'node:async_hooks';
import { processSingleton } from '../main-context.js';
import { isInternalFrame, userFramesFirst } from '../analyzers/stack-frames.js';
import type { OpenHandle } from './types.js';
import { currentScope, isInternal, isMeasuring, nextMacrotask } from './storage.js';

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
  creation: { stack?: string };
}

interface TimerLike {
  _destroyed?: boolean;
}

interface HandleWrapLike {
  hasRef(): boolean;
}

const STACK_FRAMES = 24;
const TIMER_TYPES = new Set(['Timeout', 'Immediate']);
const NOT_HANDLES = new Set(['PROMISE', 'TickObject', 'Microtask']);

interface HandleSink {
  readonly open: boolean;
  addHandle(entry: HandleEntry): void;
}

function isTrackable(type: string, resource: object): boolean {
  if (TIMER_TYPES.has(type)) return true;
  return typeof (resource as Partial<HandleWrapLike>).hasRef === 'function';
}

function onInit(_asyncId: number, type: string, _triggerAsyncId: number, resource: object): void {
  if (NOT_HANDLES.has(type) || isInternal() || isMeasuring()) return;
  const scope: HandleSink | undefined = currentScope();
  if (!scope?.open || !isTrackable(type, resource)) return;
  const creation: { stack?: string } = {};
  // Node's own frames (emitInit…, new Timeout, setTimeout) take five of the default ten.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = STACK_FRAMES;
  Error.captureStackTrace(creation, onInit);
  Error.stackTraceLimit = limit;
  scope.addHandle({ type, resource, creation });
}

interface HookState {
  hook: AsyncHook | null;
  users: number;
}

/** One hook per process, whatever number of copies of this module Jest loads. */
const HOOK_KEY = Symbol.for('memscope.tasks.handles');

function hookState(): HookState {
  return processSingleton<HookState>(HOOK_KEY, () => ({ hook: null, users: 0 }));
}

/** Turns tracking on while at least one recorder needs it; returns the release. */
export function retainHandleTracking(): () => void {
  const state = hookState();
  state.users++;
  state.hook ??= createHook({ init: onInit });
  if (state.users === 1) state.hook.enable();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    state.users--;
    if (state.users === 0) {
      state.hook?.disable();
      // The hook's callback belongs to the copy of this module that made it
      // (a test file's, under Jest); the next user makes its own.
      state.hook = null;
    }
  };
}

export function isStillOpen(entry: HandleEntry): boolean {
  if (TIMER_TYPES.has(entry.type)) return (entry.resource as TimerLike)._destroyed !== true;
  try {
    return (entry.resource as HandleWrapLike).hasRef();
  } catch {
    return false;
  }
}

/**
 * A closed socket or server answers `hasRef()` true until libuv runs its
 * close callback, at the end of the loop iteration that closed it (after the
 * check phase), while its 'close' event may already have fired. So when a
 * wrap looks open, wait two immediates (into the next iteration) first.
 */
export function mayBeClosing(entries: readonly HandleEntry[]): boolean {
  return entries.some((entry) => !TIMER_TYPES.has(entry.type) && isStillOpen(entry));
}

export async function letClosesFinish(): Promise<void> {
  await nextMacrotask();
  await nextMacrotask();
}

export function describeHandle(entry: HandleEntry): OpenHandle {
  return { type: entry.type, stack: userFramesFirst(entry.creation.stack ?? '') };
}

/** Node's own frames: what a resource's creation passes through on any caller's behalf. */
function isNodeFrame(frame: string): boolean {
  return /\(node:|^at node:|\(<anonymous>\)|^at new Promise /.test(frame);
}

/**
 * Whether the code that asked for the resource is a test runner's or
 * memscope's: the first frame past Node's own belongs to them. A resource
 * Node made with no caller on the stack (a server bound after a DNS lookup)
 * stays the task's: AsyncLocalStorage put it there.
 */
function createdByTooling(stack: string): boolean {
  for (const line of stack.split('\n').slice(1)) {
    const frame = line.trim();
    if (!frame.startsWith('at ') || isNodeFrame(frame)) continue;
    return isInternalFrame(frame);
  }
  return false;
}

/**
 * Handles still open, less those a runner or memscope created and those
 * whose first user frame matches one of `ignoreFrames`.
 */
export function handlesLeftOpen(entries: readonly HandleEntry[], ignoreFrames: readonly RegExp[]): OpenHandle[] {
  const open: OpenHandle[] = [];
  for (const entry of entries) {
    if (!isStillOpen(entry)) continue;
    const stack = entry.creation.stack ?? '';
    if (createdByTooling(stack)) continue;
    const handle = describeHandle(entry);
    const first = handle.stack[0] ?? '';
    if (ignoreFrames.length > 0 && ignoreFrames.some((pattern) => pattern.test(first))) continue;
    open.push(handle);
  }
  return open;
}
