import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { newRecorder, tick } from './helpers.js';

/**
 * The plugins' sampled mode in Vitest. The scenarios that count handles run
 * in a plain Node process (fixtures/once-left-open.cjs, on the build): in
 * this one the runner's own timers come and go at every test's boundaries.
 */
const scenarios = fileURLToPath(new URL('./fixtures/once-left-open.cjs', import.meta.url));

interface Seen {
  handles: { type: string; stack: string[] }[];
  handlesOpened?: { value: number; source: string };
  handlesLeftOpen?: { value: number; source: string };
}

function scenario<T>(name: string): T {
  return JSON.parse(execFileSync(process.execPath, [scenarios, name], { encoding: 'utf8' })) as T;
}

function leakTimer(): NodeJS.Timeout {
  return setTimeout(() => undefined, 60_000);
}

describe("handleTracking: 'once-left-open' (Vitest's sampled mode)", () => {
  it('runs no async hook while tests close what they open, then follows the tests after the first that leaves a handle open', () => {
    const seen = scenario<{ idWhileClean: number; idWhileTracking: number; clean: Seen; first: Seen; second: Seen }>('first and second to leave one');
    // Promise reactions run under async id 0 only while no async hook has Node's promise hooks on.
    expect(seen.idWhileClean).toBe(0);
    expect(seen.clean).toEqual({ handles: [], handlesLeftOpen: { value: 0, source: 'measured' } });
    // Seen at its end by the count alone: how many, not which.
    expect(seen.first).toEqual({ handles: [], handlesLeftOpen: { value: 1, source: 'sampled' } });
    expect(seen.idWhileTracking).not.toBe(0);
    expect(seen.second.handlesOpened).toEqual({ value: 1, source: 'measured' });
    expect(seen.second.handlesLeftOpen).toEqual({ value: 1, source: 'measured' });
    expect(seen.second.handles.map((handle) => handle.type)).toEqual(['Timeout']);
    expect(seen.second.handles[0]!.stack[0]).toMatch(/leakTimer .*once-left-open\.cjs/);
  });

  it('does not count a server a test closed as its last act: libuv lets it go at the end of that loop iteration', () => {
    const seen = scenario<{ closes: Seen; leaves: Seen }>('closes a server at its end');
    expect(seen.closes).toEqual({ handles: [], handlesLeftOpen: { value: 0, source: 'measured' } });
    // So the hook stayed off: the next test is the first to leave one open.
    expect(seen.leaves).toEqual({ handles: [], handlesLeftOpen: { value: 1, source: 'sampled' } });
  });

  it('leaves what a verdict’s calls left open to the verdict: its test is not charged, and the hook stays off', () => {
    const seen = scenario<{ verdict: Seen; test: Seen; after: Seen }>('verdict leaves timers open');
    // As when handles are followed: they are not while a verdict measures.
    expect(seen.verdict).toEqual({ handles: [], handlesOpened: { value: 0, source: 'measured' }, handlesLeftOpen: { value: 0, source: 'measured' } });
    expect(seen.test).toEqual({ handles: [], handlesLeftOpen: { value: 0, source: 'measured' } });
    expect(seen.after).toEqual({ handles: [], handlesLeftOpen: { value: 1, source: 'sampled' } });
  });

  it('counts ref’d timers and listening servers, not unref’d timers, nor a write in flight', () => {
    expect(scenario('counts')).toEqual({ withUnrefd: 0, withRefdAndServer: 2, afterClosing: 0 });
    expect(scenario('write in flight')).toEqual({ writeListed: true, countDuring: 0 });
  });

  it('follows a task run under AsyncLocalStorage from its start, creation stack included', async () => {
    const recorder = newRecorder({ handleTracking: 'once-left-open' });
    let timer: NodeJS.Timeout | undefined;
    await recorder.runTask('test', ['leaks in its scope'], async () => {
      await tick();
      timer = leakTimer();
    });
    const node = (await recorder.finish()).tasks.find((task) => task.name === 'leaks in its scope')!;
    clearTimeout(timer);
    expect(node.figures.handlesOpened?.value).toBe(2);
    expect(node.handles.map((handle) => handle.type)).toEqual(['Timeout']);
    expect(node.handles[0]!.stack[0]).toMatch(/leakTimer .*handle-tracking\.test\.ts/);
  });

  it('refuses a handleTracking it does not know', () => {
    expect(() => newRecorder({ handleTracking: 'sometimes' as never })).toThrow(/handleTracking must be 'always' or 'once-left-open', received "sometimes"/);
  });
});
