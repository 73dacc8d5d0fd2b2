import { type AllocationOptions } from './measure.js';
import type { MatcherContextLike, MatcherDeps, MatcherResult } from './types.js';
/** `await expect(fn).toAllocateAtMost(bytesPerCall, options?)`; see MemscopeMatchers for the definition. */
export declare function createToAllocateAtMost(deps: MatcherDeps): (this: MatcherContextLike, received: unknown, bytesPerCall: unknown, options?: AllocationOptions) => Promise<MatcherResult>;
//# sourceMappingURL=to-allocate-at-most.d.ts.map