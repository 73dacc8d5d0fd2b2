import type { LeakFilterRule } from './types.js';
export declare const testRunnerOwn: LeakFilterRule;
//# sourceMappingURL=test-runner.d.ts.map