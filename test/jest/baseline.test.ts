import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JEST_VERSIONS, runJestIn, type FixtureProject, type JestRun } from '../support/index.js';
import { jestFixture } from './fixture.js';

// The test allocates 8 MiB × FIXTURE_SCALE. Five runs per version: record
// the baseline, run unchanged, quadruple the allocation (a regression),
// accept it with Jest's -u, run again.
interface Runs {
  project: FixtureProject;
  record: JestRun;
  unchanged: JestRun;
  regressed: JestRun;
  updated: JestRun;
  after: JestRun;
}
const all = new Map<number, Runs>();

beforeAll(async () => {
  await Promise.all(JEST_VERSIONS.map(async (version) => {
    const project = await jestFixture(version, 'baseline');
    const run = (env: Record<string, string>, args: string[] = []) => runJestIn(project, version, { env, args });
    const record = await run({ MEMSCOPE_UPDATE: '1' });
    const unchanged = await run({});
    const regressed = await run({ FIXTURE_SCALE: '4' });
    const updated = await run({ FIXTURE_SCALE: '4' }, ['-u']);
    const after = await run({ FIXTURE_SCALE: '4' });
    all.set(version, { project, record, unchanged, regressed, updated, after });
  }));
}, 240_000);

afterAll(async () => {
  for (const { project } of all.values()) await project.cleanup();
});

describe.each(JEST_VERSIONS)('Jest %i: baseline', (version) => {
  const get = () => all.get(version)!;

  it('MEMSCOPE_UPDATE=1 records the baseline', async () => {
    const { record, project } = get();
    expect(record.exitCode).toBe(0);
    expect(record.output).toContain('Baseline created: memscope.baseline.json');
    const baseline = JSON.parse(await project.read('memscope.baseline.json'));
    expect(baseline.tests['table.spec.js > builds a table'].figures.allocated.value).toBeGreaterThan(8 * 1024 * 1024);
  });

  it('an unchanged run passes', () => {
    const { unchanged } = get();
    expect(unchanged.exitCode, unchanged.output).toBe(0);
    expect(unchanged.output).toContain('no regressions');
  });

  it('a test that allocates 4× more fails the run, naming the test, the figure, old and new values', async () => {
    const { regressed } = get();
    expect(regressed.exitCode).toBe(1);
    expect(regressed.output).toContain('Tests:       1 passed, 1 total');
    expect(regressed.output).toMatch(/✗ table\.spec\.js > builds a table {2}allocated [\d.]+ MiB → [\d.]+ MiB \(limit [\d.]+ MiB: \+10 % or \+64\.0 KiB\)/);
    expect(regressed.output).toContain('memscope: 1 memory regression against memscope.baseline.json.');
    expect(regressed.report?.baseline?.regressions).toEqual([
      expect.objectContaining({ taskId: 'table.spec.js > builds a table', figure: 'allocated' }),
    ]);
  });

  it("Jest's -u updates the baseline, and the next run passes", () => {
    const { updated, after } = get();
    expect(updated.exitCode, updated.output).toBe(0);
    expect(updated.output).toContain('Baseline updated: memscope.baseline.json');
    expect(after.exitCode, after.output).toBe(0);
  });
});
