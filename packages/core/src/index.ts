// The public surface of @memscope/core: named exports only.

// The leak verdict
export { checkLeak } from './verdict/check-leak.js';
export type { CheckLeakDeps } from './verdict/check-leak.js';
export type { LeakOptions, IgnoreRule, IgnoreEntry, IgnoreSubject } from './verdict/options.js';
export type {
  AllocationSite,
  FigureGrowth,
  FigureSource,
  Finding,
  FindingKind,
  HandleFinding,
  HeapFinding,
  NativeFinding,
  ObjectFields,
  ObjectFinding,
  StormFinding,
  LeakResult,
  RetainerStep,
  VerdictStats,
} from './verdict/types.js';
export { leakFilterRules } from './analyzers/rule-list.js';
export type { LeakFilterRule } from './analyzers/rule-list.js';

// Errors
export { MemscopeError, isMemscopeError } from './errors.js';
export type { MemscopeErrorCode } from './errors.js';

// Capture
export { getCapture, settle, assertSnapshotFits, measureSnapshotFit } from './capture/index.js';
export type { SnapshotFit } from './capture/index.js';
export type { Capture, CapturePath, ExactReads, ValueLookup, GcMode, GcTotals, HeapFigures, HeapGraph, HeapSpaceFigures, AllocationSample, AllocationFrame } from './capture/types.js';

// Per-test scopes and tracked objects
export {
  currentScope,
  task,
  exportTaskGraph,
  TASK_GRAPH_SCHEMA_VERSION,
  RUN_TASK_ID,
} from './tasks/index.js';
export type { TaskScope, TaskGraph, TaskGraphEdge } from './tasks/index.js';
export type * from './tasks/types.js';
export { track, checkTracked, checkTrackedEntries } from './track/index.js';
export type { CheckTrackedOptions } from './track/index.js';

// Matchers (bound per framework by the plugins)
export {
  MATCHER_NAMES,
  createMatchers,
  defaultMatcherDeps,
  formatLeakDiagnosis,
  formatStatistics,
  measureAllocation,
  measureRetention,
  matcherColors,
} from './matchers/index.js';
export type {
  MatcherName,
  AllocationMeasurement,
  AllocationOptions,
  RetentionMeasurement,
  RetentionOptions,
  MatcherContextLike,
  MatcherDeps,
  MatcherResult,
  MatcherUtilsLike,
  MemscopeMatchers,
} from './matchers/index.js';

// The reporter's options, for typing a runner's config. What else the
// plugins share (run channel, file records, end of run) is
// `@memscope/core/plugin-kit`.
export type { ReporterOptions } from './plugin-kit/options.js';

// Reports and baselines
export {
  buildRunReport,
  computeTotals,
  reportExitCode,
  colorEnabled,
  colorsFor,
  createColors,
  compareRunReports,
  formatComparison,
  formatBytes,
  renderDashboard,
  mergeRunReports,
  createProgressLine,
  REPORT_KIND,
  REPORT_SCHEMA_VERSION,
  formatSummary,
  validateRunReport,
  DEFAULT_REPORT_DIR,
  parseRunReport,
  readRunReport,
  serializeRunReport,
  writeReports,
} from './report/index.js';
export type { Colors, ProgressLine, RunReport, RunInfo, RunnerInfo, ShardInfo } from './report/index.js';
export { compareWithBaseline, loadBaseline, parseBaseline, updateBaseline } from './baseline/index.js';
export type { BaselineFile, BaselineTest, LoadedBaseline, ToleranceOverrides } from './baseline/index.js';
