import { rmSync } from 'node:fs';
import { setTimeout as realSetTimeout } from 'node:timers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openRunChannel, RUN_DIR_ENV } from '../../src/plugin-kit/run-channel.js';
import { checkpointRunningFile, sendFinishedVitestResults } from '../../src/tasks/checkpoint.js';
import { readFileRecords, writeFileRecord } from '../../src/tasks/records.js';
import { newRecorder } from './helpers.js';

const saved = process.env[RUN_DIR_ENV];
afterEach(() => {
  if (saved === undefined) delete process.env[RUN_DIR_ENV];
  else process.env[RUN_DIR_ENV] = saved;
});

describe('checkpoint of the running test file', () => {
  it('writes the record so far, incomplete, and the finished record replaces it', async () => {
    const channel = openRunChannel({ rootDir: process.cwd(), mode: 'sampled' });
    try {
      const recorder = newRecorder({ file: 'src/risky.test.ts' });
      await recorder.runTask('test', ['finished first'], () => new Array(1000).fill(0));
      recorder.enter('test', ['runs a verdict']);
      await checkpointRunningFile();
      let read = await readFileRecords(channel.dir, ['src/risky.test.ts']);
      expect(read.missing).toEqual(['src/risky.test.ts']);
      expect(read.records[0]?.incomplete).toBe(true);
      expect(read.records[0]?.tasks.map((t) => [t.name, t.state])).toEqual([
        ['src/risky.test.ts', 'running'], ['finished first', 'passed'], ['runs a verdict', 'running'],
      ]);
      await recorder.exit('passed');
      await writeFileRecord(channel.dir, await recorder.finish());
      read = await readFileRecords(channel.dir, ['src/risky.test.ts']);
      expect(read.missing).toEqual([]);
      expect(read.records).toHaveLength(1);
    } finally {
      channel.close();
    }
  });

  it('does nothing without a memscope reporter or a running file', async () => {
    delete process.env[RUN_DIR_ENV];
    const recorder = newRecorder({ file: 'src/alone.test.ts' });
    await expect(checkpointRunningFile()).resolves.toBeUndefined();
    await recorder.finish();
    const channel = openRunChannel({ rootDir: process.cwd(), mode: 'sampled' });
    try {
      await checkpointRunningFile();
      expect((await readFileRecords(channel.dir)).records).toEqual([]);
    } finally {
      channel.close();
      rmSync(channel.dir, { recursive: true, force: true });
    }
  });
});

describe('checkpoint under Vitest', () => {
  it("sends the finished tests' results through the worker's RPC and waits for the answer", async () => {
    const sent: unknown[][] = [];
    let answered = false;
    const running = { id: 'f_2', result: { state: 'run' } };
    const file = {
      id: 'f',
      tasks: [
        { id: 'f_0', result: { state: 'pass' }, meta: { memscope: 1 } },
        { id: 'f_s', tasks: [{ id: 'f_1', result: { state: 'fail' }, meta: {} }, { id: 'f_skip', result: { state: 'skip' } }] },
        running,
        { id: 'f_3' },
      ],
    };
    const worker = {
      current: { ...running, file },
      rpc: {
        onTaskUpdate: async (packs: unknown[]) => {
          sent.push(packs);
          await new Promise((resolve) => setTimeout(resolve, 50));
          answered = true;
        },
      },
    };
    await sendFinishedVitestResults(worker);
    expect(answered).toBe(true);
    expect(sent).toEqual([[['f_0', { state: 'pass' }, { memscope: 1 }], ['f_1', { state: 'fail' }, {}]]]);
  });

  it('does not wait for ever on a main process that never answers', async () => {
    const worker = {
      current: { id: 'b', file: { id: 'f', tasks: [{ id: 'a', result: { state: 'pass' } }, { id: 'b' }] } },
      rpc: { onTaskUpdate: () => new Promise<never>(() => {}) },
    };
    vi.useFakeTimers();
    try {
      const sending = sendFinishedVitestResults(worker);
      // The wait uses Node's own timers, which fake timers do not touch.
      await expect(Promise.race([sending.then(() => 'returned'), new Promise((r) => realSetTimeout(r, 6_000, 'hung'))])).resolves.toBe('returned');
    } finally {
      vi.useRealTimers();
    }
  }, 10_000);
});
