import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { nodeTimers } from '../../node-clock.js';

/**
 * Temporary homes for heap snapshots written to disk (the pure-JS capture on
 * Node >= 22). Each directory is named after memscope and the pid that owns
 * it, `memscope-snapshot-<pid>-XXXXXX`, so that whoever comes next can tell
 * a directory left by a killed process (SIGKILL, out of memory: no finally
 * runs) from one a live process is still writing.
 */
const PREFIX = 'memscope-snapshot-';
const OWNED = /^memscope-snapshot-(\d+)-/;

export function createSnapshotDir(): string {
  return mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the pid exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes snapshot directories whose owning process is gone; returns their
 * paths. Touches nothing else in the temp directory.
 *
 * @example
 * sweepStaleSnapshotDirs(); // at start-up and when a run ends
 */
export function sweepStaleSnapshotDirs(dir: string = tmpdir()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const owner = OWNED.exec(name)?.[1];
    if (owner === undefined || Number(owner) === process.pid || isAlive(Number(owner))) continue;
    const path = join(dir, name);
    try {
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Another process swept it first, or it is not ours to remove.
    }
  }
  return removed;
}

const DEFERRED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * The real process: inside a Jest test file `process` is a copy whose
 * listeners never see a signal.
 */
let mainProcess: NodeJS.Process | null = null;
const realProcess = (): NodeJS.Process => (mainProcess ??= vm.runInThisContext('process') as NodeJS.Process);

/**
 * Runs synchronous work that leaves files behind if the process dies in the
 * middle (a snapshot being written). Without a listener, SIGINT or SIGTERM
 * would end the process at once, before `finally` removes the file; with
 * one, the signal waits for the work (and its cleanup) to finish, then ends
 * the process as it would have, unless the runner listens for it itself.
 */
export function withSignalsDeferred<T>(work: () => T): T {
  const proc = realProcess();
  let received: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    received ??= signal;
    release();
  };
  const release = (): void => {
    for (const signal of DEFERRED_SIGNALS) proc.removeListener(signal, onSignal);
    nodeTimers.clearImmediate(releaseLater);
    if (received !== null) endBySignalIfUnhandled(received, proc);
  };
  for (const signal of DEFERRED_SIGNALS) proc.on(signal, onSignal);
  let releaseLater: NodeJS.Immediate | undefined;
  try {
    return work();
  } finally {
    // A signal that arrived during the work is delivered on the loop's next
    // poll phase, which comes before this immediate: keep listening till then.
    releaseLater = nodeTimers.setImmediate(release);
  }
}

/** How many listeners of the signal-exit package are installed: v3 counts on the process, v4 on the global. */
function signalExitListeners(proc: NodeJS.Process): number {
  const v3 = (proc as { __signal_exit_emitter__?: { count?: unknown } }).__signal_exit_emitter__?.count;
  const mainGlobal = vm.runInThisContext('globalThis') as Record<symbol, { count?: unknown } | undefined>;
  const v4 = mainGlobal[Symbol.for('signal-exit emitter')]?.count;
  return (typeof v3 === 'number' ? v3 : 0) + (typeof v4 === 'number' ? v4 : 0);
}

/**
 * After memscope's own listener for `signal` has cleaned up and removed
 * itself: sends the signal again when nobody else will act on it, so the
 * process ends as it would have without memscope. signal-exit (used by
 * Jest's cache writes) stays passive while other listeners exist and acts
 * once only its own remain.
 */
export function endBySignalIfUnhandled(signal: NodeJS.Signals, proc: NodeJS.Process = realProcess()): void {
  if (proc.listenerCount(signal) <= signalExitListeners(proc)) proc.kill(proc.pid, signal);
}
