import { expect, test } from 'vitest';
import type { RunningVitest } from '../src/runtime.js';
import { handleTrackingFor, installIntoVitest } from '../src/worker.js';

interface Registered {
  hook: 'beforeEach' | 'afterEach' | 'afterAll';
  timeout: number | undefined;
}

/** A Vitest that records the hooks memscope registers, and their timeouts. */
function recordingVitest(registered: Registered[]): RunningVitest {
  const record = (hook: Registered['hook']) => (_fn: unknown, timeout?: number) => void registered.push({ hook, timeout });
  return {
    expect: { extend: () => undefined, getState: () => ({}) },
    chai: { Assertion: { prototype: {} }, util: { flag: () => undefined } },
    beforeEach: record('beforeEach'),
    afterEach: record('afterEach'),
    afterAll: record('afterAll'),
  };
}

test('registers its per-test hooks with timeout 0, which Vitest runs without a timer and promise of its own', () => {
  const registered: Registered[] = [];
  installIntoVitest(recordingVitest(registered));
  expect(registered.filter((entry) => entry.hook !== 'afterAll')).toEqual([
    { hook: 'beforeEach', timeout: 0 },
    { hook: 'afterEach', timeout: 0 },
  ]);
  // Once per file: the end of the file keeps Vitest's default hook timeout.
  expect(registered.filter((entry) => entry.hook === 'afterAll')).toEqual([{ hook: 'afterAll', timeout: undefined }]);
});

test('follows handles only once a test has left one open in sampled mode, from the start in settled mode', () => {
  // Vitest runs no async hook of its own: memscope's would turn Node's promise hooks on for every test.
  expect(handleTrackingFor('sampled')).toBe('once-left-open');
  expect(handleTrackingFor('settled')).toBe('always');
});
