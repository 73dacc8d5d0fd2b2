import { AsyncLocalStorage } from 'node:async_hooks';
import { setImmediate } from 'node:timers';
import { processSingleton } from '../main-context.js';
import type { TaskScope } from './scope.js';

/**
 * The current task, carried by AsyncLocalStorage across awaits, timers and
 * promise callbacks: a timer a test leaves running still runs "inside" that
 * test, so whatever it opens is charged to it.
 *
 * When no scope was entered through `runInTask` (a plugin that can only call
 * hooks before and after a test), the innermost open scope of the active
 * recorder stands in: right for tests that run one at a time, and tests that
 * overlap are marked `shared` anyway.
 *
 * The state lives once per process on the main context's global: Jest loads
 * a fresh copy of this module for every test file, and every extra
 * AsyncLocalStorage would add its own cost to every promise.
 */

interface ScopeSource {
  innermostOpen(): TaskScope | undefined;
}

interface StorageState {
  storage: AsyncLocalStorage<TaskScope>;
  activeSource: ScopeSource | null;
  internalDepth: number;
  /** Verdicts and matchers calling the function under test many times. */
  measuringDepth?: number;
}

const STATE_KEY = Symbol.for('memscope.tasks.storage');

// Created in the main context (see main-context.ts); `activeSource` points
// into a test file only while that file's recorder runs.
function processState(): StorageState {
  return processSingleton<StorageState>(STATE_KEY, () => ({ storage: new AsyncLocalStorage<TaskScope>(), activeSource: null, internalDepth: 0 }));
}

const state = processState();

export const taskStorage: AsyncLocalStorage<TaskScope> = state.storage;

export function setActiveScopeSource(source: ScopeSource | null): void {
  state.activeSource = source;
}

export function isActiveScopeSource(source: ScopeSource): boolean {
  return state.activeSource === source;
}

/** The task code runs in right now, open or already ended. */
export function currentScope(): TaskScope | undefined {
  return state.storage.getStore() ?? state.activeSource?.innermostOpen();
}

/**
 * The test (or hook) code runs in, past any task scopes and verdicts inside
 * it: findings and tracked objects belong to the test that asserted them.
 */
export function currentTestScope(): TaskScope | undefined {
  return currentScope()?.owner();
}

/** Resources memscope creates for itself (an await, a file write) are not the test's. */
export function isInternal(): boolean {
  return state.internalDepth > 0;
}

export function asMemscope<T>(fn: () => T): T {
  state.internalDepth++;
  try {
    return fn();
  } finally {
    state.internalDepth--;
  }
}

/**
 * While a verdict or a matcher calls the function under test thousands of
 * times, the test's own handle list would keep every timer and socket of
 * every call alive (and so grow the very heap being measured). The verdict
 * tracks those itself; per-test recording pauses meanwhile.
 */
export async function whileMeasuring<T>(work: () => Promise<T>): Promise<T> {
  state.measuringDepth = (state.measuringDepth ?? 0) + 1;
  try {
    return await work();
  } finally {
    state.measuringDepth--;
  }
}

export function isMeasuring(): boolean {
  return (state.measuringDepth ?? 0) > 0;
}

/** One macrotask later, created as memscope's own resource; node:timers' setImmediate is never faked. */
export function nextMacrotask(): Promise<void> {
  return asMemscope(() => new Promise<void>((resolve) => setImmediate(resolve)));
}
