import type { CapturePath } from '../capture/types.js';
import { emptyTaskNode } from './ids.js';
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
 * `src/a.test.ts > Cache > evicts`, hooks `… > (beforeEach)`, repeats `#2`),
 * task scopes under their test (`… > evicts > load`, kind `task`) and
 * verdicts (`… > evicts > (toLeak verdict)`, kind `verdict`).
 * Each node's `figures` map a figure name to `{ value, source }` where source
 * is measured | sampled | inferred | shared (the task overlapped the tasks
 * its `overlaps` names); bytes for heap figures, milliseconds for
 * times, counts for GCs and handles. `external`, `arrayBuffers` and `malloc`
 * are changes over the task; `heapBefore`/`heapAfter`/`peak` are absolute.
 * Every node but the run has exactly one incoming `contains` edge, so nodes
 * and edges form a tree; a node's `parentId` says the same.
 */
export const TASK_GRAPH_SCHEMA_VERSION = 1;
export const RUN_TASK_ID = '(run)';

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

function common<T extends string>(values: T[], fallback: T): T | 'mixed' {
  const distinct = new Set(values);
  if (distinct.size === 0) return fallback;
  return distinct.size === 1 ? values[0]! : 'mixed';
}

export function exportTaskGraph(records: readonly FileRecord[], missingFiles: readonly string[] = []): TaskGraph {
  const run = emptyTaskNode({
    id: RUN_TASK_ID, kind: 'run', name: 'run', path: [], file: '', parentId: null,
    state: records.some((record) => record.tasks.some((task) => task.state === 'failed')) || missingFiles.length > 0 ? 'failed' : 'passed',
  });
  const nodes: TaskNode[] = [run];
  const edges: TaskGraphEdge[] = [];
  const sorted = [...records].sort((a, b) => a.file.localeCompare(b.file));
  for (const record of sorted) {
    for (const task of record.tasks) {
      const parentId = task.parentId ?? RUN_TASK_ID;
      nodes.push(task.parentId === null ? { ...task, parentId: RUN_TASK_ID } : task);
      edges.push({ from: parentId, to: task.id, kind: 'contains' });
    }
  }
  return {
    schemaVersion: TASK_GRAPH_SCHEMA_VERSION,
    kind: 'memscope-task-graph',
    capture: common(records.map((record) => record.capture), 'js'),
    mode: common(records.map((record) => record.mode), 'sampled'),
    nodes,
    edges,
    missingFiles: [...missingFiles],
  };
}
