import type { MatcherDeps } from './types.js';
/** The names every plugin installs; each returns a promise and must be awaited. */
export declare const MATCHER_NAMES: readonly ["toLeak", "toAllocateAtMost", "toRetainAtMost", "toBeCollected"];
export type MatcherName = (typeof MATCHER_NAMES)[number];
/**
 * The memscope matchers bound to their dependencies, ready for a
 * framework's `expect.extend`.
 *
 * @example
 * expect.extend(createMatchers(defaultMatcherDeps()));
 */
export declare function createMatchers(deps: MatcherDeps): {
    toLeak: (this: import("./types.js").MatcherContextLike, received: unknown, options?: import("../index.js").LeakOptions) => Promise<import("./types.js").MatcherResult>;
    toAllocateAtMost: (this: import("./types.js").MatcherContextLike, received: unknown, bytesPerCall: unknown, options?: import("./measure.js").AllocationOptions) => Promise<import("./types.js").MatcherResult>;
    toRetainAtMost: (this: import("./types.js").MatcherContextLike, received: unknown, bytes: unknown, options?: import("./measure.js").RetentionOptions) => Promise<import("./types.js").MatcherResult>;
    toBeCollected: (this: import("./types.js").MatcherContextLike, received: unknown) => Promise<import("./types.js").MatcherResult>;
};
export { defaultMatcherDeps } from './default-deps.js';
export { formatLeakDiagnosis, formatStatistics } from './diagnosis.js';
export { measureAllocation, measureRetention } from './measure.js';
export type { AllocationMeasurement, AllocationOptions, RetentionMeasurement, RetentionOptions } from './measure.js';
export type { MatcherContextLike, MatcherDeps, MatcherResult, MatcherUtilsLike, MemscopeMatchers } from './types.js';
export { matcherColors } from './colors.js';
//# sourceMappingURL=index.d.ts.map