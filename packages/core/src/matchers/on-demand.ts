import { runsFromBuild } from '../main-context.js';
import { MATCHER_NAMES, type MatcherName } from './names.js';
import type { MatcherContextLike, MatcherResult } from './types.js';

type MatchersModule = typeof import('./index.js');
export type OnDemandMatcher = (this: MatcherContextLike, received: unknown, ...args: unknown[]) => Promise<MatcherResult>;

/**
 * The memscope matchers, for `expect.extend`, with their code (the verdict,
 * the analyzers, the capture's heap graph, the failure formatting) loaded on
 * the first call of any of them. Most test files never call one, and each
 * would otherwise load about seventy modules it does not use. Every matcher
 * is async, so waiting for the load changes nothing for the caller.
 *
 * @example
 * expect.extend(createMatchersOnDemand());
 * await expect(() => cache.get('k')).not.toLeak();
 */
export function createMatchersOnDemand(): Record<MatcherName, OnDemandMatcher> {
  let loaded: Promise<Record<MatcherName, OnDemandMatcher>> | undefined;
  const load = () =>
    (loaded ??= (async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const matchers: MatchersModule = runsFromBuild ? require('./index.js') : await import('./index.js');
      return matchers.createMatchers(matchers.defaultMatcherDeps()) as Record<MatcherName, OnDemandMatcher>;
    })());
  const onDemand = {} as Record<MatcherName, OnDemandMatcher>;
  for (const name of MATCHER_NAMES) {
    // A named function expression: runners show the matcher's name in stacks and errors.
    const matcher = {
      async [name](this: MatcherContextLike, received: unknown, ...args: unknown[]): Promise<MatcherResult> {
        const matchers = await load();
        return matchers[name].call(this, received, ...args);
      },
    }[name]!;
    onDemand[name] = matcher;
  }
  return onDemand;
}

/**
 * Loads the matchers' code now rather than on their first call. For a
 * runner that loads it into every test file's own registry (Jest): there the
 * first call paid 2.5–4 s of a loaded machine for it, out of the first
 * verdict's test timeout. Outside a build the first call loads it.
 */
export function preloadMatchers(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (runsFromBuild) require('./index.js');
}
