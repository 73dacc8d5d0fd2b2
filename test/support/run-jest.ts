import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readRunReport } from '../../packages/core/src/report/files/write.js';
import type { RunReport } from '../../packages/core/src/report/schema.js';
import { createFixtureProject, type FixtureFiles, type FixtureProject } from './fixture-project.js';
import { runNode, type ProcessResult } from './run-process.js';
import { repoRoot } from './paths.js';

export type JestVersion = 29 | 30;

/** The Jest versions the plugin supports; end-to-end suites run once per entry. */
export const JEST_VERSIONS: readonly JestVersion[] = [29, 30];

interface JestInstall {
  bin: string;
  /** Fixture projects live here so that they resolve this version's runner and environment. */
  projectsDir: string;
}

/**
 * Jest 30 is the workspace's own; Jest 29 is the `test/jest/jest29`
 * workspace, whose `node_modules` holds Jest 29's runner, environment and
 * babel-jest. jest-config resolves `testEnvironment` and `testRunner` from the
 * project's directory first, so a project must sit under the install it runs
 * with, or Jest 29 would load Jest 30's environment.
 */
const INSTALLS: Record<JestVersion, JestInstall> = {
  30: { bin: join(repoRoot, 'node_modules/jest/bin/jest.js'), projectsDir: join(repoRoot, 'test/jest/.runs') },
  29: { bin: join(repoRoot, 'test/jest/jest29/node_modules/jest/bin/jest.js'), projectsDir: join(repoRoot, 'test/jest/jest29/.runs') },
};

export interface JestRun extends ProcessResult {
  project: FixtureProject;
  /** The memscope JSON report at `memscope-report/report.json` right after the run, validated; null when there is none. */
  report: RunReport | null;
  /** Reads (now) and validates a report at `path`, relative to the project; null when there is none. */
  readReport(path: string): Promise<RunReport | null>;
}

export interface RunJestOptions {
  /** Jest's command-line arguments. `--ci` is always added. */
  args?: readonly string[];
  env?: Record<string, string | undefined>;
  /** Node flags before Jest's bin, e.g. `--experimental-vm-modules` for ESM test files. */
  nodeFlags?: readonly string[];
  timeoutMs?: number;
}

function assertBuilt(): void {
  const entry = join(repoRoot, 'packages/jest-plugin/dist/index.js');
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: end-to-end tests load the built plugin, run \`npm run build\` first.`);
  }
}

/** Creates a fixture project under the given Jest version's install (see INSTALLS). */
export function createJestProject(version: JestVersion, files: FixtureFiles): Promise<FixtureProject> {
  assertBuilt();
  return createFixtureProject(INSTALLS[version].projectsDir, files);
}

/**
 * Runs the real Jest binary of `version` in `project` and returns its output,
 * exit code and report. Several runs may share one project.
 *
 * @example
 * const project = await createJestProject(30, { 'jest.config.js': config, 'a.spec.js': spec });
 * const run = await runJestIn(project, 30, { args: ['--runInBand'] });
 * expect(run.exitCode).toBe(1);
 * expect(run.report?.totals.leakingTests).toBe(1);
 */
export async function runJestIn(project: FixtureProject, version: JestVersion, options: RunJestOptions = {}): Promise<JestRun> {
  const args = [...(options.nodeFlags ?? []), INSTALLS[version].bin, '--ci', ...(options.args ?? [])];
  const result = await runNode(args, { cwd: project.dir, env: options.env, timeoutMs: options.timeoutMs });
  const readReport = async (path: string) => {
    const absolute = project.path(path);
    return existsSync(absolute) ? readRunReport(absolute) : null;
  };
  // Read at once: a later run in the same project overwrites the file.
  return { ...result, project, report: await readReport('memscope-report/report.json'), readReport };
}

/** Installed Jest version of `version`'s install, e.g. `29.7.0`. */
export function jestBin(version: JestVersion): string {
  return INSTALLS[version].bin;
}
