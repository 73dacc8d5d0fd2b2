import { describe, expect, it } from 'vitest';
import { createJsCapture } from '../../src/capture/js/js.js';
import { splitSampleSize } from '../../src/capture/js/js-sampling.js';
import { isMemscopeError } from '../../src/errors.js';
import { nodeIndexById } from './graph-helpers.js';

const capture = createJsCapture();

describe('pure-JS capture specifics', () => {
  it('needs no --expose-gc and leaves no gc global behind', () => {
    expect(process.execArgv.join(' ')).not.toContain('expose-gc');
    capture.gc();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });

  it('reports malloc as unknown rather than guessing', () => {
    expect(capture.heapFigures().malloc).toBeNull();
  });

  it('answers 0 for an object created after the last snapshot, then its id once a snapshot saw it', () => {
    capture.heapGraph();
    const fresh = { fresh: true };
    expect(capture.objectId(fresh)).toBe(0);
    const graph = capture.heapGraph();
    const id = capture.objectId(fresh);
    expect(id).toBeGreaterThan(0);
    expect(nodeIndexById(graph, id)).toBeGreaterThan(0);
  });

  it('leaves no probe global and no remote object holding the value', async () => {
    let value: object | null = { probed: true };
    const ref = new WeakRef(value);
    capture.objectId(value);
    value = null;
    expect(Object.keys(globalThis).filter((key) => key.startsWith('__memscope'))).toEqual([]);
    capture.gc();
    await new Promise((resolve) => setImmediate(resolve));
    capture.gc();
    expect(ref.deref()).toBeUndefined();
  });

  it('rejects a primitive with a MemscopeError naming what it got', () => {
    let caught: unknown;
    try {
      capture.objectId(42 as unknown as object);
    } catch (error) {
      caught = error;
    }
    expect(isMemscopeError(caught) && caught.code).toBe('ERR_MEMSCOPE_NOT_TRACKABLE');
    expect((caught as Error).message).toContain('number');
  });

  it('rejects a sampling interval that is not a positive number', () => {
    expect(() => capture.startSampling(0)).toThrow(/startSampling\(intervalBytes\) must be an integer from 1 to 1099511627776, received 0/);
  });
});

describe('splitSampleSize', () => {
  const scale = (size: number, interval: number): number => Math.round(1 / (1 - Math.exp(-size / interval)));

  // The inspector gives size × count only, so the split can be ambiguous
  // (1040 = 16 × 65 = 208 × 5); what must hold is a consistent, aligned pair.
  it.each([
    [16, 1024],
    [32, 1024],
    [864, 1024],
    [4096, 1024],
    [24, 32768],
    [56, 524288],
    [1_000_000, 524288],
  ])('splits the product for %i-byte objects sampled every %i bytes into a consistent pair', (size, interval) => {
    const product = size * scale(size, interval);
    const split = splitSampleSize(product, interval);
    expect(split.size * split.count).toBe(product);
    expect(scale(split.size, interval)).toBe(split.count);
    expect(split.size % 8).toBe(0);
  });

  it('recovers the sizes V8 reported for {i} objects and 100-element arrays', () => {
    // Observed on Node 20 with a 1024-byte interval: products 1056 and 1728.
    expect(splitSampleSize(1056, 1024)).toEqual({ size: 32, count: 33 });
    expect(splitSampleSize(1728, 1024)).toEqual({ size: 864, count: 2 });
  });
});
