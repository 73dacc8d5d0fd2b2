import { Session } from 'node:inspector';

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
  on(event: string, listener: (message: { params: unknown }) => void): void;
  off(event: string, listener: (message: { params: unknown }) => void): void;
}

export function connectSyncSession(): SyncSession {
  const session = new Session();
  session.connect();
  return {
    post<T>(method: string, params: object = {}): T {
      let answered = false;
      let failure: Error | null = null;
      let result: unknown;
      session.post(method, params, (error: Error | null, value?: unknown) => {
        answered = true;
        failure = error;
        result = value;
      });
      if (!answered) {
        throw new Error(
          `inspector command ${method} did not answer synchronously; the pure-JS capture needs the inspector of its own thread`,
        );
      }
      if (failure) throw failure;
      return result as T;
    },
    on(event, listener) {
      session.on(event, listener);
    },
    off(event, listener) {
      session.off(event, listener);
    },
  };
}
