import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accuracyRows, accuracyTable, CROWD_CASES } from '../support/attribution-accuracy.js';
import type { FixtureProject } from '../support/index.js';
import { createVitestProject, fixtureFiles, runVitestIn, testsById, VITEST_VERSIONS, type VitestRun, type VitestVersion } from './run-vitest.js';

// Concurrent tests with known allocation and retention (fixtures/attribution):
// each gets figures of its own, within 20% of the truth plus the runner's
// per-test work (see attribution-accuracy.ts), on both capture paths, in
// every Vitest version.
const CASES: Array<[VitestVersion, 'native' | 'js']> = VITEST_VERSIONS.flatMap((version) => [[version, 'native'], [version, 'js']] as Array<[VitestVersion, 'native' | 'js']>);

describe.each(CASES)('Vitest %i, %s capture: concurrent tests, each its own figures', (version, capture) => {
  let project: FixtureProject;
  let run: VitestRun;

  beforeAll(async () => {
    project = await createVitestProject(version, fixtureFiles('attribution'));
    run = await runVitestIn(project, version, [], { MEMSCOPE_CAPTURE: capture });
  }, 120_000);
  afterAll(() => project?.cleanup());

  test('each concurrent test is charged what it allocated and kept, labelled sampled with the interval', async () => {
    expect(run.exitCode, run.output).toBe(0);
    const rows = accuracyRows((await run.report())!, 'concurrent.spec.ts', 'serial.spec.ts');
    console.log(accuracyTable(`Vitest ${version}, ${capture} capture`, rows));
    for (const row of rows) {
      expect(row.source, `${row.test} ${row.figure}`).toBe('sampled');
      expect(row.intervalBytes, `${row.test} ${row.figure}`).toBe(8192);
    }
    expect(rows.filter((row) => !row.ok), accuracyTable('off by more than 20% (plus the runner allowance)', rows)).toEqual([]);
  });

  test('each of more concurrent tests than maxConcurrency is charged its own figures, the later ones too', async () => {
    const rows = accuracyRows((await run.report())!, 'crowd.spec.ts', 'crowd-serial.spec.ts', CROWD_CASES);
    console.log(accuracyTable(`Vitest ${version}, ${capture} capture, 12 tests, 5 at a time`, rows));
    for (const row of rows) expect(row.source, `${row.test} ${row.figure}`).toBe('sampled');
    expect(rows.filter((row) => !row.ok), accuracyTable('off by more than 20% (plus the runner allowance)', rows)).toEqual([]);
  });

  test('a test that keeps Buffers is charged their external bytes, the others none', async () => {
    const tests = testsById((await run.report())!);
    const external = (name: string) => tests.get(`concurrent.spec.ts > buffers > ${name}`)?.figures.external;
    expect(external('keeps 20 MB')).toEqual({ value: 20 * 1024 * 1024, source: 'sampled', intervalBytes: 8192 });
    expect(external('keeps 640 KB')?.value).toBe(640 * 1024);
    expect(external('keeps nothing')?.value).toBe(0);
  });

  test('tests that run alone keep their measured figures', async () => {
    const tests = testsById((await run.report())!);
    for (const id of ['concurrent.spec.ts > runs alone afterwards', 'serial.spec.ts > buffers > keeps 20 MB']) {
      expect(tests.get(id)?.figures.allocated?.source, id).toBe('measured');
      expect(tests.get(id)?.figures.external?.source, id).toBe('measured');
    }
  });
});
