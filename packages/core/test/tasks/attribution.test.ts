import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Capture } from '../../src/capture/types.js';
import { createFileRecorder } from '../../src/tasks/recorder.js';
import type { TaskNode } from '../../src/tasks/types.js';
import { captureFactories as factories, createNative } from '../support/capture-factories.js';

// Three tests at once through the recorder, on both capture paths: each is
// charged what it allocated and kept, its Buffers' bytes included; a test
// that runs alone keeps its measured figures. The end-to-end suites
// (test/vitest/attribution.test.ts, test/jest/attribution.test.ts) check the
// same through the runners.

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;
const kept: unknown[] = [];

async function keep(bytes: number, make: () => unknown): Promise<void> {
  let done = 0;
  for (let tick = 0; tick < 20; tick++) {
    await sleep(1);
    for (; done < (bytes * (tick + 1)) / 20; done += CHUNK) kept.push(make());
  }
}
const buffer = () => Buffer.alloc(CHUNK);
const array = () => new Array<number>(CHUNK / 8 - 6).fill(1);

type Recorder = ReturnType<typeof createFileRecorder>;

/** The recorder of one test file whose tests run at once. */
const atOnceRecorder = (capture: Capture): Recorder => createFileRecorder({ rootDir: '/project', file: '/project/src/at-once.test.ts', capture });

/** Enters a test that runs beside others (attributed by its async scope), runs `work` in it, and resolves to its scope, not yet ended. */
async function concurrentTest(recorder: Recorder, name: string, work: () => Promise<unknown>) {
  const scope = recorder.enter('test', [name]);
  recorder.attributeConcurrently(scope);
  await recorder.runInTask(scope, work);
  return scope;
}

async function runConcurrently(capture: Capture, make: () => unknown): Promise<Map<string, TaskNode>> {
  const recorder = atOnceRecorder(capture);
  const sizes: Record<string, number> = { large: 8 * MB, small: 640 * 1024, none: 0 };
  const nodes = await Promise.all(Object.entries(sizes).map(async ([name, bytes]) => {
    const scope = await concurrentTest(recorder, name, () => keep(bytes, make));
    return recorder.exit('passed', undefined, scope);
  }));
  const alone = recorder.enter('test', ['alone']);
  nodes.push(await recorder.exit('passed', undefined, alone));
  await recorder.finish();
  kept.length = 0;
  return new Map(nodes.map((node) => [node.name, node]));
}

describe.each(factories)('%s capture: tests that run at once', (_name, factory) => {
  it('charges each its own Buffers: allocated, retained and external', async () => {
    const tests = await runConcurrently(await factory(), buffer);
    const figures = (name: string) => tests.get(name)!.figures;
    expect(figures('large').external).toEqual({ value: 8 * MB, source: 'sampled', intervalBytes: 8192 });
    expect(figures('small').external?.value).toBe(640 * 1024);
    expect(figures('none').external?.value).toBe(0);
    expect(figures('large').retained?.value).toBeGreaterThan(8 * MB);
    expect(figures('large').retained?.value).toBeLessThan(8.5 * MB);
    expect(figures('large').allocated?.value).toBeGreaterThan(8 * MB);
    expect(figures('none').allocated?.value).toBeLessThan(MB / 2);
  }, 30_000);

  it('charges each its own JS arrays: retained from the sampled heap', async () => {
    const tests = await runConcurrently(await factory(), array);
    const retained = (name: string) => tests.get(name)!.figures.retained!;
    expect(retained('large').source).toBe('sampled');
    expect(retained('large').value).toBeGreaterThan(8 * MB * 0.9);
    expect(retained('large').value).toBeLessThan(8 * MB * 1.1);
    expect(retained('small').value).toBeGreaterThan(640 * 1024 * 0.8);
    expect(retained('small').value).toBeLessThan(640 * 1024 * 1.2 + 256 * 1024);
    // Typically 60–120 KB (a few samples of the recorder's own small objects,
    // each standing for ~8 KB). One run in CI read 424 KB: part of one of
    // large's 410 KB ticks filed under this test, not reproduced in 80 runs
    // under load since. A marker the profiler skips would do that (its stretch
    // is now left unowned, attribution-markers.test.ts); the bound keeps room
    // for one such tick, far below the other tests' figures.
    expect(retained('none').value).toBeLessThan(512 * 1024);
    expect(tests.get('alone')!.figures.allocated?.source).toBe('measured');
    expect(tests.get('alone')!.figures.retained).toBeUndefined();
  }, 30_000);
});

/** Makes `bytes` of Buffers over 20 ticks and keeps one in `keepOneIn`: the rest is garbage no full GC may have seen. */
async function churn(bytes: number, keepOneIn: number): Promise<void> {
  let made = 0;
  for (let tick = 0; tick < 20; tick++) {
    await sleep(1);
    for (; made < (bytes * (tick + 1)) / 20; made += CHUNK) {
      const chunk = Buffer.alloc(CHUNK);
      if ((made / CHUNK) % keepOneIn === 0) kept.push(chunk);
    }
  }
}

/** The capture, counting the GCs forced through it and the sample reads. */
function counting(capture: Capture): { capture: Capture; gcs: string[]; reads: () => number } {
  const gcs: string[] = [];
  let reads = 0;
  const counted: Capture = {
    ...capture,
    gc(mode = 'fast') {
      gcs.push(mode);
      capture.gc(mode);
    },
    readSampleSizes() {
      reads++;
      return capture.readSampleSizes();
    },
  };
  return { capture: counted, gcs, reads: () => reads };
}

describe.each(factories)('%s capture: tests that end together', (path, factory) => {
  it('share one GC and one read, and each still gets its own retained', async () => {
    const { capture, gcs, reads } = counting(await factory());
    const recorder = atOnceRecorder(capture);
    const sizes: Record<string, number> = { large: 4 * MB, small: 640 * 1024, none: 0 };
    const scopes = await Promise.all(Object.entries(sizes).map(([name, bytes]) => concurrentTest(recorder, name, () => keep(bytes, array))));
    const [gcsBefore, readsBefore] = [gcs.length, reads()];
    // Ended in one synchronous stretch: one turn of the event loop.
    const nodes = await Promise.all(scopes.map((scope) => recorder.exit('passed', undefined, scope)));
    await recorder.finish();
    kept.length = 0;
    // Native: a scavenge between a read that files the samples and one that lists the survivors; pure JS: one read, which collects first.
    expect(gcs.slice(gcsBefore)).toEqual(path === 'native' ? ['young'] : []);
    expect(reads() - readsBefore).toBe(path === 'native' ? 2 : 1);
    const retained = new Map(nodes.map((node) => [node.name, node.figures.retained!.value]));
    expect(retained.get('large')).toBeGreaterThan(4 * MB * 0.9);
    expect(retained.get('large')).toBeLessThan(4 * MB * 1.1);
    expect(retained.get('small')).toBeGreaterThan(640 * 1024 * 0.8);
    expect(retained.get('small')).toBeLessThan(640 * 1024 * 1.2 + 256 * 1024);
    expect(retained.get('none')).toBeLessThan(512 * 1024);
  }, 30_000);

  it('charges a test the Buffers it still holds, not those it dropped, though no full GC ran since', async () => {
    const { capture, gcs } = counting(await factory());
    const recorder = atOnceRecorder(capture);
    const cases: Array<[string, number, number]> = [['churns', 10 * 640 * 1024, 640 * 1024], ['keeps', 640 * 1024, 640 * 1024]];
    const nodes = await Promise.all(cases.map(async ([name, made, held]) => {
      const scope = await concurrentTest(recorder, name, () => churn(made, made / held));
      return recorder.exit('passed', undefined, scope);
    }));
    await recorder.finish();
    kept.length = 0;
    for (const node of nodes) {
      expect(node.figures.external?.value, node.name).toBe(640 * 1024);
      expect(node.figures.retained?.value, node.name).toBeGreaterThanOrEqual(640 * 1024);
      expect(node.figures.retained?.value, node.name).toBeLessThan(640 * 1024 * 1.2 + 256 * 1024);
    }
    expect(nodes[0]!.figures.allocated?.value).toBeGreaterThan(10 * 640 * 1024);
    // Native: the Buffers no full GC had seen get one (a scavenge clears no WeakRef).
    if (path === 'native') expect(gcs).toContain('fast');
  }, 30_000);
});

// Attribution reads sizes and ids only, so its profile keeps one frame per
// sample (each sample walks that many): the native capture takes the depth.
const nativeOnly = process.env.MEMSCOPE_CAPTURE === 'js' ? [] : [['native']];
describe.each(nativeOnly)('%s capture: the stack depth of a sampling profile', () => {
  it('keeps at most the frames asked for, and names a bad depth', async () => {
    const capture = await createNative();
    capture.startSampling(4096, 1);
    try {
      kept.push(Array.from({ length: 20_000 }, (_, i) => ({ i })));
      const samples = capture.readSampling();
      expect(samples.length).toBeGreaterThan(10);
      expect(Math.max(...samples.map((sample) => sample.stack.length))).toBeLessThanOrEqual(1);
    } finally {
      capture.stopSampling();
      kept.length = 0;
    }
    expect(() => capture.startSampling(4096, 0)).toThrow(/startSampling\(intervalBytes, stackDepth\)/);
  });
});
