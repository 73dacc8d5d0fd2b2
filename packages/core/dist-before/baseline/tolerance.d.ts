import type { FigureSource } from '../verdict/types.js';
import type { BaselineFigureName, Tolerance } from '../report/schema.js';
import type { ToleranceOverrides } from './types.js';
/** The wider of two sources: a comparison is only as precise as its coarser side. */
export declare function widerSource(a: FigureSource, b: FigureSource): FigureSource;
export declare function defaultTolerance(figure: BaselineFigureName, source: FigureSource): Tolerance;
/** Per-test overrides win over file-level ones, which win over the defaults; each field separately. */
export declare function resolveTolerance(figure: BaselineFigureName, source: FigureSource, fileLevel: ToleranceOverrides | undefined, testLevel: ToleranceOverrides | undefined): Tolerance;
/** The largest value that still passes. */
export declare function limitFor(old: number, tolerance: Tolerance): number;
//# sourceMappingURL=tolerance.d.ts.map