import { describe, expect, it } from 'vitest';
import { AwaitGuard } from '../src/setup/await-guard.js';
import { circusEventHandlers, followTestsThroughEvents } from '../src/setup/circus-events.js';
import type { RunningTest } from '../src/setup/circus-state.js';
import type { JestFileLifecycle } from '../src/setup/file-lifecycle.js';

const root = { name: 'ROOT_DESCRIBE_BLOCK' };

/** A lifecycle that notes what it was told, and can be made to fail. */
function fakeLifecycle(failBegin?: Error, failFinish?: Error) {
  const calls: string[] = [];
  const lifecycle = {
    beginTest: async (test: RunningTest) => {
      calls.push(`begin ${test.names.join(' > ')}`);
      if (failBegin) throw failBegin;
    },
    endTest: async (test: RunningTest | null) => {
      calls.push(`end ${test?.names.join(' > ')} ${test?.failed ? 'failed' : 'passed'}`);
    },
    beginConcurrentTest: (_circusTest: object, test: RunningTest) => {
      calls.push(`begin concurrent ${test.names.join(' > ')}`);
    },
    endConcurrentTest: async (_circusTest: object, test: RunningTest) => {
      calls.push(`end concurrent ${test.names.join(' > ')}`);
    },
    finishFile: async () => {
      calls.push('finish');
      if (failFinish) throw failFinish;
    },
  };
  return { calls, lifecycle: lifecycle as unknown as JestFileLifecycle };
}

/** circus awaits each handler in turn; so does this. */
async function dispatch(handlers: ((event: object, state: object) => unknown)[], event: object, state: object = {}): Promise<void> {
  for (const handler of handlers) await handler(event, state);
}

describe('following tests through jest-circus events (Jest 30)', () => {
  it('finds the handlers Jest 30 shares on the global, and none elsewhere (Jest 29)', () => {
    const handlers: unknown[] = [];
    expect(circusEventHandlers({ [Symbol.for('EVENT_HANDLERS')]: handlers })).toBe(handlers);
    expect(circusEventHandlers({})).toBeNull();
  });

  it('opens the test on test_started and closes it on test_done, with its describe chain and outcome', async () => {
    const handlers: ((event: object, state: object) => unknown)[] = [];
    const { calls, lifecycle } = fakeLifecycle();
    followTestsThroughEvents(handlers, new AwaitGuard(() => undefined), lifecycle);
    const test = { name: 'evicts', parent: { name: 'Cache', parent: root }, errors: [] as unknown[] };
    await dispatch(handlers, { name: 'test_start', test });
    await dispatch(handlers, { name: 'test_started', test });
    await dispatch(handlers, { name: 'test_fn_success', test });
    test.errors.push(new Error('afterEach threw'));
    await dispatch(handlers, { name: 'test_done', test });
    expect(calls).toEqual(['begin Cache > evicts', 'end Cache > evicts failed']);
    await dispatch(handlers, { name: 'run_finish' });
    expect(calls.at(-1)).toBe('finish');
  });

  it('opens and closes concurrent tests apart from the serial ones, and does not wait for their matchers', async () => {
    const handlers: ((event: object, state: object) => unknown)[] = [];
    const { calls, lifecycle } = fakeLifecycle();
    const guard = new AwaitGuard(() => undefined);
    followTestsThroughEvents(handlers, guard, lifecycle);
    const test = { name: 'overlaps', parent: root, errors: [] as unknown[], concurrent: true };
    // Another concurrent test's matcher still running when this one's function ends.
    const other = guard.wrap('toLeak', async () => ({ pass: true, message: () => '' })).call({ isNot: true });
    for (const name of ['test_started', 'test_fn_success', 'test_done']) await dispatch(handlers, { name, test });
    await other;
    expect(calls).toEqual(['begin concurrent overlaps', 'end concurrent overlaps']);
    expect(test.errors).toEqual([]);
  });

  it('fails the test when a matcher was not awaited, once the test function has ended', async () => {
    const handlers: ((event: object, state: object) => unknown)[] = [];
    const guard = new AwaitGuard(() => undefined);
    followTestsThroughEvents(handlers, guard, null);
    const test = { name: 'forgot await', parent: root, errors: [] as unknown[] };
    let finish!: () => void;
    void guard.wrap('toLeak', () => new Promise((resolve) => (finish = () => resolve({ pass: true, message: () => '' })))).call({ isNot: true });
    const ended = dispatch(handlers, { name: 'test_fn_success', test });
    finish();
    await ended;
    expect(test.errors).toHaveLength(1);
    expect(String((test.errors[0] as Error).message)).toContain('memscope: a memory assertion was not awaited');
  });

  it('ends the file on run_finish; a failure there fails the file, as an afterAll hook’s would', async () => {
    const handlers: ((event: object, state: object) => unknown)[] = [];
    const { calls, lifecycle } = fakeLifecycle(undefined, new Error('write failed'));
    followTestsThroughEvents(handlers, new AwaitGuard(() => undefined), lifecycle);
    const state = { unhandledErrors: [] as unknown[] };
    await dispatch(handlers, { name: 'run_finish' }, state);
    expect(calls).toEqual(['finish']);
    expect(state.unhandledErrors).toEqual([new Error('write failed')]);
  });

  it('runs the file-end work after the record is written on run_finish, without a recorder too, and when writing failed', async () => {
    for (const failFinish of [undefined, new Error('write failed')]) {
      const handlers: ((event: object, state: object) => unknown)[] = [];
      const { calls, lifecycle } = fakeLifecycle(undefined, failFinish);
      followTestsThroughEvents(handlers, new AwaitGuard(() => undefined), lifecycle, () => calls.push('file end'));
      await dispatch(handlers, { name: 'run_finish' }, { unhandledErrors: [] });
      expect(calls).toEqual(['finish', 'file end']);
    }
    const handlers: ((event: object, state: object) => unknown)[] = [];
    const calls: string[] = [];
    followTestsThroughEvents(handlers, new AwaitGuard(() => undefined), null, () => calls.push('file end'));
    await dispatch(handlers, { name: 'run_finish' });
    expect(calls).toEqual(['file end']);
  });

  it('turns a failure of memscope’s own work into the test’s error instead of breaking the run', async () => {
    const handlers: ((event: object, state: object) => unknown)[] = [];
    const { lifecycle } = fakeLifecycle(new Error('recorder broke'));
    followTestsThroughEvents(handlers, new AwaitGuard(() => undefined), lifecycle);
    const test = { name: 't', parent: root, errors: [] as unknown[] };
    await expect(dispatch(handlers, { name: 'test_started', test })).resolves.toBeUndefined();
    expect(test.errors).toEqual([new Error('recorder broke')]);
  });
});
