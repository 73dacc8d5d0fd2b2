import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Capture } from '../../src/capture/types.js';
import { createFileRecorder } from '../../src/tasks/recorder.js';
import { whileMeasuring } from '../../src/tasks/storage.js';
import type { TaskNode } from '../../src/tasks/types.js';
import { asVerdictTask } from '../../src/tasks/verdict-task.js';
import { captureFactories as factories } from '../support/capture-factories.js';

// A verdict inside one of several tests that run at once takes the sampling
// profiler for itself (as the pure-JS path's survivor sampler and an
// explanation do) and makes thousands of calls. The tests beside it keep
// their own figures: allocated always, retained for what was filed before
// the verdict and after it, none for a test whose code ran while it did.

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;
const kept: unknown[] = [];
const array = () => new Array<number>(CHUNK / 8 - 6).fill(1);

async function keep(bytes: number, make: () => unknown): Promise<void> {
  let done = 0;
  for (let tick = 0; tick < 10; tick++) {
    await sleep(1);
    for (; done < (bytes * (tick + 1)) / 10; done += CHUNK) kept.push(make());
  }
}

function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

async function runBesideVerdict(capture: Capture): Promise<Map<string, TaskNode>> {
  const recorder = createFileRecorder({ rootDir: '/project', file: '/project/src/at-once.test.ts', capture });
  const started = signal();
  const done = signal();
  const garbage: unknown[] = [];
  const bodies: Record<string, () => Promise<void>> = {
    // 24 MB of calls, none of them kept, on a profile of its own.
    verdict: async () => {
      await sleep(2);
      await whileMeasuring(() => asVerdictTask('toLeak', async () => {
        capture.startSampling(1024);
        started.fire();
        for (let round = 0; round < 12; round++) {
          await sleep(2);
          for (let call = 0; call < 32; call++) garbage[call] = array();
        }
        capture.stopSampling();
        return 384;
      }, (calls) => calls));
      garbage.length = 0;
      done.fire();
    },
    'keeps 4 MB before': async () => {
      for (let done = 0; done < 4 * MB; done += CHUNK) kept.push(array());
      await done.promise;
    },
    'keeps 2 MB of Buffers beside': async () => {
      await started.promise;
      await keep(2 * MB, () => Buffer.alloc(CHUNK));
    },
    'keeps 1 MB after': async () => {
      await done.promise;
      await keep(MB, array);
    },
  };
  const nodes = await Promise.all(Object.entries(bodies).map(async ([name, body]) => {
    const scope = recorder.enter('test', [name]);
    recorder.attributeConcurrently(scope);
    await recorder.runInTask(scope, body);
    return recorder.exit('passed', undefined, scope);
  }));
  await recorder.finish();
  kept.length = 0;
  return new Map(nodes.map((node) => [node.name, node]));
}

describe.each(factories)('%s capture: a verdict in one of the tests that run at once', (_name, factory) => {
  it('keeps the others attributed: allocated for all, retained where the profile saw it', async () => {
    const tests = await runBesideVerdict(await factory());
    const figures = (name: string) => tests.get(name)!.figures;
    for (const name of tests.keys()) expect(figures(name).allocated?.source, name).toBe('sampled');
    // The verdict's calls are its task's, not its test's.
    expect(figures('verdict').allocated!.value).toBeLessThan(2 * MB);
    expect(figures('keeps 4 MB before').retained!.value).toBeGreaterThan(4 * MB * 0.9);
    expect(figures('keeps 4 MB before').retained!.value).toBeLessThan(4 * MB * 1.1 + 256 * 1024);
    expect(figures('keeps 1 MB after').retained!.value).toBeGreaterThan(MB * 0.8);
    expect(figures('keeps 1 MB after').retained!.value).toBeLessThan(MB * 1.2 + 256 * 1024);
    // Its code ran while the verdict had the profiler: no heap retained, its Buffers still counted.
    expect(figures('keeps 2 MB of Buffers beside').retained?.source).not.toBe('sampled');
    expect(figures('keeps 2 MB of Buffers beside').external).toEqual({ value: 2 * MB, source: 'sampled', intervalBytes: 8192 });
    expect(figures('keeps 2 MB of Buffers beside').allocated!.value).toBeGreaterThan(2 * MB);
  }, 30_000);
});
