import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../packages/core/src/report/schema.js';
import { readRunReport } from '../../packages/core/src/report/files/write.js';
import { createFixtureProject, repoRoot, runNode, type FixtureFiles, type FixtureProject, type ProcessResult } from '../support/index.js';

export type VitestVersion = 3 | 4 | 5;

const nodeMajor = Number(process.versions.node.split('.')[0]);

/**
 * The Vitest versions the end-to-end suites run against, once per entry:
 * 4 and 3, plus 5 on Node 22 and later (Vitest 5 needs Node >= 22).
 * MEMSCOPE_E2E_VITEST=4,5 picks a subset, as the CI matrix does.
 */
export function selectVitestVersions(requested: string | undefined, major = nodeMajor): VitestVersion[] {
  if (requested === undefined || requested.trim() === '') return major >= 22 ? [4, 3, 5] : [4, 3];
  return requested.split(',').map((entry) => {
    const version = Number(entry.trim());
    if (version !== 3 && version !== 4 && version !== 5) {
      throw new Error(`MEMSCOPE_E2E_VITEST must list Vitest majors among 3, 4 and 5 (e.g. "4,5"), got "${requested}".`);
    }
    if (version === 5 && major < 22) {
      throw new Error(`MEMSCOPE_E2E_VITEST asks for Vitest 5, which needs Node >= 22; this is Node ${process.versions.node}.`);
    }
    return version;
  });
}

export const VITEST_VERSIONS: readonly VitestVersion[] = selectVitestVersions(process.env.MEMSCOPE_E2E_VITEST);

interface VitestInstall {
  bin: string;
  /** Fixture projects live here, so `vitest/config` and `vitest` resolve to this version. */
  projectsDir: string;
}

/**
 * Vitest 4 is the workspace's own; Vitest 3 and 5 live in `test/vitest/v3`
 * and `test/vitest/v5` with their own `node_modules` (`npm ci --prefix
 * test/vitest/v3` once; v5 likewise, on Node >= 22). All load the same
 * `@memscope/vitest`, which binds to whichever Vitest runs it.
 */
const INSTALLS: Record<VitestVersion, VitestInstall> = {
  4: { bin: join(repoRoot, 'node_modules/vitest/vitest.mjs'), projectsDir: join(repoRoot, 'test/vitest/.runs') },
  3: { bin: join(repoRoot, 'test/vitest/v3/node_modules/vitest/vitest.mjs'), projectsDir: join(repoRoot, 'test/vitest/v3/.runs') },
  5: { bin: join(repoRoot, 'test/vitest/v5/node_modules/vitest/vitest.mjs'), projectsDir: join(repoRoot, 'test/vitest/v5/.runs') },
};

export interface VitestRun extends ProcessResult {
  /** The memscope JSON report the run wrote, validated; null when there is none. */
  report(path?: string): Promise<RunReport | null>;
}

function assertInstalled(version: VitestVersion): void {
  const entry = join(repoRoot, 'packages/vitest-plugin/dist/index.mjs');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: end-to-end tests load the built plugin, run \`npm run build\` first.`);
  if (!existsSync(INSTALLS[version].bin)) {
    throw new Error(`Vitest ${version} is not installed at ${INSTALLS[version].bin}: run \`npm ci --prefix test/vitest/v${version}\`${version === 5 ? ' on Node >= 22' : ''}.`);
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
  timeoutMs = 90_000,
): Promise<VitestRun> {
  const result = await runNode([INSTALLS[version].bin, 'run', ...args], { cwd: project.dir, env, timeoutMs });
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
