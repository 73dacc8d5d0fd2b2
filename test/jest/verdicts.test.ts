import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../packages/core/src/report/schema.js';
import { JEST_VERSIONS, runJestIn, type FixtureProject, type JestRun } from '../support/index.js';
import { failureOf, jestFixture } from './fixture.js';

// One Jest run per version over four files (leaks of each kind, a throwing
// function, tracked objects, budgets, a forgotten await); both versions run
// at once, then each test below reads the output and the report.
const runs = new Map<number, { project: FixtureProject; run: JestRun; report: RunReport | null }>();

beforeAll(async () => {
  await Promise.all(JEST_VERSIONS.map(async (version) => {
    const project = await jestFixture(version, 'verdicts');
    const run = await runJestIn(project, version, { args: ['--maxWorkers=2'], timeoutMs: 240_000 });
    runs.set(version, { project, run, report: run.report });
  }));
}, 300_000);

afterAll(async () => {
  for (const { project } of runs.values()) await project.cleanup();
});

describe.each(JEST_VERSIONS)('Jest %i: verdicts', (version) => {
  const get = () => runs.get(version)!;
  const taskNamed = (name: string) => get().report?.tasks.find((t) => t.kind === 'test' && t.name === name);

  it('fails the run, and prints the memscope summary', () => {
    const { run } = get();
    expect(run.exitCode).toBe(1);
    expect(run.output).toMatch(new RegExp(`memscope 12 tests in 4 files \\(jest ${version}\\.`));
  });

  it('diagnoses a leaking cache: what grew per call, retainer path, allocation site in the test file, statistics', () => {
    const failure = failureOf(get().run.output, 'sessions › leaking cache');
    expect(failure).toContain('expect(fn).not.toLeak()');
    expect(failure).toMatch(/heap\s+Session.*per call/);
    expect(failure).toMatch(/retained by\s+.*sessions.*Map.*Session/);
    expect(failure).toMatch(/allocated at\s+.*leak\.spec\.js:\d+:\d+/);
    expect(failure).toMatch(/preview\s+.*ada/);
    expect(failure).toMatch(/Statistics: \d+ rounds × \d+ calls after \d+ warm-up · heapUsed \+[\d.]+ (B|KiB)\/call/);
    expect(taskNamed('leaking cache')?.findings.map((f) => f.kind)).toContain('heap');
    // The verdict's path reaches report.json on its task, from the warm-up to the outcome.
    const verdict = get().report?.tasks.find((t) => t.parentId === taskNamed('leaking cache')?.id && t.kind === 'verdict');
    expect(verdict?.trace?.[0]?.phase).toBe('warm-up');
    expect(verdict?.trace?.map((step) => step.phase)).toContain('judge');
    expect(verdict?.trace?.at(-1)?.next).toBe('leaked');
  });

  it('passes a clean function', () => {
    expect(taskNamed('clean function')?.state).toBe('passed');
  });

  it('reports an interval left open per call as a handle leak, created in the test file', () => {
    const failure = failureOf(get().run.output, 'handle leak: an interval per call');
    expect(failure).toMatch(/handle\s+Timeout/);
    expect(failure).toMatch(/kinds\.spec\.js:7:\d+/);
  });

  it('reports a listener storm on one emitter', () => {
    const failure = failureOf(get().run.output, 'storm: a listener per call on one emitter');
    expect(failure).toMatch(/storm\s+/);
    expect(failure).toMatch(/EventEmitter|listener/);
  });

  it('reports native memory (Buffers) growing per call', () => {
    const failure = failureOf(get().run.output, 'native leak: a Buffer kept per call');
    // The Buffer's 16 KiB and its objects on the heap: what one call keeps.
    expect(failure).toMatch(/native\s+.*16\.[0-4] KiB per call \(\+1 Buffer per call\)/);
  });

  it('fails a throwing function with its error, not a verdict', () => {
    const failure = failureOf(get().run.output, 'a throwing function');
    expect(failure).toContain('the function threw on call 1: Error: boom');
    expect(failure).not.toContain('The function leaked');
  });

  it('toBeCollected passes for a released object and shows the retainer path of a kept one', () => {
    expect(taskNamed('collected once released')?.state).toBe('passed');
    const failure = failureOf(get().run.output, 'still held by the registry');
    expect(failure).toContain('Expected "kept-connection" to be garbage-collected');
    expect(failure).toMatch(/retained by\s+\(module\) registry → Map → table\[\d+\] → Object/);
  });

  it('checks allocation and retention budgets', () => {
    const { output } = get().run;
    expect(taskNamed('allocates within budget')?.state).toBe('passed');
    expect(failureOf(output, 'allocates over budget')).toMatch(/Expected: at most 1\.0 KiB per call\s+Received: [\d.]+ KiB per call \(/);
    expect(failureOf(output, 'retains over budget')).toMatch(/Received: [\d.]+ (KiB|MiB) retained after 1 call and a settled GC/);
  });

  it('fails a test that forgot to await a matcher, pointing at the line', () => {
    const failure = failureOf(get().run.output, 'forgot await');
    expect(failure).toContain('memscope: a memory assertion was not awaited');
    expect(failure).toMatch(/expect\(…\)\.toAllocateAtMost\(\) at .*budgets\.spec\.js:18:\d+/);
    expect(failure).toContain('write `await expect(fn).not.toLeak()`');
  });

  it('records per-test figures, findings and tracked objects in the JSON report, and writes the HTML report', () => {
    const { report, project } = get();
    expect(report?.run.runner).toEqual({ name: 'jest', version: expect.stringMatching(new RegExp(`^${version}\\.`)) });
    const tests = report!.tasks.filter((t) => t.kind === 'test');
    expect(tests).toHaveLength(12);
    for (const t of tests) {
      expect(t.figures.allocated?.source, t.id).toBe('measured');
      expect(t.figures.durationMs?.value, t.id).toBeGreaterThanOrEqual(0);
    }
    expect(taskNamed('forgot await')?.state).toBe('failed');
    expect(taskNamed('still held by the registry')?.tracked).toEqual([expect.objectContaining({ name: 'kept-connection', collected: false })]);
    expect(report!.tasks.find((t) => t.kind === 'describe')?.id).toBe('leak.spec.js > sessions');
    expect(existsSync(project.path('memscope-report/index.html'))).toBe(true);
  });
});
