import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dashboardTree, type FixtureProject } from '../support/index.js';
import { createVitestProject, runVitestIn, vitestConfig, VITEST_VERSIONS, type VitestRun, type VitestVersion } from './run-vitest.js';

const MIB = 1024 * 1024;
const TEST = 'import.spec.ts > imports users';

// FIXTURE_SCALE sets how much 'parse rows' allocates: 8 MiB × scale.
const importSpec = `import { expect, test } from 'vitest';
import { task } from '@memscope/vitest';

const scale = Number(process.env.FIXTURE_SCALE || '1');

test('imports users', async () => {
  const rows = await task('parse rows', () => new Array(1024 * 1024 * scale).fill(0.5));
  const saved = await task('save rows', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return rows.length;
  });
  expect(saved).toBe(1024 * 1024 * scale);
});

test('does not leak', async () => {
  // Each call allocates 8 KiB of garbage: the verdict allocates far more than the test itself.
  await expect(() => new Array(1024).fill(1)).not.toLeak();
});
`;

// Three tests that overlap: each awaits timers while the others run.
const concurrentSpec = `import { describe, expect, test } from 'vitest';

const kept: unknown[] = [];
const pause = () => new Promise((resolve) => setTimeout(resolve, 30));

describe.concurrent('cache', () => {
  test('keeps a lot', async () => { await pause(); kept.push(new Array(2 * 1024 * 1024).fill(1)); await pause(); expect(kept.length).toBeGreaterThan(0); });
  test('keeps a little', async () => { await pause(); kept.push(new Array(64 * 1024).fill(1)); await pause(); expect(kept.length).toBeGreaterThan(0); });
  test('keeps nothing', async () => { await pause(); await pause(); expect(true).toBe(true); });
});
`;

describe.each(VITEST_VERSIONS)('Vitest %i: task scopes', (version: VitestVersion) => {
  let project: FixtureProject;
  let record: VitestRun;
  let regressed: VitestRun;

  beforeAll(async () => {
    project = await createVitestProject(version, {
      'import.spec.ts': importSpec,
      'concurrent.spec.ts': concurrentSpec,
      'vitest.config.mjs': vitestConfig({ reporterOptions: { html: true } }),
    });
    record = await runVitestIn(project, version, [], { MEMSCOPE_UPDATE: '1' });
    regressed = await runVitestIn(project, version, [], { FIXTURE_SCALE: '4' });
  }, 240_000);
  afterAll(() => project?.cleanup());

  test('reports both task() scopes as children of the test, with their own figures, in the JSON', async () => {
    expect(record.exitCode, record.output).toBe(0);
    const tasks = (await record.report())!.tasks;
    const parse = tasks.find((t) => t.id === `${TEST} > parse rows`)!;
    const save = tasks.find((t) => t.id === `${TEST} > save rows`)!;
    expect([parse.kind, parse.parentId, save.kind, save.parentId]).toEqual(['task', TEST, 'task', TEST]);
    expect(parse.figures.allocated).toEqual({ value: expect.any(Number), source: 'measured' });
    expect(parse.figures.allocated!.value).toBeGreaterThan(8 * MIB);
    expect(save.figures.allocated!.value).toBeLessThan(parse.figures.allocated!.value / 4);
    expect(save.figures.durationMs!.value).toBeGreaterThanOrEqual(4);
  });

  test('shows the task scopes in the terminal summary and the dashboard', async () => {
    expect(record.output).toMatch(/Task scopes \(2 tasks in 1 test\)\n {2}import\.spec\.ts > imports users\n {4}├ parse rows {2}allocated [\d.]+ MiB.*\n {4}└ save rows {2}allocated/);
    const { rows, detail } = await dashboardTree(await project.read('memscope-report/index.html'), 'imports users');
    const at = (name: string) => rows.findIndex((row) => row.includes(name));
    expect(at('parse rows')).toBeGreaterThan(at('imports users'));
    expect(at('save rows')).toBeGreaterThan(at('parse rows'));
    expect(detail).toContain('Tasks inside');
  });

  test("keeps the toLeak calls in a verdict child task, out of the test's own allocated figure", async () => {
    const tasks = (await record.report())!.tasks;
    const test = tasks.find((t) => t.id === 'import.spec.ts > does not leak')!;
    const verdict = tasks.find((t) => t.parentId === test.id && t.kind === 'verdict')!;
    expect(verdict.name).toMatch(/^toLeak verdict: [\d,]+ calls$/);
    expect(verdict.figures.allocated!.value).toBeGreaterThan(4 * test.figures.allocated!.value);
  });

  test('labels the figures of concurrent tests shared, names the overlapping tests, and leaves them out of the baseline', async () => {
    const report = (await record.report())!;
    const concurrent = report.tasks.filter((t) => t.kind === 'test' && t.file === 'concurrent.spec.ts');
    expect(concurrent).toHaveLength(3);
    for (const t of concurrent) {
      expect(t.shared).toBe(true);
      expect([...t.overlaps!].sort()).toEqual(concurrent.filter((o) => o !== t).map((o) => o.id).sort());
      // What the test's own code allocated is attributed to it (attribution.ts); GC counts stay the process's.
      expect(t.figures.allocated!.source).toBe('sampled');
      expect(t.figures.gcCount!.source).toBe('shared');
    }
    expect(report.baseline?.sharedTests?.sort()).toEqual(concurrent.map((t) => t.id).sort());
    expect(record.output).toContain('3 tests ran concurrently: their figures are shared and not judged');
    expect(record.output).toMatch(/concurrent\.spec\.ts > cache > keeps a lot ≈ shared with 2 tasks/);
    const { rows } = await dashboardTree(await project.read('memscope-report/index.html'));
    expect(rows.filter((row) => /keeps (a lot|a little|nothing).*shared/.test(row))).toHaveLength(3);
  });

  test('records the task scopes in the baseline and names the task whose figure regressed', async () => {
    const baseline = JSON.parse(await project.read('memscope.baseline.json'));
    expect(Object.keys(baseline.tests)).toEqual(expect.arrayContaining([`${TEST} > parse rows`, `${TEST} > save rows`]));
    expect(Object.keys(baseline.tests).some((id) => id.startsWith('concurrent.spec.ts'))).toBe(false);
    expect(regressed.exitCode).toBe(1);
    expect(regressed.output).toMatch(/✗ import\.spec\.ts > imports users > parse rows {2}allocated [\d.]+ MiB → [\d.]+ MiB/);
    expect((await regressed.report())?.baseline?.regressions).toEqual(expect.arrayContaining([
      expect.objectContaining({ taskId: `${TEST} > parse rows`, figure: 'allocated' }),
    ]));
  });
});
