import { joinRunChannel } from '../plugin-kit/run-channel.js';
import { runningFileRecord } from './recorder.js';
import { writeFileRecord } from './records.js';

/**
 * Writes the running test file's record so far, marked incomplete, where the
 * reporter reads records. Taken before work that may kill the worker (a heap
 * snapshot can run a small-heap worker out of memory; a user may kill a
 * slow one): if the worker dies, the reporter still has the figures of the
 * tests that finished, and the file's complete record replaces this one
 * when it ends normally. Does nothing without a memscope reporter.
 */
export async function checkpointRunningFile(): Promise<void> {
  const record = runningFileRecord();
  if (!record) return;
  const run = joinRunChannel(process.env);
  if (!run) return;
  await writeFileRecord(run.dir, record);
}
