import type { TaskNode } from '../tasks/types.js';
import { type Checker } from './check.js';
/** Checks of the task-tree and finding shapes (tasks/types.ts, verdict/types.ts). */
export declare const TASK_KINDS: readonly ["run", "file", "describe", "test", "hook"];
export declare const TASK_STATES: readonly ["running", "passed", "failed", "skipped", "todo"];
export declare const HOOK_NAMES: readonly ["beforeAll", "beforeEach", "afterEach", "afterAll"];
export declare const FIGURE_SOURCES: readonly ["measured", "sampled", "inferred"];
export declare const FINDING_KINDS: readonly ["heap", "storm", "handle", "native"];
export declare const FIGURE_NAMES: readonly ["heapBefore", "heapAfter", "retained", "allocated", "peak", "gcCount", "gcTimeMs", "external", "arrayBuffers", "malloc", "handlesOpened", "handlesLeftOpen", "durationMs"];
export declare function checkFigure(c: Checker, value: unknown, path: string): void;
export declare function checkFigures(c: Checker, value: unknown, path: string): void;
export declare function checkTask(c: Checker, value: unknown, path: string): TaskNode;
//# sourceMappingURL=validate-task.d.ts.map