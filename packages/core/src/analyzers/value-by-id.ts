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

/** Where a function's source starts in the script V8 ran; 1-based line and column. */
export interface FunctionPosition {
  line: number;
  column: number;
}

interface InternalProperty {
  name: string;
  value?: { value?: { lineNumber?: number; columnNumber?: number } };
}

/**
 * The position of a closure, by its heap snapshot id: the inspector's
 * `[[FunctionLocation]]` (v8::Function::GetScriptLineNumber). A closure is
 * made where its source is written, so this is its allocation site whatever
 * V8 inlined: the sampling profiler charges a closure made by an inlined
 * helper to the helper's caller. Undefined when the closure is gone or the
 * inspector cannot answer. One heap walk.
 */
export function functionPositionById(id: number): FunctionPosition | undefined {
  try {
    session ??= connectSyncSession();
    session.post('HeapProfiler.enable');
    const found = session.post<{ result: { objectId?: string } }>('HeapProfiler.getObjectByHeapObjectId', { objectId: String(id), objectGroup: 'memscope-lookup' });
    const objectId = found.result.objectId;
    if (!objectId) return undefined;
    const { internalProperties = [] } = session.post<{ internalProperties?: InternalProperty[] }>('Runtime.getProperties', { objectId, ownProperties: true });
    const location = internalProperties.find((p) => p.name === '[[FunctionLocation]]')?.value?.value;
    if (location?.lineNumber === undefined || location.columnNumber === undefined) return undefined;
    return { line: location.lineNumber + 1, column: location.columnNumber + 1 };
  } catch {
    return undefined;
  } finally {
    try {
      session?.post('Runtime.releaseObjectGroup', { objectGroup: 'memscope-lookup' });
    } catch {
      // Nothing was handed out.
    }
  }
}
