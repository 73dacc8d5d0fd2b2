import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baselineFaultCases, escapeRegExp } from '../jest/fixtures/file-faults-cases/cases.js';
import type { FixtureProject } from '../support/index.js';
import { createVitestProject, fixtureFiles, runVitestIn, VITEST_VERSIONS, type VitestRun, type VitestVersion } from './run-vitest.js';

/**
 * A committed baseline that cannot be read fails the run with a message
 * naming the file, whatever the update flag says, and keeps its bytes: the
 * run that could not read it never rewrites it. A report directory from the
 * config that leaves the project is refused before anything is written.
 */
const BASELINE = 'memscope.baseline.json';
const CASES = baselineFaultCases('Vitest');

interface Outcome { run: VitestRun; before: Buffer; after: Buffer; path: string; files: string[] }
const outcomes = new Map<string, Outcome>();
const projects: FixtureProject[] = [];
const escapes = new Map<VitestVersion, { run: VitestRun; project: FixtureProject }>();

beforeAll(async () => {
  await Promise.all(VITEST_VERSIONS.map(async (version) => {
    for (const c of CASES) {
      const project = await createVitestProject(version, fixtureFiles('file-faults'));
      projects.push(project);
      if (c.content !== null) await writeFile(project.path(BASELINE), c.content);
      const before = await readFile(project.path(BASELINE));
      const run = await runVitestIn(project, version, c.args, c.env);
      const files = (await readdir(project.dir)).sort();
      outcomes.set(`${version} ${c.label}`, { run, before, after: await readFile(project.path(BASELINE)), path: project.path(BASELINE), files });
    }
    const project = await createVitestProject(version, fixtureFiles('file-faults-escape'));
    projects.push(project);
    escapes.set(version, { project, run: await runVitestIn(project, version) });
  }));
}, 300_000);

afterAll(async () => {
  for (const project of projects) await project.cleanup();
});

describe.each(VITEST_VERSIONS)('Vitest %i: a baseline that cannot be read', (version) => {
  it.each(CASES)('$label: the run fails naming the file and the problem, and the file is unchanged', async ({ label, problem }) => {
    const { run, before, after, path, files } = outcomes.get(`${version} ${label}`)!;
    expect(run.exitCode, run.output).toBe(1);
    expect(run.output).toMatch(/Tests\s+2 passed \(2\)/);
    expect(run.output).toMatch(new RegExp(`${escapeRegExp(path)}: ${problem.source}`));
    expect(after.equals(before)).toBe(true);
    // One line from the reporter, no raw stack, no second report from the exit hook; no temporary file beside the baseline.
    expect(run.output).toContain('memscope: the report could not be completed: ');
    expect(run.output).not.toContain('Unhandled Error');
    expect(run.output).not.toContain('the run ended before Vitest reported its end');
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files).toContain(BASELINE);
  });
});

describe.each(VITEST_VERSIONS)('Vitest %i: a report directory that leaves the project', (version) => {
  it('is refused before anything is written, naming the option', async () => {
    const { run, project } = escapes.get(version)!;
    expect(run.exitCode, run.output).toBe(1);
    expect(run.output).toMatch(/memscope reporter: option `outputDir` \("\.\.\/escaped-report"\) resolves to .*escaped-report, outside the project root/);
    expect(existsSync(join(dirname(project.dir), 'escaped-report'))).toBe(false);
    // Vitest keeps its own cache in node_modules; memscope wrote nothing.
    expect((await readdir(project.dir)).filter((f) => f !== 'node_modules').sort()).toEqual(['parse.spec.ts', 'vitest.config.mjs']);
  });
});
