import { AsyncLocalStorage } from 'node:async_hooks';
import type { TaskScope } from './scope.js';
/**
 * The current task, carried by AsyncLocalStorage across awaits, timers and
 * promise callbacks: a timer a test leaves running still runs "inside" that
 * test, so whatever it opens is charged to it.
 *
 * When no scope was entered through `runInTask` (a plugin that can only call
 * hooks before and after a test), the innermost open scope of the active
 * recorder stands in: right for tests that run one at a time, and tests that
 * overlap are marked `shared` anyway.
 *
 * The state lives once per process on the main context's global: Jest loads
 * a fresh copy of this module for every test file, and every extra
 * AsyncLocalStorage would add its own cost to every promise.
 */
interface ScopeSource {
    innermostOpen(): TaskScope | undefined;
}
export declare const taskStorage: AsyncLocalStorage<TaskScope>;
export declare function setActiveScopeSource(source: ScopeSource | null): void;
export declare function isActiveScopeSource(source: ScopeSource): boolean;
/** The task code runs in right now, open or already ended. */
export declare function currentScope(): TaskScope | undefined;
/** Resources memscope creates for itself (an await, a file write) are not the test's. */
export declare function isInternal(): boolean;
export declare function asMemscope<T>(fn: () => T): T;
/** One macrotask later, created as memscope's own resource; node:timers' setImmediate is never faked. */
export declare function nextMacrotask(): Promise<void>;
export {};
//# sourceMappingURL=storage.d.ts.map