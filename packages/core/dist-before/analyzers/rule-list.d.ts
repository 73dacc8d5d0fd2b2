import type { LeakFilterRule } from './rules/types.js';
/** The shipped false-positive rules, cheapest and broadest first. */
export declare const leakFilterRules: readonly LeakFilterRule[];
export type { LeakFilterRule, GroupView } from './rules/types.js';
//# sourceMappingURL=rule-list.d.ts.map