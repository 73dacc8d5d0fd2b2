import { describe, expect, it, vi } from 'vitest';
import { fallbackNotice, selectCapture, type CaptureLoaders } from '../../src/capture/select.js';
import type { Capture } from '../../src/capture/types.js';
import { isMemscopeError } from '../../src/errors.js';

const fakeCapture = (path: 'native' | 'js'): Capture => ({ path }) as Capture;

function loaders(nativeError?: Error): CaptureLoaders & { loadNative: ReturnType<typeof vi.fn> } {
  return {
    loadNative: vi.fn(() => {
      if (nativeError) throw nativeError;
      return fakeCapture('native');
    }),
    createJs: () => fakeCapture('js'),
  };
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('selectCapture', () => {
  it('prefers the native capture when it loads', () => {
    expect(selectCapture(undefined, loaders())).toEqual({ capture: fakeCapture('native'), nativeFailure: null });
  });

  it('falls back to the pure-JS capture and says why', () => {
    const selection = selectCapture('', loaders(new Error('built for NODE_MODULE_VERSION 108\nmore detail')));
    expect(selection.capture.path).toBe('js');
    expect(selection.nativeFailure).toBe('built for NODE_MODULE_VERSION 108');
  });

  it('does not touch the addon when MEMSCOPE_CAPTURE=js', () => {
    const fake = loaders();
    expect(selectCapture('js', fake).capture.path).toBe('js');
    expect(fake.loadNative).not.toHaveBeenCalled();
  });

  it('fails clearly when MEMSCOPE_CAPTURE=native cannot load', () => {
    const error = thrown(() => selectCapture('native', loaders(new Error('no such file memscope.node'))));
    expect(isMemscopeError(error) && error.code).toBe('ERR_MEMSCOPE_CAPTURE_UNAVAILABLE');
    expect((error as Error).message).toMatch(/MEMSCOPE_CAPTURE=native.*no such file memscope\.node.*npx memscope build-native/);
  });

  it('rejects an unknown MEMSCOPE_CAPTURE value, naming the variable', () => {
    const error = thrown(() => selectCapture('wasm', loaders()));
    expect(isMemscopeError(error) && error.code).toBe('ERR_MEMSCOPE_INVALID_OPTION');
    expect((error as Error).message).toBe('MEMSCOPE_CAPTURE must be "native" or "js" (or unset), received "wasm"');
  });

  it('writes a notice that gives the reason and the way to rebuild', () => {
    const notice = fallbackNotice('compiled against Node v18');
    expect(notice).toContain('(compiled against Node v18)');
    expect(notice).toContain('npx memscope build-native');
    expect(notice).toContain('MEMSCOPE_CAPTURE=js');
  });
});
