import { coreParts } from '@memscope/core/core-parts';

/** The parts of `@memscope/core` this reporter uses, each loaded on first use (see coreParts). */
const fromCore = coreParts('@memscope/jest');

/** Needed when the reporter is created. */
export const reporterOptions = fromCore('plugin-kit/options.js', ['resolveReporterOptions']);
export const runChannel = fromCore('plugin-kit/run-channel.js', ['openRunChannel']);
export const snapshotTemp = fromCore('capture/snapshot-temp.js', ['sweepStaleSnapshotDirs', 'endBySignalIfUnhandled']);
/** Needed once the run is complete; finish-run as one packed file (scripts/pack-setup-entries.mjs). */
export const fileRecords = fromCore('tasks/records.js', ['readFileRecords']);
export const runFinish = fromCore('plugin-kit/finish-run.packed.js', ['finishRun']);
export const reportColors = fromCore('report/colors.js', ['colorsFor']);
/** Needed to add the tests Jest saw that no worker recorded and to set how each ended: the recorder's id format and task nodes. */
export const taskIds = fromCore('tasks/ids.js', ['firstFreeId', 'taskPathId', 'emptyTaskNode', 'endedTaskNode']);
