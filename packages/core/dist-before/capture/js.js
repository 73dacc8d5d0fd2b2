"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.readHeapFigures = readHeapFigures;
exports.readHeapSpaces = readHeapSpaces;
exports.createJsCapture = createJsCapture;
const node_v8_1 = __importDefault(require("node:v8"));
const node_vm_1 = __importDefault(require("node:vm"));
const errors_js_1 = require("../errors.js");
const inspector_session_js_1 = require("./inspector-session.js");
const js_gc_js_1 = require("./js-gc.js");
const js_sampling_js_1 = require("./js-sampling.js");
const snapshot_parser_js_1 = require("./snapshot-parser.js");
/** Global key a value sits on while the inspector is asked for its id. */
const PROBE_KEY = '__memscopeObjectIdProbe';
const PROBE_GROUP = 'memscope-object-id';
function readHeapFigures() {
    const heap = node_v8_1.default.getHeapStatistics();
    const usage = process.memoryUsage();
    return {
        heapUsed: heap.used_heap_size,
        heapTotal: heap.total_heap_size,
        heapLimit: heap.heap_size_limit,
        external: heap.external_memory,
        arrayBuffers: usage.arrayBuffers,
        // Neither node:v8 nor process expose malloc statistics; only the addon can.
        malloc: null,
        nativeContexts: heap.number_of_native_contexts,
        detachedContexts: heap.number_of_detached_contexts,
    };
}
function readHeapSpaces() {
    return node_v8_1.default.getHeapSpaceStatistics().map((space) => ({
        name: space.space_name,
        size: space.space_size,
        used: space.space_used_size,
        available: space.space_available_size,
        physical: space.physical_space_size,
    }));
}
/**
 * The pure-JS capture: node:v8, node:inspector and vm only, no Node flags.
 * It needs the inspector of its own thread (commands answer synchronously
 * there), so create it on the thread it measures.
 *
 * @example
 * const capture = createJsCapture();
 * capture.gc('thorough');
 * const { heapUsed } = capture.heapFigures();
 */
function createJsCapture() {
    const gc = (0, js_gc_js_1.flagFreeGc)();
    const gcAccounting = new js_gc_js_1.GcAccounting();
    let session = null;
    // Evaluated in the main context: inside a Jest vm context `globalThis` is
    // the sandbox, which Runtime.evaluate (default context) would not see.
    let mainGlobal = null;
    let samplingInterval = 0;
    // The session stays connected for the life of the process: when any
    // inspector session disconnects, V8 disables its heap profiler agent,
    // which calls HeapProfiler::ClearObjectIds and resets every object id
    // in the isolate (measured on Node 20), for the native path too.
    const inspector = () => {
        session ??= (0, inspector_session_js_1.connectSyncSession)();
        return session;
    };
    return {
        path: 'js',
        gc(mode = 'fast') {
            if (mode !== 'fast' && mode !== 'thorough') {
                throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `gc(mode): mode must be 'fast' or 'thorough', received ${JSON.stringify(mode) ?? String(mode)}`);
            }
            (0, js_gc_js_1.collect)(gc, mode);
            // GCProfiler keeps ~2 KB of JSON per collection until read; folding
            // here bounds that between gcTotals() calls in GC-heavy runs.
            gcAccounting.read();
        },
        heapFigures: readHeapFigures,
        heapSpaces: readHeapSpaces,
        gcTotals: () => gcAccounting.read(),
        heapGraph() {
            const active = inspector();
            const parser = new snapshot_parser_js_1.SnapshotStreamParser();
            const onChunk = (message) => {
                parser.write(message.params.chunk);
            };
            active.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
            try {
                active.post('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
            }
            finally {
                active.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
            }
            return parser.finish();
        },
        objectId(value) {
            if ((typeof value !== 'object' && typeof value !== 'function') || value === null) {
                throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_NOT_TRACKABLE', `objectId(value) expects an object or function, received ${value === null ? 'null' : typeof value}`);
            }
            const active = inspector();
            mainGlobal ??= node_vm_1.default.runInThisContext('globalThis');
            mainGlobal[PROBE_KEY] = value;
            try {
                const { result } = active.post('Runtime.evaluate', {
                    expression: `globalThis.${PROBE_KEY}`,
                    objectGroup: PROBE_GROUP,
                    silent: true,
                });
                if (!result.objectId)
                    throw new Error('the inspector returned no remote object for the probed value');
                const { heapSnapshotObjectId } = active.post('HeapProfiler.getHeapObjectId', { objectId: result.objectId });
                // V8 answers '0' for an object no snapshot has seen yet.
                return Number(heapSnapshotObjectId);
            }
            finally {
                delete mainGlobal[PROBE_KEY];
                // The remote object is a strong reference; never leave one behind.
                active.post('Runtime.releaseObjectGroup', { objectGroup: PROBE_GROUP });
            }
        },
        startSampling(intervalBytes) {
            if (!Number.isInteger(intervalBytes) || intervalBytes < 1) {
                throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `startSampling(intervalBytes) expects a positive whole number of bytes, received ${String(intervalBytes)}`);
            }
            inspector().post('HeapProfiler.startSampling', { samplingInterval: intervalBytes });
            samplingInterval = intervalBytes;
        },
        readSampling() {
            if (samplingInterval === 0)
                return [];
            const { profile } = inspector().post('HeapProfiler.getSamplingProfile');
            return (0, js_sampling_js_1.samplesFromProfile)(profile, samplingInterval);
        },
        stopSampling() {
            if (samplingInterval === 0)
                return;
            inspector().post('HeapProfiler.stopSampling');
            samplingInterval = 0;
        },
    };
}
//# sourceMappingURL=js.js.map