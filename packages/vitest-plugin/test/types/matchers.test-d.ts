import { expect, expectTypeOf, test } from 'vitest';
import { installMemscope, task, track, type LeakOptions } from '@memscope/vitest';

test('the memscope matchers are on expect(…) and return promises', () => {
  expectTypeOf(expect(() => {}).not.toLeak()).toEqualTypeOf<Promise<void>>();
  expectTypeOf(expect(() => {}).toLeak({ rounds: 8, kinds: ['heap', 'handle'] })).toEqualTypeOf<Promise<void>>();
  expectTypeOf(expect(() => {}).toAllocateAtMost(1024)).toEqualTypeOf<Promise<void>>();
  expectTypeOf(expect(() => {}).toRetainAtMost(1024)).toEqualTypeOf<Promise<void>>();
  expectTypeOf(expect('session').toBeCollected()).toEqualTypeOf<Promise<void>>();
  expectTypeOf<LeakOptions['gc']>().toEqualTypeOf<'fast' | 'thorough' | undefined>();
});

test('track returns its value and installMemscope takes nothing', () => {
  expectTypeOf(track({ id: 1 }, 'session')).toEqualTypeOf<{ id: number }>();
  expectTypeOf(installMemscope).toEqualTypeOf<() => void>();
});

test('task resolves to what its function returns', () => {
  expectTypeOf(task('parse', () => 42)).toEqualTypeOf<Promise<number>>();
  expectTypeOf(task('load', async () => 'rows')).toEqualTypeOf<Promise<string>>();
});

test('wrong arguments are type errors', () => {
  // @ts-expect-error a byte budget is a number
  void expect(() => {}).toAllocateAtMost('1 KiB');
  // @ts-expect-error unknown leak option
  void expect(() => {}).not.toLeak({ roundz: 3 });
  // @ts-expect-error the verdict is async, there is no asymmetric form
  expect.toLeak();
  // @ts-expect-error track needs a name
  track({});
  // @ts-expect-error a task runs a function
  void task('parse', 42);
});
