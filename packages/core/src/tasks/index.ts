export { createFileRecorder, FileRecorder } from './recorder.js';
export type { FileRecorderOptions, FinalState } from './recorder.js';
export type { TaskScope } from './scope.js';
export { currentScope } from './storage.js';
export { writeFileRecord, writeFileRecordSync, readFileRecords, recordFileName } from './records.js';
export type { ReadRecordsResult } from './records.js';
export { exportTaskGraph, TASK_GRAPH_SCHEMA_VERSION, RUN_TASK_ID } from './graph.js';
export type { TaskGraph, TaskGraphEdge } from './graph.js';
export type * from './types.js';
