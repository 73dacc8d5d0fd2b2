import { createToAllocateAtMost } from './to-allocate-at-most.js';
import { createToBeCollected } from './to-be-collected.js';
import { createToLeak } from './to-leak.js';
import { createToRetainAtMost } from './to-retain-at-most.js';
import { MATCHER_NAMES, type MatcherName } from './names.js';
import { trimmingOwnFrames } from './own-frames.js';
import type { MatcherDeps } from './types.js';

/** The names every plugin installs; each returns a promise and must be awaited. */
export { MATCHER_NAMES };
export type { MatcherName };

/**
 * The memscope matchers bound to their dependencies, ready for a
 * framework's `expect.extend`.
 *
 * @example
 * expect.extend(createMatchers(defaultMatcherDeps()));
 */
export function createMatchers(deps: MatcherDeps) {
  return {
    toLeak: trimmingOwnFrames(createToLeak(deps)),
    toAllocateAtMost: trimmingOwnFrames(createToAllocateAtMost(deps)),
    toRetainAtMost: trimmingOwnFrames(createToRetainAtMost(deps)),
    toBeCollected: trimmingOwnFrames(createToBeCollected(deps)),
  } satisfies Record<MatcherName, unknown>;
}

export { defaultMatcherDeps } from './default-deps.js';
export { formatLeakDiagnosis, formatStatistics } from './diagnosis.js';
export { measureAllocation, measureRetention } from './measure.js';
export type { AllocationMeasurement, AllocationOptions, RetentionMeasurement, RetentionOptions } from './measure.js';
export type { MatcherContextLike, MatcherDeps, MatcherResult, MatcherUtilsLike, MemscopeMatchers } from './types.js';
export { matcherColors } from './colors.js';
export { createMatchersOnDemand } from './on-demand.js';
export type { OnDemandMatcher } from './on-demand.js';
