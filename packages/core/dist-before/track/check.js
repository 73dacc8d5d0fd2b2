"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkTracked = checkTracked;
exports.checkTrackedEntries = checkTrackedEntries;
const retainer_path_js_1 = require("../analyzers/retainer-path.js");
const errors_js_1 = require("../errors.js");
const storage_js_1 = require("../tasks/storage.js");
const registry_js_1 = require("./registry.js");
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
async function checkTracked(options = {}) {
    const { name, capture: given, gc } = typeof options === 'string' ? { name: options } : options;
    const scope = (0, storage_js_1.currentScope)();
    const capture = given ?? scope?.capture;
    if (!capture) {
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_USAGE', 'checkTracked() outside a task needs a capture: checkTracked({ capture })');
    }
    const entries = (0, registry_js_1.trackedInScope)(scope?.node.id ?? null, name);
    if (name !== undefined && entries.length === 0) {
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_USAGE', `checkTracked('${name}'): no object was tracked under that name; call track(value, '${name}') first`);
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
async function checkTrackedEntries(entries, capture, gc = 'thorough') {
    if (entries.length === 0)
        return [];
    await (0, storage_js_1.nextMacrotask)();
    capture.gc(gc);
    const kept = entries.filter((entry) => entry.ref.deref() !== undefined);
    const paths = new Map();
    if (kept.length > 0) {
        await (0, storage_js_1.nextMacrotask)();
        const graph = capture.heapGraph();
        const tree = (0, retainer_path_js_1.buildRetainerTree)(graph);
        for (const entry of kept) {
            const value = entry.ref.deref();
            if (value === undefined)
                continue;
            const steps = (0, retainer_path_js_1.retainerStepsTo)(tree, (0, retainer_path_js_1.findNodeIndexById)(graph, capture.objectId(value)));
            paths.set(entry, steps ? (0, retainer_path_js_1.renderRetainerPath)(steps) : '(no path from a GC root: unreachable, awaiting collection)');
        }
    }
    const reports = entries.map((entry) => {
        const retainerPath = paths.get(entry);
        const collected = entry.ref.deref() === undefined;
        return collected || retainerPath === undefined ? { name: entry.name, collected } : { name: entry.name, collected, retainerPath };
    });
    return reports;
}
//# sourceMappingURL=check.js.map