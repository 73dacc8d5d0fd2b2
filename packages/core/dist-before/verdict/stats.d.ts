/**
 * The statistics behind a verdict: growth per call from a series of
 * measurements taken after each round, robust to the one-off jumps that JIT
 * compilation and heap bookkeeping make.
 */
export declare function median(values: readonly number[]): number;
/** Median absolute deviation scaled to a standard deviation (1.4826). */
export declare function mad(values: readonly number[]): number;
export declare function differences(series: readonly number[]): number[];
/** Least-squares line through (i, series[i]); slope per index and R². */
export declare function linearFit(series: readonly number[]): {
    slope: number;
    r2: number;
};
export type GrowthCall = 'grows' | 'flat' | 'ambiguous';
export interface GrowthJudgement {
    call: GrowthCall;
    /** Robust growth per round (median of round deltas). */
    perRound: number;
    slopePerRound: number;
    r2: number;
    noise: number;
    positiveShare: number;
}
/**
 * Judges a series measured after each round. It grows when the median round
 * delta clears both the threshold and the noise, and most rounds agree; it is
 * ambiguous when the evidence is split, so the caller runs more rounds.
 */
export declare function judgeGrowth(series: readonly number[], minPerRound: number): GrowthJudgement;
//# sourceMappingURL=stats.d.ts.map