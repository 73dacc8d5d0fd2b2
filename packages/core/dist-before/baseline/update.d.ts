import type { BaselineComparison } from '../report/schema.js';
import type { MeasureMode, TaskNode } from '../tasks/types.js';
import { type BaselineFile, type LoadedBaseline } from './types.js';
/**
 * Whether this run should rewrite the baseline: the CLI's `--update`, the
 * plugins' `update` option (set from the runner's `-u`), or
 * `MEMSCOPE_UPDATE=1` in the environment.
 */
export declare function shouldUpdateBaseline(option: boolean | undefined, env?: NodeJS.ProcessEnv): boolean;
/**
 * The baseline after this run: every judged test with its current figures,
 * hand-written tolerances kept. A partial (sharded) run keeps the tests it
 * did not see, since they belong to other shards.
 */
export declare function nextBaseline(tasks: readonly TaskNode[], previous: BaselineFile | null, options: {
    mode: MeasureMode;
    partial?: boolean;
}): BaselineFile;
/**
 * Rewrites the baseline atomically and returns the comparison to report:
 * nothing regresses against the new file; `newTests` lists the tests added
 * and `removedTests` those dropped.
 */
export declare function updateBaseline(tasks: readonly TaskNode[], baseline: LoadedBaseline, options: {
    mode: MeasureMode;
    partial?: boolean;
}): Promise<BaselineComparison>;
//# sourceMappingURL=update.d.ts.map