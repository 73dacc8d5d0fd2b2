import type { LeakFilterRule } from './types.js';
export declare const consoleAndStdio: LeakFilterRule;
//# sourceMappingURL=console-stdio.d.ts.map