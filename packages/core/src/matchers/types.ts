import type { Capture } from '../capture/types.js';
import type { LeakOptions } from '../verdict/options.js';
import type { TrackedObjectReport } from '../tasks/types.js';
import type { Finding, LeakResult } from '../verdict/types.js';
import type { AllocationOptions, RetentionOptions } from './measure.js';

/**
 * The part of a matcher's `this` memscope reads. Jest's and Vitest's matcher
 * contexts both have it, so each matcher is written once against this shape
 * and each plugin only calls `expect.extend`.
 */
export interface MatcherUtilsLike {
  matcherHint(
    matcherName: string,
    received?: string,
    expected?: string,
    options?: { isNot?: boolean; promise?: string; secondArgument?: string },
  ): string;
  printReceived(value: unknown): string;
  printExpected(value: unknown): string;
  /** The framework's colour for received values; tells whether its output is coloured. */
  RECEIVED_COLOR?: (text: string) => string;
}

export interface MatcherContextLike {
  isNot?: boolean;
  /** `resolves` or `rejects` when the matcher is chained after one of them. */
  promise?: string;
  utils: MatcherUtilsLike;
}

export interface MatcherResult {
  pass: boolean;
  /** Built only when the framework needs it (the assertion failed). */
  message: () => string;
}

/** What the matchers need from the rest of memscope; injected so tests can fake it. */
export interface MatcherDeps {
  checkLeak(fn: () => unknown, options?: LeakOptions): Promise<LeakResult>;
  /** The capture to measure with (native addon or pure JS). */
  capture(): Capture;
  /** Settles the heap and reports each object tracked under `name`: collected, or what holds it. */
  checkTracked(name: string): Promise<TrackedObjectReport[]>;
  /** A failed assertion's findings, for the running test's report entry. */
  recordFindings?(findings: Finding[]): void;
  /** Saves the figures gathered so far before work that may kill the worker (a verdict's heap snapshot). */
  checkpoint?(): Promise<void>;
  /** Milliseconds the verdict may take before the running test's timeout; undefined without one. */
  testTimeLeftMs?(): number | undefined;
}

/**
 * The memscope assertions, generic over the framework's return type `R`.
 * Every one of them is asynchronous: always `await` it.
 *
 * Each framework's type file (`@memscope/jest`'s `jest.d.ts` and
 * `jest-globals.d.ts`, `@memscope/vitest`'s `vitest.d.ts`) adapts this
 * interface to its own `Matchers` interface.
 */
export interface MemscopeMatchers<R = unknown> {
  /**
   * Calls the received function many times and fails (or, with `.not`,
   * passes) when memory grows with the number of calls: heap objects,
   * references piling up on one holder, handles left open, native memory.
   *
   * @example
   * await expect(() => cache.get(key)).not.toLeak();
   * await expect(async () => server.handle(request)).not.toLeak({ rounds: 8 });
   */
  toLeak(options?: LeakOptions): Promise<R>;
  /**
   * Bytes allocated per call, garbage included, measured over `calls` calls
   * after `warmup` calls: heap growth plus the bytes the garbage collector
   * freed in between. Fails when the mean per call exceeds `bytesPerCall`.
   *
   * @example
   * await expect(() => parse(line)).toAllocateAtMost(4 * 1024);
   */
  toAllocateAtMost(bytesPerCall: number, options?: AllocationOptions): Promise<R>;
  /**
   * Bytes still reachable after `calls` calls (default 1) and a settled GC,
   * in total over those calls, not per call: JS heap outside compiled code,
   * plus external memory (Buffers, ArrayBuffers). The return values of the
   * calls are dropped, so they do not count. A one-time cost (a cache
   * filled, a module-level singleton built) counts.
   *
   * @example
   * // Loading the catalogue keeps at most 1 MiB alive, whatever it allocated on the way.
   * await expect(() => loadCatalogue()).toRetainAtMost(1024 * 1024);
   */
  toRetainAtMost(bytes: number, options?: RetentionOptions): Promise<R>;
  /**
   * Receives the name given to `track(value, name)`. Passes when every
   * object tracked under that name has been garbage-collected after a
   * settled GC; otherwise fails with the path of references from a GC root
   * that keeps each survivor alive. The name, not the value: `expect(value)`
   * would itself hold the value until the assertion ends.
   *
   * @example
   * track(openSession(user), 'session');
   * closeAllSessions();
   * await expect('session').toBeCollected();
   */
  toBeCollected(): Promise<R>;
}
