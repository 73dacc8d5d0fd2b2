import { formatBytes, formatSeconds } from '../../report/format.js';
import type { CutShort } from '../types.js';
import { hasDomDocument } from './dom-listener-storms.js';

/**
 * Memory growth that no snapshot explained, in a DOM environment: not judged.
 *
 * jsdom's and happy-dom's own bookkeeping grows with a clean component's
 * calls, steadily: happy-dom files one cache entry on `<head>` per
 * `document.body` read after the body changed (see
 * analyzers/rules/dom-environment.ts), so a fixed widget that mounts into
 * the body read +46–55 B a call at a fit of 0.96–0.98 in plain rounds
 * under fake timers (Vitest 3 and 4 + happy-dom). Native memory moves with
 * the environment too: the same fixed widget on Vitest 3 + jsdom read
 * malloc +11.8 KiB a call (fit 0.98) over the four rounds after its
 * warm-up, V8's own work on the environment's code. The figures alone
 * cannot tell either from the user's leak; only the explanation can (the
 * snapshot's holders through the environment's rules, native growth
 * checked over its own calls). Without it the growth is reported in the
 * pass's reason, never as a leak. What a component leaks in DOM terms is
 * still judged without a snapshot: listeners by counting the DOM's lists
 * (dom-storm-verdict.ts), timers and other handles by the handle tracker.
 */
export function domGrowthGoesUnjudged(scope: object = globalThis): boolean {
  return hasDomDocument(scope);
}

/** One figure's growth left unjudged: `the heap grew 53 B per call (fit 0.98)`. */
export interface UnjudgedGrowth {
  what: string;
  perCall: number;
  fit: number;
}

/** The pass's reason for DOM-environment growth left unjudged: how much, and what would judge it. */
export function unjudgedDomGrowthReason(growth: readonly UnjudgedGrowth[], cut: CutShort): string {
  const grew = growth.map((g) => `${g.what} grew ${formatBytes(g.perCall)} per call (fit ${g.fit.toFixed(2)})`).join(' and ');
  return `${grew}, ${notJudgedWithoutExplanation(cut)}`;
}

/** Why growth went unjudged in a DOM environment, and what would judge it: `not judged: … Give the test a longer timeout to judge it.` */
export function notJudgedWithoutExplanation(cut: CutShort): string {
  return (
    "not judged: in a DOM environment the environment's own bookkeeping grows with every mount too, " +
    `and only the explanation (a heap snapshot) tells it from a leak (about ${formatSeconds(cut.neededMs)} here; ` +
    `${formatSeconds(cut.leftMs)} of the ${formatSeconds(cut.limitMs)} limit were left). Give the test a longer timeout to judge it.`
  );
}
