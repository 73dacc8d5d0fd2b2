import type { FileRecord, MeasureMode, TaskNode } from '@memscope/core/plugin-kit';
import { taskIds } from './core-parts.js';

/** Why a test has no outcome in a file whose worker stopped, for the report. */
export const ENDED_WHILE_RUNNING =
  'the test worker ended while this test ran (killed, out of memory, or the process exited); its figures are lost';

/**
 * Records for the files Jest started but could not finish (their worker
 * crashed or was killed: Jest reports a `testExecError` and no complete
 * record arrived). Each is marked incomplete, not absent: it keeps whatever
 * its worker wrote before dying (the checkpoint before a verdict), or
 * starts empty, and the tests Jest saw finish are added from its results by
 * `reconcileWithJest`. A test still marked running had not ended.
 */
export function incompleteRecords(
  records: readonly FileRecord[],
  unfinishedFiles: ReadonlySet<string>,
  mode: MeasureMode,
): FileRecord[] {
  const byFile = new Map(records.map((record) => [record.file, record]));
  for (const file of unfinishedFiles) {
    const record = byFile.get(file);
    if (record && !record.incomplete) continue;
    const base: FileRecord = record ?? { schemaVersion: 1, file, capture: records[0]?.capture ?? 'js', mode, tasks: [] };
    byFile.set(file, { ...base, incomplete: true, tasks: base.tasks.map(endRunning) });
  }
  return [...byFile.values()];
}

function endRunning(task: TaskNode): TaskNode {
  if (task.state !== 'running') return task;
  return taskIds().endedTaskNode(task, 'failed', task.kind === 'test' ? ENDED_WHILE_RUNNING : undefined);
}
