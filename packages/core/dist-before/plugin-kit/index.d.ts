export { resolveReporterOptions } from './options.js';
export type { ReporterOptions, ResolvedReporterOptions } from './options.js';
export { RUN_DIR_ENV, openRunChannel, joinRunChannel } from './run-channel.js';
export type { RunChannel, RunSettings } from './run-channel.js';
export { finishRun, reportDirectory } from './finish-run.js';
export type { FinishRunInput, FinishedRun } from './finish-run.js';
//# sourceMappingURL=index.d.ts.map