import { nodeRequire, processSingleton, runsInVmContext } from '../main-context.js';
import { createJsCapture } from './js.js';
import { withLineEndsPrimed } from './line-ends.js';
import { createNativeCapture, loadNativeBinding } from './native.js';
import { fallbackNotice, selectCapture, type CaptureSelection } from './select.js';
import type { Capture } from './types.js';

export { settle } from './settle.js';
export { assertSnapshotFits, measureSnapshotFit, type SnapshotFit } from './snapshot-guard.js';

/**
 * The process's one capture. Jest gives every test file its own module
 * registry and vm context, and GC accounting, sampling state and the notice
 * must still exist once; so the capture is built by the copy of this module
 * that Node itself loads (main context), never by a test file's copy, whose
 * closures would keep that file's whole environment alive for the rest of
 * the process (Jest's --detectLeaks reports exactly that).
 */
const STATE_KEY = Symbol.for('memscope.capture.state');

interface CaptureState {
  selection: CaptureSelection | null;
}

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
  const state = processSingleton<CaptureState>(STATE_KEY, () => ({ selection: null }));
  if (!state.selection) {
    const selection = selectCapture(process.env.MEMSCOPE_CAPTURE, defaultLoaders);
    state.selection = { ...selection, capture: withLineEndsPrimed(selection.capture) };
    if (selection.nativeFailure !== null) process.stderr.write(fallbackNotice(selection.nativeFailure) + '\n');
  }
  return state.selection.capture;
}
