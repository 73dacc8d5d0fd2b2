import type { LeakFilterRule } from './types.js';
export declare const compiledRegExpData: LeakFilterRule;
//# sourceMappingURL=compiled-regexp.d.ts.map