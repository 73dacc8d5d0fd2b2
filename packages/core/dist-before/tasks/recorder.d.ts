import type { Capture, GcMode } from '../capture/types.js';
import { TaskScope } from './scope.js';
import type { FileRecord, HookName, MeasureMode, TaskNode, TaskState } from './types.js';
export type FinalState = Exclude<TaskState, 'running'>;
export interface FileRecorderOptions {
    /** Project root; task ids use the file path relative to it. */
    rootDir: string;
    /** The test file, absolute or relative to rootDir. */
    file: string;
    capture: Capture;
    /** 'sampled' (default): no forced GC. 'settled': a full GC after each test, for `retained`. */
    mode?: MeasureMode;
    /** How hard the settled GC tries; default 'fast' (one full mark-compact). */
    settleGc?: GcMode;
    /** Open handles whose first user frame matches are not reported (a runner's own timers). */
    ignoreHandleFrames?: RegExp[];
    /**
     * Carry the task with AsyncLocalStorage in runInTask (default true). On
     * Node 20 that turns on promise before/after hooks for the whole worker,
     * the largest part of sampled mode's cost (bench/scopes.bench.mjs). With
     * false, runInTask just calls fn and the innermost open task is the
     * current one: the same attribution for tests that run one at a time,
     * except for callbacks that run after their test ended.
     */
    asyncContext?: boolean;
}
/**
 * Records the tasks of one test file in one worker and their memory figures.
 * A plugin maps its runner's lifecycle onto enter/exit and, where it can wrap
 * the test function, runInTask; see `createFileRecorder`.
 */
export declare class FileRecorder {
    readonly file: string;
    readonly mode: MeasureMode;
    readonly capture: Capture;
    private readonly settleGc;
    private readonly ignoreHandleFrames;
    private readonly asyncContext;
    private readonly ids;
    private readonly nodes;
    private readonly openScopes;
    private readonly forced;
    private readonly fileScope;
    private readonly releaseHandles;
    /** Heap used after the last settled GC (settled mode). */
    private lastSettled;
    constructor(options: FileRecorderOptions);
    /** Starts a describe block or a test; `names` run from the outermost describe to this task. */
    enter(kind: 'describe' | 'test', names: readonly string[]): TaskScope;
    /** Starts a hook; `ownerNames` name the test (for *Each hooks) or describe it belongs to, [] for the file. */
    enterHook(hook: HookName, ownerNames: readonly string[]): TaskScope;
    /**
     * Ends a task (the innermost open one unless `scope` is given) and computes
     * its figures. Tasks still open inside it are ended first, as failed.
     */
    exit(state: FinalState, error?: unknown, scope?: TaskScope): Promise<TaskNode>;
    /** Runs `fn` as part of `scope`: everything it starts, now or later, is charged to that task. */
    runInTask<T>(scope: TaskScope, fn: () => T): T;
    /** enter + runInTask + exit, with the state taken from how `fn` ended. */
    runTask<T>(kind: 'describe' | 'test', names: readonly string[], fn: () => T | Promise<T>): Promise<T>;
    innermostOpen(): TaskScope | undefined;
    /** Ends the file (and anything still open in it) and returns its record. */
    finish(state?: FinalState, error?: unknown): Promise<FileRecord>;
    /** The record so far; `incomplete` while the file has not finished. */
    toFileRecord(): FileRecord;
    private newNode;
    private open;
    /** The open describe (or test, for *Each hooks) with these names; else the nearest open ancestor. */
    private findOwner;
    private close;
    /** A forced GC kept out of every task's GC figures; returns heap used after it. */
    private settle;
    private dispose;
}
/**
 * @example
 * const recorder = createFileRecorder({ rootDir, file: 'src/cache.test.ts', capture: getCapture() });
 * const test = recorder.enter('test', ['Cache', 'evicts']);
 * await recorder.runInTask(test, () => runTheTest());
 * const node = await recorder.exit('passed');
 * await writeFileRecord(dir, await recorder.finish());
 */
export declare function createFileRecorder(options: FileRecorderOptions): FileRecorder;
//# sourceMappingURL=recorder.d.ts.map