import { buildRetainerTree, findNodeIndexById, retainerStepsText, retainerStepsTo } from '../analyzers/retainer-path.js';
import type { Capture, GcMode } from '../capture/types.js';
import { MemscopeError } from '../errors.js';
import { currentScope, nextMacrotask } from '../tasks/storage.js';
import type { TrackedObjectReport } from '../tasks/types.js';
import { trackedInScope, type TrackedEntry } from './registry.js';

export interface CheckTrackedOptions {
  /** Only objects tracked under this name. */
  name?: string;
  /** Needed outside a task; inside one, the task's recorder capture is used. */
  capture?: Capture;
  /** Default 'thorough': a kept object must really be kept, not just not yet collected. */
  gc?: GcMode;
}

/**
 * Settles the heap and says, for each tracked object in view, whether it was
 * collected; for one that was not, the retainer path from a GC root.
 *
 * @example
 * track(session, 'session');
 * sessions.delete(id);
 * const [report] = await checkTracked('session');
 * // report.collected === false → report.retainerPath === '(module) cache → Map → table[3] → Session'
 */
export async function checkTracked(options: string | CheckTrackedOptions = {}): Promise<TrackedObjectReport[]> {
  const { name, capture: given, gc } = typeof options === 'string' ? { name: options } as CheckTrackedOptions : options;
  const scope = currentScope();
  const capture = given ?? scope?.capture;
  if (!capture) {
    throw new MemscopeError('ERR_MEMSCOPE_USAGE', 'checkTracked() outside a task needs a capture: checkTracked({ capture })');
  }
  const entries = trackedInScope(scope?.node.id ?? null, name);
  if (name !== undefined && entries.length === 0) {
    throw new MemscopeError('ERR_MEMSCOPE_USAGE', `checkTracked('${name}'): no object was tracked under that name; call track(value, '${name}') first`);
  }
  return checkTrackedEntries(entries, capture, gc);
}

/**
 * The check itself, for the recorder at the end of a task too.
 *
 * `WeakRef.deref()` keeps its target alive until the current job ends, and
 * a value on the stack is a GC root, so the objects are read only in a later
 * macrotask than the snapshot that explains them: first GC and see which
 * are left, then (one macrotask later, nothing of ours holding them) take
 * one heap graph for all of them.
 */
export async function checkTrackedEntries(
  entries: readonly TrackedEntry[],
  capture: Capture,
  gc: GcMode = 'thorough',
): Promise<TrackedObjectReport[]> {
  if (entries.length === 0) return [];
  await nextMacrotask();
  capture.gc(gc);
  const kept = entries.filter((entry) => entry.ref.deref() !== undefined);
  const paths = new Map<TrackedEntry, string>();
  if (kept.length > 0) {
    await nextMacrotask();
    const graph = capture.heapGraph();
    const tree = buildRetainerTree(graph);
    for (const entry of kept) {
      const value = entry.ref.deref();
      if (value === undefined) continue;
      const steps = retainerStepsTo(tree, findNodeIndexById(graph, capture.objectId(value)));
      paths.set(entry, steps ? retainerStepsText(steps) : '(no path from a GC root: unreachable, awaiting collection)');
    }
  }
  const reports = entries.map((entry): TrackedObjectReport => {
    const retainerPath = paths.get(entry);
    const collected = entry.ref.deref() === undefined;
    return collected || retainerPath === undefined ? { name: entry.name, collected } : { name: entry.name, collected, retainerPath };
  });
  return reports;
}
