import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../packages/core/src/report/schema.js';
import { runJestIn, type FixtureProject, type JestRun } from '../support/index.js';
import { JEST_VERSIONS } from '../support/index.js';
import { jestFixture } from './fixture.js';

// Two files in two workers: one finishes, the other's worker is killed with
// SIGKILL (process.exit behaves the same for memscope, but Jest retries that
// file three times, which only costs time). Only the killed file loses its figures.
const runs = new Map<number, { project: FixtureProject; run: JestRun; report: RunReport | null }>();

beforeAll(async () => {
  await Promise.all(JEST_VERSIONS.map(async (version) => {
    const project = await jestFixture(version, 'crash');
    const run = await runJestIn(project, version, { args: ['--maxWorkers=2'] });
    runs.set(version, { project, run, report: run.report });
  }));
}, 180_000);

afterAll(async () => {
  for (const { project } of runs.values()) await project.cleanup();
});

describe.each(JEST_VERSIONS)('Jest %i: a crashing worker', (version) => {
  it("keeps the other file's figures and names the files whose figures are missing", () => {
    const { run, report } = runs.get(version)!;
    expect(run.exitCode).toBe(1);
    expect(report).not.toBeNull();
    const ok = report!.tasks.find((t) => t.id === 'ok.spec.js > finishes normally');
    expect(ok?.state).toBe('passed');
    expect(ok?.figures.allocated?.value).toBeGreaterThan(0);
    // Jest started the file and reported its crash: incomplete, not absent.
    expect(report!.missing).toEqual([{ file: 'kill.spec.js', reason: 'incomplete' }]);
    expect(run.output).toMatch(/Figures missing for 1 file \(worker did not finish\):\s+kill\.spec\.js \(incomplete\)/);
  });
});
