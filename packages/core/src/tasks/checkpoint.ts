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

/**
 * Vitest's worker sends test results (with memscope's figures in each
 * task's meta) to the reporter at most every 100 ms, over IPC or a message
 * port; there is no record file to write. A worker killed right after a
 * test ended loses that test with it unless the update went out: waiting
 * one interval and one more turn for the message to leave lets the tests
 * that finished before a verdict keep their outcome and figures (seen: a
 * verdict killed in its first snapshot, under a second, reported them
 * skipped).
 */
const VITEST_UPDATE_INTERVAL_MS = 100;

async function vitestUpdatesSent(): Promise<void> {
  await new Promise<void>((resolve) => nodeTimers.setTimeout(resolve, VITEST_UPDATE_INTERVAL_MS + 20));
  await nextMacrotask();
}
