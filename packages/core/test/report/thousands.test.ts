import { describe, expect, it } from 'vitest';
import { plural, withThousands } from '../../src/report/format.js';

describe('withThousands', () => {
  it("writes integers as toLocaleString('en-US') does", () => {
    const values = [0, -0, 1, 9, 10, 999, 1000, 1001, 12_345, 999_999, 1_000_000, 1_234_567_890, -1, -999, -1000, -1_234_567, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
    for (const value of values) expect(withThousands(value)).toBe(value.toLocaleString('en-US'));
  });

  it('leaves fractions and numbers past the safe range to toLocaleString', () => {
    for (const value of [1234.5678, 0.5, -2.25, 2 ** 60, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(withThousands(value)).toBe(value.toLocaleString('en-US'));
    }
  });

  it('feeds plural', () => {
    expect(plural(1, 'test')).toBe('1 test');
    expect(plural(12_345, 'file')).toBe('12,345 files');
    expect(plural(2, 'child', 'children')).toBe('2 children');
  });
});
