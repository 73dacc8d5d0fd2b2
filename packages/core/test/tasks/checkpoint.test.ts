import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openRunChannel, RUN_DIR_ENV } from '../../src/plugin-kit/run-channel.js';
import { checkpointRunningFile } from '../../src/tasks/checkpoint.js';
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
