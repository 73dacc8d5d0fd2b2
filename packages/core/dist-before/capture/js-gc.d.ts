import type { GcMode, GcTotals } from './types.js';
export declare function flagFreeGc(): () => void;
/**
 * `thorough` repeats full collections until heap use stops falling, at most
 * seven times (as Isolate::LowMemoryNotification's CollectAllAvailableGarbage
 * does): weak callbacks and finalizers freed by one pass let the next free
 * more. Measured on Node 20 between identical rounds: one GC leaves a p90
 * drift of ~1.6 KB and spikes of tens of KB; this loop leaves p90 ~50 B and
 * max ~0.4 KB, for about 3× the time of one GC.
 */
export declare function collect(gc: () => void, mode: GcMode): void;
/**
 * Cumulative GC accounting from v8.GCProfiler, which records every
 * collection (scavenges included) synchronously with heap use before and
 * after. The profiler only hands its records over when stopped, so each
 * read stops it, folds the records into the totals and starts a new one.
 */
export declare class GcAccounting {
    private profiler;
    private readonly totals;
    constructor();
    read(): GcTotals;
}
//# sourceMappingURL=js-gc.d.ts.map