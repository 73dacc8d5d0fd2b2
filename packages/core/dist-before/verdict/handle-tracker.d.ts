/** A handle the function created; named so the verdict's own rules can tell it from user data. */
declare class MemscopeLiveHandle {
    readonly type: string;
    readonly stack: string[];
    readonly round: number;
    constructor(type: string, stack: string[], round: number);
}
export type LiveHandle = MemscopeLiveHandle;
/**
 * Watches the async resources the function under test creates (and only
 * those: the function runs inside an AsyncLocalStorage scope, and resources
 * inherit it), keeping each until it is destroyed. What is still here after
 * the rounds was left open. Unref'd timers and sockets count: they are absent
 * from process.getActiveResourcesInfo() yet still hold memory and a callback.
 */
export declare class HandleTracker {
    private readonly scope;
    private readonly token;
    private readonly live;
    private readonly origins;
    private readonly requests;
    private hook;
    round: number;
    private lastFsRequest;
    wrap<T>(fn: () => T): () => T;
    start(): void;
    stop(): void;
    /** Handles created by the function and not destroyed yet. */
    liveCount(): number;
    liveHandles(): LiveHandle[];
}
/** Open file descriptors of this process (Linux); null where unknown. */
export declare function openFileDescriptors(): number | null;
export {};
//# sourceMappingURL=handle-tracker.d.ts.map