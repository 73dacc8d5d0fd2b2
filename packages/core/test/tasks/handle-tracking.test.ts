import { executionAsyncId } from 'node:async_hooks';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { letClosesFinish, openHandleCount } from '../../src/tasks/handles.js';
import { newRecorder, tick } from './helpers.js';

/**
 * The plugins' sampled mode. In a file of its own: a test that runs a task
 * under AsyncLocalStorage turns Node's promise hooks on for the rest of the
 * process, and the first test here checks that they are off.
 */

/** Two connected local sockets; the reader paused, so a large write stays in flight. */
async function pipePair(): Promise<[net.Socket, net.Socket]> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
  const { port } = server.address() as net.AddressInfo;
  const writer = net.connect(port, '127.0.0.1');
  const reader = await accepted;
  reader.pause();
  await new Promise((resolve) => writer.once('connect', resolve));
  server.close();
  return [reader, writer];
}

function leakTimer(): NodeJS.Timeout {
  return setTimeout(() => undefined, 60_000);
}

/** The async id a promise reaction runs under: 0 unless an async hook has Node's promise hooks on. */
async function promiseReactionAsyncId(): Promise<number> {
  return Promise.resolve().then(() => executionAsyncId());
}

describe("handleTracking: 'once-left-open' (the plugins' sampled mode)", () => {
  it('runs no async hook while tests close what they open, then follows the tests after the first that leaves a handle open', async () => {
    const recorder = newRecorder({ handleTracking: 'once-left-open' });
    const timers: NodeJS.Timeout[] = [];
    recorder.enter('test', ['clean']);
    clearTimeout(setTimeout(() => undefined, 60_000));
    const idWhileClean = await promiseReactionAsyncId();
    const clean = await recorder.exit('passed');
    recorder.enter('test', ['first to leave one']);
    timers.push(leakTimer());
    const first = await recorder.exit('passed');
    recorder.enter('test', ['second to leave one']);
    timers.push(leakTimer());
    const idWhileTracking = await promiseReactionAsyncId();
    const second = await recorder.exit('passed');
    timers.forEach(clearTimeout);
    await recorder.finish();
    expect(idWhileClean).toBe(0);
    expect(clean.figures.handlesOpened).toBeUndefined();
    expect(clean.figures.handlesLeftOpen).toEqual({ value: 0, source: 'measured' });
    // Seen at its end by the count alone: how many, not which.
    expect(first.handles).toEqual([]);
    expect(first.figures.handlesLeftOpen).toEqual({ value: 1, source: 'sampled' });
    expect(first.figures.handlesOpened).toBeUndefined();
    expect(idWhileTracking).not.toBe(0);
    expect(second.figures.handlesOpened?.value).toBe(1);
    expect(second.handles).toHaveLength(1);
    expect(second.handles[0]!.stack[0]).toMatch(/leakTimer .*handle-tracking\.test\.ts/);
  });

  it('turns the hook on for a test that closed a server at its very end only once libuv has let it go', async () => {
    const recorder = newRecorder({ handleTracking: 'once-left-open' });
    recorder.enter('test', ['closes at its end']);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await new Promise((resolve) => server.close(resolve));
    const closes = await recorder.exit('passed');
    recorder.enter('test', ['leaves a timer']);
    const timer = leakTimer();
    const node = await recorder.exit('passed');
    clearTimeout(timer);
    await recorder.finish();
    expect(closes.figures.handlesLeftOpen).toEqual({ value: 0, source: 'measured' });
    // Still the first to leave one open: counted, not itemised.
    expect(node.handles).toEqual([]);
    expect(node.figures.handlesLeftOpen).toEqual({ value: 1, source: 'sampled' });
  });

  it('follows a task run under AsyncLocalStorage from its start, creation stack included', async () => {
    const recorder = newRecorder({ handleTracking: 'once-left-open' });
    let timer: NodeJS.Timeout | undefined;
    const node = await (async () => {
      await recorder.runTask('test', ['leaks in its scope'], async () => {
        await tick();
        timer = leakTimer();
      });
      return (await recorder.finish()).tasks.find((task) => task.name === 'leaks in its scope')!;
    })();
    clearTimeout(timer);
    expect(node.figures.handlesOpened?.value).toBe(2);
    expect(node.handles.map((handle) => handle.type)).toEqual(['Timeout']);
    expect(node.handles[0]!.stack[0]).toMatch(/leakTimer .*handle-tracking\.test\.ts/);
  });

  it('counts ref’d timers and listening servers open now, not unref’d timers', async () => {
    const before = openHandleCount();
    const unrefd = setTimeout(() => undefined, 60_000).unref();
    expect(openHandleCount()).toBe(before);
    const refd = setTimeout(() => undefined, 60_000);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    expect(openHandleCount()).toBe(before + 2);
    await new Promise((resolve) => server.close(resolve));
    clearTimeout(refd);
    clearTimeout(unrefd);
    // libuv drops a closed server from its list at the end of that loop iteration.
    await letClosesFinish();
    expect(openHandleCount()).toBe(before);
  });

  it('leaves requests out of the count: a write in flight on a pipe is not a handle left open', async () => {
    const [reader, writer] = await pipePair();
    const before = openHandleCount();
    const pending = new Promise((resolve) => writer.write(Buffer.alloc(4 << 20), resolve));
    const during = process.getActiveResourcesInfo();
    const countDuring = openHandleCount();
    reader.resume();
    await pending;
    writer.destroy();
    reader.destroy();
    expect(during.some((type) => /WriteWrap$/.test(type))).toBe(true);
    expect(countDuring).toBe(before);
  });

  it('refuses a handleTracking it does not know', () => {
    expect(() => newRecorder({ handleTracking: 'sometimes' as never })).toThrow(/handleTracking must be 'always' or 'once-left-open', received "sometimes"/);
  });
});
