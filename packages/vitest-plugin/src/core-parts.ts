import { coreParts } from '@memscope/core/core-parts';

/** The parts of `@memscope/core` this reporter uses, each loaded on first use (see coreParts). */
const fromCore = coreParts('@memscope/vitest');

/** Needed when the reporter is created. */
export const reporterOptions = fromCore('plugin-kit/options.js', ['resolveReporterOptions']);
export const snapshotTemp = fromCore('capture/snapshot-temp.js', ['sweepStaleSnapshotDirs']);
/** Needed once the run is complete, or when it ends early; finish-run as one packed file (scripts/pack-setup-entries.mjs). */
export const runFinish = fromCore('plugin-kit/finish-run.packed.js', ['finishRun', 'reportDirectory']);
export const reportColors = fromCore('report/colors.js', ['colorsFor']);
export const reportBuild = fromCore('report/build.js', ['buildRunReport']);
export const coreErrors = fromCore('errors.js', ['MemscopeError']);
/** Needed to turn Vitest's tree into file records: the recorder's id format and empty node. */
export const taskIds = fromCore('tasks/ids.js', ['TaskIdRegistry', 'relativeFile', 'taskPathId', 'emptyTaskNode', 'endedTaskNode']);
