import type { HeapIndex } from '../heap-index.js';
/** What a rule sees of one group of new, surviving objects. */
export interface GroupView {
    index: HeapIndex;
    /** A representative member (node index). */
    representative: number;
    name: string;
    nodeType: number;
    pathText: string;
    /**
     * The path from the holder (the nearest object that existed before the
     * measured calls) down to the group: who keeps these objects, without the
     * long way from the root that any module-level variable takes through the
     * test runner's module registry.
     */
    holderText: string;
}
/**
 * One piece of the field's false-positive knowledge: objects that survive a
 * call without being the user's leak. Rules are small, named, and listed in
 * one ordered list (rule-list.ts).
 */
export interface LeakFilterRule {
    name: string;
    /** Why these objects are not a leak, for the README and for debugging. */
    why: string;
    /** True when the node can never be a leak by itself (checked per object). */
    excludesNode?(index: HeapIndex, node: number): boolean;
    /** True when a whole group belongs to someone other than the user. */
    excludesGroup?(group: GroupView): boolean;
}
//# sourceMappingURL=types.d.ts.map