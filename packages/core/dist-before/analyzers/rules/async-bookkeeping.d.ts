import type { LeakFilterRule } from './types.js';
export declare const asyncBookkeeping: LeakFilterRule;
//# sourceMappingURL=async-bookkeeping.d.ts.map