import { joinRunChannel } from '../plugin-kit/run-channel.js';
import { runningFileRecord } from './recorder.js';
import { writeFileRecord } from './records.js';
import { nextMacrotask, nodeTimers } from '../node-clock.js';

/**
 * Writes the running test file's record so far, marked incomplete, where the
 * reporter reads records. Taken before work that may kill the worker (a heap
 * snapshot can run a small-heap worker out of memory; a user may kill a
 * slow one): if the worker dies, the reporter still has the figures of the
 * tests that finished, and the file's complete record replaces this one
 * when it ends normally. Under Vitest, which carries figures in its own
 * task updates, it lets those go out instead.
 */
export async function checkpointRunningFile(): Promise<void> {
  const record = runningFileRecord();
  if (!record) return;
  const run = joinRunChannel(process.env);
  if (run) await writeFileRecord(run.dir, record);
  else if (VITEST_WORKER in globalThis) await vitestUpdatesSent();
}

const VITEST_WORKER = '__vitest_worker__';

export interface VitestTask {
  id: string;
  type?: string;
  result?: { state?: string };
  meta?: unknown;
  tasks?: VitestTask[];
}

export interface VitestWorkerState {
  rpc?: { onTaskUpdate?: (packs: unknown[], events: unknown[]) => Promise<unknown> };
  current?: VitestTask & { file?: VitestTask };
}

/**
 * Vitest's worker sends test results (with memscope's figures in each
 * task's meta) to the reporter at most every 100 ms, over IPC or a message
 * port; there is no record file to write. A worker killed right after a
 * test ended loses that test with it unless the update went out (seen: a
 * verdict killed in its first snapshot reported the tests before it
 * skipped; waiting one interval was not enough on a loaded machine, the
 * message had not left). So the finished tests' results are sent again
 * here through the worker's own RPC, and the main process's answer is
 * awaited: once it arrives, their outcome and figures are safe. Results
 * only, no events, so no reporter hears of a test twice.
 */
const UPDATE_ANSWER_WAIT_MS = 5_000;

function vitestUpdatesSent(): Promise<void> {
  return sendFinishedVitestResults((globalThis as Record<string, unknown>)[VITEST_WORKER] as VitestWorkerState | undefined);
}

/** Sends the results of the running file's finished tests and waits (at most 5 s) for the main process's answer. */
export async function sendFinishedVitestResults(worker: VitestWorkerState | undefined): Promise<void> {
  const send = worker?.rpc?.onTaskUpdate;
  const file = worker?.current?.file;
  if (!send || !file) return fallbackWait();
  const finished = finishedTests(file, worker.current!.id);
  if (finished.length === 0) return;
  const packs = finished.map((test) => [test.id, test.result, test.meta]);
  let timer: ReturnType<typeof nodeTimers.setTimeout> | undefined;
  const answered = Promise.resolve(send.call(worker.rpc, packs, [])).catch(() => undefined);
  const waited = new Promise<void>((resolve) => (timer = nodeTimers.setTimeout(resolve, UPDATE_ANSWER_WAIT_MS)));
  await Promise.race([answered, waited]);
  nodeTimers.clearTimeout(timer);
}

function finishedTests(task: VitestTask, runningId: string, into: VitestTask[] = []): VitestTask[] {
  for (const child of task.tasks ?? []) {
    if (child.tasks) finishedTests(child, runningId, into);
    else if (child.id !== runningId && (child.result?.state === 'pass' || child.result?.state === 'fail')) into.push(child);
  }
  return into;
}

/** Vitest versions without a reachable RPC: let the throttled update leave. */
const VITEST_UPDATE_INTERVAL_MS = 100;

async function fallbackWait(): Promise<void> {
  await new Promise<void>((resolve) => nodeTimers.setTimeout(resolve, VITEST_UPDATE_INTERVAL_MS + 20));
  await nextMacrotask();
}
