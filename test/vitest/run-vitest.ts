import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../packages/core/src/report/schema.js';
import { readRunReport } from '../../packages/core/src/report/write.js';
import { createFixtureProject, repoRoot, runNode, type FixtureFiles, type FixtureProject, type ProcessResult } from '../support/index.js';

export type VitestVersion = 3 | 4;

/** The Vitest versions the plugin supports; end-to-end suites run once per entry. */
export const VITEST_VERSIONS: readonly VitestVersion[] = [4, 3];

interface VitestInstall {
  bin: string;
  /** Fixture projects live here, so `vitest/config` and `vitest` resolve to this version. */
  projectsDir: string;
}

/**
 * Vitest 4 is the workspace's own; Vitest 3 lives in `test/vitest/v3` with
 * its own `node_modules` (run `npm ci --prefix test/vitest/v3` once). Both
 * load the same `@memscope/vitest`, which binds to whichever Vitest runs it.
 */
const INSTALLS: Record<VitestVersion, VitestInstall> = {
  4: { bin: join(repoRoot, 'node_modules/vitest/vitest.mjs'), projectsDir: join(repoRoot, 'test/vitest/.runs') },
  3: { bin: join(repoRoot, 'test/vitest/v3/node_modules/vitest/vitest.mjs'), projectsDir: join(repoRoot, 'test/vitest/v3/.runs') },
};

export interface VitestRun extends ProcessResult {
  /** The memscope JSON report the run wrote, validated; null when there is none. */
  report(path?: string): Promise<RunReport | null>;
}

function assertInstalled(version: VitestVersion): void {
  const entry = join(repoRoot, 'packages/vitest-plugin/dist/index.mjs');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: end-to-end tests load the built plugin, run \`npm run build\` first.`);
  if (!existsSync(INSTALLS[version].bin)) {
    throw new Error(`Vitest ${version} is not installed at ${INSTALLS[version].bin}: run \`npm ci --prefix test/vitest/v3\`.`);
  }
}

/** Creates a fixture project under the given Vitest version's install. */
export function createVitestProject(version: VitestVersion, files: FixtureFiles): Promise<FixtureProject> {
  assertInstalled(version);
  return createFixtureProject(INSTALLS[version].projectsDir, files);
}

/**
 * Runs the real Vitest binary of `version` (`vitest run`) in `project`.
 *
 * @example
 * const run = await runVitestIn(project, 4, ['--pool', 'threads']);
 * expect(run.exitCode).toBe(1);
 */
export async function runVitestIn(
  project: FixtureProject,
  version: VitestVersion,
  args: readonly string[] = [],
  env: Record<string, string | undefined> = {},
): Promise<VitestRun> {
  const result = await runNode([INSTALLS[version].bin, 'run', ...args], { cwd: project.dir, env, timeoutMs: 90_000 });
  return {
    ...result,
    report: async (path = 'memscope-report/report.json') => {
      const absolute = project.path(path);
      return existsSync(absolute) ? readRunReport(absolute) : null;
    },
  };
}

/** A Vitest config (ESM) that loads memscope's setup file and reporter. */
export function vitestConfig(options: { reporterOptions?: object; test?: object } = {}): string {
  const test = {
    include: ['**/*.spec.{ts,mjs}'],
    setupFiles: ['@memscope/vitest'],
    reporters: ['default', ['@memscope/vitest/reporter', options.reporterOptions ?? {}]],
    ...options.test,
  };
  return `export default { test: ${JSON.stringify(test, null, 2)} };\n`;
}

/** The files of `test/vitest/fixtures/<name>`, to write into a fixture project. */
export function fixtureFiles(name: string): FixtureFiles {
  const dir = join(repoRoot, 'test/vitest/fixtures', name);
  const files: FixtureFiles = {};
  for (const file of readdirSync(dir)) files[file] = readFileSync(join(dir, file), 'utf8');
  return files;
}

/** The test tasks of a report, by id. */
export function testsById(report: RunReport): Map<string, RunReport['tasks'][number]> {
  return new Map(report.tasks.filter((task) => task.kind === 'test').map((task) => [task.id, task]));
}
