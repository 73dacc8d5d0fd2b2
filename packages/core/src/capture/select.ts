import { MemscopeError } from '../errors.js';
import type { Capture } from './types.js';

/** How to build each capture; injected so tests can run every branch. */
export interface CaptureLoaders {
  /** Loads the addon and wraps it; throws an Error saying why it cannot. */
  loadNative(): Capture;
  createJs(): Capture;
}

export interface CaptureSelection {
  capture: Capture;
  /** Why the native capture is not in use, when it was wanted but failed; null otherwise. */
  nativeFailure: string | null;
}

const ENV_NAME = 'MEMSCOPE_CAPTURE';

export function fallbackNotice(reason: string): string {
  return (
    `memscope: the native addon @memscope/native did not load (${reason}); ` +
    'using the pure-JS capture instead (slower heap graphs, no malloc figures). ' +
    'To build the addon from source for this Node run `npx memscope build-native` (needs Python and a C++ ' +
    'toolchain for node-gyp); `npx memscope doctor` shows the details. ' +
    `Set ${ENV_NAME}=js to choose the pure-JS capture and silence this notice.`
  );
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/**
 * Picks the capture path: `MEMSCOPE_CAPTURE=native|js` forces one; unset, the
 * addon is preferred and the pure-JS twin is the fallback that always works.
 */
export function selectCapture(forced: string | undefined, loaders: CaptureLoaders): CaptureSelection {
  const wanted = forced === undefined || forced === '' ? 'auto' : forced;
  if (wanted !== 'auto' && wanted !== 'native' && wanted !== 'js') {
    throw new MemscopeError(
      'ERR_MEMSCOPE_INVALID_OPTION',
      `${ENV_NAME} must be "native" or "js" (or unset), received ${JSON.stringify(forced)}`,
    );
  }
  if (wanted === 'js') return { capture: loaders.createJs(), nativeFailure: null };
  try {
    return { capture: loaders.loadNative(), nativeFailure: null };
  } catch (error) {
    const reason = describeFailure(error);
    if (wanted === 'native') {
      throw new MemscopeError(
        'ERR_MEMSCOPE_CAPTURE_UNAVAILABLE',
        `${ENV_NAME}=native, but the native addon @memscope/native did not load: ${reason}. ` +
          'Build it from source with `npx memscope build-native`, or unset the variable to use the pure-JS capture.',
        { cause: error },
      );
    }
    return { capture: loaders.createJs(), nativeFailure: reason };
  }
}
