import type { Capture, GcMode } from '../capture/types.js';
import type { TrackedObjectReport } from '../tasks/types.js';
import { type TrackedEntry } from './registry.js';
export interface CheckTrackedOptions {
    /** Only objects tracked under this name. */
    name?: string;
    /** Needed outside a task; inside one, the task's recorder capture is used. */
    capture?: Capture;
    /** Default 'thorough': a kept object must really be kept, not just not yet collected. */
    gc?: GcMode;
}
/**
 * Settles the heap and says, for each tracked object in view, whether it was
 * collected; for one that was not, the retainer path from a GC root.
 *
 * @example
 * track(session, 'session');
 * sessions.delete(id);
 * const [report] = await checkTracked('session');
 * // report.collected === false → report.retainerPath === '(module) cache → Map → table[3] → Session'
 */
export declare function checkTracked(options?: string | CheckTrackedOptions): Promise<TrackedObjectReport[]>;
/**
 * The check itself, for the recorder at the end of a task too.
 *
 * `WeakRef.deref()` keeps its target alive until the current job ends, and
 * a value on the stack is a GC root, so the objects are read only in a later
 * macrotask than the snapshot that explains them: first GC and see which
 * are left, then (one macrotask later, nothing of ours holding them) take
 * one heap graph for all of them.
 */
export declare function checkTrackedEntries(entries: readonly TrackedEntry[], capture: Capture, gc?: GcMode): Promise<TrackedObjectReport[]>;
//# sourceMappingURL=check.d.ts.map