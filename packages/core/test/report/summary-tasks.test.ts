import { describe, expect, it } from 'vitest';
import { compareWithBaseline } from '../../src/baseline/judge.js';
import { nextBaseline } from '../../src/baseline/update.js';
import type { BaselineFile } from '../../src/baseline/types.js';
import { buildRunReport } from '../../src/report/build.js';
import { createColors } from '../../src/report/colors.js';
import { formatSummary } from '../../src/report/summary.js';
import { validateRunReport } from '../../src/report/validate/report.js';
import type { TaskNode } from '../../src/tasks/types.js';
import { figures, RUN, task } from './fixtures.js';

const FILE = 'src/import.test.ts';
const MIB = 1024 * 1024;

function tasksOf(): TaskNode[] {
  const test = (name: string, extra: Partial<TaskNode> = {}) =>
    task({ id: `${FILE} > ${name}`, name, file: FILE, parentId: FILE, figures: figures({ allocated: 2 * MIB }, 'measured'), ...extra });
  const child = (parent: string, name: string, allocated: number, extra: Partial<TaskNode> = {}) =>
    task({ id: `${FILE} > ${parent} > ${name}`, kind: 'task', name, file: FILE, path: [parent, name], parentId: `${FILE} > ${parent}`, figures: figures({ allocated, durationMs: 12 }, 'measured'), ...extra });
  const sharedTest = (name: string, others: string[]) =>
    test(name, { shared: true, overlaps: others.map((o) => `${FILE} > ${o}`), figures: { allocated: { value: 30 * MIB, source: 'shared' } } });
  return [
    task({ id: FILE, kind: 'file', name: FILE, file: FILE, path: [] }),
    test('imports users'),
    child('imports users', 'parse CSV', 1 * MIB),
    child('imports users', 'insert', 5 * MIB),
    task({ id: `${FILE} > imports users > insert > batch`, kind: 'task', name: 'batch', file: FILE, path: ['imports users', 'insert', 'batch'], parentId: `${FILE} > imports users > insert`, figures: figures({ allocated: 4 * MIB }, 'measured') }),
    sharedTest('a', ['b', 'c']),
    sharedTest('b', ['a', 'c']),
    sharedTest('c', ['a', 'b']),
  ];
}

function baselineFor(tasks: TaskNode[], change: (b: BaselineFile) => void): BaselineFile {
  const baseline = nextBaseline(tasks, null, { mode: 'sampled' });
  change(baseline);
  return baseline;
}

describe('task scopes and shared figures in the summary and the baseline', () => {
  it('shows each test\'s task scopes as a tree with their figures, and marks shared tests', () => {
    const report = buildRunReport({ files: [{ schemaVersion: 1, file: FILE, capture: 'native', mode: 'sampled', tasks: tasksOf() }], run: RUN });
    const text = formatSummary(report, { colors: createColors(false) });
    expect(text).toContain([
      'Task scopes (3 tasks in 1 test)',
      '  src/import.test.ts > imports users',
      '    ├ parse CSV  allocated 1.0 MiB · took 12 ms',
      '    └ insert  allocated 5.0 MiB · took 12 ms',
      '      └ batch  allocated 4.0 MiB',
    ].join('\n'));
    expect(text).toMatch(/30\.0 MiB \(shared\)\s+src\/import\.test\.ts > a ≈ shared with 2 tasks/);
    expect(validateRunReport(JSON.parse(JSON.stringify(report)), 'report.json')).toEqual(report);
  });

  it('records task scopes in the baseline, names the task on regression, and says which tests were not judged', () => {
    const tasks = tasksOf();
    const data = baselineFor(tasks, (b) => { b.tests[`${FILE} > imports users > insert > batch`]!.figures.allocated!.value = 1 * MIB; });
    expect(Object.keys(data.tests)).toEqual([
      `${FILE} > imports users`, `${FILE} > imports users > insert`, `${FILE} > imports users > insert > batch`, `${FILE} > imports users > parse CSV`,
    ]);
    const comparison = compareWithBaseline(tasks, { path: 'memscope.baseline.json', data });
    expect(comparison.regressions.map((r) => r.taskId)).toEqual([`${FILE} > imports users > insert > batch`]);
    expect(comparison.sharedTests).toEqual([`${FILE} > a`, `${FILE} > b`, `${FILE} > c`]);
    expect(comparison.removedTests).toEqual([]);
    const report = buildRunReport({ files: [{ schemaVersion: 1, file: FILE, capture: 'native', mode: 'sampled', tasks }], run: RUN, baseline: comparison });
    const text = formatSummary(report, { colors: createColors(false) });
    expect(text).toMatch(/✗ src\/import\.test\.ts > imports users > insert > batch {2}allocated 1\.0 MiB → 4\.0 MiB/);
    expect(text).toContain('3 tests ran concurrently: their figures are shared and not judged');
    expect(validateRunReport(JSON.parse(JSON.stringify(report)), 'report.json')).toEqual(report);
  });

  it('counts new task scopes apart from new tests', () => {
    const tasks = tasksOf().filter((t) => !t.shared);
    const comparison = compareWithBaseline(tasks, { path: 'memscope.baseline.json', data: null });
    const report = buildRunReport({ files: [{ schemaVersion: 1, file: FILE, capture: 'native', mode: 'sampled', tasks }], run: RUN, baseline: comparison });
    expect(formatSummary(report, { colors: createColors(false) })).toContain('1 new test and 3 task scopes not in the baseline (update to record)');
    const scopesOnly = { ...comparison, newTests: comparison.newTests.filter((id) => id !== `${FILE} > imports users`) };
    const onlyScopes = buildRunReport({ files: [{ schemaVersion: 1, file: FILE, capture: 'native', mode: 'sampled', tasks }], run: RUN, baseline: scopesOnly });
    expect(formatSummary(onlyScopes, { colors: createColors(false) })).toContain('3 new task scopes not in the baseline');
  });

  it('leaves a serial suite\'s comparison without a shared note', () => {
    const serial = tasksOf().filter((t) => !t.shared);
    const comparison = compareWithBaseline(serial, { path: 'b.json', data: nextBaseline(serial, null, { mode: 'sampled' }) });
    expect(comparison).not.toHaveProperty('sharedTests');
    expect(comparison.regressions).toEqual([]);
  });
});
