import type { LeakFilterRule } from './types.js';

const RUNNER_HOLDERS = /__vitest_worker__|__vitest_|jestSnapshotState|_moduleRegistry|_esmoduleRegistry|_cjsNamedExports|_mockRegistry|__jest|jest-circus|moduleCache|evaluatedModules|EvaluatedModule|importMeta|unhandledErrors/;

export const testRunnerOwn: LeakFilterRule = {
  name: 'test-runner-own',
  why: "Jest's and Vitest's own state (module registries, expect state, snapshot state, worker state) is retained by the runner, not by the code under test.",
  excludesGroup(group) {
    return RUNNER_HOLDERS.test(group.holderText);
  },
};
