import { createJsCapture } from '../../src/capture/js/js.js';
import type { Capture, GcTotals } from '../../src/capture/types.js';

/** The native capture, loaded the way a test file would load it; throws with the reason when the addon does not load. */
export async function createNative(): Promise<Capture> {
  const { createNativeCapture, loadNativeBinding } = await import('../../src/capture/native.js');
  return createNativeCapture(loadNativeBinding());
}

/**
 * Both capture paths, for tests that run the same cases on each (`it.each`,
 * `describe.each`): the pure-JS one always, the native one unless the run is
 * pinned to pure JS (`MEMSCOPE_CAPTURE=js`, the matrix's other cell).
 */
export const captureFactories: Array<[path: string, create: () => Capture | Promise<Capture>]> = [['js', createJsCapture]];
if (process.env.MEMSCOPE_CAPTURE !== 'js') captureFactories.push(['native', createNative]);

/**
 * The capture's GC totals before and after one forced collection of 20,000
 * small objects that died just before it (several hundred KB, most of it
 * young).
 */
export function totalsAroundGarbage(capture: Capture): { before: GcTotals; after: GcTotals } {
  const before = capture.gcTotals();
  let garbage: unknown[] | null = Array.from({ length: 20_000 }, (_, index) => ({ index }));
  // Read once, so the array is made and dies before the collection.
  if (garbage.length !== 20_000) throw new Error('the garbage was not made');
  garbage = null;
  capture.gc('fast');
  return { before, after: capture.gcTotals() };
}
