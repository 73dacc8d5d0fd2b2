import type { MatcherDeps } from './types.js';
/**
 * The real dependencies: the leak verdict, the process's shared capture,
 * the tracked-object check, and findings attached to the running task so
 * the report shows them under the test that failed.
 */
export declare function defaultMatcherDeps(): MatcherDeps;
//# sourceMappingURL=default-deps.d.ts.map