export type LeakTarget = () => unknown;
/**
 * Calls the function under test `count` times, one after another, awaiting
 * each call that returns a promise. A throw or rejection becomes a
 * MemscopeError that names the call; a call that never settles times out.
 */
export declare class CallRunner {
    private readonly fn;
    private readonly timeoutMs;
    calls: number;
    /** Whether the function has been seen to return a promise. */
    async: boolean;
    constructor(fn: LeakTarget, timeoutMs: number);
    run(count: number): Promise<void>;
    private settle;
    private failure;
}
//# sourceMappingURL=call-runner.d.ts.map