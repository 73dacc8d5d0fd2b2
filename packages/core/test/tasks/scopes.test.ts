import { describe, expect, it } from 'vitest';
import { isMemscopeError } from '../../src/errors.js';
import { currentScope } from '../../src/tasks/storage.js';
import { newRecorder, tick } from './helpers.js';

describe('task tree and ids', () => {
  it('builds file → describe → test → hook with readable, stable, de-duplicated ids', async () => {
    const recorder = newRecorder();
    recorder.enter('describe', ['Cache']);
    recorder.enter('test', ['Cache', 'evicts']);
    recorder.enterHook('beforeEach', ['Cache', 'evicts']);
    await recorder.exit('passed');
    await recorder.exit('passed');
    recorder.enter('test', ['Cache', 'evicts']);
    await recorder.exit('passed');
    recorder.enterHook('afterAll', ['Cache']);
    await recorder.exit('passed');
    await recorder.exit('passed');
    const record = await recorder.finish();
    expect(record.tasks.map((task) => [task.id, task.kind, task.parentId])).toEqual([
      ['src/cache.test.ts', 'file', null],
      ['src/cache.test.ts > Cache', 'describe', 'src/cache.test.ts'],
      ['src/cache.test.ts > Cache > evicts', 'test', 'src/cache.test.ts > Cache'],
      ['src/cache.test.ts > Cache > evicts > (beforeEach)', 'hook', 'src/cache.test.ts > Cache > evicts'],
      ['src/cache.test.ts > Cache > evicts #2', 'test', 'src/cache.test.ts > Cache'],
      ['src/cache.test.ts > Cache > (afterAll)', 'hook', 'src/cache.test.ts > Cache'],
    ]);
    expect(record.incomplete).toBeUndefined();
    expect(record.tasks.every((task) => task.state === 'passed')).toBe(true);
  });

  it('gives the same ids on a second run of the same file', async () => {
    const ids = async () => {
      const recorder = newRecorder();
      await recorder.runTask('test', ['a'], () => undefined);
      await recorder.runTask('test', ['a'], () => undefined);
      return (await recorder.finish()).tasks.map((task) => task.id);
    };
    expect(await ids()).toEqual(await ids());
  });

  it('rejects bad input with MemscopeErrors naming it', async () => {
    const recorder = newRecorder();
    expect(() => recorder.enter('test', 'evicts' as unknown as string[])).toThrow(/array of names/);
    expect(() => recorder.exit('passed')).toThrow(/no open task/);
    expect(() => newRecorder({ mode: 'always' as 'sampled' })).toThrow(/mode must be 'sampled' or 'settled'/);
    try {
      recorder.enterHook('beforeSome' as 'beforeAll', []);
      expect.unreachable();
    } catch (error) {
      expect(isMemscopeError(error) && error.code).toBe('ERR_MEMSCOPE_INVALID_OPTION');
    }
    await recorder.finish();
  });
});

describe('scopes nest and restore', () => {
  it('restores the parent after a test that throws, and keeps the failed test with its figures', async () => {
    const recorder = newRecorder();
    const outer = recorder.enter('describe', ['Cache']);
    await recorder.runInTask(outer, async () => {
      await expect(
        recorder.runTask('test', ['Cache', 'throws'], async () => {
          await tick();
          expect(currentScope()?.node.name).toBe('throws');
          throw new TypeError('boom');
        }),
      ).rejects.toThrow('boom');
      expect(currentScope()).toBe(outer);
    });
    await recorder.exit('passed', undefined, outer);
    const failed = (await recorder.finish()).tasks.find((task) => task.name === 'throws')!;
    expect(failed.state).toBe('failed');
    expect(failed.error).toBe('TypeError: boom');
    expect(failed.figures.heapBefore?.value).toBeGreaterThan(0);
    expect(failed.figures.allocated?.source).toBe('measured');
    expect(failed.figures.durationMs?.value).toBeGreaterThanOrEqual(0);
  });

  it('keeps figures and state of skipped tests', async () => {
    const recorder = newRecorder();
    recorder.enter('test', ['later']);
    const node = await recorder.exit('skipped');
    expect(node.state).toBe('skipped');
    expect(node.figures.heapAfter?.source).toBe('measured');
    await recorder.finish();
  });

  it('ends tasks left open inside a task as failed, innermost first', async () => {
    const recorder = newRecorder();
    const describeScope = recorder.enter('describe', ['D']);
    recorder.enter('test', ['D', 't']);
    recorder.enterHook('afterEach', ['D', 't']);
    const node = await recorder.exit('passed', undefined, describeScope);
    const record = await recorder.finish();
    expect(node.state).toBe('passed');
    const [test, hook] = [record.tasks[2]!, record.tasks[3]!];
    expect([test.state, hook.state]).toEqual(['failed', 'failed']);
    expect(hook.error).toMatch(/'afterEach' was still open when 'D' ended/);
    expect(recorder.innermostOpen()).toBeUndefined();
  });

  it('keeps the attribution of two interleaved async tasks apart, and marks them shared', async () => {
    const recorder = newRecorder();
    const seen: string[] = [];
    const body = (label: string) => async () => {
      for (let step = 0; step < 3; step++) {
        await tick(label === 'a' ? 1 : 2);
        seen.push(`${label}:${currentScope()?.node.name}`);
        await Promise.resolve();
        setImmediate(() => seen.push(`${label}-immediate:${currentScope()?.node.name}`));
      }
    };
    await Promise.all([recorder.runTask('test', ['a'], body('a')), recorder.runTask('test', ['b'], body('b'))]);
    await tick(5);
    expect(seen.length).toBe(12);
    for (const entry of seen) {
      const [label, name] = entry.split(':');
      expect(name).toBe(label!.replace('-immediate', ''));
    }
    const record = await recorder.finish();
    expect(record.tasks.filter((task) => task.kind === 'test').map((task) => task.shared)).toEqual([true, true]);
  });

  it('does not mark tasks that run one after the other as shared', async () => {
    const recorder = newRecorder();
    await recorder.runTask('test', ['one'], () => tick());
    await recorder.runTask('test', ['two'], () => tick());
    const record = await recorder.finish();
    expect(record.tasks.some((task) => task.shared)).toBe(false);
  });
});
