"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.defaultLoaders = exports.measureSnapshotFit = exports.assertSnapshotFits = exports.settle = void 0;
exports.getCapture = getCapture;
const node_vm_1 = __importDefault(require("node:vm"));
const js_js_1 = require("./js.js");
const native_js_1 = require("./native.js");
const select_js_1 = require("./select.js");
var settle_js_1 = require("./settle.js");
Object.defineProperty(exports, "settle", { enumerable: true, get: function () { return settle_js_1.settle; } });
var snapshot_guard_js_1 = require("./snapshot-guard.js");
Object.defineProperty(exports, "assertSnapshotFits", { enumerable: true, get: function () { return snapshot_guard_js_1.assertSnapshotFits; } });
Object.defineProperty(exports, "measureSnapshotFit", { enumerable: true, get: function () { return snapshot_guard_js_1.measureSnapshotFit; } });
/**
 * The process's one capture. It lives on the main context's global under a
 * registry symbol, not in this module: Jest gives every test file its own
 * module registry and its own vm context (so its own `globalThis`), and GC
 * accounting, sampling state and the notice must still exist once.
 */
const STATE_KEY = Symbol.for('memscope.capture.state');
let mainGlobal = null;
function processGlobal() {
    // runInThisContext evaluates in the main context even when called from a vm context.
    mainGlobal ??= node_vm_1.default.runInThisContext('globalThis');
    return mainGlobal;
}
exports.defaultLoaders = {
    loadNative: () => (0, native_js_1.createNativeCapture)((0, native_js_1.loadNativeBinding)()),
    createJs: js_js_1.createJsCapture,
};
/**
 * The shared capture: the native addon when it loads, else the pure-JS twin
 * (with one notice on stderr saying why). `MEMSCOPE_CAPTURE=native|js`
 * forces a path.
 *
 * @example
 * const capture = getCapture();
 * await settle(capture);
 * console.log(capture.path, capture.heapFigures().heapUsed);
 */
function getCapture() {
    const global = processGlobal();
    let state = global[STATE_KEY];
    if (!state) {
        const selection = (0, select_js_1.selectCapture)(process.env.MEMSCOPE_CAPTURE, exports.defaultLoaders);
        state = { selection };
        global[STATE_KEY] = state;
        if (selection.nativeFailure !== null)
            process.stderr.write((0, select_js_1.fallbackNotice)(selection.nativeFailure) + '\n');
    }
    return state.selection.capture;
}
//# sourceMappingURL=index.js.map