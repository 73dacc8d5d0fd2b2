import { describe, expect, it } from 'vitest';
import { formatLeakDiagnosis } from '../../src/matchers/diagnosis.js';
import { buildRunReport } from '../../src/report/build.js';
import { createColors } from '../../src/report/colors.js';
import { renderDashboard } from '../../src/report/html/render.js';
import { projectPathsIn, toProjectPath } from '../../src/report/project-paths.js';
import { formatSummary } from '../../src/report/summary.js';
import type { FileRecord } from '../../src/tasks/types.js';
import type { Finding } from '../../src/verdict/types.js';
import { leakResult } from '../matchers/fakes.js';
import { RUN, task } from './fixtures.js';

const ROOT = '/home/ada/shop';
const plain = createColors(false);

// Findings as the verdict makes them: absolute paths, as V8 reports them.
const absoluteHandle: Finding = {
  kind: 'handle',
  title: `Timeout left open: +1 per call, created at JobQueue.run (${ROOT}/src/job-queue.ts:29:22)`,
  perCall: { count: 1, bytes: 0 },
  resourceType: 'Timeout',
  creationStack: [`at JobQueue.run (${ROOT}/src/job-queue.ts:29:22)`, `at file://${ROOT}/test/job-queue.test.ts:19:28`],
};
const absoluteHeap: Finding = {
  kind: 'heap',
  title: 'Job objects: +1 per call (48 B per call)',
  name: 'Job',
  perCall: { count: 1, bytes: 48 },
  allocationSite: {
    file: `${ROOT}/src/job-queue.ts`, line: 29, column: 22, functionName: 'JobQueue.run',
    stack: [`JobQueue.run (${ROOT}/src/job-queue.ts:29:22)`, `(anonymous) (${ROOT}/test/job-queue.test.ts:19:28)`], source: 'sampled',
  },
};
const absoluteFindings = [absoluteHandle, absoluteHeap];

function runWith(findings: Finding[]): FileRecord[] {
  return [{
    schemaVersion: 1, file: 'test/job-queue.test.ts', capture: 'native', mode: 'sampled',
    tasks: [task({
      id: 'test/job-queue.test.ts > runs', name: 'runs', file: 'test/job-queue.test.ts', state: 'failed',
      findings,
      handles: [{ type: 'Timeout', stack: [`at JobQueue.run (${ROOT}/src/job-queue.ts:29:22)`] }],
    })],
  }];
}

describe('paths relative to the project root', () => {
  it('makes a path or file URL inside the root relative, and leaves every other path as it is', () => {
    expect(toProjectPath(`${ROOT}/src/a.js`, ROOT)).toBe('src/a.js');
    expect(toProjectPath(`file://${ROOT}/src/a.mjs`, ROOT)).toBe('src/a.mjs');
    expect(toProjectPath(`${ROOT}2/src/a.js`, ROOT)).toBe(`${ROOT}2/src/a.js`);
    expect(toProjectPath('node:internal/timers', ROOT)).toBe('node:internal/timers');
    expect(toProjectPath('/elsewhere/a.js', ROOT)).toBe('/elsewhere/a.js');
    expect(toProjectPath(`${ROOT}/src/a.js`, undefined)).toBe(`${ROOT}/src/a.js`);
  });

  it('rewrites every path under the root inside a stack frame, whole prefixes only', () => {
    expect(projectPathsIn(`at f (${ROOT}/src/a.js:1:2) via g (file://${ROOT}/b.mjs:3:4)`, ROOT)).toBe('at f (src/a.js:1:2) via g (b.mjs:3:4)');
    expect(projectPathsIn(`at f (${ROOT}-old/src/a.js:1:2)`, ROOT)).toBe(`at f (${ROOT}-old/src/a.js:1:2)`);
  });

  it('shows the failure message with relative paths', () => {
    const text = formatLeakDiagnosis(leakResult(true, absoluteFindings), plain, ROOT);
    expect(text).toContain('created at JobQueue.run (src/job-queue.ts:29:22)');
    expect(text).toContain('allocated at  JobQueue.run (src/job-queue.ts:29:22)');
    expect(text).toContain('from (anonymous) (test/job-queue.test.ts:19:28)');
    expect(text).toContain('Timeout from  JobQueue.run (src/job-queue.ts:29:22)');
    expect(text).toContain('from test/job-queue.test.ts:19:28');
    expect(text).not.toContain(ROOT);
  });

  it('keeps absolute paths in report.json and adds each allocation site relative to the root', () => {
    const report = buildRunReport({ files: runWith(absoluteFindings), run: { ...RUN, root: ROOT } });
    const test = report.tasks.find((t) => t.kind === 'test')!;
    const [handle, heap] = test.findings;
    if (handle?.kind !== 'handle' || heap?.kind !== 'heap') throw new Error(`expected a handle and a heap finding, got ${test.findings.map((f) => f.kind).join(', ')}`);
    expect(heap.allocationSite!.file).toBe(`${ROOT}/src/job-queue.ts`);
    expect(heap.allocationSite!.relativeFile).toBe('src/job-queue.ts');
    expect(handle.creationStack![0]).toContain(ROOT);
    expect(test.handles[0]!.stack[0]).toContain(ROOT);
  });

  it('shows the terminal summary and the HTML with relative paths', () => {
    const report = buildRunReport({ files: runWith(absoluteFindings), run: { ...RUN, root: ROOT } });
    const summary = formatSummary(report, { colors: plain });
    expect(summary).toContain('allocated at JobQueue.run (src/job-queue.ts:29:22)');
    expect(summary).toContain('Timeout at JobQueue.run (src/job-queue.ts:29:22)');
    expect(summary).not.toContain(`${ROOT}/`);
    const html = renderDashboard(report);
    // The page names the root once (the run's facts), and no file under it.
    expect(html).not.toContain(`${ROOT}/`);
    expect(html).toContain('"file":"src/job-queue.ts"');
  });
});
