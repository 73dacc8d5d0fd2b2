"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.settle = settle;
const node_timers_1 = require("node:timers");
const nextMacrotask = () => new Promise((resolve) => (0, node_timers_1.setImmediate)(resolve));
/**
 * A settled heap: collect; let the FinalizationRegistry callbacks that the
 * collection queued run (V8 posts them as a task, so they run only after a
 * macrotask; a microtask is not enough); collect what they released; and
 * yield once more so callbacks for objects freed by that second collection
 * have run too when this resolves. Uses node:timers' setImmediate, which
 * fake timers do not replace.
 *
 * @example
 * await settle(getCapture(), 'thorough');
 */
async function settle(capture, mode = 'fast') {
    capture.gc(mode);
    await nextMacrotask();
    capture.gc(mode);
    await nextMacrotask();
}
//# sourceMappingURL=settle.js.map