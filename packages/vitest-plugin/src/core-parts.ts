import { reporterParts } from '@memscope/core/core-parts';

/** The parts of `@memscope/core` this reporter uses, each loaded on first use (see reporterParts). */
export const { reporterOptions, snapshotTemp, runFinish, reportColors, reportBuild, coreErrors, taskIds } = reporterParts('@memscope/vitest');
