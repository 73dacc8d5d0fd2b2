import { describe, expect, it } from 'vitest';
import { createJsCapture } from '../../src/capture/js/js.js';
import { createNativeCapture, loadNativeBinding } from '../../src/capture/native.js';
import type { Capture } from '../../src/capture/types.js';
import { isMemscopeError } from '../../src/errors.js';
import { recordFileName } from '../../src/tasks/records.js';
import { newRecorder, testCapture } from './helpers.js';

/** A capture that counts its dear and cheap reads. */
function countingCapture(): { capture: Capture; reads: { full: number; quick: number } } {
  const inner = createJsCapture();
  const reads = { full: 0, quick: 0 };
  const capture: Capture = {
    ...inner,
    heapFigures: () => {
      reads.full++;
      return inner.heapFigures();
    },
    quickHeap: () => {
      reads.quick++;
      return inner.quickHeap();
    },
  };
  return { capture, reads };
}

describe('quick readings at test boundaries', () => {
  it('reads arrayBuffers and malloc at the file boundaries only in sampled mode', async () => {
    const { capture, reads } = countingCapture();
    const recorder = newRecorder({ capture });
    for (let i = 0; i < 3; i++) await recorder.runTask('test', [`t${i}`], () => new ArrayBuffer(1024));
    const record = await recorder.finish();
    expect(reads).toEqual({ full: 2, quick: 6 });
    const [file, ...tests] = record.tasks;
    expect(file!.figures.arrayBuffers?.source).toBe('measured');
    for (const test of tests) {
      expect(test.figures.arrayBuffers).toBeUndefined();
      expect(test.figures.malloc).toBeUndefined();
      expect(test.figures.heapAfter?.value).toBeGreaterThan(0);
      expect(test.figures.external?.source).toBe('measured');
      expect(test.figures.gcCount?.source).toBe('measured');
    }
  });

  it("reads them at every boundary with nativeFigures: 'every-task', and in settled mode", async () => {
    for (const options of [{ nativeFigures: 'every-task' as const }, { mode: 'settled' as const }]) {
      const { capture, reads } = countingCapture();
      const recorder = newRecorder({ capture, ...options });
      await recorder.runTask('test', ['t'], () => new ArrayBuffer(64 * 1024));
      const record = await recorder.finish();
      // file start, test start, test end, file end (settled mode's own GCs read only heapUsed).
      expect(reads.full).toBe(4);
      expect(record.tasks[1]!.figures.arrayBuffers?.value).toBeGreaterThanOrEqual(0);
    }
  });

  it('rejects an unknown nativeFigures value, naming it', () => {
    let caught: unknown;
    try {
      newRecorder({ nativeFigures: 'always' as never });
    } catch (error) {
      caught = error;
    }
    expect(isMemscopeError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/nativeFigures must be 'file' or 'every-task', received "always"/);
  });

  it.each([
    ['js', () => testCapture()],
    ['native', () => createNativeCapture(loadNativeBinding())],
  ])('quickHeap agrees with heapFigures on the %s capture', (_path, make) => {
    const capture = make();
    const full = capture.heapFigures();
    const quick = capture.quickHeap();
    expect(Math.abs(quick.heapUsed - full.heapUsed)).toBeLessThan(1024 * 1024);
    expect(quick.heapTotal).toBeGreaterThanOrEqual(quick.heapUsed);
    expect(quick.external).toBeGreaterThan(0);
  });
});

describe('record file names', () => {
  it('keep an 8-hex-digit hash that tells apart paths that read alike, stable across calls', () => {
    expect(recordFileName('src/a.test.ts')).toBe(recordFileName('src/a.test.ts'));
    const names = new Set(['src/a_b.ts', 'src/a/b.ts', 'src/a b.ts', 'src\\a\\b.ts'].map(recordFileName));
    expect(names.size).toBe(4);
    expect(recordFileName('src/a/b.ts')).toMatch(/^src_a_b\.ts\.[0-9a-f]{8}\.memscope\.json$/);
  });
});
