"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPORT_KIND = exports.REPORT_SCHEMA_VERSION = void 0;
/**
 * The run report, `memscope-report/report.json`.
 *
 * Versioned: readers refuse a `schemaVersion` they do not know rather than
 * guess. Every figure keeps its `source` (measured, sampled, inferred). The
 * file is compact JSON (no indentation) because a run of 10,000 tests would
 * otherwise be several times larger; pipe it through `jq` to read it.
 *
 * The tree is flat: `tasks` holds files, describes, tests and hooks, linked by
 * `parentId`. Each file has exactly one task of kind `file` and every other
 * task of that file descends from it. Findings live on the task that produced
 * them (`TaskNode.findings`), so they exist once.
 */
exports.REPORT_SCHEMA_VERSION = 1;
exports.REPORT_KIND = 'memscope-run-report';
//# sourceMappingURL=schema.js.map