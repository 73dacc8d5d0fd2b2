import { describe, expect, it } from 'vitest';
import { buildRunReport } from '../../src/report/build.js';
import { renderDashboard } from '../../src/report/html/render.js';
import { dashboardTree } from '../../../../test/support/dashboard-dom.js';
import { figures, RUN, task } from './fixtures.js';

const FILE = 'src/import.test.ts';
const TEST = `${FILE} > imports users`;

function reportWithTasks() {
  const tasks = [
    task({ id: FILE, kind: 'file', name: FILE, file: FILE, path: [] }),
    task({ id: TEST, name: 'imports users', file: FILE, parentId: FILE, figures: figures({ allocated: 9e6, heapBefore: 1e6, heapAfter: 2e6 }, 'measured') }),
    task({ id: `${TEST} > parse CSV`, kind: 'task', name: 'parse CSV', file: FILE, path: ['imports users', 'parse CSV'], parentId: TEST, figures: figures({ allocated: 3e6 }, 'measured') }),
    task({
      id: `${TEST} > insert`, kind: 'task', name: 'insert', file: FILE, path: ['imports users', 'insert'], parentId: TEST,
      shared: true, overlaps: [`${TEST} > index`], figures: figures({ allocated: 5e6 }),
    }),
    task({
      id: `${TEST} > (toLeak verdict)`, kind: 'verdict', name: 'toLeak verdict: 41,000 calls', file: FILE, path: ['imports users', '(toLeak verdict)'], parentId: TEST,
      trace: [
        { phase: 'warm-up', saw: '60 calls a round', why: 'exact, sync', next: 'quick window' },
        { phase: 'quick window', saw: 'kept 96 B', why: 'flat, passed', next: 'passed' },
      ],
    }),
  ];
  tasks[3]!.figures.allocated!.source = 'shared';
  return buildRunReport({ files: [{ schemaVersion: 1, file: FILE, capture: 'native', mode: 'sampled', tasks }], run: RUN });
}

describe('dashboard task graph', () => {
  it('shows task scopes and verdicts as children of their test, shared ones marked', async () => {
    const { rows, detail } = await dashboardTree(renderDashboard(reportWithTasks()), 'insert');
    const names = rows.map((row) => row.replace(/\s+/g, ' ').trim());
    expect(names.findIndex((r) => r.includes('imports users'))).toBeLessThan(names.findIndex((r) => r.includes('parse CSV')));
    expect(names.find((r) => r.includes('parse CSV'))).toMatch(/^.?S.*parse CSV.*2\.9 MiB/);
    expect(names.find((r) => r.includes('insert'))).toMatch(/insert.*shared.*~4\.8 MiB/);
    expect(names.find((r) => r.includes('toLeak verdict'))).toMatch(/V.*toLeak verdict: 41,000 calls/);
    expect(detail).toContain(`Ran at the same time as ${TEST} > index`);
  });

  it('lists the tasks inside a test in its detail', async () => {
    const { detail } = await dashboardTree(renderDashboard(reportWithTasks()), 'imports users');
    expect(detail).toContain('Tasks inside');
    expect(detail).toContain('parse CSV — allocated 2.9 MiB');
    expect(detail).toContain('warm-up: 60 calls a round; exact, sync → quick window');
  });

  it("shows a leak verdict's path, step by step, in the verdict's detail", async () => {
    const { detail } = await dashboardTree(renderDashboard(reportWithTasks()), 'toLeak verdict');
    expect(detail).toContain('Verdict path');
    expect(detail).toContain('warm-up: 60 calls a round; exact, sync → quick window');
    expect(detail).toContain('quick window: kept 96 B; flat, passed → passed');
  });
});
