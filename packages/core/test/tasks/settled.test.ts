import { describe, expect, it } from 'vitest';
import { newRecorder, testCapture } from './helpers.js';

const kept: unknown[] = [];

describe('settled mode', () => {
  it('reports retained bytes after a settled GC, and keeps memscope’s own GCs out of the test’s GC figures', async () => {
    const recorder = newRecorder({ mode: 'settled' });
    const retains = await recorder.runTask('test', ['retains'], () => {
      for (let i = 0; i < 20_000; i++) kept.push({ i, text: `entry ${i}` });
    });
    const node1 = recorder.toFileRecord().tasks.find((task) => task.name === 'retains')!;
    await recorder.runTask('test', ['drops'], () => {
      let garbage: unknown[] = [];
      for (let i = 0; i < 20_000; i++) garbage.push({ i, text: `entry ${i}` });
      garbage = [];
      return garbage;
    });
    const record = await recorder.finish();
    const node2 = record.tasks.find((task) => task.name === 'drops')!;
    expect(retains).toBeUndefined();
    expect(node1.figures.retained?.value).toBeGreaterThan(20_000 * 32);
    // Heap noise between settled GCs reaches ~200 KB here; what a test keeps stands well above it.
    expect(node2.figures.retained!.value).toBeLessThan(node1.figures.retained!.value / 2);
    expect(node2.figures.allocated!.value).toBeGreaterThan(20_000 * 32);
    // A test that allocates little sees no collection of its own, though memscope forced one after each test.
    const gcBefore = testCapture().gcTotals().count;
    const quiet = newRecorder({ mode: 'settled' });
    await quiet.runTask('test', ['quiet'], () => 1 + 1);
    const quietNode = (await quiet.finish()).tasks.find((task) => task.name === 'quiet')!;
    expect(testCapture().gcTotals().count).toBeGreaterThan(gcBefore);
    expect(quietNode.figures.gcCount?.value).toBe(0);
    expect(record.tasks[0]!.figures.retained?.source).toBe('measured');
    kept.length = 0;
  });

  it('leaves `retained` out in sampled mode and forces no GC', async () => {
    const recorder = newRecorder();
    const before = testCapture().gcTotals().count;
    await recorder.runTask('test', ['t'], () => undefined);
    const record = await recorder.finish();
    expect(testCapture().gcTotals().count).toBe(before);
    expect(record.tasks.every((task) => task.figures.retained === undefined)).toBe(true);
  });
});
