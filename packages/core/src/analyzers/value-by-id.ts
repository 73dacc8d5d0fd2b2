import { connectSyncSession, type SyncSession } from '../capture/inspector-session.js';

let session: SyncSession | undefined;

/**
 * A live JS value by its heap snapshot id through the inspector, for
 * captures without a direct lookup (Capture.objectById): the inspector
 * hands it to a holder object of ours, found by its own id. It answers only
 * for JSReceivers (V8HeapProfilerAgentImpl::getObjectByHeapObjectId checks
 * IsObject()), so no V8 structure comes through. Two heap walks per lookup.
 */
export function valueByIdThroughInspector(holder: { value?: unknown }, holderId: number): (id: number) => unknown {
  return (id) => {
    try {
      session ??= connectSyncSession();
      session.post('HeapProfiler.enable');
      const find = (of: number) =>
        session!.post<{ result: { objectId?: string } }>('HeapProfiler.getObjectByHeapObjectId', { objectId: String(of), objectGroup: 'memscope-lookup' }).result.objectId;
      const targetRef = find(id);
      const holderRef = find(holderId);
      if (!targetRef || !holderRef) return undefined;
      session.post('Runtime.callFunctionOn', {
        objectId: holderRef,
        functionDeclaration: 'function (value) { this.value = value; }',
        arguments: [{ objectId: targetRef }],
      });
      session.post('Runtime.releaseObjectGroup', { objectGroup: 'memscope-lookup' });
      return holder.value;
    } catch {
      return undefined;
    } finally {
      delete holder.value;
    }
  };
}
