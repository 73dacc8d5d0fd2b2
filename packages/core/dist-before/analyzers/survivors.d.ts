import { HeapIndex } from './heap-index.js';
import type { LeakFilterRule } from './rules/types.js';
import type { RetainerStep } from '../verdict/types.js';
export interface SurvivorGroup {
    name: string;
    nodeType: number;
    members: number[];
    /** Members per measured interval (objects allocated in that interval and still alive). */
    countsPerInterval: number[];
    /** Self size of the members plus the new objects they own. */
    bytes: number;
    representative: number;
    retainerPath: RetainerStep[];
    pathText: string;
    holder: {
        label: string;
        edge: string;
        node: number;
    } | undefined;
}
/**
 * Groups the objects that were allocated after the first boundary and are
 * still alive. Each new object is charged to its nearest new ancestor that a
 * user would recognise (a Session owns its strings and backing stores);
 * objects without one head a group of their own, keyed by type and name.
 */
export declare function groupSurvivors(index: HeapIndex, boundaries: readonly number[], rules: readonly LeakFilterRule[]): SurvivorGroup[];
/** Retainer cycles among the new objects of a group, rendered `A → B → A`. */
export declare function findCycles(index: HeapIndex, group: SurvivorGroup, isNew: (n: number) => boolean, limit?: number): string[];
//# sourceMappingURL=survivors.d.ts.map