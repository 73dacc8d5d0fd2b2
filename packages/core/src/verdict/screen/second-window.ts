import { screen, judgeAll, type Measurement, type ScreenInput, type ScreenResult, type ScreenedFigure } from './screen.js';
import type { GrowthJudgement } from './stats.js';
import type { Screened } from './windows.js';

/** A levelled-off figure's drop in growth is this many times the second window's noise at least. */
const LEVELLED_DROP_NOISES = 2;

/** A first window whose heap fits a line this well grows for real: it needs no exact confirmation. */
const STRAIGHT_LINE_FIT = 0.95;

/** Heap growth per round under this (four V8 pages) is confirmed with exact figures. */
const PAGE_SIZED_GROWTH = 1024 * 1024;

/**
 * Heap growth of a page or two a round may be V8's page accounting alone
 * (seen on a clean 1 ms function beside a 20 MB heap): confirm it with
 * exact heap figures, which costs less than the explanation it would
 * otherwise buy. Larger growth, and growth on a straight line (a leak's
 * fit is 0.99 and more; page moves are steps), is confirmed the cheap way.
 */
export function pageSizedGrowth(result: ScreenResult): boolean {
  const heap = result.judgements.get('heapUsed');
  return heap !== undefined && heap.call !== 'flat' && heap.theilSenPerRound < PAGE_SIZED_GROWTH && heap.r2 < STRAIGHT_LINE_FIT;
}

/**
 * Levelled off: the second window is flat and grows at under a quarter of
 * the first window's rate (a pool or agent filling up). Both slopes must
 * agree: on noisy async code a six-round median alone can read flat while
 * the leak goes on. The trend keeps its steps: a Map that keeps growing
 * doubles its table now and then. And the drop must stand out of the second
 * window's noise: a small leak at the noise level reads flat in six rounds
 * now and then.
 */
function levelledOff(first: GrowthJudgement, after: GrowthJudgement | undefined): boolean {
  const drop = after ? first.theilSenPerRound - Math.max(after.theilSenPerRound, after.trendPerRound, 0) : 0;
  return (
    after?.call === 'flat' &&
    after.theilSenPerRound < first.theilSenPerRound / 4 &&
    after.trendPerRound < first.theilSenPerRound / 4 &&
    drop > LEVELLED_DROP_NOISES * after.noise
  );
}

/**
 * A second window after a first in which a figure grew: growth that levels
 * off (pools, agents, caches that fill slowly) is not a leak, a growing
 * figure must keep growing. `rounds` is its length: every round of it, it
 * confirms growth and never stops early. `switchToExact` reads it exactly
 * after a plain first window (see pageSizedGrowth).
 */
export async function secondWindow(input: ScreenInput, first: Screened, rounds: number, switchToExact: boolean): Promise<Screened> {
  let { result, exactRounds } = first;
  const windowInput: ScreenInput = { ...input, callsPerRound: first.callsPerRound, precise: first.exactRounds > 0 };
  // The second window starts where the first ended; after the switch to
  // exact readings it takes its own (exact) first reading.
  const lastReading = result.measurements[result.measurements.length - 1]!;
  const secondInput = { ...windowInput, precise: windowInput.precise || switchToExact, rounds, maxRounds: rounds, earlyStop: false };
  const second = await screen(secondInput, switchToExact ? undefined : [lastReading]);
  const combined: Measurement[] = [...result.measurements, ...second.measurements.slice(1)];
  const later = judgeAll(second.measurements, windowInput);
  // Mixed readings would carry the plain window's page slop into the trend.
  const overall = switchToExact ? later : judgeAll(combined, windowInput);
  for (const [figure, firstJudgement] of result.judgements) {
    if (firstJudgement.call === 'flat') continue;
    const levelled = levelledOff(firstJudgement, later.get(figure));
    result.judgements.set(figure as ScreenedFigure, levelled ? { ...firstJudgement, call: 'flat' } : (overall.get(figure) ?? firstJudgement));
  }
  if (second.exact) exactRounds += second.rounds;
  result = { ...result, measurements: combined, rounds: result.rounds + second.rounds };
  return { result, callsPerRound: first.callsPerRound, exactRounds };
}
