import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../packages/core/src/report/schema.js';
import { cleanEnvironment, jestBin, memscopeTempEntries, privateTmp, runJestIn, type FixtureProject, type JestRun } from '../support/index.js';
import { failureOf, jestFixture } from './fixture.js';

// Faults of the function under test and of the worker, in real Jest (the
// newest: these exercise memscope's handling, not Jest's versions).
const VERSION = 30;

/** Runs a fixture project once for the enclosing describe block, cleaned up after it. */
function fixtureRun(name: string, options: Parameters<typeof runJestIn>[2]): { project: FixtureProject; run: JestRun } {
  const state = {} as { project: FixtureProject; run: JestRun };
  beforeAll(async () => {
    state.project = await jestFixture(VERSION, name);
    state.run = await runJestIn(state.project, VERSION, options);
  }, 120_000);
  afterAll(() => state.project?.cleanup());
  return state;
}



describe('Jest: faults of the function under test', () => {
  const fixture = fixtureRun('faults-fn', { args: ['--runInBand'] });

  it('turns process.exit into a failure naming the call, and the file goes on', () => {
    expect(failureOf(fixture.run.output, 'calls process.exit'), fixture.run.output).toMatch(/the function called process\.exit\(2\) on call 5; memscope stopped it/);
    expect(fixture.run.output).not.toMatch(/process\.exit called with/);
    expect(fixture.run.output).toMatch(/Tests:\s+6 failed, 2 passed, 8 total/);
  });

  it('describes non-Error throws and a trapping Proxy without running it', () => {
    expect(failureOf(fixture.run.output, 'throws null')).toMatch(/the function threw on call 1: null\./);
    expect(failureOf(fixture.run.output, 'throws a string')).toMatch(/the function threw on call 1: "x"\./);
    const proxy = failureOf(fixture.run.output, 'rejects with a Proxy that traps everything');
    expect(proxy).toMatch(/the function threw on call 1: a Proxy \(not inspected/);
    expect(proxy).not.toMatch(/a trap ran/);
  });

  it('times out a thenable that never settles, naming the option', () => {
    expect(failureOf(fixture.run.output, 'returns a thenable that never settles')).toMatch(
      /call 1 of the function returned a promise \(or thenable\) that did not settle within 200 ms\. Make every call settle, or give it longer with the option `timeout`/,
    );
  });

  it('gives the right verdict when a timer throws after it, and later verdicts stay right', () => {
    const late = failureOf(fixture.run.output, 'schedules a timer that throws after the verdict');
    // Jest charges the timer's throw to the test that was running; the verdict itself passed.
    expect(late).toMatch(/late boom from a timer/);
    expect(late).not.toMatch(/expect\(received\)/);
    expect(failureOf(fixture.run.output, 'still finds a leak after all that')).toBe('');
    expect(failureOf(fixture.run.output, 'and a clean function still passes')).toBe('');
  });

  it('writes a complete report for the file', () => {
    expect(fixture.run.report, fixture.run.output).not.toBeNull();
    expect(fixture.run.report!.missing).toEqual([]);
    const states = new Map(fixture.run.report!.tasks.filter((t) => t.kind === 'test').map((t) => [t.name, t.state]));
    expect(states.get('still finds a leak after all that')).toBe('passed');
    expect(states.get('calls process.exit')).toBe('failed');
  });
});

// A project of its own: a late timer from the faults above would be charged
// to whichever test runs when it fires.
describe('Jest: two verdicts at once', () => {
  const fixture = fixtureRun('faults-concurrent', { args: ['--runInBand'] });

  it('runs them one after the other, each verdict right', () => {
    for (const name of ['a leaking verdict beside another', 'a clean verdict beside another', 'a verdict started before another is awaited']) {
      expect(failureOf(fixture.run.output, name), fixture.run.output).toBe('');
    }
    expect(fixture.run.output).toMatch(/Tests:\s+3 passed, 3 total/);
  });
});

describe('Jest: a worker killed in the middle of an explanation', () => {
  let project: FixtureProject;
  let run: JestRun;
  let tmp: string;

  beforeAll(async () => {
    project = await jestFixture(VERSION, 'faults-crash');
    tmp = privateTmp(project);
    run = await runJestIn(project, VERSION, {
      args: ['--maxWorkers=2'],
      env: { MEMSCOPE_CAPTURE: 'js', MEMSCOPE_SNAPSHOT_VIA_FILE: '1', TMPDIR: tmp },
    });
  }, 120_000);
  afterAll(() => project?.cleanup());

  it('writes the report, with the file incomplete (not absent)', () => {
    expect(run.exitCode).toBe(1);
    expect(run.report, run.output).not.toBeNull();
    expect(run.report!.missing).toEqual([{ file: 'explain-kill.spec.js', reason: 'incomplete' }]);
    expect(run.output).toMatch(/Figures missing for 1 file \(worker did not finish\):\s+explain-kill\.spec\.js \(incomplete\)/);
  });

  it('keeps the tests that finished before the crash, with their figures', () => {
    const tests = new Map((run.report as RunReport).tasks.filter((t) => t.kind === 'test').map((t) => [t.id, t]));
    for (const id of ['explain-kill.spec.js > first finishes', 'explain-kill.spec.js > second finishes']) {
      expect(tests.get(id)?.state, id).toBe('passed');
      expect(tests.get(id)?.figures.allocated?.value, id).toBeGreaterThan(0);
    }
    const killed = tests.get('explain-kill.spec.js > killed while explaining a leak');
    expect(killed?.state).toBe('failed');
    expect(killed?.error).toMatch(/worker ended while this test ran/);
    expect(tests.get('ok.spec.js > finishes in the other worker')?.state).toBe('passed');
  });

  it('leaves no snapshot or temp directory behind', () => {
    expect(memscopeTempEntries(tmp)).toEqual([]);
  });
});

describe('Jest: a small heap limit', () => {
  const fixture = fixtureRun('faults-heap', { args: ['--runInBand'], env: { NODE_OPTIONS: '--max-old-space-size=64', MEMSCOPE_CAPTURE: 'js' } });

  it('refuses the snapshot with needed and available figures instead of crashing', () => {
    const failure = failureOf(fixture.run.output, 'a leak under a small heap limit');
    expect(failure, fixture.run.output).toMatch(
      /memory grew, but explaining it was refused: a heap snapshot of \d+ MB of heap needs about \d+ MB of room in the V8 heap, and \d+ MB is left \(\d+ MB used of a \d+ MB limit/,
    );
    expect(failure).toMatch(/--max-old-space-size/);
    expect(failureOf(fixture.run.output, 'the worker lives on')).toBe('');
    expect(fixture.run.output).toMatch(/Tests:\s+1 failed, 2 passed, 3 total/);
    expect(fixture.run.report?.missing).toEqual([]);
  });
});

describe('Jest: SIGINT during a slow explanation', () => {
  let project: FixtureProject;

  beforeAll(async () => {
    project = await jestFixture(VERSION, 'faults-sigint');
  });
  afterAll(() => project?.cleanup());

  it('stops within a few seconds and leaves no memscope temp files', async () => {
    const tmp = privateTmp(project);
    const marker = project.path('explaining');
    const child = spawn(process.execPath, [jestBin(VERSION), '--ci', '--runInBand'], {
      cwd: project.dir,
      env: cleanEnvironment({ MEMSCOPE_CAPTURE: 'js', MEMSCOPE_SNAPSHOT_VIA_FILE: '1', TMPDIR: tmp, MEMSCOPE_E2E_MARKER: marker }),
      stdio: 'ignore',
    });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    const started = Date.now();
    while (!existsSync(marker) && Date.now() - started < 60_000) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(marker), 'the explanation never started').toBe(true);
    const signalled = Date.now();
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const exit = await ended;
    clearTimeout(timer);
    // The snapshot being written when the signal came is finished first (V8
    // writes it synchronously); the rest of the explanation is not run.
    expect(Date.now() - signalled).toBeLessThan(8_000);
    expect(existsSync(project.path('memscope-report/report.json'))).toBe(false);
    // Ended by the signal itself (or 130, its exit code), not by the harness's SIGKILL.
    expect([exit.signal, exit.code]).toContainEqual(expect.toBeOneOf(['SIGINT', 130]));
    expect(memscopeTempEntries(tmp)).toEqual([]);
  }, 90_000);
});
