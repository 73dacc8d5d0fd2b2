import { describe, expect, it } from 'vitest';
import { concurrentCircusTests, runningTest } from '../src/setup/circus-state.js';

function withState(state: unknown): object {
  return { [Symbol('JEST_STATE_SYMBOL')]: state };
}

describe('runningTest', () => {
  const root = { name: 'ROOT_DESCRIBE_BLOCK' };
  class Cache {}

  it('reads the describe chain of the running test, names of classes included', () => {
    const outer = { name: Cache, parent: root };
    const inner = { name: 'evicts', parent: outer };
    const scope = withState({ currentlyRunningTest: { name: 'old entries', parent: inner, errors: [] } });
    expect(runningTest(scope, 'Cache evicts old entries')).toEqual({ names: ['Cache', 'evicts', 'old entries'], failed: false, error: undefined });
  });

  it('reports the first error of a failed test, in either of circus’s shapes', () => {
    const boom = new Error('boom');
    expect(runningTest(withState({ currentlyRunningTest: { name: 't', parent: root, errors: [[boom, new Error('async')]] } }), 't')).toMatchObject({ failed: true, error: boom });
    expect(runningTest(withState({ currentlyRunningTest: { name: 't', parent: root, errors: [boom] } }), 't')).toMatchObject({ failed: true, error: boom });
  });

  it('falls back to the joined name without circus state, and to null outside a test', () => {
    expect(runningTest({}, 'Cache evicts')).toEqual({ names: ['Cache evicts'], failed: false, error: undefined });
    expect(runningTest({}, undefined)).toBeNull();
  });
});

describe('concurrentCircusTests (Jest 29 wraps their functions before circus starts them)', () => {
  it('lists the concurrent tests of every describe block, and only those', () => {
    const inner = { type: 'test', name: 'inner', concurrent: true };
    const serial = { type: 'test', name: 'serial', concurrent: false };
    const top = { type: 'test', name: 'top', concurrent: true };
    const root = { name: 'ROOT_DESCRIBE_BLOCK', children: [{ type: 'describeBlock', name: 'Cache', children: [inner, serial] }, top] };
    expect(concurrentCircusTests(withState({ rootDescribeBlock: root }))).toEqual([inner, top]);
  });

  it('finds none without circus state', () => {
    expect(concurrentCircusTests({})).toEqual([]);
  });
});
