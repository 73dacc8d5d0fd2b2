import type { MatcherContextLike, MatcherDeps, MatcherResult } from './types.js';
/**
 * `await expect('session').toBeCollected()`: every object tracked under the
 * name has been collected after a settled GC. A survivor's failure shows the
 * retainer path, the references to cut.
 */
export declare function createToBeCollected(deps: MatcherDeps): (this: MatcherContextLike, received: unknown) => Promise<MatcherResult>;
//# sourceMappingURL=to-be-collected.d.ts.map