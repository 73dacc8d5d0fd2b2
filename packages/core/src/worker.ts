// `@memscope/core/worker`: what every test file loads, and nothing else.
//
// The plugins' setup files run once per test file (Jest gives each file its
// own module registry; a Vitest worker may run many), so this entry keeps to
// the per-test path: the task recorder, the shared capture, the run channel,
// `track`, and matchers whose code (verdict, analyzers, heap-graph capture,
// failure formatting) loads on their first call. The same functions are
// exported by `@memscope/core` (what users call: `track`, `task`, the
// capture) and `@memscope/core/plugin-kit` (the recorder, the records, the
// run channel), from the same modules.

export { MemscopeError } from './errors.js';
export { finishBackgroundOptimization } from './main-context.js';
export { getSharedCapture as getCapture } from './capture/shared.js';
export { createFileRecorder, FileRecorder } from './tasks/recorder.js';
export type { FileRecorderOptions, FinalState } from './tasks/recorder.js';
export type { HandleTracking } from './tasks/handles.js';
export type { TaskScope } from './tasks/scope.js';
export { writeFileRecord, writeFileRecordSync } from './tasks/records.js';
export type { FileRecord, MeasureMode, TaskNode } from './tasks/types.js';
export { track } from './track/registry.js';
export { task } from './tasks/task-scope.js';
export { joinRunChannel } from './plugin-kit/run-channel.js';
export type { RunSettings } from './plugin-kit/run-channel.js';
export { MATCHER_NAMES } from './matchers/names.js';
export type { MatcherName } from './matchers/names.js';
export { createMatchersOnDemand, preloadMatchers } from './matchers/on-demand.js';
export type { OnDemandMatcher } from './matchers/on-demand.js';
export type { MatcherResult } from './matchers/types.js';
