import { formatBytes, formatSeconds } from '../../report/format.js';
import type { ScreenResult } from '../screen/screen.js';
import type { AllocationSite, CutShort, HeapFinding } from '../types.js';

/**
 * A fit this straight is a leak's, not a heap's page moves or a cache's
 * steps (a leak reads 0.99 and more; V8's page accounting on clean code
 * read 0.84 beside a jsdom window).
 */
const LEAK_LINE_FIT = 0.95;

/** Growth per call that is a leak without the explanation's evidence: this many thresholds. */
const CLEAR_THRESHOLDS = 4;

/**
 * The growth the screen measured, as a finding of its own, when the
 * explanation that would name what grew did not fit in the time left.
 * Only growth that no clean function shows (many thresholds a call, on a
 * straight line) is reported; anything less passes, as it would have
 * without an explanation that found nothing.
 */
export function unexplainedGrowth(
  result: ScreenResult,
  callsPerRound: number,
  threshold: number,
  cut: CutShort,
  /** Where the objects that outlived the calls were allocated (sampled), when that fitted. */
  site?: AllocationSite,
): HeapFinding | undefined {
  const perCall = clearHeapGrowthPerCall(result, callsPerRound, threshold);
  if (perCall === undefined) return undefined;
  const fit = result.judgements.get('heapUsed')!.r2.toFixed(2);
  const where = site ? `, by objects allocated in ${site.functionName} (${site.file}:${site.line}) (sampled); who holds them was` : '; what grew and who holds it were';
  return {
    kind: 'heap',
    title:
      `heap grows ${formatBytes(perCall)} per call (fit ${fit})${where} not looked for: ` +
      `that takes a heap snapshot (about ${formatSeconds(cut.neededMs)} here) and ${formatSeconds(cut.leftMs)} of the ${formatSeconds(cut.limitMs)} limit were left. ` +
      'Give the test a longer timeout to see them.',
    name: '(unexplained heap growth)',
    perCall: { count: 0, bytes: perCall },
    ...(site ? { allocationSite: site } : {}),
  };
}

/** Bytes per call of heap growth that no clean function shows (many thresholds a call, on a straight line); undefined for less. */
export function clearHeapGrowthPerCall(result: ScreenResult, callsPerRound: number, threshold: number): number | undefined {
  const heap = result.judgements.get('heapUsed');
  if (!heap || heap.call !== 'grows' || heap.r2 < LEAK_LINE_FIT) return undefined;
  const perCall = heap.theilSenPerRound / callsPerRound;
  return perCall < Math.max(threshold, 1) * CLEAR_THRESHOLDS ? undefined : perCall;
}
