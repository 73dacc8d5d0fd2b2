import { describe, expect, it } from 'vitest';
import { formatPreview } from '../../src/analyzers/preview.js';

/** The first line of a function's source as V8 keeps it (Vitest transforms this file first). */
const firstLine = (fn: Function): string => Function.prototype.toString.call(fn).split('\n')[0]!.trim();

describe('a leaked function previewed', () => {
  it('reads as its name and the first line of its source', () => {
    const handler = () => 'closed';
    function onExit(code: number): number {
      return code;
    }
    expect(formatPreview(handler)).toBe(`[Function handler] ${firstLine(handler)}`);
    expect(firstLine(handler)).toMatch(/^\(\) => ["']closed["']$/);
    expect(formatPreview(onExit)).toBe(`[Function onExit] ${firstLine(onExit)}`);
    expect(firstLine(onExit)).toMatch(/^function onExit\(code\) \{$/);
    const anonymous = [() => 1][0]!;
    expect(formatPreview(anonymous)).toBe(`[Function anonymous] ${firstLine(anonymous)}`);
  });

  it("never calls the function's own toString", () => {
    let called = false;
    const trap = (): number => 0;
    trap.toString = () => ((called = true), 'user code');
    expect(formatPreview(trap)).toBe(`[Function trap] ${Function.prototype.toString.call(trap)}`);
    expect(called).toBe(false);
  });

  it('cuts a long first line', () => {
    const long = new Function('a', `return a + ${'1 + '.repeat(60)}1`);
    const preview = formatPreview(long);
    expect(preview.startsWith('[Function anonymous] function anonymous(a')).toBe(true);
    expect(preview.length).toBeLessThan(160);
  });
});
