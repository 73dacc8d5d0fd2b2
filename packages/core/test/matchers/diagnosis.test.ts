import { describe, expect, it } from 'vitest';
import { formatLeakDiagnosis } from '../../src/index.js';
import { leakResult } from './fakes.js';

describe('formatLeakDiagnosis, as users call it beside checkLeak', () => {
  it('prints plain text when no colours are given', () => {
    const text = formatLeakDiagnosis(leakResult(true, [{ kind: 'heap', title: 'entries of Map sessions: +1 per call (136 B per call)' }]));
    expect(text).toContain('The function leaked: 1 finding, growing with every call.');
    expect(text).toContain('entries of Map sessions');
    expect(text).not.toMatch(/\u001b\[/);
  });

  it.each([undefined, null, 42, { leaked: true }])('names the argument and what it must be when given %o', (bad) => {
    expect(() => formatLeakDiagnosis(bad as never)).toThrow(/formatLeakDiagnosis: `result` must be what checkLeak resolves to .*got /);
  });
});
