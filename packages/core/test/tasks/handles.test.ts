import net from 'node:net';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { newRecorder, tick } from './helpers.js';

function leakTimer(): NodeJS.Timeout {
  return setTimeout(() => undefined, 60_000);
}

describe('handles opened and left open', () => {
  it('charges a timer left running to the test that made it, with its creation stack', async () => {
    const recorder = newRecorder();
    const timers: NodeJS.Timeout[] = [];
    await recorder.runTask('test', ['leaks a timer'], async () => {
      await tick();
      timers.push(leakTimer());
    });
    await recorder.runTask('test', ['clean'], async () => {
      clearTimeout(setTimeout(() => undefined, 60_000));
      await tick();
    });
    const record = await recorder.finish();
    timers.forEach(clearTimeout);
    const [leaky, clean] = record.tasks.filter((task) => task.kind === 'test');
    expect(leaky!.figures.handlesLeftOpen?.value).toBe(1);
    expect(leaky!.handles[0]?.type).toBe('Timeout');
    expect(leaky!.handles[0]?.stack[0]).toMatch(/leakTimer .*handles\.test\.ts/);
    // The tick() timer fired and the cleared one was closed: opened, not left open.
    expect(clean!.figures.handlesOpened?.value).toBe(2);
    expect(clean!.figures.handlesLeftOpen?.value).toBe(0);
    expect(clean!.handles).toEqual([]);
  });

  it('skips a timer the runner opens, judged on a short stack, and keeps a user timer’s full stack', async () => {
    const recorder = newRecorder();
    // Code compiled under a runner's file name, as Vitest's own timeouts are.
    const runnerTimer = vm.runInThisContext('(function runnerTimer() { return setTimeout(() => undefined, 60_000); })', {
      filename: '/app/node_modules/@vitest/runner/dist/timeouts.js',
    }) as () => NodeJS.Timeout;
    // The outermost caller is the seventh user frame: past the short stack, within the eight a report shows.
    const nested = (depth: number): NodeJS.Timeout => (depth === 0 ? leakTimer() : nested(depth - 1));
    const outermostCaller = (): NodeJS.Timeout => nested(4);
    recorder.enter('test', ['runner and user timers']);
    const timers = [runnerTimer(), outermostCaller()];
    const test = await recorder.exit('passed');
    timers.forEach(clearTimeout);
    await recorder.finish();
    expect(test.figures.handlesOpened?.value).toBe(2);
    expect(test.handles).toHaveLength(1);
    expect(test.handles[0]!.stack[0]).toMatch(/leakTimer .*handles\.test\.ts/);
    expect(test.handles[0]!.stack.some((frame) => /outermostCaller/.test(frame))).toBe(true);
  });

  it('charges a timer made later by a timer callback to the test that scheduled it', async () => {
    const recorder = newRecorder();
    let late: NodeJS.Timeout | undefined;
    const test = recorder.enter('test', ['schedules']);
    const other = recorder.enter('test', ['other']);
    // Made inside "schedules": its callback, and what that opens, belong there too.
    recorder.runInTask(test, () => setTimeout(() => (late = leakTimer()), 1));
    await recorder.runInTask(other, () => tick(10));
    expect(late).toBeDefined();
    const [schedulesNode, otherNode] = [await recorder.exit('passed', undefined, test), await recorder.exit('passed', undefined, other)];
    clearTimeout(late);
    expect(schedulesNode.figures.handlesOpened?.value).toBe(2);
    expect(otherNode.figures.handlesOpened?.value).toBe(1);
    await recorder.finish();
  });

  it('counts unref’d timers and intervals, and attributes by the open task when no runInTask wraps the test', async () => {
    const recorder = newRecorder();
    recorder.enter('test', ['hooks only']);
    const unrefd = setTimeout(() => undefined, 60_000).unref();
    const interval = setInterval(() => undefined, 60_000);
    const node = await recorder.exit('passed');
    clearTimeout(unrefd);
    clearInterval(interval);
    expect(node.handles.map((handle) => handle.type)).toEqual(['Timeout', 'Timeout']);
    await recorder.finish();
  });

  it('reports a server left listening, and not one that was closed', async () => {
    const recorder = newRecorder();
    const servers: net.Server[] = [];
    await recorder.runTask('test', ['listens'], async () => {
      const server = net.createServer();
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    await recorder.runTask('test', ['closes'], async () => {
      const server = net.createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const record = await recorder.finish();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    const [listens, closes] = record.tasks.filter((task) => task.kind === 'test');
    expect(listens!.handles.map((handle) => handle.type)).toContain('TCPSERVERWRAP');
    expect(closes!.handles.map((handle) => handle.type)).not.toContain('TCPSERVERWRAP');
  });

  it('leaves out handles whose first user frame matches ignoreHandleFrames', async () => {
    const recorder = newRecorder({ ignoreHandleFrames: [/leakTimer/] });
    let timer: NodeJS.Timeout | undefined;
    const node = await (async () => {
      recorder.enter('test', ['ignored']);
      timer = leakTimer();
      return recorder.exit('passed');
    })();
    clearTimeout(timer);
    expect(node.figures.handlesOpened?.value).toBe(1);
    expect(node.handles).toEqual([]);
    await recorder.finish();
  });
});

describe('without AsyncLocalStorage (asyncContext: false)', () => {
  it('still charges a timer made during a test to it, as the innermost open task', async () => {
    const recorder = newRecorder({ asyncContext: false });
    let timer: NodeJS.Timeout | undefined;
    await recorder.runTask('test', ['leaks'], async () => {
      await tick();
      timer = leakTimer();
    });
    const node = (await recorder.finish()).tasks.find((task) => task.name === 'leaks')!;
    clearTimeout(timer);
    expect(node.handles.map((handle) => handle.type)).toEqual(['Timeout']);
    expect(node.handles[0]?.stack[0]).toMatch(/leakTimer/);
  });
});

describe('the runner’s stack formatter (source maps under Jest)', () => {
  /** Runs `body` with a stack formatter that counts its calls and tags what it formats. */
  async function withCountingFormatter<T>(body: () => Promise<T>): Promise<{ result: T; calls: number }> {
    const original = Error.prepareStackTrace;
    let calls = 0;
    Error.prepareStackTrace = (_error, sites) => {
      calls++;
      return ['Error', ...sites.map((site) => `    at ${String(site)} [mapped]`)].join('\n');
    };
    try {
      const result = await body();
      return { result, calls };
    } finally {
      Error.prepareStackTrace = original;
    }
  }

  it('formats only the stacks of handles that are reported, and reports them formatted', async () => {
    const recorder = newRecorder({ ignoreHandleFrames: [/ignoredTimer/] });
    const timers: NodeJS.Timeout[] = [];
    const ignoredTimer = () => setTimeout(() => undefined, 60_000);
    const { result: node, calls } = await withCountingFormatter(async () => {
      recorder.enter('test', ['one reported, one ignored']);
      timers.push(leakTimer(), ignoredTimer());
      return recorder.exit('passed');
    });
    timers.forEach(clearTimeout);
    expect(node.figures.handlesOpened?.value).toBe(2);
    expect(node.handles).toHaveLength(1);
    expect(node.handles[0]!.stack[0]).toMatch(/leakTimer .*handles\.test\.ts.*\[mapped\]$/);
    expect(calls).toBe(1);
    await recorder.finish();
  });
});
