import type { LeakFilterRule } from './types.js';

const RUNNER_HOLDERS = /__vitest_worker__|__vitest_|jestSnapshotState|_moduleRegistry|_esmoduleRegistry|_cjsNamedExports|_mockRegistry|__jest|jest-circus|moduleCache|evaluatedModules|EvaluatedModule|importMeta|unhandledErrors/;

/**
 * Stack traces are source-mapped by the runner (Jest installs
 * source-map-support through Error.prepareStackTrace): each file's map is
 * decoded on the first trace through it and cached for the rest of the run.
 */
const SOURCE_MAP_CACHES = /prepareStackTrace|SourceMapSupport|SourceMapCache|TraceMap/;

export const testRunnerOwn: LeakFilterRule = {
  name: 'test-runner-own',
  why: "Jest's and Vitest's own state (module registries, expect state, snapshot state, worker state, the decoded source maps of stack traces) is retained by the runner, not by the code under test.",
  excludesGroup(group) {
    return RUNNER_HOLDERS.test(group.holderText) || SOURCE_MAP_CACHES.test(group.pathText);
  },
};
