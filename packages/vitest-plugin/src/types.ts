import type { MemscopeMatchers } from '@memscope/core';
// Brings Vitest's declarations into the program, so the augmentation below
// has a module to merge into.
import type {} from 'vitest';

/**
 * The memscope assertions on Vitest's `expect(…)`. All of them return a
 * promise, so they are added to `Assertion` only: an asymmetric matcher
 * (`expect.toLeak()` inside `toEqual`) must answer synchronously, which a
 * leak verdict cannot.
 */
declare module 'vitest' {
  // `T` is unused but must match Vitest's own declaration.
  interface Assertion<T = any> extends MemscopeMatchers<void> {}
}

export {};
