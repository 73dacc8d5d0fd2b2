import { describe, it, expect } from 'vitest';
import { formatPreview } from '../../src/analyzers/preview.js';

class Session {
  constructor(public id: number, public user: { name: string }) {}
}

describe('previews of leaked objects', () => {
  it('shows the class and its fields on one line', () => {
    expect(formatPreview(new Session(7, { name: 'ada' }))).toBe('Session {"id": 7, "user": Object {"name": "ada"}}');
  });

  it('never runs a getter, a proxy trap, toJSON or Symbol.toPrimitive', () => {
    let ran = 0;
    const hostile = {
      get secret() {
        ran++;
        return 'x';
      },
      toJSON() {
        ran++;
        return 'json';
      },
      [Symbol.toPrimitive]() {
        ran++;
        return 1;
      },
      proxy: new Proxy({}, { get: () => { ran++; return 1; }, ownKeys: () => { ran++; return []; } }),
    };
    const text = formatPreview(hostile);
    expect(ran).toBe(0);
    expect(text).toContain('"secret": "[Getter]"');
    expect(text).toContain('Proxy');
  });

  it('survives revoked proxies, overwritten constructors, cycles and huge values, staying short', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const cyclic: Record<string, unknown> = { big: 'y'.repeat(100_000), list: new Array(100_000).fill(1) };
    cyclic.self = cyclic;
    Object.defineProperty(cyclic, 'constructor', { get: () => { throw new Error('boom'); } });
    expect(() => formatPreview(proxy)).not.toThrow();
    const text = formatPreview(cyclic);
    expect(text.length).toBeLessThanOrEqual(401);
    expect(text).toContain('[Circular]');
  });
});
