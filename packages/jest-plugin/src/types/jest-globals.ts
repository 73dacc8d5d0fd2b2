/// <reference types="expect" preserve="true" />
/**
 * The matchers on `expect` from `@jest/globals` (and the `expect` package),
 * whose `Matchers` interface Jest documents as the one to augment.
 */
import type { MemscopeMatchers } from '@memscope/core';

declare module 'expect' {
  // The type parameters must match expect's declaration exactly (Jest 29 and 30).
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface Matchers<R extends void | Promise<void>, T = unknown> extends MemscopeMatchers<R> {}
}

export {};
