"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadNativeBinding = loadNativeBinding;
exports.nativeLoadStatus = nativeLoadStatus;
exports.createNativeCapture = createNativeCapture;
const loader_1 = require("@memscope/native/loader");
const errors_js_1 = require("../errors.js");
const GC_MODES = ['fast', 'thorough'];
const MAX_STACK_DEPTH = 1024;
/**
 * The addon, or an Error (code ERR_MEMSCOPE_NATIVE_UNAVAILABLE) whose first
 * line says why it is unavailable: not built, built for another Node ABI,
 * failed to build, or failed to load.
 */
function loadNativeBinding() {
    return (0, loader_1.loadBinding)();
}
/** The same lookup, as a value: for `memscope doctor` and other reports. Never throws. */
function nativeLoadStatus() {
    return (0, loader_1.loadStatus)();
}
/**
 * Whether this process was started with --expose-gc. The addon switches
 * V8's flag on only for its own collections and off again afterwards, unless
 * the user wanted it on (then new vm contexts must keep their `gc`).
 */
function startedWithExposeGc() {
    const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
    return flags.some((flag) => flag === '--expose-gc' || flag === '--expose_gc') || typeof globalThis.gc === 'function';
}
function checkGcMode(mode) {
    if (GC_MODES.includes(mode))
        return mode;
    throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `gc(mode): mode must be 'fast' or 'thorough', received ${JSON.stringify(mode) ?? String(mode)}`);
}
function checkPositiveInteger(name, value, max) {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max)
        return value;
    throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `${name} must be an integer from 1 to ${max}, received ${JSON.stringify(value) ?? String(value)}`);
}
/**
 * A `Capture` over the native addon. The binding is a parameter so tests can
 * run the same cases against this path and the pure-JS one.
 *
 * @example
 * const capture = createNativeCapture(loadNativeBinding());
 * capture.gc('fast');
 * console.log(capture.heapFigures().heapUsed, capture.gcTotals().count);
 */
function createNativeCapture(binding, options = {}) {
    const stackDepth = options.samplingStackDepth === undefined
        ? 32
        : checkPositiveInteger('samplingStackDepth', options.samplingStackDepth, MAX_STACK_DEPTH);
    const keepExposeGcFlag = startedWithExposeGc();
    // The addon counts from its first load in the isolate; a capture counts from its creation.
    const gcAtStart = binding.gcTotals();
    let sampling = false;
    return {
        path: 'native',
        gc(mode = 'fast') {
            binding.collectGarbage(checkGcMode(mode), keepExposeGcFlag);
        },
        heapFigures() {
            const stats = binding.heapStatistics();
            return {
                heapUsed: stats.usedHeapSize,
                heapTotal: stats.totalHeapSize,
                heapLimit: stats.heapSizeLimit,
                external: stats.externalMemory,
                // Node's ArrayBuffer allocator keeps this count; V8 does not expose it.
                arrayBuffers: process.memoryUsage().arrayBuffers,
                malloc: stats.mallocBytes,
                nativeContexts: stats.numberOfNativeContexts,
                detachedContexts: stats.numberOfDetachedContexts,
            };
        },
        heapSpaces() {
            return binding.heapSpaceStatistics().map((space) => ({ ...space }));
        },
        gcTotals() {
            const now = binding.gcTotals();
            return {
                count: now.count - gcAtStart.count,
                timeMs: now.timeMs - gcAtStart.timeMs,
                freedBytes: now.freedBytes - gcAtStart.freedBytes,
            };
        },
        heapGraph() {
            return binding.heapGraph();
        },
        markObjectIds() {
            return binding.markObjectIds();
        },
        objectId(value) {
            if ((typeof value !== 'object' || value === null) && typeof value !== 'function') {
                throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_NOT_TRACKABLE', `objectId(value): value must be an object or function, received ${value === null ? 'null' : typeof value}`);
            }
            return binding.objectId(value);
        },
        startSampling(intervalBytes) {
            binding.startSampling(checkPositiveInteger('startSampling(intervalBytes)', intervalBytes, 2 ** 40), stackDepth);
            sampling = true;
        },
        readSampling() {
            // Not sampling means no live samples (as on the pure-JS path).
            if (!sampling)
                return [];
            return binding.readSampling();
        },
        stopSampling() {
            binding.stopSampling();
            sampling = false;
        },
    };
}
//# sourceMappingURL=native.js.map