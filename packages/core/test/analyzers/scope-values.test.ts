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

// Registered only where the addon is meant to load (as in parity.test.ts):
// the pure-JS capture has no lookup by id to spare.
const nativeRun = process.env.MEMSCOPE_CAPTURE !== 'js';

class CachedSession {
  constructor(readonly n: number) {}
}

if (nativeRun) {
  describe('the explanation on the native capture', () => {
    it("counts a leaking Map its function closes over without V8's heap walk by id, and names it", async () => {
      const { createNativeCapture, loadNativeBinding } = await import('../../src/capture/native.js');
      const { checkLeak } = await import('../../src/verdict/check-leak.js');
      const real = createNativeCapture(loadNativeBinding());
      const walks: number[] = [];
      const capture = { ...real, lookup: { valueById: (id: number) => (walks.push(id), real.lookup!.valueById(id)) } };
      const sessions = new Map<number, CachedSession>();
      let next = 0;
      const result = await checkLeak(() => void sessions.set(++next, new CachedSession(next)), undefined, { capture });
      expect(result.leaked).toBe(true);
      expect(result.findings[0]!.title).toMatch(/CachedSession objects: \+1 per call .* held by Map sessions/);
      expect(walks).toEqual([]);
    }, 120_000);
  });
}
