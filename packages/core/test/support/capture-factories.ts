import { createJsCapture } from '../../src/capture/js/js.js';
import type { Capture } from '../../src/capture/types.js';

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
