export { buildRunReport, computeTotals, reportExitCode } from './build.js';
export type { BuildRunReportInput } from './build.js';
export { colorEnabled, colorsFor, createColors } from './colors.js';
export type { Colors } from './colors.js';
export { compareRunReports, formatComparison } from './compare.js';
export type { ComparedRow, ReportComparison } from './compare.js';
export { formatBytes } from './format.js';
export { CONTENT_SECURITY_POLICY, embedJson, renderDashboard } from './html/render.js';
export { mergeRunReports } from './merge.js';
export type { SourcedReport } from './merge.js';
export { createProgressLine } from './progress.js';
export type { ProgressLine, ProgressStream } from './progress.js';
export { REPORT_KIND, REPORT_SCHEMA_VERSION } from './schema.js';
export type {
  BaselineComparison, BaselineFigureName, ComparedFigure, MissingFile, Regression, ReportFile, RunInfo,
  RunnerInfo, RunReport, RunTotals, ShardInfo, Tolerance,
} from './schema.js';
export { formatSummary } from './summary.js';
export type { SummaryOptions } from './summary.js';
export { validateRunReport } from './validate/report.js';
export { DEFAULT_REPORT_DIR, parseRunReport, readRunReport, serializeRunReport, writeReports } from './files/write.js';
export type { WriteReportsOptions, WrittenReports } from './files/write.js';
