import { describe, expect, it } from 'vitest';
import { getCapture } from '../../src/capture/index.js';
import type { Capture } from '../../src/capture/types.js';
import { warmScreeningCode } from '../../src/verdict/warm-machinery.js';

describe('warming the screening code before the first verdict', () => {
  it('runs the screens dry: no collection, no heap walk, no handle left, once per module', async () => {
    const real = getCapture();
    const costly = { gc: 0, settle: 0, markIds: 0, heapGraph: 0 };
    const exact = real.exact && { ...real.exact, settle: () => void costly.settle++, markIds: () => ++costly.markIds };
    const counting = Object.assign(Object.create(real) as Capture, { exact });
    counting.gc = () => void costly.gc++;
    counting.heapGraph = () => {
      costly.heapGraph++;
      return real.heapGraph();
    };
    let reads = 0;
    counting.heapFigures = () => (reads++, real.heapFigures());
    const resourcesBefore = process.getActiveResourcesInfo().length;
    await warmScreeningCode(counting);
    // The screens ran: dozens of readings, through the capture's own readers.
    expect(reads).toBeGreaterThan(40);
    expect(costly).toEqual({ gc: 0, settle: 0, markIds: 0, heapGraph: 0 });
    expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(resourcesBefore);
    // Once per copy of the module: a second call reads nothing.
    reads = 0;
    await warmScreeningCode(counting);
    expect(reads).toBe(0);
  });
});
