"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.GcAccounting = void 0;
exports.flagFreeGc = flagFreeGc;
exports.collect = collect;
const node_v8_1 = __importDefault(require("node:v8"));
const node_vm_1 = __importDefault(require("node:vm"));
/**
 * Full, synchronous collections without `--expose-gc` on the command line.
 *
 * V8 installs `gc` on the global of every context created while the flag is
 * set; a fresh vm context created in that window hands us the function, and
 * the flag is turned off again so user contexts created later do not see a
 * `gc` global they did not ask for.
 */
function obtainGcFunction() {
    node_v8_1.default.setFlagsFromString('--expose-gc');
    try {
        const gc = node_vm_1.default.runInNewContext('gc');
        if (typeof gc !== 'function')
            throw new Error('V8 did not expose gc() in a new context');
        return gc;
    }
    finally {
        node_v8_1.default.setFlagsFromString('--no-expose-gc');
    }
}
let cachedGc = null;
function flagFreeGc() {
    cachedGc ??= obtainGcFunction();
    return cachedGc;
}
/**
 * `thorough` repeats full collections until heap use stops falling, at most
 * seven times (as Isolate::LowMemoryNotification's CollectAllAvailableGarbage
 * does): weak callbacks and finalizers freed by one pass let the next free
 * more. Measured on Node 20 between identical rounds: one GC leaves a p90
 * drift of ~1.6 KB and spikes of tens of KB; this loop leaves p90 ~50 B and
 * max ~0.4 KB, for about 3× the time of one GC.
 */
function collect(gc, mode) {
    gc();
    if (mode === 'fast')
        return;
    let previous = node_v8_1.default.getHeapStatistics().used_heap_size;
    for (let attempt = 1; attempt < 7; attempt++) {
        gc();
        const used = node_v8_1.default.getHeapStatistics().used_heap_size;
        if (used >= previous)
            return;
        previous = used;
    }
}
/**
 * Cumulative GC accounting from v8.GCProfiler, which records every
 * collection (scavenges included) synchronously with heap use before and
 * after. The profiler only hands its records over when stopped, so each
 * read stops it, folds the records into the totals and starts a new one.
 */
class GcAccounting {
    profiler = new node_v8_1.default.GCProfiler();
    totals = { count: 0, timeMs: 0, freedBytes: 0 };
    constructor() {
        this.profiler.start();
    }
    read() {
        const records = this.profiler.stop()?.statistics ?? [];
        this.profiler = new node_v8_1.default.GCProfiler();
        this.profiler.start();
        for (const record of records) {
            this.totals.count++;
            this.totals.timeMs += record.cost / 1000;
            // Not clamped, as on the native path: a scavenge can end slightly above where it began.
            this.totals.freedBytes += record.beforeGC.heapStatistics.usedHeapSize - record.afterGC.heapStatistics.usedHeapSize;
        }
        return { ...this.totals };
    }
}
exports.GcAccounting = GcAccounting;
//# sourceMappingURL=js-gc.js.map