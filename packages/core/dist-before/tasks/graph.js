"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RUN_TASK_ID = exports.TASK_GRAPH_SCHEMA_VERSION = void 0;
exports.exportTaskGraph = exportTaskGraph;
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
exports.TASK_GRAPH_SCHEMA_VERSION = 1;
exports.RUN_TASK_ID = '(run)';
function common(values, fallback) {
    const distinct = new Set(values);
    if (distinct.size === 0)
        return fallback;
    return distinct.size === 1 ? values[0] : 'mixed';
}
function exportTaskGraph(records, missingFiles = []) {
    const run = {
        id: exports.RUN_TASK_ID, kind: 'run', name: 'run', path: [], file: '', parentId: null,
        state: records.some((record) => record.tasks.some((task) => task.state === 'failed')) || missingFiles.length > 0 ? 'failed' : 'passed',
        figures: {}, handles: [], findings: [], tracked: [],
    };
    const nodes = [run];
    const edges = [];
    const sorted = [...records].sort((a, b) => a.file.localeCompare(b.file));
    for (const record of sorted) {
        for (const task of record.tasks) {
            const parentId = task.parentId ?? exports.RUN_TASK_ID;
            nodes.push(task.parentId === null ? { ...task, parentId: exports.RUN_TASK_ID } : task);
            edges.push({ from: parentId, to: task.id, kind: 'contains' });
        }
    }
    return {
        schemaVersion: exports.TASK_GRAPH_SCHEMA_VERSION,
        kind: 'memscope-task-graph',
        capture: common(records.map((record) => record.capture), 'js'),
        mode: common(records.map((record) => record.mode), 'sampled'),
        nodes,
        edges,
        missingFiles: [...missingFiles],
    };
}
//# sourceMappingURL=graph.js.map