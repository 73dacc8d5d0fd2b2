import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accuracyRows, accuracyTable, CROWD_CASES } from '../support/attribution-accuracy.js';
import { JEST_VERSIONS, runJestIn, type FixtureProject, type JestRun, type JestVersion } from '../support/index.js';
import { jestFixture } from './fixture.js';

// `test.concurrent` tests with known allocation and retention
// (fixtures/attribution): each gets figures of its own, within 20% of the
// truth (see attribution-accuracy.ts), on both capture paths. Jest 30 runs
// each through its own test_started and test_done events; Jest 29 calls
// every concurrent function at once before their hooks run.
const CASES: Array<[JestVersion, 'native' | 'js']> = JEST_VERSIONS.flatMap((version) => [[version, 'native'], [version, 'js']] as Array<[JestVersion, 'native' | 'js']>);

describe.each(CASES)('Jest %i, %s capture: test.concurrent tests, each its own figures', (version, capture) => {
  let project: FixtureProject;
  let run: JestRun;

  beforeAll(async () => {
    project = await jestFixture(version, 'attribution');
    run = await runJestIn(project, version, { args: ['--runInBand'], env: { MEMSCOPE_CAPTURE: capture } });
  }, 120_000);
  afterAll(() => project?.cleanup());

  it('charges each concurrent test what it allocated and kept, labelled sampled with the interval', () => {
    expect(run.exitCode, run.output).toBe(0);
    const rows = accuracyRows(run.report!, 'concurrent.spec.js', 'serial.spec.js');
    console.log(accuracyTable(`Jest ${version}, ${capture} capture`, rows));
    for (const row of rows) {
      expect(row.source, `${row.test} ${row.figure}`).toBe('sampled');
      expect(row.intervalBytes, `${row.test} ${row.figure}`).toBe(8192);
    }
    expect(rows.filter((row) => !row.ok), accuracyTable('off by more than 20% (plus the runner allowance)', rows)).toEqual([]);
  });

  it('charges each of more concurrent tests than maxConcurrency its own figures, the later ones too', () => {
    const rows = accuracyRows(run.report!, 'crowd.spec.js', 'crowd-serial.spec.js', CROWD_CASES);
    console.log(accuracyTable(`Jest ${version}, ${capture} capture, 12 tests, 5 at a time`, rows));
    for (const row of rows) expect(row.source, `${row.test} ${row.figure}`).toBe('sampled');
    expect(rows.filter((row) => !row.ok), accuracyTable('off by more than 20% (plus the runner allowance)', rows)).toEqual([]);
  });

  it('keeps measured figures for the test that runs alone', () => {
    const alone = run.report!.tasks.find((task) => task.id === 'concurrent.spec.js > runs alone afterwards');
    expect(alone?.figures.allocated?.source).toBe('measured');
  });
});
