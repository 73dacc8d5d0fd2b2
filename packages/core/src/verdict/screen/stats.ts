/**
 * The statistics behind a verdict: growth per call from a series of
 * measurements taken after each round, robust to the one-off jumps that JIT
 * compilation and heap bookkeeping make.
 */

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median absolute deviation scaled to a standard deviation (1.4826). */
export function mad(values: readonly number[]): number {
  const m = median(values);
  return 1.4826 * median(values.map((v) => Math.abs(v - m)));
}

export function differences(series: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < series.length; i++) out.push(series[i]! - series[i - 1]!);
  return out;
}

/** Least-squares line through (i, series[i]); slope per index and R². */
export function linearFit(series: readonly number[]): { slope: number; r2: number } {
  const n = series.length;
  if (n < 2) return { slope: 0, r2: 0 };
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
 * Theil–Sen slope: the median of the slopes between every pair of points.
 * As robust as a median of round deltas to the one-off jumps (a JIT tier, a
 * table rehash), but it also uses the long-range pairs, whose slopes noise
 * barely moves, so a steady leak at the noise level still shows.
 */
export function pairwiseSlopes(series: readonly number[]): number[] {
  const slopes: number[] = [];
  for (let i = 0; i < series.length; i++) {
    for (let j = i + 1; j < series.length; j++) slopes.push((series[j]! - series[i]!) / (j - i));
  }
  return slopes;
}

/**
 * V8 counts heap use page by page in places (a young page promoted whole, an
 * evacuated page): a round's reading can move by up to a page (256 KiB)
 * either way and give it back later. Such moves are noise the robust slope
 * absorbs; only moves past two pages are steps.
 */
const PAGE_MOVES = 512 * 1024;

/**
 * Round deltas with the one-off steps replaced by the typical delta. The
 * garbage of a previous verdict freed late, a JIT tier or a cache filled at
 * once moves the heap once by megabytes; both a least-squares line and the
 * pairwise slopes spanning such a step read it as a trend. A leak moves every
 * round, so its deltas stay: only a delta further than
 * `max(4 × MAD, floor, two pages)` from the median is a step.
 */
export function withoutSteps(deltas: readonly number[], floor: number): number[] {
  const typical = median(deltas);
  const reach = Math.max(4 * mad(deltas), floor, PAGE_MOVES);
  return deltas.map((d) => (Math.abs(d - typical) > reach ? typical : d));
}

function accumulate(deltas: readonly number[]): number[] {
  const series = [0];
  for (const d of deltas) series.push(series[series.length - 1]! + d);
  return series;
}

export type GrowthCall = 'grows' | 'flat' | 'ambiguous';

export interface GrowthJudgement {
  call: GrowthCall;
  /** Robust growth per round: the Theil–Sen slope (median of pairwise slopes) with the one-off steps taken out. */
  theilSenPerRound: number;
  /** Least-squares slope per round with the one-off steps taken out (see withoutSteps). */
  leastSquaresPerRound: number;
  /**
   * Least-squares slope per round of the raw series, steps included: part of
   * a real leak's growth comes in steps (a Map's table doubling).
   */
  trendPerRound: number;
  r2: number;
  noise: number;
  positiveShare: number;
}

/**
 * Judges a series measured after each round. It grows when the median round
 * delta clears both the threshold and the noise, and most rounds agree; it is
 * ambiguous when the evidence is split, so the caller runs more rounds.
 */
export function judgeGrowth(series: readonly number[], minPerRound: number): GrowthJudgement {
  const deltas = differences(series);
  const noise = mad(deltas);
  const floor = Math.max(minPerRound, 0);
  const steady = accumulate(withoutSteps(deltas, floor));
  const slopes = pairwiseSlopes(steady);
  const theilSen = median(slopes);
  const { slope: leastSquares, r2 } = linearFit(steady);
  const positiveShare = slopes.length ? slopes.filter((d) => d > floor / 2).length / slopes.length : 0;
  const base = { theilSenPerRound: theilSen, leastSquaresPerRound: leastSquares, trendPerRound: linearFit(series).slope, r2, noise, positiveShare };
  if (theilSen > floor && positiveShare >= 0.75 && leastSquares > floor / 2) return { call: 'grows', ...base };
  // A clear least-squares trend overrules a median that noise pulled down:
  // the caller then runs more rounds or lets the heap explanation decide.
  const trend = leastSquares > floor && r2 > 0.3;
  if (!trend && theilSen <= floor / 2 && positiveShare <= 0.5) return { call: 'flat', ...base };
  if (!trend && theilSen <= 0) return { call: 'flat', ...base };
  return { call: 'ambiguous', ...base };
}
