import { nodeRequire, runsInVmContext } from '../main-context.js';
import { createJsCapture } from './js/js.js';
import { withLineEndsPrimed } from './snapshot/line-ends.js';
import { createNativeCapture, loadNativeBinding } from './native.js';
import { sharedCapture } from './shared.js';
import type { Capture } from './types.js';

export { settle } from './settle.js';
export { assertSnapshotFits, measureSnapshotFit, type SnapshotFit } from './snapshot/snapshot-guard.js';
export { endBySignalIfUnhandled, sweepStaleSnapshotDirs } from './snapshot/snapshot-temp.js';

interface CaptureModule {
  getCapture(): Capture;
}

/** This file as loaded by Node's own require (main context, once per process); null when this copy is that one. */
function mainContextCopy(): CaptureModule | null {
  if (!runsInVmContext() || typeof __filename !== 'string' || !__filename.endsWith('.js')) return null;
  const copy = nodeRequire(__filename)?.(__filename) as CaptureModule | undefined;
  return copy ?? null;
}

export const defaultLoaders = {
  loadNative: () => createNativeCapture(loadNativeBinding()),
  createJs: createJsCapture,
};

/**
 * The shared capture: the native addon when it loads, else the pure-JS twin
 * (with one notice on stderr saying why). `MEMSCOPE_CAPTURE=native|js`
 * forces a path.
 *
 * @example
 * const capture = getCapture();
 * await settle(capture);
 * console.log(capture.path, capture.heapFigures().heapUsed);
 */
export function getCapture(): Capture {
  const main = mainContextCopy();
  if (main) return main.getCapture();
  return sharedCapture(defaultLoaders, withLineEndsPrimed);
}
