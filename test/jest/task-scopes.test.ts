import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardTree, runJestIn, type FixtureProject, type JestRun } from '../support/index.js';
import { jestFixture, NEWEST_JEST } from './fixture.js';

// Two runs per version: record the baseline, then quadruple what the task
// 'parse rows' allocates (a regression inside a task scope).
const MIB = 1024 * 1024;
const TEST = 'import.spec.js > imports users';
const runs = new Map<number, { project: FixtureProject; record: JestRun; regressed: JestRun }>();

beforeAll(async () => {
  for (const version of NEWEST_JEST) {
    const project = await jestFixture(version, 'task-scopes');
    const record = await runJestIn(project, version, { env: { MEMSCOPE_UPDATE: '1' } });
    const regressed = await runJestIn(project, version, { env: { FIXTURE_SCALE: '4' } });
    runs.set(version, { project, record, regressed });
  }
}, 240_000);

afterAll(async () => {
  for (const { project } of runs.values()) await project.cleanup();
});

describe.each(NEWEST_JEST)('Jest %i: task scopes', (version) => {
  const get = () => runs.get(version)!;

  it('reports both task() scopes as children of the test, with their own figures, in the JSON', () => {
    const { record } = get();
    expect(record.exitCode, record.output).toBe(0);
    const tasks = record.report!.tasks;
    const parse = tasks.find((t) => t.id === `${TEST} > parse rows`)!;
    const save = tasks.find((t) => t.id === `${TEST} > save rows`)!;
    expect([parse.kind, parse.parentId, save.kind, save.parentId]).toEqual(['task', TEST, 'task', TEST]);
    expect(parse.figures.allocated!.value).toBeGreaterThan(8 * MIB);
    expect(save.figures.allocated!.value).toBeLessThan(parse.figures.allocated!.value / 4);
    expect(save.figures.durationMs!.value).toBeGreaterThanOrEqual(4);
    expect(tasks.find((t) => t.id === TEST)!.figures.allocated!.value).toBeGreaterThanOrEqual(parse.figures.allocated!.value);
  });

  it('shows the task scopes in the terminal summary and the dashboard', async () => {
    const { record, project } = get();
    expect(record.output).toMatch(/Task scopes \(2 tasks in 1 test\)\n {2}import\.spec\.js > imports users\n {4}├ parse rows {2}allocated [\d.]+ MiB.*\n {4}└ save rows {2}allocated/);
    const { rows } = await dashboardTree(await project.read('memscope-report/index.html'));
    const at = (name: string) => rows.findIndex((row) => row.includes(name));
    expect(at('imports users')).toBeGreaterThan(-1);
    expect(at('parse rows')).toBeGreaterThan(at('imports users'));
    expect(at('save rows')).toBeGreaterThan(at('parse rows'));
  });

  it('keeps the toLeak calls in a verdict child task, out of the test\'s own allocated figure', () => {
    const tasks = get().record.report!.tasks;
    const test = tasks.find((t) => t.id === 'import.spec.js > does not leak')!;
    const verdict = tasks.find((t) => t.parentId === test.id && t.kind === 'verdict')!;
    expect(verdict.name).toMatch(/^toLeak verdict: [\d,]+ calls$/);
    expect(verdict.figures.allocated!.value).toBeGreaterThan(4 * test.figures.allocated!.value);
  });

  it('records the task scopes in the baseline and names the task whose figure regressed', async () => {
    const { project, regressed } = get();
    const baseline = JSON.parse(await project.read('memscope.baseline.json'));
    expect(Object.keys(baseline.tests)).toEqual(expect.arrayContaining([`${TEST} > parse rows`, `${TEST} > save rows`]));
    expect(Object.keys(baseline.tests).some((id) => id.includes('verdict'))).toBe(false);
    expect(regressed.exitCode).toBe(1);
    expect(regressed.output).toMatch(/✗ import\.spec\.js > imports users > parse rows {2}allocated [\d.]+ MiB → [\d.]+ MiB/);
    expect(regressed.report?.baseline?.regressions).toEqual(expect.arrayContaining([
      expect.objectContaining({ taskId: `${TEST} > parse rows`, figure: 'allocated' }),
    ]));
  });
});
