import type { FigureSource } from '../verdict/types.js';
import type { BaselineFigureName, Tolerance } from '../report/schema.js';
import type { ToleranceOverrides } from './types.js';

const KIB = 1024;
const MIB = 1024 * KIB;

type FigureUnit = 'bytes' | 'handles' | 'count' | 'ms';

const UNIT: Record<BaselineFigureName, FigureUnit> = {
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
const DEFAULTS: Record<FigureUnit, Record<FigureSource, Tolerance>> = {
  bytes: {
    measured: { relative: 0.1, absolute: 64 * KIB },
    sampled: { relative: 0.5, absolute: 1 * MIB },
    inferred: { relative: 1, absolute: 4 * MIB },
    shared: { relative: 1, absolute: 4 * MIB },
  },
  handles: {
    measured: { relative: 0, absolute: 0 },
    sampled: { relative: 0, absolute: 0 },
    inferred: { relative: 0, absolute: 0 },
    shared: { relative: 0, absolute: 0 },
  },
  count: {
    measured: { relative: 0.5, absolute: 2 },
    sampled: { relative: 0.5, absolute: 2 },
    inferred: { relative: 1, absolute: 4 },
    shared: { relative: 1, absolute: 4 },
  },
  ms: {
    measured: { relative: 1, absolute: 50 },
    sampled: { relative: 1, absolute: 50 },
    inferred: { relative: 2, absolute: 100 },
    shared: { relative: 2, absolute: 100 },
  },
};

// Shared figures are never judged (judge.ts skips shared tasks); the band is there for a baseline edited by hand.
const WIDTH: Record<FigureSource, number> = { measured: 0, sampled: 1, inferred: 2, shared: 3 };

/** The wider of two sources: a comparison is only as precise as its coarser side. */
export function widerSource(a: FigureSource, b: FigureSource): FigureSource {
  return WIDTH[a] >= WIDTH[b] ? a : b;
}

export function defaultTolerance(figure: BaselineFigureName, source: FigureSource): Tolerance {
  return { ...DEFAULTS[UNIT[figure]][source] };
}

/** Per-test overrides win over file-level ones, which win over the defaults; each field separately. */
export function resolveTolerance(
  figure: BaselineFigureName,
  source: FigureSource,
  fileLevel: ToleranceOverrides | undefined,
  testLevel: ToleranceOverrides | undefined,
): Tolerance {
  return { ...defaultTolerance(figure, source), ...fileLevel?.[figure], ...testLevel?.[figure] };
}

/** The largest value that still passes. */
export function limitFor(old: number, tolerance: Tolerance): number {
  return old + Math.max(tolerance.absolute, tolerance.relative * Math.abs(old));
}
