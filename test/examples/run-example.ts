import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../packages/core/src/report/schema.js';
import { readRunReport } from '../../packages/core/src/report/files/write.js';
import type { Finding } from '../../packages/core/src/verdict/types.js';
import { repoRoot, runNode, type ProcessResult } from '../support/index.js';
import { keepExampleRun } from '../../scripts/example-runs.mjs';

// Each example's own suite, run in place as a user would run it: once as
// shipped (clean, must pass) and once with its demo bugs switched on (must
// fail, for the right reasons).

export interface ExampleRun extends ProcessResult {
  report: RunReport | null;
}

export const JEST = [join(repoRoot, 'node_modules/jest/bin/jest.js'), '--ci'];
export const VITEST = [join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run'];

export async function runExample(name: string, command: readonly string[], leaks: boolean): Promise<ExampleRun> {
  const dir = join(repoRoot, 'examples', name);
  const run = await runNode(command, { cwd: dir, env: { MEMSCOPE_DEMO_LEAK: leaks ? '1' : undefined }, timeoutMs: 300_000 });
  // Read at once: the next run of the same example overwrites the report.
  const reportPath = join(dir, 'memscope-report/report.json');
  // `npm run demo -- --reuse-test-runs` shows these runs instead of running the suites again.
  keepExampleRun(name, leaks, { exitCode: run.exitCode, signal: run.signal, output: run.rawStdout + run.rawStderr });
  return { ...run, report: existsSync(reportPath) ? await readRunReport(reportPath) : null };
}

export function findingsOf(run: ExampleRun, testId: string): Finding[] {
  const task = run.report?.tasks.find((t) => t.kind === 'test' && t.id === testId);
  if (!task) throw new Error(`no test ${testId} in the report; tests: ${run.report?.tasks.map((t) => t.id).join(', ')}`);
  return task.findings;
}

export function allKinds(run: ExampleRun): string[] {
  return [...new Set(run.report!.tasks.flatMap((t) => t.findings.map((f) => f.kind)))].sort();
}
