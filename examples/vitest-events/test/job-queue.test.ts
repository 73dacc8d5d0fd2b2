import { expect, test } from 'vitest';
import { JobQueue } from '../src/job-queue.js';

// 200 jobs between two measurements is plenty for a leak of one timer or one buffer per job.
const VERDICT = { callsPerRound: 200, maxRounds: 8 };
const JOB_BYTES = 32 * 1024;

test('a job renders its output and reports it', async () => {
  const queue = new JobQueue();
  const done: number[] = [];
  queue.events.on('done', (result) => done.push(result.bytes));
  const result = await queue.run(JOB_BYTES);
  expect(result.bytes).toBe(JOB_BYTES);
  expect(done).toEqual([JOB_BYTES]);
});

test('a finished job leaves no timer running', async () => {
  const queue = new JobQueue();
  await expect(() => queue.run(1024)).not.toLeak({ ...VERDICT, kinds: ['handle'] });
});

test('a finished job keeps none of its output buffer', async () => {
  const queue = new JobQueue();
  await expect(() => queue.run(JOB_BYTES)).not.toLeak({ ...VERDICT, kinds: ['native'] });
});

test('a hundred jobs keep less than 256 KiB alive', async () => {
  const queue = new JobQueue();
  await expect(() => queue.run(JOB_BYTES)).toRetainAtMost(256 * 1024, { calls: 100 });
});
