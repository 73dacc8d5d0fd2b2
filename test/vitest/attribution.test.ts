import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accuracyRows, accuracyTable, CROWD_CASES, type AccuracyCase } from '../support/attribution-accuracy.js';
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

  test('a test that keeps Buffers is charged the external bytes it keeps, the others none', async () => {
    const tests = testsById((await run.report())!);
    const external = (name: string) => tests.get(`concurrent.spec.ts > buffers > ${name}`)?.figures.external;
    expect(external('keeps 20 MB')).toEqual({ value: 20 * 1024 * 1024, source: 'sampled', intervalBytes: 8192 });
    expect(external('keeps 640 KB')?.value).toBe(640 * 1024);
    expect(external('keeps nothing')?.value).toBe(0);
    // The 19.4 MB it dropped are garbage by its end: a full GC before the read tells them apart.
    expect(external('churns 20 MB, keeps 640 KB')?.value).toBe(640 * 1024);
  });

  test('tests that run alone keep their measured figures', async () => {
    const tests = testsById((await run.report())!);
    for (const id of ['concurrent.spec.ts > runs alone afterwards', 'serial.spec.ts > buffers > keeps 20 MB']) {
      expect(tests.get(id)?.figures.allocated?.source, id).toBe('measured');
      expect(tests.get(id)?.figures.external?.source, id).toBe('measured');
    }
  });
});

// A verdict (toLeak) in one of the concurrent tests pauses attribution while
// it runs (tasks/attribution.ts, pauseForVerdict). One Vitest only, the first
// listed (4 by default): the pause is the recorder's, not the runner's.
const VERDICT_VITEST = VITEST_VERSIONS[0]!;
const BESIDE_VERDICT: readonly AccuracyCase[] = [
  { test: 'beside a verdict > keeps 20 MB of Buffers', kind: 'buffers', kept: 20 * 1024 * 1024 },
  { test: 'beside a verdict > keeps 640 KB', kind: 'arrays', kept: 640 * 1024 },
  { test: 'beside a verdict > keeps nothing', kind: 'arrays', kept: 0 },
];

describe.each(['native', 'js'] as const)(`Vitest ${VERDICT_VITEST}, %s capture: concurrent tests beside a verdict`, (capture) => {
  let project: FixtureProject;
  let run: VitestRun;

  beforeAll(async () => {
    const { 'workload.ts': workload, 'vitest.config.mjs': config } = fixtureFiles('attribution');
    project = await createVitestProject(VERDICT_VITEST, { 'workload.ts': workload!, 'vitest.config.mjs': config!, ...fixtureFiles('attribution-verdict') });
    run = await runVitestIn(project, VERDICT_VITEST, [], { MEMSCOPE_CAPTURE: capture });
  }, 180_000);
  afterAll(() => project?.cleanup());

  test('the tests beside it keep their own allocated figure; retained, when given, is theirs too', async () => {
    expect(run.exitCode, run.output).toBe(0);
    const rows = accuracyRows((await run.report())!, 'verdict.spec.ts', 'verdict-serial.spec.ts', BESIDE_VERDICT);
    console.log(accuracyTable(`Vitest ${VERDICT_VITEST}, ${capture} capture, beside a verdict (retained: none when the test ran during the verdict)`, rows));
    const allocated = rows.filter((row) => row.figure === 'allocated');
    for (const row of allocated) expect(row.source, row.test).toBe('sampled');
    const retainedGiven = rows.filter((row) => row.figure === 'retained' && row.value !== undefined);
    for (const row of retainedGiven) expect(row.source, row.test).toBe('sampled');
    expect([...allocated, ...retainedGiven].filter((row) => !row.ok), accuracyTable('off by more than 20% (plus the runner allowance)', rows)).toEqual([]);
  });

  test('the verdict\'s calls are its own task\'s, not its test\'s', async () => {
    const tasks = (await run.report())!.tasks;
    const test = tasks.find((task) => task.id === 'verdict.spec.ts > beside a verdict > runs a verdict');
    const verdict = tasks.find((task) => task.kind === 'verdict' && task.parentId === test?.id);
    expect(test?.figures.allocated?.source).toBe('sampled');
    expect(verdict?.figures.allocated?.value).toBeGreaterThan(10 * 1024 * 1024);
    expect(test!.figures.allocated!.value).toBeLessThan(verdict!.figures.allocated!.value / 4);
  });
});
