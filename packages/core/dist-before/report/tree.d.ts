import type { FileRecord, TaskNode } from '../tasks/types.js';
/**
 * Puts one file's tasks under a single `file` task: workers may or may not
 * send a file node and may attach top-level describes to a run node or to
 * nothing. Readers of the report can then rely on one shape.
 */
export declare function normalizeFileTasks(record: FileRecord): TaskNode[];
//# sourceMappingURL=tree.d.ts.map