"use strict";
/**
 * The statistics behind a verdict: growth per call from a series of
 * measurements taken after each round, robust to the one-off jumps that JIT
 * compilation and heap bookkeeping make.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.median = median;
exports.mad = mad;
exports.differences = differences;
exports.linearFit = linearFit;
exports.judgeGrowth = judgeGrowth;
function median(values) {
    if (values.length === 0)
        return 0;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
/** Median absolute deviation scaled to a standard deviation (1.4826). */
function mad(values) {
    const m = median(values);
    return 1.4826 * median(values.map((v) => Math.abs(v - m)));
}
function differences(series) {
    const out = [];
    for (let i = 1; i < series.length; i++)
        out.push(series[i] - series[i - 1]);
    return out;
}
/** Least-squares line through (i, series[i]); slope per index and R². */
function linearFit(series) {
    const n = series.length;
    if (n < 2)
        return { slope: 0, r2: 0 };
    const meanX = (n - 1) / 2;
    const meanY = series.reduce((a, b) => a + b, 0) / n;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    series.forEach((y, x) => {
        sxy += (x - meanX) * (y - meanY);
        sxx += (x - meanX) ** 2;
        syy += (y - meanY) ** 2;
    });
    const slope = sxy / sxx;
    const r2 = syy === 0 ? 0 : (sxy * sxy) / (sxx * syy);
    return { slope, r2 };
}
/**
 * Judges a series measured after each round. It grows when the median round
 * delta clears both the threshold and the noise, and most rounds agree; it is
 * ambiguous when the evidence is split, so the caller runs more rounds.
 */
function judgeGrowth(series, minPerRound) {
    const deltas = differences(series);
    const perRound = median(deltas);
    const noise = mad(deltas);
    const { slope, r2 } = linearFit(series);
    const floor = Math.max(minPerRound, 0);
    const positiveShare = deltas.length ? deltas.filter((d) => d > floor / 2).length / deltas.length : 0;
    const base = { perRound, slopePerRound: slope, r2, noise, positiveShare };
    if (perRound > floor && positiveShare >= 0.75 && slope > floor / 2)
        return { call: 'grows', ...base };
    // A clear least-squares trend overrules a median that noise pulled down:
    // the caller then runs more rounds or lets the heap explanation decide.
    const trend = slope > floor && r2 > 0.3;
    if (!trend && perRound <= floor / 2 && positiveShare <= 0.5)
        return { call: 'flat', ...base };
    if (!trend && perRound <= 0)
        return { call: 'flat', ...base };
    return { call: 'ambiguous', ...base };
}
//# sourceMappingURL=stats.js.map