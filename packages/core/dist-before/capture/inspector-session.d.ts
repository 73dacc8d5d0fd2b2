/**
 * A connected inspector session whose commands answer synchronously.
 *
 * On the thread that owns the inspector, `Session.post` dispatches the
 * command and calls its callback before returning (V8 handles the message
 * inline; measured on Node 20). The pure-JS capture relies on that to offer
 * the same synchronous interface as the native addon, and checks it on
 * every call rather than assuming it.
 */
export interface SyncSession {
    post<T = unknown>(method: string, params?: object): T;
    on(event: string, listener: (message: {
        params: unknown;
    }) => void): void;
    off(event: string, listener: (message: {
        params: unknown;
    }) => void): void;
}
export declare function connectSyncSession(): SyncSession;
//# sourceMappingURL=inspector-session.d.ts.map