"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.measureSnapshotFit = measureSnapshotFit;
exports.assertSnapshotFits = assertSnapshotFits;
const node_os_1 = __importDefault(require("node:os"));
const errors_js_1 = require("../errors.js");
/**
 * Extra memory a heap snapshot costs, per byte of used heap. V8 builds the
 * whole snapshot graph in C++ (entries, edges, an address-to-entry map)
 * before the first byte is serialized; that dominates on both capture
 * paths. Measured on Node 20 (peak RSS growth during a snapshot of a ~25 MB
 * heap): 1.2× for large arrays, 6× for nested small objects, 9× for maps and
 * strings, 14× for mixed small objects, up to 29× when one array holds
 * hundreds of thousands of elements. The guard uses a typical-worst figure:
 * it means to refuse snapshots that would exhaust memory, not to predict
 * their exact cost.
 */
const SNAPSHOT_COST_PER_HEAP_BYTE = 10;
/**
 * The pure-JS path also holds the snapshot's text in chunks and its string
 * table on the V8 heap, so it needs headroom under the heap limit too.
 */
const JS_HEAP_HEADROOM_PER_HEAP_BYTE = 0.5;
function availableMemory() {
    // process.availableMemory (Node ≥ 20.13) honours cgroup limits; os.freemem does not.
    const available = process.availableMemory;
    return typeof available === 'function' ? available() : node_os_1.default.freemem();
}
function measureSnapshotFit(capture) {
    const { heapUsed, heapLimit } = capture.heapFigures();
    const estimatedBytes = heapUsed * SNAPSHOT_COST_PER_HEAP_BYTE;
    const availableBytes = availableMemory();
    const heapHeadroomNeeded = capture.path === 'js' ? heapUsed * JS_HEAP_HEADROOM_PER_HEAP_BYTE : 0;
    const fits = estimatedBytes <= availableBytes && heapUsed + heapHeadroomNeeded <= heapLimit;
    return { heapUsed, heapLimit, estimatedBytes, availableBytes, heapHeadroomNeeded, fits };
}
const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;
/**
 * Throws ERR_MEMSCOPE_SNAPSHOT_TOO_LARGE when a heap snapshot of the current
 * heap would likely exhaust memory; call it before `capture.heapGraph()`.
 *
 * @example
 * assertSnapshotFits(capture);
 * const graph = capture.heapGraph();
 */
function assertSnapshotFits(capture) {
    const fit = measureSnapshotFit(capture);
    if (!fit.fits) {
        const heapLimitNote = fit.heapHeadroomNeeded > 0
            ? `, and ${mb(fit.heapHeadroomNeeded)} of headroom under the V8 heap limit of ${mb(fit.heapLimit)}`
            : '';
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_SNAPSHOT_TOO_LARGE', `a heap snapshot of ${mb(fit.heapUsed)} of heap needs about ${mb(fit.estimatedBytes)} of extra memory` +
            `${heapLimitNote}; ${mb(fit.availableBytes)} is available. ` +
            'Shrink the heap the test keeps alive, or raise the memory limit (container limit or --max-old-space-size).');
    }
    return fit;
}
//# sourceMappingURL=snapshot-guard.js.map