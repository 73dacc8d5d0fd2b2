import { reporterParts } from '@memscope/core/core-parts';

/** The parts of `@memscope/core` this reporter uses, each loaded on first use (see reporterParts). */
export const { reporterOptions, runChannel, snapshotTemp, fileRecords, runFinish, reportColors, taskIds } = reporterParts('@memscope/jest');
