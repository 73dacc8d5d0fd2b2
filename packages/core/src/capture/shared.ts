import path from 'node:path';
import { MemscopeError } from '../errors.js';
import { mainContextGlobal, nodeRequire, processSingleton, runsFromBuild, runsInVmContext } from '../main-context.js';
import { fallbackNotice, selectCapture, type CaptureLoaders, type CaptureSelection } from './select.js';
import type { Capture } from './types.js';

/**
 * The process's one capture. Jest gives every test file its own module
 * registry and vm context, and GC accounting, sampling state and the notice
 * must still exist once; so the capture is built by a copy of this code that
 * Node itself loads (main context), never by a test file's copy, whose
 * closures would keep that file's whole environment alive for the rest of
 * the process (Jest's --detectLeaks reports exactly that).
 */
const CAPTURE_STATE_KEY = Symbol.for('memscope.capture.state');

interface CaptureState {
  selection: CaptureSelection | null;
}

/** Wraps the capture so that heap graphs get V8's line-end tables first (capture/snapshot/line-ends.ts). */
export type LineEndsPrimer = (capture: Capture) => Capture;

/** The shared capture, built with `loaders` by whichever caller comes first in the process. */
export function sharedCapture(loaders: CaptureLoaders, withLineEndsPrimed: LineEndsPrimer): Capture {
  const state = processSingleton<CaptureState>(CAPTURE_STATE_KEY, () => ({ selection: null }));
  if (!state.selection) {
    const selection = selectCapture(process.env.MEMSCOPE_CAPTURE, loaders);
    state.selection = { ...selection, capture: withLineEndsPrimed(selection.capture) };
    if (selection.nativeFailure !== null) process.stderr.write(fallbackNotice(selection.nativeFailure) + '\n');
  }
  return state.selection.capture;
}

type NativeModule = typeof import('./native.js');
type JsModule = typeof import('./js/js.js');
type LineEndsModule = typeof import('./snapshot/line-ends.js');

/**
 * Loaders that load only the capture chosen: the pure-JS one brings the
 * heap-snapshot parser and an inspector session, which a process on the
 * native path never needs. `require` is the build's (see built.ts).
 */
function loadersOnDemand(): CaptureLoaders {
  if (!runsFromBuild) {
    throw new MemscopeError('ERR_MEMSCOPE_USAGE', 'getSharedCapture loads the built capture (dist/capture/*.js); from the sources, use getCapture from capture/index.ts.');
  }
  return {
    loadNative: () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const native = require('./native.js') as NativeModule;
      return native.createNativeCapture(native.loadNativeBinding());
    },
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    createJs: () => (require('./js/js.js') as JsModule).createJsCapture(),
  };
}

interface SharedCaptureModule {
  getSharedCapture(): Capture;
}

/**
 * The process's one capture (the same object `getCapture` from capture/index
 * returns) for the per-test-file path, which loads no capture code until a
 * process first needs one. Once built, every test file reads it from the
 * main context's global.
 */
export function getSharedCapture(): Capture {
  const built = (mainContextGlobal()[CAPTURE_STATE_KEY] as CaptureState | undefined)?.selection;
  if (built) return built.capture;
  if (runsFromBuild && runsInVmContext()) {
    // A Jest test file: the main context's copy of this file builds it.
    const main = nodeRequire(__filename)?.(__filename) as SharedCaptureModule | undefined;
    if (main) return main.getSharedCapture();
  }
  return sharedCapture(loadersOnDemand(), primedOnFirstHeapGraph);
}

/**
 * line-ends loads node:inspector (~1 ms, not loaded in a Vitest worker), and
 * a Vitest worker with `isolate` builds a capture for every test file while
 * few ever take a heap graph: load it with the first one.
 */
function primedOnFirstHeapGraph(capture: Capture): Capture {
  let primed: Capture | null = null;
  return {
    ...capture,
    heapGraph() {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      primed ??= (require('./snapshot/line-ends.js') as LineEndsModule).withLineEndsPrimed(capture);
      return primed.heapGraph();
    },
  };
}
