/**
 * Calls `fn` `count` times in a row, awaiting each call that returns a
 * promise; the results are dropped at once so they do not stay reachable.
 * A throw or rejection becomes ERR_MEMSCOPE_FN_THREW naming the matcher and
 * the call, with the original error as `cause`.
 */
export declare function callRepeatedly(fn: () => unknown, count: number, matcherName: string): Promise<void>;
export declare function assertFunction(received: unknown, matcherName: string): asserts received is () => unknown;
//# sourceMappingURL=call-loop.d.ts.map