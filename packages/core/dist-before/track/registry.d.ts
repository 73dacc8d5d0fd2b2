/** A tracked object: held weakly, so tracking never keeps it alive. */
export interface TrackedEntry {
    name: string;
    ref: WeakRef<object>;
    /** Id of the task that tracked it; null outside any task. */
    taskId: string | null;
}
/**
 * Names an object so memscope can later say whether it was collected, and
 * if not, what holds it. Returns the value, so it can wrap an expression.
 * Objects tracked inside a test are checked when the test ends; two objects
 * tracked under one name are both kept.
 *
 * @example
 * const session = track(new Session(user), 'session');
 * await server.close();
 * // later: const [report] = await checkTracked('session'); report.collected
 */
export declare function track<T>(value: T, name: string): T;
/**
 * Tracked objects a check is about: those of the current task (its hooks
 * included) and of the tasks around it; when none of them has `name`, any
 * tracked object of that name.
 */
export declare function trackedInScope(taskId: string | null, name?: string): TrackedEntry[];
/** Drops entries of an ended task whose objects were collected: nothing is left to ask about. */
export declare function forgetCollected(entries: readonly TrackedEntry[]): void;
//# sourceMappingURL=registry.d.ts.map