// `@memscope/core/plugin-kit`: what the Jest and Vitest plugins need and a
// user's test never calls: the reporter's options and end of run, the run
// channel between reporter and workers, the file records, the task-id
// format and the empty task node, and the process-level housekeeping
// (stale snapshot folders, signals, background optimization). Users import
// `@memscope/core`.
//
// At run time the plugins load these through `@memscope/core/worker` (per
// test file, the light part) and `@memscope/core/core-parts` (reporters,
// module by module, typed by this entry), so neither loads all of core.

export { resolveReporterOptions } from './options.js';
export type { ReporterOptions, ResolvedReporterOptions } from './options.js';
export { RUN_DIR_ENV, openRunChannel, joinRunChannel } from './run-channel.js';
export type { RunChannel, RunSettings } from './run-channel.js';
export { finishRun, reportDirectory } from './finish-run.js';
export type { FinishRunInput, FinishedRun } from './finish-run.js';
export { finishBackgroundOptimization } from '../main-context.js';
export { endBySignalIfUnhandled, sweepStaleSnapshotDirs } from '../capture/snapshot/snapshot-temp.js';
export { createFileRecorder, FileRecorder } from '../tasks/recorder.js';
export type { FileRecorderOptions, FinalState } from '../tasks/recorder.js';
export { writeFileRecord, writeFileRecordSync, readFileRecords, recordFileName } from '../tasks/records.js';
export type { ReadRecordsResult } from '../tasks/records.js';
export { ID_SEPARATOR, TaskIdRegistry, emptyTaskNode, endedTaskNode, firstFreeId, numberedId, relativeFile, taskPathId } from '../tasks/ids.js';
export type { TaskIdentity } from '../tasks/ids.js';
export { createMatchersOnDemand } from '../matchers/on-demand.js';
export type { OnDemandMatcher } from '../matchers/on-demand.js';
export { MemscopeError } from '../errors.js';
export { buildRunReport } from '../report/build.js';
export { colorsFor } from '../report/colors.js';
export type { ShardInfo, RunnerInfo } from '../report/schema.js';
export type { CapturePath } from '../capture/types.js';
export type { EndedTask, FileRecord, FinishedTask, MeasureMode, RunningTask, SkippedTask, TaskNode, TaskState } from '../tasks/types.js';
