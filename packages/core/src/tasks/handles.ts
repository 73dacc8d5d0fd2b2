import { createHook, type AsyncHook, type HookCallbacks } from 'node:async_hooks';
import { mainContextGlobal, processSingleton } from '../main-context.js';
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
  /**
   * Error.captureStackTrace target: V8 formats the stack only when it is
   * read. handlesLeftOpen reads it as call sites (see callSitesOf), so after
   * that `stack` holds those; read it through describeHandle.
   */
  creation: { stack?: unknown };
  /**
   * Judged at creation to be the runner's or memscope's (on a short stack):
   * never reported, so its stack is not read again when the task ends.
   */
  byTooling?: boolean;
}

interface TimerLike {
  _destroyed?: boolean;
}

interface HandleWrapLike {
  hasRef(): boolean;
}

const STACK_FRAMES = 24;
/**
 * Node's own frames (emitInit…, new Timeout, setTimeout: five) and the
 * caller's: enough to tell a runner's timer (its timeout for every test and
 * hook) from the test's, at about half the cost of STACK_FRAMES.
 */
const TOOLING_CHECK_FRAMES = 6;
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

function captureCreation(frames: number): { stack?: unknown } {
  const creation: { stack?: unknown } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = frames;
  Error.captureStackTrace(creation, onInit);
  Error.stackTraceLimit = limit;
  return creation;
}

function onInit(_asyncId: number, type: string, _triggerAsyncId: number, resource: object): void {
  if (NOT_HANDLES.has(type) || isInternal() || isMeasuring()) return;
  const scope: HandleSink | undefined = currentScope();
  if (!scope?.open || !isTrackable(type, resource)) return;
  // A short stack first: when its first frame past Node's is the runner's
  // or memscope's, the handle is never reported and that is all. Otherwise
  // the full one, for the report, while the creator is still on the stack.
  const short = captureCreation(TOOLING_CHECK_FRAMES);
  const sites = callSitesOf(short);
  if (sites !== null && sitesCreatedByTooling(sites)) {
    scope.addHandle({ type, resource, creation: short, byTooling: true });
    return;
  }
  scope.addHandle({ type, resource, creation: captureCreation(STACK_FRAMES) });
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
  // Promises are never handles: where Node offers it (trackPromises, newer
  // releases; older ones ignore the field), skip the promise hooks that an
  // init hook otherwise turns on, one call per promise created.
  state.hook ??= createHook({ init: onInit, trackPromises: false } as HookCallbacks);
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

/**
 * How a recorder follows the handles its tasks open.
 * - 'always': the async hook runs from the file's start: every task gets
 *   handlesOpened, and handles left open with their creation stacks.
 * - 'once-left-open': no hook until a task ends with more handles open than
 *   it started with (openHandleCount, read at its boundaries); from then on,
 *   as 'always', for the tasks that start after. On Node 20 any enabled
 *   async hook makes Node run JS for every promise created, awaited and
 *   settled (its promise hooks; `trackPromises: false` is ignored there),
 *   a cost every test of a suite pays when most never leave a handle open.
 *   The first task found so is not itemised: a stack can only be taken while
 *   its handle is created. Tasks carried by AsyncLocalStorage (concurrent
 *   tests, task scopes) turn the hook on when they start: the storage's own
 *   hook already makes Node run JS per promise.
 */
export type HandleTracking = 'always' | 'once-left-open';

export const HANDLE_TRACKING: readonly HandleTracking[] = ['always', 'once-left-open'];

/**
 * Requests (one-shot fs and dns calls, writes, connects, shutdowns, UDP
 * sends) are not handles: they end by themselves. Node names them
 * FSReqCallback, GetAddrInfoReqWrap, WriteWrap, SimpleWriteWrap (a write on
 * the runner's IPC pipe), ShutdownWrap, TCPConnectWrap, SendWrap, …
 */
const REQUEST_TYPE = /Req|(?:Write|Shutdown|Connect|Send)Wrap$/;

/**
 * Ref'd handles and timers open now, as Node lists them
 * (process.getActiveResourcesInfo: a few µs, no hook). Unref'd timers and
 * handles are not listed, so a task that leaves only those open does not
 * turn the hook on.
 */
export function openHandleCount(): number {
  let count = 0;
  for (const type of process.getActiveResourcesInfo()) if (!REQUEST_TYPE.test(type)) count++;
  return count;
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

/** The async hook's own frames, on top of every creation stack it takes: never where a handle was opened. */
const HOOK_FRAME = /[( ]node:internal\/async_hooks:/;

export function describeHandle(entry: HandleEntry): OpenHandle {
  const stack = creationStack(entry).split('\n').filter((line) => !HOOK_FRAME.test(line)).join('\n');
  return { type: entry.type, stack: userFramesFirst(stack) };
}

type CallSites = NodeJS.CallSite[];
type StackFormatter = (error: object, sites: CallSites) => unknown;

/**
 * The creation stack's call sites, read without the runner's stack
 * formatting: Jest's source-map support maps every frame of every stack it
 * formats, which made reading one stack per test (the runner's own hook
 * timer, still open when the test ends) cost more than the rest of a test's
 * recording. Plain frames are enough to tell whose code created a handle.
 * Null when the stack had been formatted already, or when it belongs to
 * another vm context (another Jest test file) whose Error is not ours.
 */
function callSitesOf(creation: { stack?: unknown }): CallSites | null {
  const formatter = Error.prepareStackTrace;
  Error.prepareStackTrace = (_error, sites) => sites;
  try {
    const stack = creation.stack;
    return Array.isArray(stack) ? (stack as CallSites) : null;
  } finally {
    Error.prepareStackTrace = formatter;
  }
}

/** V8's own text for a frame, without source maps. */
const plainFrame = (site: NodeJS.CallSite): string => `at ${String(site)}`;

/**
 * The stack as the runner would have shown it (source-mapped under Jest):
 * only for handles that are reported, so the formatting is paid rarely.
 */
function creationStack(entry: HandleEntry): string {
  const stack = entry.creation.stack;
  if (!Array.isArray(stack)) return typeof stack === 'string' ? stack : '';
  const sites = stack as CallSites;
  const formatter = (Error.prepareStackTrace ?? (mainContextGlobal() as unknown as { Error?: ErrorConstructor }).Error?.prepareStackTrace) as StackFormatter | undefined;
  if (typeof formatter === 'function') {
    try {
      const text = formatter(entry.creation, sites);
      if (typeof text === 'string') return text;
    } catch {
      // A formatter that cannot take a plain object: the plain frames below.
    }
  }
  return ['Error', ...sites.map((site) => `    ${plainFrame(site)}`)].join('\n');
}

/** Node's own frames: what a resource's creation passes through on any caller's behalf. */
function isNodeFrame(frame: string): boolean {
  return /\(node:|^at node:|\(<anonymous>\)|^at new Promise /.test(frame);
}

/** The frames of a formatted stack, message line left out. */
function* framesOf(stack: string): Generator<string> {
  for (const line of stack.split('\n').slice(1)) yield line.trim();
}

/** Frames formatted one at a time, as far as they are read. */
function* plainFrames(sites: CallSites): Generator<string> {
  for (const site of sites) yield plainFrame(site);
}

/**
 * Whether the code that asked for the resource is a test runner's or
 * memscope's: the first frame past Node's own belongs to them. A resource
 * Node made with no caller on the stack (a server bound after a DNS lookup)
 * stays the task's: AsyncLocalStorage put it there.
 */
function createdByTooling(frames: Iterable<string>): boolean {
  for (const frame of frames) {
    if (!frame.startsWith('at ') || isNodeFrame(frame)) continue;
    return isInternalFrame(frame);
  }
  return false;
}

/**
 * createdByTooling on call sites, reading their file names instead of
 * formatting each frame: runners leave a timer of their own open at every
 * test's end, so this runs once per test. A frame with no file name (a
 * builtin such as `new Promise`, eval'd code) is formatted and judged as text.
 */
function sitesCreatedByTooling(sites: CallSites): boolean {
  for (const site of sites) {
    const file = site.getFileName();
    if (!file) {
      const frame = plainFrame(site);
      if (isNodeFrame(frame)) continue;
      return isInternalFrame(frame);
    }
    if (file.startsWith('node:')) continue;
    // The same patterns as on the formatted frame, which shows the file as `(file:line:column)`.
    return isInternalFrame(`at (${file}:)`);
  }
  return false;
}

/**
 * Handles still open, less those a runner or memscope created and those
 * whose first user frame matches one of `ignoreFrames`. Runners leave one
 * or two of their own open at every test's end (the timeout of the hook
 * that ends the test), so those are told apart on plain frames, formatted
 * only up to the caller; the runner's formatting is paid for reported ones.
 */
export function handlesLeftOpen(entries: readonly HandleEntry[], ignoreFrames: readonly RegExp[]): OpenHandle[] {
  const open: OpenHandle[] = [];
  for (const entry of entries) {
    if (entry.byTooling || !isStillOpen(entry)) continue;
    const sites = callSitesOf(entry.creation);
    const stack = sites ? null : String(entry.creation.stack ?? '');
    if (sites ? sitesCreatedByTooling(sites) : createdByTooling(framesOf(stack!))) continue;
    if (ignoreFrames.length > 0) {
      const first = userFramesFirst(stack ?? ['Error', ...plainFrames(sites!)].join('\n'), 1)[0] ?? '';
      if (ignoreFrames.some((pattern) => pattern.test(first))) continue;
    }
    open.push(describeHandle(entry));
  }
  return open;
}
