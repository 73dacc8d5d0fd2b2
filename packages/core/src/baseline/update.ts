import { writeFileAtomic } from '../report/files/atomic.js';
import type { BaselineComparison, BaselineFigureName } from '../report/schema.js';
import type { Figure, MeasureMode, TaskNode } from '../tasks/types.js';
import { compareWithBaseline, judgeableTests, seenIds } from './judge.js';
import {
  BASELINE_KIND, BASELINE_SCHEMA_VERSION, DEFAULT_BASELINE_FIGURES,
  type BaselineFile, type BaselineTest, type LoadedBaseline,
} from './types.js';

/**
 * Whether this run should rewrite the baseline: the CLI's `--update`, the
 * plugins' `update` option (set from the runner's `-u`), or
 * `MEMSCOPE_UPDATE=1` in the environment.
 */
export function shouldUpdateBaseline(option: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (option !== undefined) return option;
  const value = env.MEMSCOPE_UPDATE;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * The baseline after this run: every judged test with its current figures,
 * hand-written tolerances kept. A partial (sharded) run keeps the tests it
 * did not see, since they belong to other shards.
 */
export function nextBaseline(
  tasks: readonly TaskNode[],
  previous: BaselineFile | null,
  options: { mode: MeasureMode; partial?: boolean },
): BaselineFile {
  const figures = previous?.figures ?? DEFAULT_BASELINE_FIGURES;
  const tests: Record<string, BaselineTest> = Object.create(null);
  const seen = seenIds(tasks);
  if (previous) {
    for (const [id, entry] of Object.entries(previous.tests)) {
      // Skipped and shared tests keep their entry: they were seen but not measured.
      if (options.partial || seen.has(id)) tests[id] = entry;
    }
  }
  for (const task of judgeableTests(tasks)) {
    const recorded: Partial<Record<BaselineFigureName, Figure>> = {};
    for (const name of figures) {
      const figure = task.figures[name];
      if (figure) recorded[name] = { value: figure.value, source: figure.source };
    }
    const old = previous && Object.hasOwn(previous.tests, task.id) ? previous.tests[task.id] : undefined;
    tests[task.id] = { file: task.file, path: task.path, figures: recorded, ...(old?.tolerance ? { tolerance: old.tolerance } : {}) };
  }
  const sorted: Record<string, BaselineTest> = Object.create(null);
  for (const id of Object.keys(tests).sort()) sorted[id] = tests[id]!;
  return {
    schemaVersion: BASELINE_SCHEMA_VERSION,
    kind: BASELINE_KIND,
    mode: options.mode,
    figures,
    ...(previous?.tolerance ? { tolerance: previous.tolerance } : {}),
    tests: sorted,
  };
}

/**
 * Rewrites the baseline atomically and returns the comparison to report:
 * nothing regresses against the new file; `newTests` lists the tests added
 * and `removedTests` those dropped.
 */
export async function updateBaseline(
  tasks: readonly TaskNode[],
  baseline: LoadedBaseline,
  options: { mode: MeasureMode; partial?: boolean },
): Promise<BaselineComparison> {
  const next = nextBaseline(tasks, baseline.data, options);
  // Indented and key-sorted: the file is committed and reviewed as a diff.
  await writeFileAtomic(baseline.path, `${JSON.stringify(next, null, 2)}\n`);
  const before = new Set(Object.keys(baseline.data?.tests ?? {}));
  const after = new Set(Object.keys(next.tests));
  const comparison = compareWithBaseline(tasks, { path: baseline.path, data: next }, options);
  return {
    ...comparison,
    updated: true,
    created: baseline.data === null,
    newTests: [...after].filter((id) => !before.has(id)),
    removedTests: [...before].filter((id) => !after.has(id)),
  };
}
