import { MemscopeError } from '../errors.js';
import { runningRecorder, type FileRecorder } from './recorder.js';
import type { TaskScope } from './scope.js';
import { currentScope } from './storage.js';

/**
 * Runs `fn` as a task of its own inside the running test (or the task
 * around it): the report shows it as a child with its own figures
 * (allocated, retained in settled mode, peak, handles, duration), and a
 * baseline judges it by its id, `file > test > name`. Returns what `fn`
 * returns; a throw or rejection ends the task `failed` and is passed on.
 *
 * Outside a test memscope records (no reporter, or plain Node), `fn` just
 * runs. Two tasks running at once (`Promise.all`) read the same heap: their
 * figures are labelled `shared` and each names the other in `overlaps`.
 *
 * @example
 * test('imports users', async () => {
 *   const users = await task('parse CSV', () => parseCsv(file));
 *   await task('import users', async () => { await db.insertMany(users); });
 * });
 */
export async function task<T>(name: string, fn: () => T | Promise<T>): Promise<Awaited<T>> {
  checkTaskArguments(name, fn);
  const recorder = runningRecorder();
  const parent = recorder && openParent(recorder);
  if (!recorder || !parent) return await fn();
  const scope = recorder.enterChild('task', name, parent);
  let result: Awaited<T>;
  try {
    result = await recorder.runInTask(scope, fn);
  } catch (error) {
    if (scope.open) await recorder.exit('failed', error, scope);
    throw error;
  }
  // The test may have ended first (a task it did not await): its end closed this one.
  if (scope.open) await recorder.exit('passed', undefined, scope);
  return result;
}

/** The task code runs in, when still open; else the innermost open one (a callback that outlived its task). */
function openParent(recorder: FileRecorder): TaskScope | undefined {
  const current = currentScope();
  const parent = current?.open ? current : recorder.innermostOpen();
  // Tasks live inside a test or hook, never directly in a file or describe block.
  return parent && parent.node.kind !== 'file' && parent.node.kind !== 'describe' ? parent : undefined;
}

function checkTaskArguments(name: unknown, fn: unknown): void {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `task(name, fn) expects a non-empty string as name, received ${describe(name)}`);
  }
  if (typeof fn !== 'function') {
    throw new MemscopeError('ERR_MEMSCOPE_NOT_A_FUNCTION', `task('${name}', fn) expects a function as fn, received ${describe(fn)}`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value;
}
