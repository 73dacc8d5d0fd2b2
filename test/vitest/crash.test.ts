import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FixtureProject } from '../support/index.js';
import { createVitestProject, runVitestIn, testsById, vitestConfig, VITEST_VERSIONS, type VitestRun } from './run-vitest.js';

// The second test kills its forked worker outright, after giving Vitest time
// to send the first test's result.
const crashing = `import { expect, test } from 'vitest';

test('finishes before the crash', () => {
  expect(Array.from({ length: 1000 }, String)).toHaveLength(1000);
});

test('kills its worker', async () => {
  await new Promise((resolve) => setTimeout(resolve, 500));
  process.kill(process.pid, 'SIGKILL');
});
`;

const healthy = `import { expect, test } from 'vitest';

test('runs in another worker', () => {
  expect(1 + 1).toBe(2);
});
`;

describe.each(VITEST_VERSIONS)('Vitest %i: a crashed worker', (version) => {
  let project: FixtureProject;
  let run: VitestRun;

  beforeAll(async () => {
    project = await createVitestProject(version, {
      'crash.spec.ts': crashing,
      'healthy.spec.ts': healthy,
      'vitest.config.mjs': vitestConfig({ reporterOptions: { html: false, baseline: false } }),
    });
    run = await runVitestIn(project, version);
  });
  afterAll(() => project?.cleanup());

  test('fails the run and still writes the report', async () => {
    expect(run.exitCode).not.toBe(0);
    const report = await run.report();
    expect(report, run.output).not.toBeNull();
    expect(report!.missing).toContainEqual({ file: 'crash.spec.ts', reason: 'incomplete' });
    if (version >= 4) {
      expect(testsById(report!).get('healthy.spec.ts > runs in another worker')?.state).toBe('passed');
    } else {
      // Vitest 3 exits on the crash before telling reporters the run ended.
      expect(run.stderr).toContain('memscope: the run ended before Vitest reported its end');
    }
  });

  test('keeps the figures of the test that finished before the crash', async () => {
    const finished = testsById((await run.report())!).get('crash.spec.ts > finishes before the crash');
    expect(finished?.state).toBe('passed');
    expect(finished?.figures.allocated?.value).toBeGreaterThan(0);
  });
});
