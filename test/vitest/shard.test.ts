import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FixtureProject } from '../support/index.js';
import { createVitestProject, runVitestIn, testsById, vitestConfig, VITEST_VERSIONS } from './run-vitest.js';

const spec = (name: string) => `import { expect, test } from 'vitest';

test('${name} builds a list', () => {
  expect(Array.from({ length: 2000 }, (_, i) => ({ i }))).toHaveLength(2000);
});
`;

describe.each(VITEST_VERSIONS)('Vitest %i: --shard with blob reports and --merge-reports', (version) => {
  let project: FixtureProject;

  beforeAll(async () => {
    project = await createVitestProject(version, {
      'alpha.spec.ts': spec('alpha'),
      'beta.spec.ts': spec('beta'),
      'vitest.config.mjs': vitestConfig({ reporterOptions: { html: false, baseline: false } }),
    });
  });
  afterAll(() => project?.cleanup());

  test('the merged run reports the figures of every shard', async () => {
    for (const shard of ['1/2', '2/2']) {
      const run = await runVitestIn(project, version, [`--shard=${shard}`, '--reporter=blob']);
      expect(run.exitCode, run.output).toBe(0);
    }
    const merged = await runVitestIn(project, version, ['--merge-reports']);
    expect(merged.exitCode, merged.output).toBe(0);
    const tests = testsById((await merged.report())!);
    expect([...tests.keys()].sort()).toEqual(['alpha.spec.ts > alpha builds a list', 'beta.spec.ts > beta builds a list']);
    for (const task of tests.values()) expect(task.figures.allocated?.value, task.id).toBeGreaterThan(0);
    expect(merged.stdout).toContain('memscope 2 tests in 2 files');
  });
});
