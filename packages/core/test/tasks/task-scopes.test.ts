import { describe, expect, it } from 'vitest';
import { isMemscopeError } from '../../src/errors.js';
import { task } from '../../src/tasks/task-scope.js';
import { asVerdictTask } from '../../src/tasks/verdict-task.js';
import type { TaskNode } from '../../src/tasks/types.js';
import { newRecorder, tick } from './helpers.js';

const byName = (tasks: TaskNode[], name: string) => tasks.find((t) => t.name === name)!;

/** Keeps `bytes` reachable until the caller drops the array. */
function allocate(bytes: number): number[][] {
  const kept: number[][] = [];
  for (let i = 0; i < bytes / 8192; i++) kept.push(new Array<number>(1024).fill(i));
  return kept;
}

describe('task(name, fn)', () => {
  it('records nested tasks as children of the running test, each with its own figures', async () => {
    const recorder = newRecorder();
    let kept: unknown;
    await recorder.runTask('test', ['imports'], async () => {
      await task('parse', async () => {
        kept = allocate(4 * 1024 * 1024);
        await task('validate', () => tick(5));
      });
      await task('import', () => 'done');
    });
    const { tasks } = await recorder.finish();
    const [test, parse, validate, imported] = ['imports', 'parse', 'validate', 'import'].map((name) => byName(tasks, name));
    expect([parse, validate, imported].map((t) => [t!.id, t!.kind, t!.parentId])).toEqual([
      ['src/cache.test.ts > imports > parse', 'task', test!.id],
      ['src/cache.test.ts > imports > parse > validate', 'task', parse!.id],
      ['src/cache.test.ts > imports > import', 'task', test!.id],
    ]);
    expect(parse!.figures.allocated!.value).toBeGreaterThan(3 * 1024 * 1024);
    expect(imported!.figures.allocated!.value).toBeLessThan(1024 * 1024);
    // The test's figures include its tasks': the tasks are part of what it did.
    expect(test!.figures.allocated!.value).toBeGreaterThanOrEqual(parse!.figures.allocated!.value);
    expect(validate!.figures.durationMs!.value).toBeGreaterThanOrEqual(4);
    expect(tasks.filter((t) => t.kind === 'task').every((t) => t.state === 'passed' && !t.shared && t.figures.allocated!.source === 'measured')).toBe(true);
    expect(kept).toBeDefined();
  });

  it('returns what fn returns and passes a rejection on, ending the task failed', async () => {
    const recorder = newRecorder();
    await recorder.runTask('test', ['t'], async () => {
      expect(await task('answer', () => 42)).toBe(42);
      await expect(task('broken', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    });
    const { tasks } = await recorder.finish();
    expect(byName(tasks, 'answer').state).toBe('passed');
    expect(byName(tasks, 'broken')).toMatchObject({ state: 'failed', error: 'Error: boom' });
  });

  it('marks two tasks run with Promise.all shared, each naming the other', async () => {
    const recorder = newRecorder();
    await recorder.runTask('test', ['parallel'], () => Promise.all([task('a', () => tick(5)), task('b', () => tick(5))]));
    const { tasks } = await recorder.finish();
    const [a, b, test] = [byName(tasks, 'a'), byName(tasks, 'b'), byName(tasks, 'parallel')];
    expect(a).toMatchObject({ shared: true, overlaps: [b.id] });
    expect(b).toMatchObject({ shared: true, overlaps: [a.id] });
    expect(a.figures.allocated!.source).toBe('shared');
    expect(a.figures.durationMs!.source).toBe('measured');
    expect(test.shared).toBeUndefined();
  });

  it('just runs fn outside a recorded test', async () => {
    expect(await task('outside', () => 'ran')).toBe('ran');
  });

  it('rejects a missing name or a non-function with a MemscopeError naming the argument', async () => {
    const errors = await Promise.all([
      task('' as string, () => 1).catch((e: unknown) => e),
      task(undefined as unknown as string, () => 1).catch((e: unknown) => e),
      task('load', 'not a function' as unknown as () => void).catch((e: unknown) => e),
    ]);
    expect(errors.map((e) => isMemscopeError(e) && [e.code, e.message])).toEqual([
      ['ERR_MEMSCOPE_INVALID_OPTION', 'task(name, fn) expects a non-empty string as name, received ""'],
      ['ERR_MEMSCOPE_INVALID_OPTION', 'task(name, fn) expects a non-empty string as name, received undefined'],
      ['ERR_MEMSCOPE_NOT_A_FUNCTION', 'task(\'load\', fn) expects a function as fn, received "not a function"'],
    ]);
  });
});

describe('a verdict as a child task', () => {
  it('keeps the verdict calls out of the test allocated figure and names the calls', async () => {
    const recorder = newRecorder();
    let kept: unknown;
    await recorder.runTask('test', ['no leak'], async () => {
      kept = allocate(1024 * 1024);
      await asVerdictTask('toLeak', async () => {
        for (let i = 0; i < 40; i++) allocate(256 * 1024);
        return { calls: 41_000 };
      }, (result) => result.calls);
    });
    const { tasks } = await recorder.finish();
    const test = byName(tasks, 'no leak');
    const verdict = tasks.find((t) => t.kind === 'verdict')!;
    expect(verdict).toMatchObject({ id: 'src/cache.test.ts > no leak > (toLeak verdict)', name: 'toLeak verdict: 41,000 calls', parentId: test.id, state: 'passed' });
    expect(verdict.figures.allocated!.value).toBeGreaterThan(8 * 1024 * 1024);
    expect(test.figures.allocated!.value).toBeGreaterThan(512 * 1024);
    expect(test.figures.allocated!.value).toBeLessThan(4 * 1024 * 1024);
    expect(kept).toBeDefined();
  });
});

describe('task scopes in settled mode', () => {
  it('gives a task its own retained figure, from a settled GC at its start, and leaves the test\'s measured from the test\'s start', async () => {
    const recorder = newRecorder({ mode: 'settled' });
    const kept: unknown[] = [];
    await recorder.runTask('test', ['keeps'], async () => {
      for (let i = 0; i < 20_000; i++) kept.push({ i, text: `before ${i}` });
      await task('keeps more', () => {
        for (let i = 0; i < 20_000; i++) kept.push({ i, text: `inside ${i}` });
      });
      await task('keeps nothing', () => new Array(100_000).fill(1).length);
    });
    const { tasks } = await recorder.finish();
    const [test, more, nothing] = ['keeps', 'keeps more', 'keeps nothing'].map((name) => byName(tasks, name));
    expect(more!.figures.retained!.value).toBeGreaterThan(20_000 * 32);
    expect(nothing!.figures.retained!.value).toBeLessThan(more!.figures.retained!.value / 2);
    // The test keeps what it kept before its tasks and what they kept.
    expect(test!.figures.retained!.value).toBeGreaterThan(more!.figures.retained!.value + 20_000 * 32);
    expect(kept).toHaveLength(40_000);
  });
});
