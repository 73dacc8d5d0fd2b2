import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FixtureProject } from '../support/index.js';
import { createVitestProject, fixtureFiles, runVitestIn, testsById, VITEST_VERSIONS, type VitestRun } from './run-vitest.js';

// One run per version with three projects: forks (isolated, with concurrent
// tests), threads without isolation (a local setup file calling
// installMemscope) and vmThreads.
describe.each(VITEST_VERSIONS)('Vitest %i: per-test figures in every pool', (version) => {
  let project: FixtureProject;
  let run: VitestRun;

  beforeAll(async () => {
    project = await createVitestProject(version, fixtureFiles('pools'));
    run = await runVitestIn(project, version);
  });
  afterAll(() => project?.cleanup());

  test('every test that ran carries its own figures to the report', async () => {
    const report = (await run.report())!;
    const tests = testsById(report);
    expect([...tests.keys()].sort()).toEqual([
      'concurrent.spec.ts > first of two at once',
      'concurrent.spec.ts > runs alone afterwards',
      'concurrent.spec.ts > second of two at once',
      'forks.spec.ts > builds a list in a forked worker',
      'threads-a.spec.ts > first file in a shared thread',
      'threads-b.spec.ts > second file in the same thread',
      'vm.spec.mjs > a clean function in a vm context passes',
      'vm.spec.mjs > a leak in a vm context is reported',
    ]);
    for (const task of tests.values()) {
      expect(task.figures.heapBefore?.source, task.id).toBe('measured');
      // A verdict's calls are its child task's: a test that only runs one may read 0 of its own.
      const verdict = report.tasks.find((t) => t.parentId === task.id && t.kind === 'verdict');
      expect(task.figures.allocated!.value + (verdict?.figures.allocated?.value ?? 0), task.id).toBeGreaterThan(0);
      expect(task.figures.durationMs?.value, task.id).toBeGreaterThanOrEqual(0);
    }
    expect(run.output).not.toContain('no per-test figures');
  });

  test('tests that ran at the same time are labelled shared, the others are not', async () => {
    const tests = testsById((await run.report())!);
    expect(tests.get('concurrent.spec.ts > first of two at once')?.shared).toBe(true);
    expect(tests.get('concurrent.spec.ts > second of two at once')?.shared).toBe(true);
    expect(tests.get('concurrent.spec.ts > runs alone afterwards')?.shared).toBeUndefined();
    expect(tests.get('forks.spec.ts > builds a list in a forked worker')?.shared).toBeUndefined();
  });

  test('in a vm context a clean function passes and a leak is found', async () => {
    const tests = testsById((await run.report())!);
    expect(tests.get('vm.spec.mjs > a clean function in a vm context passes')?.state).toBe('passed');
    expect(tests.get('vm.spec.mjs > a leak in a vm context is reported')?.state).toBe('failed');
    expect(run.output).toMatch(/Entry objects: \+1 per call/);
    expect(run.exitCode).toBe(1);
  });
});
