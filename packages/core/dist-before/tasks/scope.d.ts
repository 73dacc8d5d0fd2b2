import type { Capture } from '../capture/types.js';
import type { TrackedEntry } from '../track/registry.js';
import type { Reading } from './figures.js';
import type { HandleEntry } from './handles.js';
import type { TaskNode } from './types.js';
/**
 * One open (or ended) task: its node in the tree plus what the recorder
 * needs while it runs. Held by AsyncLocalStorage as the current task.
 */
export declare class TaskScope {
    readonly node: TaskNode;
    readonly parent: TaskScope | null;
    start: Reading;
    readonly capture: Capture;
    open: boolean;
    /** Largest heap used seen at this task's boundaries and its children's. */
    peakSeen: number;
    handlesOpened: number;
    readonly handles: HandleEntry[];
    readonly tracked: TrackedEntry[];
    constructor(node: TaskNode, parent: TaskScope | null, start: Reading, capture: Capture);
    addHandle(entry: HandleEntry): void;
    /** True for this scope and every scope nested inside it. */
    isWithin(other: TaskScope): boolean;
}
//# sourceMappingURL=scope.d.ts.map