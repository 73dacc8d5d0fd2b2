import type { Colors } from './colors.js';
import type { BaselineFigureName, Regression } from './schema.js';
import type { SourcedReport } from './merge.js';
export interface ComparedRow {
    taskId: string;
    label: string;
    figure: BaselineFigureName;
    a: number;
    b: number;
}
export interface ReportComparison {
    a: string;
    b: string;
    rows: ComparedRow[];
    onlyInA: string[];
    onlyInB: string[];
    /** Figures of `b` beyond the default tolerance around `a`'s. */
    regressions: Regression[];
}
/** Compares two run reports test by test, treating `a` as the baseline of `b`. */
export declare function compareRunReports(a: SourcedReport, b: SourcedReport, figures?: BaselineFigureName[]): ReportComparison;
/** Side-by-side text: the largest changes first, regressions marked. */
export declare function formatComparison(result: ReportComparison, colors: Colors, limit?: number): string;
//# sourceMappingURL=compare.d.ts.map