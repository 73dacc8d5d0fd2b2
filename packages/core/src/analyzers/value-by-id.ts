import { connectSyncSession, type SyncSession } from '../capture/inspector-session.js';

let session: SyncSession | undefined;

const LOOKUP_GROUP = 'memscope-lookup';

/** The session, with the heap profiler on: the agent that turns heap ids into remote objects. */
function lookupSession(): SyncSession {
  session ??= connectSyncSession();
  session.post('HeapProfiler.enable');
  return session;
}

/** A remote object id (in LOOKUP_GROUP) for the live object with this heap id, if any. */
function remoteObject(lookup: SyncSession, heapId: number): string | undefined {
  return lookup.post<{ result: { objectId?: string } }>('HeapProfiler.getObjectByHeapObjectId', { objectId: String(heapId), objectGroup: LOOKUP_GROUP }).result.objectId;
}

/** Lets the inspector drop what a lookup handed out; nothing to drop when it failed early. */
function releaseLookups(): void {
  try {
    session?.post('Runtime.releaseObjectGroup', { objectGroup: LOOKUP_GROUP });
  } catch {
    // Nothing was handed out.
  }
}

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
      const lookup = lookupSession();
      const targetRef = remoteObject(lookup, id);
      const holderRef = remoteObject(lookup, holderId);
      if (!targetRef || !holderRef) return undefined;
      lookup.post('Runtime.callFunctionOn', {
        objectId: holderRef,
        functionDeclaration: 'function (value) { this.value = value; }',
        arguments: [{ objectId: targetRef }],
      });
      return holder.value;
    } catch {
      return undefined;
    } finally {
      releaseLookups();
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
    const lookup = lookupSession();
    const objectId = remoteObject(lookup, id);
    if (!objectId) return undefined;
    const { internalProperties = [] } = lookup.post<{ internalProperties?: InternalProperty[] }>('Runtime.getProperties', { objectId, ownProperties: true });
    const location = internalProperties.find((p) => p.name === '[[FunctionLocation]]')?.value?.value;
    if (location?.lineNumber === undefined || location.columnNumber === undefined) return undefined;
    return { line: location.lineNumber + 1, column: location.columnNumber + 1 };
  } catch {
    return undefined;
  } finally {
    releaseLookups();
  }
}
