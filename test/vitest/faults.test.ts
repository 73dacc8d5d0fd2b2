import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../packages/core/src/report/schema.js';
import { cleanEnvironment, memscopeTempEntries, privateTmp, repoRoot, type FixtureProject } from '../support/index.js';
import { specsFromJestFixture } from './jest-specs.js';
import { createVitestProject, runVitestIn, testsById, vitestConfig, type VitestRun } from './run-vitest.js';

// Faults of the function under test and of the worker, in real Vitest (the
// workspace's own version: these exercise memscope's handling, not Vitest's versions).
const VERSION = 4;


function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}


/** Vitest's block for one failed test: from its `FAIL … > name` header to the next one. */
function failureOf(output: string, testName: string): string {
  const start = output.search(new RegExp(`FAIL\\s+\\S+ > ${testName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`));
  if (start === -1) return '';
  const rest = output.slice(start);
  const end = rest.slice(1).search(/\n\s*(FAIL|⎯⎯⎯⎯)/);
  return end === -1 ? rest : rest.slice(0, end + 1);
}

/** A project of the Jest fault fixture's specs (one source for both runners), with `extraFiles` beside them. */
const project = (name: string, test: object = {}, extraFiles: Record<string, string> = {}) =>
  createVitestProject(VERSION, {
    ...specsFromJestFixture(name),
    ...extraFiles,
    'vitest.config.mjs': vitestConfig({ reporterOptions: { html: false, baseline: false }, test: { testTimeout: 60_000, ...test } }),
  });

describe('Vitest: faults of the function under test', () => {
  let fixture: FixtureProject;
  let run: VitestRun;
  let report: RunReport | null;

  beforeAll(async () => {
    // Two verdicts at once, in the same run.
    fixture = await project('faults-fn', {}, specsFromJestFixture('faults-concurrent'));
    run = await runVitestIn(fixture, VERSION);
    report = await run.report();
  }, 120_000);
  afterAll(() => fixture?.cleanup());

  it('turns process.exit into a failure naming the call, and the file goes on', () => {
    expect(failureOf(run.output, 'calls process.exit'), run.output).toMatch(/the function called process\.exit\(2\) on call 5; memscope stopped it/);
    expect(run.output).not.toMatch(/process\.exit unexpectedly called/);
    expect(run.output).toMatch(/Tests\s+5 failed \| 6 passed \(11\)/);
  });

  it('describes non-Error throws and a trapping Proxy without running it', () => {
    expect(failureOf(run.output, 'throws null')).toMatch(/the function threw on call 1: null\./);
    expect(failureOf(run.output, 'throws a string')).toMatch(/the function threw on call 1: "x"\./);
    const proxy = failureOf(run.output, 'rejects with a Proxy that traps everything');
    expect(proxy).toMatch(/the function threw on call 1: a Proxy \(not inspected/);
    expect(run.output).not.toMatch(/a trap ran/);
  });

  it('times out a thenable that never settles, naming the option', () => {
    expect(failureOf(run.output, 'returns a thenable that never settles')).toMatch(
      /call 1 of the function returned a promise \(or thenable\) that did not settle within 200 ms\. Make every call settle, or give it longer with the option `timeout`/,
    );
  });

  it('runs two verdicts at once one after the other, each right', () => {
    const tests = testsById(report!);
    for (const name of ['a leaking verdict beside another', 'a clean verdict beside another', 'a verdict started before another is awaited']) {
      expect(tests.get(`concurrent.spec.mjs > ${name}`)?.state, run.output).toBe('passed');
    }
  });

  it('keeps the verdict when a timer throws after it; Vitest reports the throw as unhandled', () => {
    const tests = testsById(report!);
    expect(tests.get('fn-faults.spec.mjs > schedules a timer that throws after the verdict')?.state).toBe('passed');
    expect(run.output).toMatch(/Unhandled Error[\s\S]*late boom from a timer/);
    expect(tests.get('fn-faults.spec.mjs > still finds a leak after all that')?.state).toBe('passed');
    expect(tests.get('fn-faults.spec.mjs > and a clean function still passes')?.state).toBe('passed');
    expect(report!.missing).toEqual([]);
  });
});

describe('Vitest: a worker killed in the middle of an explanation', () => {
  let fixture: FixtureProject;
  let run: VitestRun;
  let report: RunReport | null;
  let tmp: string;

  beforeAll(async () => {
    fixture = await project('faults-crash');
    tmp = privateTmp(fixture);
    run = await runVitestIn(fixture, VERSION, [], { MEMSCOPE_CAPTURE: 'js', MEMSCOPE_SNAPSHOT_VIA_FILE: '1', TMPDIR: tmp });
    report = await run.report();
  }, 120_000);
  afterAll(() => fixture?.cleanup());

  it('writes the report with the file incomplete, keeping the tests that finished', () => {
    expect(run.exitCode).not.toBe(0);
    expect(report, run.output).not.toBeNull();
    expect(report!.missing).toEqual([{ file: 'explain-kill.spec.mjs', reason: 'incomplete' }]);
    const tests = testsById(report!);
    for (const id of ['explain-kill.spec.mjs > first finishes', 'explain-kill.spec.mjs > second finishes']) {
      expect(tests.get(id)?.state, id + run.output).toBe('passed');
      expect(tests.get(id)?.figures.allocated?.value, id).toBeGreaterThan(0);
    }
    expect(tests.get('ok.spec.mjs > finishes in the other worker')?.state).toBe('passed');
  });

  it('leaves no snapshot or temp directory behind', () => {
    expect(memscopeTempEntries(tmp)).toEqual([]);
  });
});

describe('Vitest: a small heap limit on the worker', () => {
  let fixture: FixtureProject;
  let run: VitestRun;

  beforeAll(async () => {
    fixture = await project('faults-heap', { execArgv: ['--max-old-space-size=64'] });
    run = await runVitestIn(fixture, VERSION, [], { MEMSCOPE_CAPTURE: 'js', MEMSCOPE_E2E_LIVE_HEAP_MB: '46' });
  }, 120_000);
  afterAll(() => fixture?.cleanup());

  it('refuses the snapshot with needed and available figures instead of crashing the worker', async () => {
    const failure = failureOf(run.output, 'a leak under a small heap limit');
    expect(failure, run.output).toMatch(
      /memory grew, but explaining it was refused: a heap snapshot of \d+ MB of heap needs about \d+ MB of room in the V8 heap, and \d+ MB is left \(\d+ MB used of a \d+ MB limit/,
    );
    const report = await run.report();
    expect(testsById(report!).get('small-heap.spec.mjs > the worker lives on')?.state).toBe('passed');
    expect(report!.missing).toEqual([]);
  });
});

describe('Vitest: SIGINT during a slow explanation', () => {
  let fixture: FixtureProject;

  beforeAll(async () => {
    fixture = await project('faults-sigint');
  });
  afterAll(() => fixture?.cleanup());

  it('stops within a few seconds and leaves no memscope temp files', async () => {
    const tmp = privateTmp(fixture);
    const marker = fixture.path('explaining');
    const child = spawn(process.execPath, [join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run'], {
      cwd: fixture.dir,
      env: cleanEnvironment({ MEMSCOPE_CAPTURE: 'js', MEMSCOPE_SNAPSHOT_VIA_FILE: '1', TMPDIR: tmp, MEMSCOPE_E2E_MARKER: marker }),
      stdio: 'ignore',
    });
    const ended = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const started = Date.now();
    while (!existsSync(marker) && Date.now() - started < 60_000) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(marker), 'the explanation never started').toBe(true);
    const signalled = Date.now();
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await ended;
    clearTimeout(timer);
    // Vitest ends at once and stops its workers; the one explaining must be gone too.
    const worker = Number(readFileSync(marker, 'utf8'));
    while (isAlive(worker) && Date.now() - signalled < 10_000) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(isAlive(worker)).toBe(false);
    expect(Date.now() - signalled).toBeLessThan(8_000);
    expect(memscopeTempEntries(tmp)).toEqual([]);
  }, 90_000);
});
