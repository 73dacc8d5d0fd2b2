import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baselineFaultCases, escapeRegExp } from './fixtures/file-faults-cases/cases.js';
import { JEST_VERSIONS, runJestIn, type FixtureProject, type JestRun } from '../support/index.js';
import { loadBaseline } from '../../packages/core/src/baseline/read.js';
import { jestFixture, NEWEST_JEST } from './fixture.js';

/**
 * A committed baseline that cannot be read fails the run with a message
 * naming the file, whatever the update flag says, and keeps its bytes: the
 * run that could not read it never rewrites it. A baseline path from the
 * config that leaves the project is refused before anything is written.
 */
const BASELINE = 'memscope.baseline.json';
const CASES = baselineFaultCases('Jest');

interface Outcome { run: JestRun; before: Buffer; after: Buffer; path: string; files: string[] }
const outcomes = new Map<string, Outcome>();
const projects: FixtureProject[] = [];
let escape: { run: JestRun; project: FixtureProject } | undefined;
let shards: { runs: JestRun[]; project: FixtureProject } | undefined;

beforeAll(async () => {
  await Promise.all(JEST_VERSIONS.map(async (version) => {
    for (const c of CASES) {
      const project = await jestFixture(version, 'file-faults');
      projects.push(project);
      if (c.content !== null) await writeFile(project.path(BASELINE), c.content);
      const before = await readFile(project.path(BASELINE));
      const run = await runJestIn(project, version, { args: c.args, env: c.env });
      const files = (await readdir(project.dir)).sort();
      outcomes.set(`${version} ${c.label}`, { run, before, after: await readFile(project.path(BASELINE)), path: project.path(BASELINE), files });
    }
  }));
  const project = await jestFixture(JEST_VERSIONS[JEST_VERSIONS.length - 1]!, 'file-faults-escape');
  projects.push(project);
  escape = { project, run: await runJestIn(project, JEST_VERSIONS[JEST_VERSIONS.length - 1]!, { args: ['-u'] }) };
  // Two shards of one run updating one baseline at the same moment, as on one CI machine.
  const shared = await jestFixture(NEWEST_JEST[0]!, 'file-faults');
  projects.push(shared);
  await rm(shared.path(BASELINE));
  const runs = await Promise.all(['1/2', '2/2'].map((shard) => runJestIn(shared, NEWEST_JEST[0]!, { args: [`--shard=${shard}`, '-u'] })));
  shards = { project: shared, runs };
}, 300_000);

afterAll(async () => {
  for (const project of projects) await project.cleanup();
});

describe.each(JEST_VERSIONS)('Jest %i: a baseline that cannot be read', (version) => {
  it.each(CASES)('$label: the run fails naming the file and the problem, and the file is unchanged', ({ label, problem }) => {
    const { run, before, after, path, files } = outcomes.get(`${version} ${label}`)!;
    expect(run.exitCode, run.output).toBe(1);
    // The tests themselves passed: the failure is memscope's, and says so.
    expect(run.output).toContain('Tests:       2 passed, 2 total');
    const line = run.output.split('\n').find((l) => l.startsWith('memscope: the report could not be completed: '));
    expect(line, run.output).toBeDefined();
    expect(line!.slice('memscope: the report could not be completed: '.length)).toMatch(new RegExp(`^${escapeRegExp(path)}: ${problem.source}`));
    expect(after.equals(before)).toBe(true);
    // No report was written and no temporary file left beside the baseline.
    expect(run.report).toBeNull();
    expect(files).toEqual(['format.spec.js', 'jest.config.js', BASELINE, 'parse.spec.js']);
  });
});

describe('a baseline path that leaves the project', () => {
  it('is refused before anything is written, naming the option', async () => {
    const { run, project } = escape!;
    expect(run.exitCode, run.output).toBe(1);
    expect(run.output).toMatch(/memscope: the report could not be completed: memscope reporter: option `baseline` \("\.\.\/escaped\.baseline\.json"\) resolves to .*escaped\.baseline\.json, outside the project root/);
    expect(existsSync(join(dirname(project.dir), 'escaped.baseline.json'))).toBe(false);
    expect((await readdir(project.dir)).sort()).toEqual(['jest.config.js', 'parse.spec.js']);
  });
});

describe('two shards updating one baseline at once', () => {
  it('leave a whole, valid baseline and a valid report each, never a mix', async () => {
    const { project, runs } = shards!;
    for (const run of runs) expect(run.exitCode, run.output).toBe(0);
    const baseline = await loadBaseline(project.path(BASELINE), { mode: 'sampled' });
    // The last writer wins: its own test, and the other's when it read the file after the other wrote it.
    expect(Object.keys(baseline.data!.tests).length).toBeGreaterThanOrEqual(1);
    const reports = await Promise.all(['1-of-2', '2-of-2'].map((s) => runs[0]!.readReport(`memscope-report/shard-${s}/report.json`)));
    expect(reports.map((r) => r?.totals.tests)).toEqual([1, 1]);
    expect((await readdir(project.dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
