import { describe, expect, it } from 'vitest';
import type { AllocationFrame, AllocationSample, Capture, HeapSpaceFigures } from '../../src/capture/types.js';
import { createJsCapture } from '../../src/capture/js/js.js';
import { CallRunner } from '../../src/verdict/calls/call-runner.js';
import { checkLeak } from '../../src/verdict/check-leak.js';
import { HandleTracker } from '../../src/verdict/handles/handle-tracker.js';
import { SurvivorSampler, allocatedByUser, startAffordableSampler } from '../../src/verdict/screen/survivor-sampler.js';
import { screenInWindows } from '../../src/verdict/screen/windows.js';

const frame = (url: string, functionName = 'f'): AllocationFrame => ({ functionName, url, line: 1, column: 1 });
const USER = frame('/home/app/src/session-store.js', 'remember');
const MEMSCOPE = frame('/home/app/node_modules/@memscope/core/dist/verdict/handle-tracker.js', 'init');

describe('allocatedByUser', () => {
  it('counts what the user code allocates, and what Node allocates for it', () => {
    expect(allocatedByUser([USER])).toBe(true);
    expect(allocatedByUser([frame('node:events', '_addListener'), frame(''), USER])).toBe(true);
  });

  it("does not count memscope's own allocations made under the user's frames", () => {
    // An async hook runs inside setTimeout, which the user called.
    expect(allocatedByUser([MEMSCOPE, frame('node:internal/async_hooks', 'emitInit'), frame('node:timers'), USER])).toBe(false);
  });

  it('does not count allocations with no code of anyone but the runtime', () => {
    expect(allocatedByUser([frame('node:internal/timers', 'processImmediate'), frame('', '(root)')])).toBe(false);
    expect(allocatedByUser([])).toBe(false);
  });
});

describe('startAffordableSampler', () => {
  /** A capture whose sampling profiler makes the function `slowdownAt(interval)` times slower. */
  function timedCapture(slowdownAt: (interval: number) => number) {
    const state = { interval: 0, started: [] as number[], stopped: 0 };
    const capture = {
      path: 'js',
      startSampling: (interval: number) => {
        state.interval = interval;
        state.started.push(interval);
      },
      stopSampling: () => {
        state.interval = 0;
        state.stopped++;
      },
      readSampling: () => [],
    } as unknown as Capture;
    // Work of a fixed CPU cost, as real work is: a busy machine may set the
    // process aside during it, which stretches its wall time, not its cost.
    const fn = () => {
      const cpuMs = 0.2 * (state.interval ? slowdownAt(state.interval) : 1);
      const start = process.cpuUsage();
      for (;;) {
        const used = process.cpuUsage(start);
        if ((used.user + used.system) / 1000 >= cpuMs) break;
      }
    };
    return { capture, fn, state };
  }

  it('keeps the finest interval when sampling costs the function little', async () => {
    const { capture, fn, state } = timedCapture(() => 1.05);
    const sampler = await startAffordableSampler(capture, new CallRunner(fn, 1000), 0.2);
    expect(sampler.intervalBytes).toBe(256);
    expect(state.interval).toBe(256);
    sampler.stop();
    expect(state.stopped).toBe(1);
  });

  it('goes coarser until the function runs at most twice as slow, and leaves one profiler running', async () => {
    // As measured for a function building 2000 small objects a call.
    const { capture, fn, state } = timedCapture((interval) => (interval <= 256 ? 32 : interval <= 1024 ? 8 : 1.5));
    const sampler = await startAffordableSampler(capture, new CallRunner(fn, 1000), 0.2);
    expect(sampler.intervalBytes).toBe(4096);
    expect(state.started).toEqual([256, 1024, 4096]);
    expect(state.stopped).toBe(2);
    expect(state.interval).toBe(4096);
  });

  it('stops the profiler when the function throws while it is timed', async () => {
    const { capture, state } = timedCapture(() => 1);
    let calls = 0;
    const runner = new CallRunner(() => {
      if (++calls > 60) throw new Error('boom');
    }, 1000);
    await expect(startAffordableSampler(capture, runner, 0.2)).rejects.toThrow();
    expect(state.interval).toBe(0);
  });
});

/**
 * A capture without exact readings whose heap use never moves (V8 at its
 * worst after a plain collection: survivors land in space already counted)
 * and whose sampling profiler reports what the function keeps, as the user's
 * samples or as memscope's.
 */
function hidingJsCapture(bytesPerCall: number, owner: AllocationFrame) {
  const kept: AllocationSample[] = [];
  const spaces = (): HeapSpaceFigures[] => [{ name: 'old_space', size: 8e6, used: 8e6, available: 0, physical: 8e6 }];
  const capture = {
    path: 'js',
    gc: () => {},
    heapFigures: () => ({ heapUsed: 8e6, heapTotal: 8e6, heapLimit: 4e9, external: 0, arrayBuffers: 0, malloc: null }),
    heapSpaces: spaces,
    gcTotals: () => ({ count: 0, timeMs: 0, freedBytes: 0, youngFreedBytes: 0 }),
    startSampling: () => {},
    readSampling: () => kept,
    stopSampling: () => {},
  } as unknown as Capture;
  const fn = () => {
    kept.push({ size: bytesPerCall, count: 1, stack: [owner, frame('node:internal/timers')] });
  };
  return { capture, fn };
}

async function screenSampled(capture: Capture, fn: () => void) {
  const sampler = new SurvivorSampler(capture, 256);
  const input = { capture, runner: new CallRunner(fn, 1000), tracker: new HandleTracker(), gcMode: 'fast' as const, callsPerRound: 60, rounds: 12, maxRounds: 24, threshold: 8, earlyStop: true, sampler };
  sampler.start();
  try {
    return (await screenInWindows(input, 6, false)).result;
  } finally {
    sampler.stop();
  }
}

describe('sampled rounds on a capture without exact readings', () => {
  it("see a slow function's small leak that heap use hides", async () => {
    const { capture, fn } = hidingJsCapture(40, USER);
    const result = await screenSampled(capture, fn);
    expect(result.judgements.get('heapUsed')!.call).toBe('flat');
    const sampled = result.judgements.get('sampledSurvivors')!;
    expect(sampled.call).toBe('grows');
    expect(sampled.theilSenPerRound / 60).toBeCloseTo(40, 0);
  });

  it("read flat when what grows is memscope's own", async () => {
    const { capture, fn } = hidingJsCapture(40, MEMSCOPE);
    const result = await screenSampled(capture, fn);
    expect(result.judgements.get('sampledSurvivors')!.call).toBe('flat');
  });
});

describe('checkLeak on the pure-JS capture', () => {
  const capture = createJsCapture();
  const spin = (ms: number) => {
    const until = performance.now() + ms;
    while (performance.now() < until);
  };

  // A 0.5 ms function keeping one small object a call: 60 calls a round,
  // about 2.4 KB a round, which V8's heap use after a collection often hides.
  it.each([1, 2])('finds a slow function keeping ~40 B a call (run %i)', async () => {
    const kept: object[] = [];
    const result = await checkLeak(() => { spin(0.5); kept.push({ n: kept.length }); }, {}, { capture });
    expect(result.capture).toBe('js');
    expect(result.leaked, JSON.stringify(result.stats)).toBe(true);
    expect(result.findings[0]!.kind).toBe('heap');
  }, 60_000);

  it("finds it after someone else's garbage, which a collection in the warm-up frees", async () => {
    let junk: object[] | null = [];
    for (let i = 0; i < 200_000; i++) junk.push({ i, s: `x${i}` });
    junk = null;
    const kept: object[] = [];
    const result = await checkLeak(() => { spin(0.5); kept.push({ n: kept.length }); }, {}, { capture });
    expect(result.leaked, JSON.stringify(result.stats)).toBe(true);
  }, 60_000);

  it("counts the sampler's timed calls as warm-up: a timer left per call reads +1 per call", async () => {
    const timers: NodeJS.Timeout[] = [];
    try {
      const result = await checkLeak(() => { spin(0.2); timers.push(setTimeout(() => undefined, 60_000)); }, { kinds: ['handle'] }, { capture });
      const handle = result.findings.find((f) => f.kind === 'handle');
      expect(handle?.perCall.count, JSON.stringify(result.findings)).toBe(1);
    } finally {
      timers.forEach(clearTimeout);
    }
  }, 60_000);

  it.each([1, 2])('passes a slow function with a bounded history (run %i)', async () => {
    const recent: object[] = [];
    const result = await checkLeak(() => { spin(0.5); recent.push({ n: recent.length }); if (recent.length > 50) recent.shift(); }, {}, { capture });
    expect(result.leaked).toBe(false);
  }, 60_000);
});
