import { describe, expect, it } from 'vitest';
// By package name, as a user's test file imports it (needs `npm run build`):
// Vitest inlines a workspace-linked package's ESM wrapper, which must still
// hand out the one CommonJS build's functions.
import * as built from '@memscope/core';
import { checkLeak, track, createMatchers } from '@memscope/core';
import * as fromSource from '../src/index.js';

describe('@memscope/core imported by name inside Vitest', () => {
  it('gives functions, not undefined', () => {
    expect(typeof checkLeak).toBe('function');
    expect(typeof track).toBe('function');
    expect(typeof createMatchers).toBe('function');
  });

  it('exports every name the sources export', () => {
    const names = Object.keys(fromSource).filter((name) => name !== 'default');
    expect(names.length).toBeGreaterThan(20);
    const missing = names.filter((name) => (built as Record<string, unknown>)[name] === undefined);
    expect(missing).toEqual([]);
  });
});
