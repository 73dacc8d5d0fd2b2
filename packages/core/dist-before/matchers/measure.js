"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.measureAllocation = measureAllocation;
exports.measureRetention = measureRetention;
const errors_js_1 = require("../errors.js");
const call_loop_js_1 = require("./call-loop.js");
function count(key, value, fallback, min, matcherName) {
    if (value === undefined)
        return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `${matcherName}: option \`${key}\` must be an integer ≥ ${min}, got ${String(value)}.`);
    }
    return value;
}
function checkKeys(options, known, matcherName) {
    if (options === undefined)
        return {};
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `${matcherName}: options must be an object, got ${String(options)}.`);
    }
    for (const key of Object.keys(options)) {
        if (!known.includes(key)) {
            throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `${matcherName}: unknown option \`${key}\`; known options: ${known.join(', ')}.`);
        }
    }
    return options;
}
/** Heap in use outside the code spaces: compiled code follows the JIT, not the user's data. */
function heapWithoutCode(capture) {
    let used = 0;
    for (const space of capture.heapSpaces())
        if (!space.name.startsWith('code'))
            used += space.used;
    return used;
}
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
/**
 * Bytes allocated per call: after warm-up and a full GC, heap use grows by
 * what the calls allocated minus what collections freed in between, so
 * allocated = heap delta + bytes freed by GCs (the capture's GC accounting).
 */
async function measureAllocation(fn, capture, rawOptions, matcherName = 'toAllocateAtMost') {
    (0, call_loop_js_1.assertFunction)(fn, matcherName);
    const options = checkKeys(rawOptions, ['warmup', 'calls'], matcherName);
    const warmup = count('warmup', options.warmup, 10, 0, matcherName);
    const calls = count('calls', options.calls, 100, 1, matcherName);
    await (0, call_loop_js_1.callRepeatedly)(fn, warmup, matcherName);
    await nextTurn();
    capture.gc('fast');
    const gcBefore = capture.gcTotals();
    const heapBefore = capture.heapFigures().heapUsed;
    await (0, call_loop_js_1.callRepeatedly)(fn, calls, matcherName);
    const heapAfter = capture.heapFigures().heapUsed;
    const gcAfter = capture.gcTotals();
    const totalBytes = Math.max(0, heapAfter - heapBefore + (gcAfter.freedBytes - gcBefore.freedBytes));
    return { calls, warmup, totalBytes, perCall: totalBytes / calls, gcCount: gcAfter.count - gcBefore.count };
}
/**
 * Bytes still reachable after `calls` calls: a settled GC before and after,
 * one event-loop turn before each so WeakRefs held for the current job are
 * released, and the difference in heap (outside code) plus external memory.
 */
async function measureRetention(fn, capture, rawOptions, matcherName = 'toRetainAtMost') {
    (0, call_loop_js_1.assertFunction)(fn, matcherName);
    const options = checkKeys(rawOptions, ['calls', 'gc'], matcherName);
    const calls = count('calls', options.calls, 1, 1, matcherName);
    const mode = options.gc ?? 'thorough';
    if (mode !== 'fast' && mode !== 'thorough') {
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `${matcherName}: option \`gc\` must be 'fast' or 'thorough', got ${String(mode)}.`);
    }
    const settle = async () => {
        await nextTurn();
        capture.gc(mode);
        return { heap: heapWithoutCode(capture), external: capture.heapFigures().external };
    };
    const before = await settle();
    await (0, call_loop_js_1.callRepeatedly)(fn, calls, matcherName);
    const after = await settle();
    const heapBytes = after.heap - before.heap;
    const externalBytes = after.external - before.external;
    return { calls, retainedBytes: Math.max(0, heapBytes + externalBytes), heapBytes, externalBytes };
}
//# sourceMappingURL=measure.js.map