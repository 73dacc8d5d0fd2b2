import { describe, expect, it } from 'vitest';
import { valuesInScopesOf } from '../../src/analyzers/scope-values.js';

function makeLeak() {
  const sessions = new Map<number, object>();
  let next = 0;
  return { sessions, leak: () => void sessions.set(++next, { next }) };
}

describe('valuesInScopesOf', () => {
  it("lists the objects a function closes over, and those of a function in its scope (a wrapper's target)", () => {
    const { sessions, leak } = makeLeak();
    const wrapped = ((target: () => void) => () => target())(leak);
    const direct = valuesInScopesOf(leak);
    expect(direct).toContain(sessions);
    const throughWrapper = valuesInScopesOf(wrapped);
    expect(throughWrapper).toContain(leak);
    expect(throughWrapper).toContain(sessions);
  });

  it('runs no getter of a scope value and leaves no global behind', () => {
    let getterRan = false;
    const guarded = Object.defineProperty({}, 'value', { get: () => ((getterRan = true), 1), enumerable: true });
    const fn = () => guarded;
    const before = Object.keys(globalThis).length;
    // Compared here, not by the assertion library, which describes the values it compares.
    const found = valuesInScopesOf(fn).includes(guarded);
    expect(getterRan).toBe(false);
    expect(found).toBe(true);
    expect(Object.keys(globalThis).length).toBe(before);
  });

  it('is empty for what has no closure to read: a non-function, a native function', () => {
    expect(valuesInScopesOf({})).toEqual([]);
    expect(valuesInScopesOf(Math.max)).toEqual([]);
  });
});
