import type { LeakFilterRule } from './types.js';
export declare const v8Internals: LeakFilterRule;
//# sourceMappingURL=v8-internals.d.ts.map