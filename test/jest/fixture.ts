import { join } from 'node:path';
import { createJestProject, JEST_VERSIONS, loadFixtureFiles, repoRoot, type FixtureProject, type JestVersion } from '../support/index.js';

/**
 * Jest versions for suites that exercise memscope's own handling rather than
 * its bindings to Jest (unreadable files, process faults): the newest only,
 * to keep CI short. The verdict, baseline, flavours and crash suites run on
 * every version.
 */
export const NEWEST_JEST: readonly JestVersion[] = [JEST_VERSIONS[JEST_VERSIONS.length - 1]!];

/** A fresh project from `test/jest/fixtures/<name>`, placed under the install of Jest `version`. */
export async function jestFixture(version: JestVersion, name: string): Promise<FixtureProject> {
  return createJestProject(version, await loadFixtureFiles(join(repoRoot, 'test/jest/fixtures', name)));
}

/** The lines of Jest's failure block for one test, `● name` up to the next `●` or summary. */
export function failureOf(output: string, testName: string): string {
  const start = output.indexOf(`● ${testName}\n`);
  if (start === -1) return '';
  const rest = output.slice(start + 2);
  // Jest indents its failure headers by exactly two spaces.
  const end = rest.search(/\n {2}● |\n(PASS|FAIL) |\nmemscope /);
  return end === -1 ? rest : rest.slice(0, end);
}
