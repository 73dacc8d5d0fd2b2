import { expect, test } from 'vitest';
import { findRunningVitest } from '../src/runtime.js';

const hooks = { beforeEach() {}, afterEach() {}, afterAll() {}, chai: { Assertion: { prototype: {} }, util: { flag() {} } } };

test('binds to the Vitest published on the worker global', () => {
  const expectGlobal = { extend() {}, getState: () => ({}) };
  const scope = { __vitest_index__: { ...hooks, inject: () => 1 }, [Symbol.for('expect-global')]: expectGlobal };
  const found = findRunningVitest(scope);
  expect(found?.expect).toBe(expectGlobal);
  expect(found?.beforeEach).toBe(hooks.beforeEach);
  expect(found?.inject?.('x')).toBe(1);
});

test('finds nothing outside a Vitest worker', () => {
  expect(findRunningVitest({})).toBeNull();
  expect(findRunningVitest({ __vitest_index__: { beforeEach() {} } })).toBeNull();
});

test('this very test runs in a Vitest worker that the lookup finds', () => {
  expect(findRunningVitest()).not.toBeNull();
});
