"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.retainHandleTracking = retainHandleTracking;
exports.isStillOpen = isStillOpen;
exports.mayBeClosing = mayBeClosing;
exports.letClosesFinish = letClosesFinish;
exports.describeHandle = describeHandle;
exports.handlesLeftOpen = handlesLeftOpen;
const node_async_hooks_1 = require("node:async_hooks");
const node_vm_1 = __importDefault(require("node:vm"));
const stack_frames_js_1 = require("../analyzers/stack-frames.js");
const storage_js_1 = require("./storage.js");
const STACK_FRAMES = 24;
const TIMER_TYPES = new Set(['Timeout', 'Immediate']);
const NOT_HANDLES = new Set(['PROMISE', 'TickObject', 'Microtask']);
function isTrackable(type, resource) {
    if (TIMER_TYPES.has(type))
        return true;
    return typeof resource.hasRef === 'function';
}
function onInit(_asyncId, type, _triggerAsyncId, resource) {
    if (NOT_HANDLES.has(type) || (0, storage_js_1.isInternal)())
        return;
    const scope = (0, storage_js_1.currentScope)();
    if (!scope?.open || !isTrackable(type, resource))
        return;
    const creation = {};
    // Node's own frames (emitInit…, new Timeout, setTimeout) take five of the default ten.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = STACK_FRAMES;
    Error.captureStackTrace(creation, onInit);
    Error.stackTraceLimit = limit;
    scope.addHandle({ type, resource, creation });
}
/** One hook per process, whatever number of copies of this module Jest loads. */
const HOOK_KEY = Symbol.for('memscope.tasks.handles');
function hookState() {
    const global = node_vm_1.default.runInThisContext('globalThis');
    return (global[HOOK_KEY] ??= { hook: null, users: 0 });
}
/** Turns tracking on while at least one recorder needs it; returns the release. */
function retainHandleTracking() {
    const state = hookState();
    state.users++;
    state.hook ??= (0, node_async_hooks_1.createHook)({ init: onInit });
    if (state.users === 1)
        state.hook.enable();
    let released = false;
    return () => {
        if (released)
            return;
        released = true;
        state.users--;
        if (state.users === 0)
            state.hook?.disable();
    };
}
function isStillOpen(entry) {
    if (TIMER_TYPES.has(entry.type))
        return entry.resource._destroyed !== true;
    try {
        return entry.resource.hasRef();
    }
    catch {
        return false;
    }
}
/**
 * A closed socket or server answers `hasRef()` true until libuv runs its
 * close callback, at the end of the loop iteration that closed it (after the
 * check phase), while its 'close' event may already have fired. So when a
 * wrap looks open, wait two immediates (into the next iteration) first.
 */
function mayBeClosing(entries) {
    return entries.some((entry) => !TIMER_TYPES.has(entry.type) && isStillOpen(entry));
}
async function letClosesFinish() {
    await (0, storage_js_1.nextMacrotask)();
    await (0, storage_js_1.nextMacrotask)();
}
function describeHandle(entry) {
    return { type: entry.type, stack: (0, stack_frames_js_1.userFramesFirst)(entry.creation.stack ?? '') };
}
/** Node's own frames: what a resource's creation passes through on any caller's behalf. */
function isNodeFrame(frame) {
    return /\(node:|^at node:|\(<anonymous>\)|^at new Promise /.test(frame);
}
/**
 * Whether the code that asked for the resource is a test runner's or
 * memscope's: the first frame past Node's own belongs to them. A resource
 * Node made with no caller on the stack (a server bound after a DNS lookup)
 * stays the task's: AsyncLocalStorage put it there.
 */
function createdByTooling(stack) {
    for (const line of stack.split('\n').slice(1)) {
        const frame = line.trim();
        if (!frame.startsWith('at ') || isNodeFrame(frame))
            continue;
        return (0, stack_frames_js_1.isInternalFrame)(frame);
    }
    return false;
}
/**
 * Handles still open, less those a runner or memscope created and those
 * whose first user frame matches one of `ignoreFrames`.
 */
function handlesLeftOpen(entries, ignoreFrames) {
    const open = [];
    for (const entry of entries) {
        if (!isStillOpen(entry))
            continue;
        const stack = entry.creation.stack ?? '';
        if (createdByTooling(stack))
            continue;
        const handle = describeHandle(entry);
        const first = handle.stack[0] ?? '';
        if (ignoreFrames.length > 0 && ignoreFrames.some((pattern) => pattern.test(first)))
            continue;
        open.push(handle);
    }
    return open;
}
//# sourceMappingURL=handles.js.map