import { afterEach, expect, test, vi } from 'vitest';
import { guardAsyncMatchers, unawaitedMessage } from '../src/await-guard.js';
import type { ChaiLike, RunnerTest } from '../src/runtime.js';

function fakeChai(test: RunnerTest, negate = false) {
  const prototype: Record<string, unknown> = {
    toLeak: () => Promise.resolve('verdict'),
    toBe: () => undefined,
  };
  const flags: Record<string, unknown> = { 'vitest-test': test, negate };
  const chai: ChaiLike = { Assertion: { prototype }, util: { flag: (_object, key) => flags[key] } };
  return { chai, prototype };
}

function runnerTest(): RunnerTest {
  return { name: 't', meta: {} };
}

async function finish(test: RunnerTest): Promise<void> {
  await Promise.all(test.promises ?? []);
  for (const callback of test.onFinished ?? []) callback();
}

afterEach(() => {
  vi.restoreAllMocks();
});

test('an awaited matcher is waited for and raises no warning', async () => {
  const test = runnerTest();
  const { chai, prototype } = fakeChai(test);
  guardAsyncMatchers(chai, ['toLeak']);
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  await expect((prototype.toLeak as () => PromiseLike<unknown>)()).resolves.toBe('verdict');
  await finish(test);
  expect(warn).not.toHaveBeenCalled();
});

test('a matcher that nobody awaits is recorded on the test and reported', async () => {
  const test = runnerTest();
  const { chai, prototype } = fakeChai(test, true);
  guardAsyncMatchers(chai, ['toLeak']);
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  void (prototype.toLeak as () => unknown)();
  expect(test.promises).toHaveLength(1);
  await finish(test);
  expect(test.promises).toHaveLength(0);
  expect(warn).toHaveBeenCalledTimes(1);
  expect(String(warn.mock.calls[0]![0])).toContain('`expect(…).not.toLeak()` was not awaited');
});

test('synchronous matchers are left alone', () => {
  const test = runnerTest();
  const { chai, prototype } = fakeChai(test);
  const toBe = prototype.toBe;
  guardAsyncMatchers(chai, ['toLeak']);
  expect(prototype.toBe).toBe(toBe);
});

test('the warning names the call and how to fix it', () => {
  expect(unawaitedMessage('toBeCollected', false, '    at spec.ts:3:5')).toMatch(/`await expect\(…\)\.toBeCollected\(\)`[\s\S]*spec\.ts:3:5$/);
});
