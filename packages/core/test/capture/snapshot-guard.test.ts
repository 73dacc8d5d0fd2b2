import { describe, expect, it } from 'vitest';
import { createJsCapture } from '../../src/capture/js.js';
import { assertSnapshotFits, measureSnapshotFit } from '../../src/capture/snapshot-guard.js';
import type { Capture, HeapFigures } from '../../src/capture/types.js';
import { isMemscopeError } from '../../src/errors.js';

function captureWithHeap(path: 'native' | 'js', heapUsed: number, heapLimit: number): Capture {
  const figures: HeapFigures = {
    heapUsed, heapTotal: heapUsed, heapLimit, external: 0, arrayBuffers: 0, malloc: null, nativeContexts: 1, detachedContexts: 0,
  };
  return { path, heapFigures: () => figures } as Capture;
}

describe('snapshot guard', () => {
  it('lets a snapshot of this small test heap through', () => {
    const fit = assertSnapshotFits(createJsCapture());
    expect(fit.fits).toBe(true);
    expect(fit.estimatedBytes).toBeGreaterThan(fit.heapUsed);
    expect(fit.availableBytes).toBeGreaterThan(0);
  });

  it('refuses a heap whose snapshot would not fit in memory, with the figures', () => {
    const huge = 64 * 1024 ** 4;
    let caught: unknown;
    try {
      assertSnapshotFits(captureWithHeap('native', huge, huge * 2));
    } catch (error) {
      caught = error;
    }
    expect(isMemscopeError(caught) && caught.code).toBe('ERR_MEMSCOPE_SNAPSHOT_TOO_LARGE');
    expect((caught as Error).message).toMatch(/heap snapshot of 67108864 MB of heap needs about 671088640 MB .* MB is available/);
  });

  it('asks the pure-JS path for headroom under the V8 heap limit', () => {
    const mb = 1024 ** 2;
    expect(measureSnapshotFit(captureWithHeap('js', 100 * mb, 120 * mb)).fits).toBe(false);
    expect(measureSnapshotFit(captureWithHeap('native', 100 * mb, 120 * mb)).fits).toBe(true);
  });
});
