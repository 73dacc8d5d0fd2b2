"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.widerSource = widerSource;
exports.defaultTolerance = defaultTolerance;
exports.resolveTolerance = resolveTolerance;
exports.limitFor = limitFor;
const KIB = 1024;
const MIB = 1024 * KIB;
const UNIT = {
    heapBefore: 'bytes', heapAfter: 'bytes', retained: 'bytes', allocated: 'bytes', peak: 'bytes',
    external: 'bytes', arrayBuffers: 'bytes', malloc: 'bytes',
    handlesOpened: 'handles', handlesLeftOpen: 'handles',
    gcCount: 'count', gcTimeMs: 'ms', durationMs: 'ms',
};
/**
 * Default bands by unit and by how the figure was obtained. A settled
 * (measured) heap figure repeats within a few KB between runs, so 10 % or
 * 64 KiB is already generous; a sampled figure includes whatever garbage the
 * last GC left, so it gets half again and 1 MiB; an inferred one is an
 * estimate and only catches gross growth. Handle counts are exact whatever
 * the mode: one more handle left open is a regression.
 */
const DEFAULTS = {
    bytes: {
        measured: { relative: 0.1, absolute: 64 * KIB },
        sampled: { relative: 0.5, absolute: 1 * MIB },
        inferred: { relative: 1, absolute: 4 * MIB },
    },
    handles: {
        measured: { relative: 0, absolute: 0 },
        sampled: { relative: 0, absolute: 0 },
        inferred: { relative: 0, absolute: 0 },
    },
    count: {
        measured: { relative: 0.5, absolute: 2 },
        sampled: { relative: 0.5, absolute: 2 },
        inferred: { relative: 1, absolute: 4 },
    },
    ms: {
        measured: { relative: 1, absolute: 50 },
        sampled: { relative: 1, absolute: 50 },
        inferred: { relative: 2, absolute: 100 },
    },
};
const WIDTH = { measured: 0, sampled: 1, inferred: 2 };
/** The wider of two sources: a comparison is only as precise as its coarser side. */
function widerSource(a, b) {
    return WIDTH[a] >= WIDTH[b] ? a : b;
}
function defaultTolerance(figure, source) {
    return { ...DEFAULTS[UNIT[figure]][source] };
}
/** Per-test overrides win over file-level ones, which win over the defaults; each field separately. */
function resolveTolerance(figure, source, fileLevel, testLevel) {
    return { ...defaultTolerance(figure, source), ...fileLevel?.[figure], ...testLevel?.[figure] };
}
/** The largest value that still passes. */
function limitFor(old, tolerance) {
    return old + Math.max(tolerance.absolute, tolerance.relative * Math.abs(old));
}
//# sourceMappingURL=tolerance.js.map