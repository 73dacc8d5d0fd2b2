import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FixtureProject } from '../support/index.js';
import { createVitestProject, fixtureFiles, runVitestIn, testsById, vitestConfig, VITEST_VERSIONS, type VitestRun } from './run-vitest.js';

// One Vitest run per version over every kind of finding; each test below
// reads its part of that run's output and report.
describe.each(VITEST_VERSIONS)('Vitest %i: the diagnosis of each kind of leak', (version) => {
  let project: FixtureProject;
  let run: VitestRun;

  beforeAll(async () => {
    project = await createVitestProject(version, { ...fixtureFiles('diagnosis'), 'vitest.config.mjs': vitestConfig({ test: { testTimeout: 60_000 } }) });
    run = await runVitestIn(project, version);
  });
  afterAll(() => project?.cleanup());

  test('the run fails', () => {
    expect(run.exitCode, run.output).toBe(1);
  });

  test('a growing heap population is shown with its holder and retainer path', () => {
    expect(run.output).toContain('FAIL  leak.spec.ts > openSession forgets its sessions');
    expect(run.output).toMatch(/Session objects: \+1 per call \(\d+ B per call\)/);
    expect(run.output).toMatch(/retained by .*→ Map → table\[\d+\] → Session/);
  });

  test('a timer left open per call is a handle finding with its creation site', () => {
    expect(run.output).toMatch(/Timeout left open: \+1 per call, created at startPolling \(.*handle\.spec\.ts:8:\d+\)/);
  });

  test('native memory kept per call is a native finding', () => {
    expect(run.output).toContain('FAIL  native.spec.ts > readFrame keeps native memory');
    // The Buffer's 64 KiB and its objects on the heap: what one call keeps.
    expect(run.output).toMatch(/Buffer memory grows 64\.[0-4] KiB per call/);
  });

  test('listeners piling up on one emitter fail the test', () => {
    expect(run.output).toContain('FAIL  storm.spec.ts > subscribe piles up listeners');
  });

  test('a function that throws fails with its own error', () => {
    expect(run.output).toContain('the function threw on call 1: Error: config file is empty');
  });

  test('toBeCollected passes for a dropped object and shows what holds a kept one', () => {
    expect(run.output).not.toContain('FAIL  collected.spec.ts > a dropped connection is collected');
    expect(run.output).toContain('FAIL  collected.spec.ts > a pooled connection is not collected');
    expect(run.output).toContain('(module) pool → Array → [0] → Connection');
  });

  test('an un-awaited matcher is reported where Vitest reports its own', () => {
    expect(run.output).toContain('the promise returned by `expect(…).not.toLeak()` was not awaited');
    expect(run.output).toMatch(/unawaited\.spec\.mjs:4:\d+/);
  });

  test('clean functions pass, in ESM and TypeScript test files', async () => {
    const tests = testsById((await run.report())!);
    for (const id of ['clean.spec.mjs > a bounded cache does not leak', 'clean.spec.mjs > parsing allocates little per call', 'clean.spec.mjs > loading the table keeps under 1 MiB alive']) {
      expect(tests.get(id)?.state, id).toBe('passed');
    }
  });

  test('the report holds every test with its figures and findings', async () => {
    const report = (await run.report())!;
    const tests = testsById(report);
    expect(report.run.runner).toEqual({ name: 'vitest', version: expect.stringMatching(new RegExp(`^${version}\\.`)) });
    expect(tests.size).toBe(11);
    for (const task of tests.values()) {
      expect(task.figures.heapAfter?.value, task.id).toBeGreaterThan(0);
      // A test that only runs a verdict keeps the verdict's calls in its child
      // task: its own allocated figure may read 0, the two together never.
      const verdict = report.tasks.find((t) => t.parentId === task.id && t.kind === 'verdict');
      expect(task.figures.allocated?.value, task.id).toBeGreaterThanOrEqual(0);
      expect(task.figures.allocated!.value + (verdict?.figures.allocated?.value ?? 0), task.id).toBeGreaterThan(0);
    }
    expect(tests.get('leak.spec.ts > openSession forgets its sessions')?.findings.map((f) => f.kind)).toEqual(['heap']);
    // The verdict's path reaches report.json on its task, from the warm-up to the outcome.
    const leakVerdict = report.tasks.find((t) => t.parentId === 'leak.spec.ts > openSession forgets its sessions' && t.kind === 'verdict');
    expect(leakVerdict?.trace?.[0]?.phase).toBe('warm-up');
    expect(leakVerdict?.trace?.map((step) => step.phase)).toContain('judge');
    expect(leakVerdict?.trace?.at(-1)?.next).toBe('leaked');
    expect(tests.get('handle.spec.ts > startPolling leaves timers running')?.findings.map((f) => f.kind)).toEqual(['handle']);
    expect(tests.get('native.spec.ts > readFrame keeps native memory')?.findings.map((f) => f.kind)).toEqual(['native']);
    expect(tests.get('collected.spec.ts > a pooled connection is not collected')?.tracked).toEqual([
      expect.objectContaining({ name: 'connection b', collected: false }),
    ]);
    expect(tests.get('clean.spec.mjs > a bounded cache does not leak')?.handles).toEqual([]);
    expect(existsSync(project.path('memscope-report/index.html'))).toBe(true);
  });

  test('the summary names the leaking tests', () => {
    expect(run.stdout).toMatch(/memscope 11 tests in 8 files \(vitest \d/);
    expect(run.stdout).toMatch(/Leaks \(\d tests\)\n\s+✗ leak\.spec\.ts > openSession forgets its sessions/);
  });
});
