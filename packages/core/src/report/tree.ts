import type { FileRecord, TaskNode } from '../tasks/types.js';
import { emptyTaskNode } from '../tasks/ids.js';

/**
 * Puts one file's tasks under a single `file` task: workers may or may not
 * send a file node and may attach top-level describes to a run node or to
 * nothing. Readers of the report can then rely on one shape.
 */
export function normalizeFileTasks(record: FileRecord): TaskNode[] {
  const tasks = record.tasks.filter((t) => t.kind !== 'run');
  let fileNode = tasks.find((t) => t.kind === 'file');
  if (!fileNode) {
    fileNode = emptyTaskNode({
      id: `${record.file} (file)`,
      kind: 'file',
      name: record.file,
      path: [],
      file: record.file,
      parentId: null,
      state: fileState(tasks, record.incomplete === true),
    });
    tasks.unshift(fileNode);
  }
  const ids = new Set(tasks.map((t) => t.id));
  const rootId = fileNode.id;
  return tasks.map((t) => {
    if (t === fileNode) return t.parentId === null ? t : { ...t, parentId: null };
    if (t.parentId !== null && ids.has(t.parentId) && t.parentId !== t.id) return t;
    return { ...t, parentId: rootId };
  });
}

function fileState(tasks: TaskNode[], incomplete: boolean): TaskNode['state'] {
  if (incomplete) return 'failed';
  const tests = tasks.filter((t) => t.kind === 'test');
  if (tests.some((t) => t.state === 'failed')) return 'failed';
  if (tests.length > 0 && tests.every((t) => t.state === 'skipped' || t.state === 'todo')) return 'skipped';
  return 'passed';
}
