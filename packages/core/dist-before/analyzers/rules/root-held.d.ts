import type { LeakFilterRule } from './types.js';
export declare const heldOnlyByRoots: LeakFilterRule;
//# sourceMappingURL=root-held.d.ts.map