"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.taskStorage = void 0;
exports.setActiveScopeSource = setActiveScopeSource;
exports.isActiveScopeSource = isActiveScopeSource;
exports.currentScope = currentScope;
exports.isInternal = isInternal;
exports.asMemscope = asMemscope;
exports.nextMacrotask = nextMacrotask;
const node_async_hooks_1 = require("node:async_hooks");
const node_timers_1 = require("node:timers");
const node_vm_1 = __importDefault(require("node:vm"));
const STATE_KEY = Symbol.for('memscope.tasks.storage');
function processState() {
    const global = node_vm_1.default.runInThisContext('globalThis');
    let state = global[STATE_KEY];
    if (!state) {
        state = { storage: new node_async_hooks_1.AsyncLocalStorage(), activeSource: null, internalDepth: 0 };
        global[STATE_KEY] = state;
    }
    return state;
}
const state = processState();
exports.taskStorage = state.storage;
function setActiveScopeSource(source) {
    state.activeSource = source;
}
function isActiveScopeSource(source) {
    return state.activeSource === source;
}
/** The task code runs in right now, open or already ended. */
function currentScope() {
    return state.storage.getStore() ?? state.activeSource?.innermostOpen();
}
/** Resources memscope creates for itself (an await, a file write) are not the test's. */
function isInternal() {
    return state.internalDepth > 0;
}
function asMemscope(fn) {
    state.internalDepth++;
    try {
        return fn();
    }
    finally {
        state.internalDepth--;
    }
}
/** One macrotask later, created as memscope's own resource; node:timers' setImmediate is never faked. */
function nextMacrotask() {
    return asMemscope(() => new Promise((resolve) => (0, node_timers_1.setImmediate)(resolve)));
}
//# sourceMappingURL=storage.js.map