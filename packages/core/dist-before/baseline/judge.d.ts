import type { BaselineComparison } from '../report/schema.js';
import type { TaskNode } from '../tasks/types.js';
import { type LoadedBaseline } from './types.js';
/** Tests whose figures can be judged: finished, and not mixed with a concurrent test's. */
export declare function judgeableTests(tasks: readonly TaskNode[]): TaskNode[];
/**
 * Compares each test's figures with the baseline. Only growth beyond the
 * tolerance is a regression: memory that shrank is never a failure.
 *
 * @param options.partial this run saw only part of the suite (a shard), so
 *   baseline tests it did not see may belong to another shard.
 */
export declare function compareWithBaseline(tasks: readonly TaskNode[], baseline: LoadedBaseline, options?: {
    partial?: boolean;
}): BaselineComparison;
//# sourceMappingURL=judge.d.ts.map