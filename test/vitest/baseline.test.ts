import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FixtureProject } from '../support/index.js';
import { createVitestProject, runVitestIn, vitestConfig, VITEST_VERSIONS } from './run-vitest.js';

// `BUILD_SIZE` decides how much the test allocates, so one project can
// record a baseline and then regress against it.
const spec = `import { expect, test } from 'vitest';

test('builds the index', () => {
  const size = Number(process.env.BUILD_SIZE ?? 1000);
  const index = Array.from({ length: size }, (_, i) => ({ key: 'k' + i, value: i }));
  expect(index).toHaveLength(size);
});
`;

describe.each(VITEST_VERSIONS)('Vitest %i: the baseline', (version) => {
  let project: FixtureProject;

  beforeAll(async () => {
    project = await createVitestProject(version, {
      'index.spec.ts': spec,
      'vitest.config.mjs': vitestConfig({ reporterOptions: { html: false } }),
    });
  });
  afterAll(() => project?.cleanup());

  test('an update run records each test', async () => {
    const run = await runVitestIn(project, version, [], { MEMSCOPE_UPDATE: '1' });
    expect(run.exitCode, run.output).toBe(0);
    const baseline = JSON.parse(await readFile(project.path('memscope.baseline.json'), 'utf8'));
    expect(baseline.tests['index.spec.ts > builds the index'].figures.allocated.value).toBeGreaterThan(0);
  });

  test('a test that now allocates far more fails the run, naming the test and the figure', async () => {
    const run = await runVitestIn(project, version, [], { BUILD_SIZE: '400000' });
    expect(run.exitCode, run.output).toBe(1);
    expect(run.output).toContain('index.spec.ts > builds the index');
    expect(run.output).toMatch(/allocated/);
    expect(run.stderr).toContain('memscope: 1 memory regression against memscope.baseline.json');
    const report = await run.report();
    expect(report?.baseline?.regressions).toEqual([expect.objectContaining({ taskId: 'index.spec.ts > builds the index', figure: 'allocated' })]);
  });

  test("Vitest's own -u updates the baseline, and the next run passes", async () => {
    const update = await runVitestIn(project, version, ['-u'], { BUILD_SIZE: '400000' });
    expect(update.exitCode, update.output).toBe(0);
    const again = await runVitestIn(project, version, [], { BUILD_SIZE: '400000' });
    expect(again.exitCode, again.output).toBe(0);
    expect((await again.report())?.baseline?.regressions).toEqual([]);
  });
});
