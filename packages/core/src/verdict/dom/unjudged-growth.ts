import { formatBytes } from '../../report/format.js';
import type { CutShort } from '../types.js';
import { hasDomDocument } from './dom-listener-storms.js';

/**
 * Heap growth that no snapshot explained, in a DOM environment: not judged.
 *
 * jsdom's and happy-dom's own bookkeeping grows with a clean component's
 * calls, steadily: happy-dom files one cache entry on `<head>` per
 * `document.body` read after the body changed (see
 * analyzers/rules/dom-environment.ts), so a fixed widget that mounts into
 * the body read +46 B a call at a fit of 0.96 in plain rounds under fake
 * timers (Vitest 3 + happy-dom). The heap's figures alone cannot tell that
 * from the user's leak; only the snapshot's holders can, through the
 * environment's rules. Without a snapshot the growth is reported in the
 * pass's reason, never as a leak. What a component leaks in DOM terms is
 * still judged without a snapshot: listeners by counting the DOM's lists
 * (dom-storm-verdict.ts), timers and other handles by the handle tracker.
 */
export function domGrowthGoesUnjudged(scope: object = globalThis): boolean {
  return hasDomDocument(scope);
}

/** The pass's reason for DOM-environment growth left unjudged: how much, and what would judge it. */
export function unjudgedDomGrowthReason(perCall: number, fit: number, cut: CutShort): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return (
    `the heap grew ${formatBytes(perCall)} per call (fit ${fit.toFixed(2)}), not judged: in a DOM environment the environment's own ` +
    'bookkeeping grows with every mount too, and only a heap snapshot tells it from a leak ' +
    `(about ${seconds(cut.neededMs)} here; ${seconds(cut.leftMs)} of the ${seconds(cut.limitMs)} limit were left). ` +
    'Give the test a longer timeout to judge the heap.'
  );
}
