import { Session } from 'node:inspector';
import { processSingleton } from '../main-context.js';

/**
 * The inspector session the analyzers use, one per thread and never
 * disconnected: when a session closes, V8's inspector disables each of its
 * agents, and the heap profiler agent's disable clears the isolate's heap
 * object ids (HeapProfiler::ClearObjectIds), the ids the explanation tells
 * its intervals apart by. Null where Node was built without the inspector.
 * On the thread that owns the inspector, `post` runs the command before it
 * returns.
 */
export function ownInspectorSession(): Session | null {
  const holder = processSingleton(Symbol.for('memscope.analyzer-session'), () => ({ session: null as Session | null, tried: false }));
  if (!holder.tried) {
    holder.tried = true;
    try {
      const session = new Session();
      session.connect();
      holder.session = session;
    } catch {
      holder.session = null;
    }
  }
  return holder.session;
}
