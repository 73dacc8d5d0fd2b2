import type { GrowthJudgement } from './stats.js';
import { explanationEstimateMs } from '../time-budget.js';
import { nowMs } from '../../node-clock.js';

/**
 * When more rounds cannot tell growth from noise.
 *
 * Under jsdom an exact reading of the heap moves by 15–55 KB between rounds
 * of 60 calls even for a component that keeps nothing: V8 optimises the
 * environment's code and drops it again (a window of 960 mounts compiled
 * 220–264 KB of code and the next window freed it), with its feedback and
 * dependent-code lists beside it. A leak at the threshold adds 480 B a
 * round; only the heap snapshot tells the two apart, and a snapshot of a
 * jsdom heap takes seconds. When it cannot fit in the time left, the screen
 * passes an ambiguous heap at its deadline anyway ("the explanation that
 * would tell a leak from noise did not fit"); the rounds up to it, each an
 * exact reading of 100–400 ms on a loaded machine, only help growth that
 * stands out of the noise. Growth that does not stand out of it after the
 * rounds a judgement needs is passed then, not at the deadline. When the
 * snapshot fits, it decides a heap the rounds read ambiguous: up to sixteen
 * rounds would only have come to it later (a clean component's verdict
 * took 10 s under jsdom and 49 s under happy-dom at load 11).
 */

/** Round-to-round noise (MAD) past this many heap floors drowns any leak the floor is meant to see. */
export const DROWNED_NOISE_FLOORS = 8;

export interface NoiseInput {
  judgements: ReadonlyMap<string, GrowthJudgement>;
  /** The heap's floor per round (see heapFloor). */
  floor: number;
  /** Heap bytes the explanation's snapshot would walk. */
  heapBytes: number;
  /** The longest settled round so far (ms). */
  roundMs: number;
  /** The node-clock time the verdict must end by; none without a time limit. */
  hardDeadline: number | undefined;
}

/**
 * Whether the heap's movement is noise that more rounds cannot resolve:
 * every figure but the heap's flat; the heap not growing, its noise far
 * above the floor, and each of its slopes (robust, step-free and raw)
 * within that noise; and either no time for the explanation, or a heap read
 * ambiguous, which the explanation then decides. Growth that stands out of
 * the noise (a detached subtree kept per call: 440 KB a round) keeps the
 * rounds going, as does any heap whose noise is near the floor, and a heap
 * read flat while the explanation would fit (its rounds may pass it
 * without a snapshot).
 */
export function lostInNoise(input: NoiseInput): boolean {
  const explanationFits = input.hardDeadline === undefined || nowMs() + explanationEstimateMs(input.heapBytes, input.roundMs) <= input.hardDeadline;
  for (const [figure, judgement] of input.judgements) {
    if (figure === 'heapUsed') continue;
    // The user's sampled survivors see through the environment's code: they must not grow.
    if (judgement.call === 'grows' || (figure !== 'sampledSurvivors' && judgement.call !== 'flat')) return false;
  }
  const heap = input.judgements.get('heapUsed');
  if (!heap || heap.call === 'grows' || (explanationFits && heap.call !== 'ambiguous')) return false;
  const { noise } = heap;
  return noise > DROWNED_NOISE_FLOORS * input.floor && heap.theilSenPerRound <= noise && heap.leastSquaresPerRound <= noise && heap.trendPerRound <= noise;
}
