import type { Capture } from '../capture/types.js';
import { type LeakOptions } from './options.js';
import { type LeakTarget } from './call-runner.js';
import type { LeakResult } from './types.js';
export interface CheckLeakDeps {
    capture?: Capture;
}
/**
 * Calls `fn` many times and decides whether memory grows with every call.
 *
 * @example
 * ```js
 * const { checkLeak } = require('@memscope/core');
 * const cache = new Map();
 * const result = await checkLeak(() => cache.set(Math.random(), { big: 'x'.repeat(100) }));
 * result.leaked; // true
 * result.findings[0].retainerPathText; // "(scope) cache → Map → table[…] → Object"
 * ```
 */
export declare function checkLeak(fn: LeakTarget, options?: LeakOptions, deps?: CheckLeakDeps): Promise<LeakResult>;
//# sourceMappingURL=check-leak.d.ts.map