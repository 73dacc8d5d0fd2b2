/**
 * The matchers on `@types/jest`'s global `expect` (`jest.Matchers`), for
 * projects that use Jest's globals without importing them.
 */
import type { MemscopeMatchers } from '@memscope/core';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // The type parameters must match @types/jest's declaration exactly.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
    interface Matchers<R, T = {}> extends MemscopeMatchers<R> {}
  }
}

export {};
