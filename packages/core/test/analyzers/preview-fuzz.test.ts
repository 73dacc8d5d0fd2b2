import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPreview } from '../../src/analyzers/preview.js';

const MAX_PREVIEW_CHARS = 401;

/**
 * Wraps a generated value in the traps user code can set: a getter, a
 * Proxy that answers every trap, a revoked Proxy, a throwing toJSON and
 * Symbol.toPrimitive, an overwritten constructor. Each counts when it runs.
 */
function hostile(value: unknown, kind: number, ran: { count: number }): unknown {
  const count = <T>(result: T): T => {
    ran.count++;
    return result;
  };
  switch (kind) {
    case 0:
      return { get trap() { return count(value); }, value };
    case 1:
      return new Proxy({ value }, {
        get: () => count(value), ownKeys: () => count([]), has: () => count(true),
        getOwnPropertyDescriptor: () => count(undefined), getPrototypeOf: () => count(null),
      });
    case 2: {
      const { proxy, revoke } = Proxy.revocable({ value }, {});
      revoke();
      return proxy;
    }
    case 3:
      return { value, toJSON: () => count(() => { throw new Error('toJSON'); })(), [Symbol.toPrimitive]: () => count(1) };
    default: {
      const object: Record<string | symbol, unknown> = { value, [Symbol('key')]: value };
      Object.defineProperty(object, 'constructor', { get: () => count({ name: 'Evil' }) });
      object.self = object;
      return object;
    }
  }
}

describe('formatPreview on arbitrary and hostile values', () => {
  it('never throws, never runs user code, and stays bounded', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, maxDepth: 6 }), fc.nat(4), (value, kind) => {
        const ran = { count: 0 };
        const text = formatPreview(hostile(value, kind, ran));
        expect(typeof text).toBe('string');
        expect(text.length).toBeLessThanOrEqual(MAX_PREVIEW_CHARS + 1);
        expect(ran.count).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  // A hang here would show as the test's timeout; the preview copies a
  // bounded number of keys and levels whatever the value's size.
  it('stays bounded on very deep and very wide values', () => {
    let deep: unknown = 'end';
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    expect(formatPreview(deep).length).toBeLessThanOrEqual(MAX_PREVIEW_CHARS + 1);
    expect(formatPreview(wide).length).toBeLessThanOrEqual(MAX_PREVIEW_CHARS + 1);
  });
});
