import vm from 'node:vm';
import { createJsCapture } from './js.js';
import { createNativeCapture, loadNativeBinding } from './native.js';
import { fallbackNotice, selectCapture, type CaptureSelection } from './select.js';
import type { Capture } from './types.js';

export { settle } from './settle.js';
export { assertSnapshotFits, measureSnapshotFit, type SnapshotFit } from './snapshot-guard.js';

/**
 * The process's one capture. It lives on the main context's global under a
 * registry symbol, not in this module: Jest gives every test file its own
 * module registry and its own vm context (so its own `globalThis`), and GC
 * accounting, sampling state and the notice must still exist once.
 */
const STATE_KEY = Symbol.for('memscope.capture.state');

interface CaptureState {
  selection: CaptureSelection;
}

let mainGlobal: Record<symbol, CaptureState | undefined> | null = null;

function processGlobal(): Record<symbol, CaptureState | undefined> {
  // runInThisContext evaluates in the main context even when called from a vm context.
  mainGlobal ??= vm.runInThisContext('globalThis') as Record<symbol, CaptureState | undefined>;
  return mainGlobal;
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
  const global = processGlobal();
  let state = global[STATE_KEY];
  if (!state) {
    const selection = selectCapture(process.env.MEMSCOPE_CAPTURE, defaultLoaders);
    state = { selection };
    global[STATE_KEY] = state;
    if (selection.nativeFailure !== null) process.stderr.write(fallbackNotice(selection.nativeFailure) + '\n');
  }
  return state.selection.capture;
}
