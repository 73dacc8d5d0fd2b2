"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HandleTracker = void 0;
exports.openFileDescriptors = openFileDescriptors;
const node_async_hooks_1 = require("node:async_hooks");
const node_fs_1 = require("node:fs");
const stack_frames_js_1 = require("../analyzers/stack-frames.js");
/**
 * Resources that finish by themselves or belong to promises and ticks: they
 * are never "left open" in the sense a leak verdict cares about.
 */
const SELF_FINISHING = new Set([
    'PROMISE',
    'TickObject',
    'Immediate',
    'Microtask',
    'FSREQCALLBACK',
    'FSREQPROMISE',
    'GETADDRINFOREQWRAP',
    'GETNAMEINFOREQWRAP',
    'QUERYWRAP',
    'SHUTDOWNWRAP',
    'WRITEWRAP',
    'FILEHANDLECLOSEREQ',
    'ZLIB',
    'RANDOMBYTESREQUEST',
    'PBKDF2REQUEST',
    'SCRYPTREQUEST',
    'HASHREQUEST',
    'CIPHERREQUEST',
    'KEYGENREQUEST',
    'SIGNREQUEST',
    'VERIFYREQUEST',
    'HTTPINCOMINGMESSAGE',
    'HTTPCLIENTREQUEST',
]);
/** A handle the function created; named so the verdict's own rules can tell it from user data. */
class MemscopeLiveHandle {
    type;
    stack;
    round;
    constructor(type, stack, round) {
        this.type = type;
        this.stack = stack;
        this.round = round;
    }
}
class MemscopeHandleRecords extends Map {
}
class MemscopeHandleOrigins extends Map {
}
class MemscopeRequestIds extends Set {
}
/**
 * Watches the async resources the function under test creates (and only
 * those: the function runs inside an AsyncLocalStorage scope, and resources
 * inherit it), keeping each until it is destroyed. What is still here after
 * the rounds was left open. Unref'd timers and sockets count: they are absent
 * from process.getActiveResourcesInfo() yet still hold memory and a callback.
 */
class HandleTracker {
    scope = new node_async_hooks_1.AsyncLocalStorage();
    token = Symbol('memscope.checkLeak');
    live = new MemscopeHandleRecords();
    origins = new MemscopeHandleOrigins();
    requests = new MemscopeRequestIds();
    hook;
    round = 0;
    lastFsRequest;
    wrap(fn) {
        return () => this.scope.run(this.token, fn);
    }
    start() {
        const { scope, token, live, origins, requests } = this;
        this.hook = (0, node_async_hooks_1.createHook)({
            init: (asyncId, type, triggerAsyncId) => {
                // A resource made in a native completion (a FileHandle after its open
                // request) may not see the scope; its trigger, made by fn, does.
                let inherited;
                if (scope.getStore() !== token && !requests.has(triggerAsyncId)) {
                    // FileHandles are made while their open request completes, with no
                    // async context at all (trigger 0): charge them to our pending open.
                    if (type !== 'FILEHANDLE' || triggerAsyncId !== 0 || this.lastFsRequest === undefined)
                        return;
                    inherited = origins.get(this.lastFsRequest);
                }
                if (SELF_FINISHING.has(type)) {
                    if (type !== 'PROMISE')
                        requests.add(asyncId);
                    // Remember where ticks and requests came from: a server's handle is
                    // made in a later tick, whose own stack has no user frame.
                    if (type === 'TickObject' || type.endsWith('REQWRAP') || type === 'FSREQPROMISE') {
                        const origin = {};
                        Error.captureStackTrace(origin);
                        origins.set(asyncId, origin.stack ?? '');
                        if (type === 'FSREQPROMISE')
                            this.lastFsRequest = asyncId;
                    }
                    return;
                }
                const holder = {};
                // Sockets and servers are created deep inside Node's net stack: the
                // default 10 frames often end before the user's own line.
                const limit = Error.stackTraceLimit;
                Error.stackTraceLimit = 40;
                Error.captureStackTrace(holder);
                Error.stackTraceLimit = limit;
                let stack = (0, stack_frames_js_1.userFramesFirst)(holder.stack ?? '');
                const origin = inherited ?? origins.get(triggerAsyncId);
                if (origin && stack.every(stack_frames_js_1.isInternalFrame))
                    stack = (0, stack_frames_js_1.userFramesFirst)(origin);
                live.set(asyncId, new MemscopeLiveHandle(type, stack, this.round));
            },
            destroy: (asyncId) => {
                live.delete(asyncId);
                origins.delete(asyncId);
                requests.delete(asyncId);
                if (this.lastFsRequest === asyncId)
                    this.lastFsRequest = undefined;
            },
        });
        this.hook.enable();
    }
    stop() {
        this.hook?.disable();
        this.hook = undefined;
    }
    /** Handles created by the function and not destroyed yet. */
    liveCount() {
        return this.live.size;
    }
    liveHandles() {
        return [...this.live.values()];
    }
}
exports.HandleTracker = HandleTracker;
/** Open file descriptors of this process (Linux); null where unknown. */
function openFileDescriptors() {
    try {
        return (0, node_fs_1.readdirSync)('/proc/self/fd').length;
    }
    catch {
        return null;
    }
}
//# sourceMappingURL=handle-tracker.js.map