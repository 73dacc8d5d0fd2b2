import type { CapturePath } from '../capture/types.js';
import type { FileRecord, MeasureMode, TaskNode } from './types.js';
/**
 * The task graph export (memscope-rs's `export_graph`), schema version 1.
 *
 * ```jsonc
 * {
 *   "schemaVersion": 1,
 *   "kind": "memscope-task-graph",
 *   "capture": "native" | "js" | "mixed",   // which capture measured the figures
 *   "mode": "sampled" | "settled" | "mixed",
 *   "nodes": [TaskNode, …],                 // see tasks/types.ts; the first node is the run
 *   "edges": [{ "from": parentId, "to": childId, "kind": "contains" }, …],
 *   "missingFiles": ["src/b.test.ts"]        // expected files whose figures never arrived
 * }
 * ```
 *
 * Nodes: one `run` node (id `(run)`), one `file` node per test file (id =
 * path relative to the root), then describes, tests and hooks (ids like
 * `src/a.test.ts > Cache > evicts`, hooks `… > (beforeEach)`, repeats `#2`).
 * Each node's `figures` map a figure name to `{ value, source }` where source
 * is measured | sampled | inferred; bytes for heap figures, milliseconds for
 * times, counts for GCs and handles. `external`, `arrayBuffers` and `malloc`
 * are changes over the task; `heapBefore`/`heapAfter`/`peak` are absolute.
 * Every node but the run has exactly one incoming `contains` edge, so nodes
 * and edges form a tree; a node's `parentId` says the same.
 */
export declare const TASK_GRAPH_SCHEMA_VERSION = 1;
export declare const RUN_TASK_ID = "(run)";
export interface TaskGraphEdge {
    from: string;
    to: string;
    kind: 'contains';
}
export interface TaskGraph {
    schemaVersion: typeof TASK_GRAPH_SCHEMA_VERSION;
    kind: 'memscope-task-graph';
    capture: CapturePath | 'mixed';
    mode: MeasureMode | 'mixed';
    nodes: TaskNode[];
    edges: TaskGraphEdge[];
    missingFiles: string[];
}
export declare function exportTaskGraph(records: readonly FileRecord[], missingFiles?: readonly string[]): TaskGraph;
//# sourceMappingURL=graph.d.ts.map