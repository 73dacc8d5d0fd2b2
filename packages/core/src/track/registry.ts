import { MemscopeError } from '../errors.js';
import { currentTestScope } from '../tasks/storage.js';
import { ID_SEPARATOR } from '../tasks/ids.js';

/** A tracked object: held weakly, so tracking never keeps it alive. */
export interface TrackedEntry {
  name: string;
  ref: WeakRef<object>;
  /** Id of the task that tracked it; null outside any task. */
  taskId: string | null;
}

/** Every tracked object not yet seen collected, in the order tracked. */
const allTracked: TrackedEntry[] = [];

/**
 * Names an object so memscope can later say whether it was collected, and
 * if not, what holds it. Returns the value, so it can wrap an expression.
 * Objects tracked inside a test are checked when the test ends; two objects
 * tracked under one name are both kept.
 *
 * @example
 * const session = track(new Session(user), 'session');
 * await server.close();
 * // later: const [report] = await checkTracked('session'); report.collected
 */
export function track<T>(value: T, name: string): T {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) {
    throw new MemscopeError(
      'ERR_MEMSCOPE_NOT_TRACKABLE',
      `track(value, name) expects an object or function as value (only those can be collected), received ${value === null ? 'null' : typeof value}`,
    );
  }
  if (typeof name !== 'string' || name === '') {
    throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `track(value, name) expects a non-empty string as name, received ${JSON.stringify(name)}`);
  }
  const scope = currentTestScope();
  const entry: TrackedEntry = { name, ref: new WeakRef(value as object), taskId: scope?.open ? scope.node.id : null };
  if (scope?.open) scope.tracked.push(entry);
  allTracked.push(entry);
  return value;
}

/**
 * Tracked objects a check is about: those of the current task (its hooks
 * included) and of the tasks around it; when none of them has `name`, any
 * tracked object of that name.
 */
export function trackedInScope(taskId: string | null, name?: string): TrackedEntry[] {
  const named = name === undefined ? allTracked : allTracked.filter((entry) => entry.name === name);
  if (taskId === null) return named;
  const near = named.filter((entry) => entry.taskId === null || isRelated(entry.taskId, taskId));
  return near.length > 0 || name === undefined ? near : named;
}

function isRelated(a: string, b: string): boolean {
  return a === b || a.startsWith(b + ID_SEPARATOR) || b.startsWith(a + ID_SEPARATOR);
}

/** Drops entries of an ended task whose objects were collected: nothing is left to ask about. */
export function forgetCollected(entries: readonly TrackedEntry[]): void {
  const gone = new Set(entries.filter((entry) => entry.ref.deref() === undefined));
  if (gone.size === 0) return;
  let kept = 0;
  for (const entry of allTracked) {
    if (!gone.has(entry)) allTracked[kept++] = entry;
  }
  allTracked.length = kept;
}
