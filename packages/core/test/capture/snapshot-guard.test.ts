import { describe, expect, it } from 'vitest';
import { createJsCapture } from '../../src/capture/js/js.js';
import { assertSnapshotFits, measureSnapshotFit } from '../../src/capture/snapshot/snapshot-guard.js';
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
    expect((caught as Error).message).toMatch(/heap snapshot of 67108864 MB of heap needs about 671088640 MB of memory outside the V8 heap, and \d+ MB is available/);
  });

  it('asks the pure-JS path for more headroom under the V8 heap limit than the native one', () => {
    const mb = 1024 ** 2;
    expect(measureSnapshotFit(captureWithHeap('js', 100 * mb, 120 * mb)).fits).toBe(false);
    expect(measureSnapshotFit(captureWithHeap('js', 250 * mb, 400 * mb)).fits).toBe(false);
    expect(measureSnapshotFit(captureWithHeap('native', 250 * mb, 400 * mb)).fits).toBe(true);
  });

  it('refuses under a small heap limit (--max-old-space-size=64: 117 MB with the young generation), naming needed and left', () => {
    const mb = 1024 ** 2;
    const fit = measureSnapshotFit(captureWithHeap('native', 55 * mb, 117 * mb));
    expect(fit.fits).toBe(false);
    expect(fit.heapRoom).toBeLessThan(fit.heapHeadroomNeeded);
    expect(() => assertSnapshotFits(captureWithHeap('native', 55 * mb, 117 * mb))).toThrow(
      /needs about 14 MB of room in the V8 heap, and 9 MB is left \(55 MB used of a 117 MB limit, young generation included\)/,
    );
    expect(measureSnapshotFit(captureWithHeap('native', 30 * mb, 117 * mb)).fits).toBe(true);
  });
});
