import type { LeakFilterRule } from './types.js';
export declare const memscopeOwn: LeakFilterRule;
//# sourceMappingURL=memscope-own.d.ts.map