import type { BaselineComparison, BaselineFigureName, ComparedFigure, Regression } from '../report/schema.js';
import type { TaskNode } from '../tasks/types.js';
import { limitFor, resolveTolerance, widerSource } from './tolerance.js';
import { DEFAULT_BASELINE_FIGURES, type LoadedBaseline } from './types.js';

/**
 * Tests and the task scopes inside them (`task(name, fn)`) have a baseline
 * entry each; a regression names the task. Verdicts do not: their figures
 * follow how many calls the verdict chose to make.
 */
function isBaselined(t: TaskNode): boolean {
  return t.kind === 'test' || t.kind === 'task';
}

function finished(t: TaskNode): boolean {
  return t.state === 'passed' || t.state === 'failed';
}

/** Tests and task scopes whose figures can be judged: finished, and not mixed with a concurrent one's. */
export function judgeableTests(tasks: readonly TaskNode[]): TaskNode[] {
  return tasks.filter((t) => isBaselined(t) && finished(t) && !t.shared);
}

/** Finished tests and task scopes left unjudged because their figures are shared. */
export function sharedTests(tasks: readonly TaskNode[]): string[] {
  return tasks.filter((t) => isBaselined(t) && finished(t) && t.shared).map((t) => t.id);
}

/** Ids a run saw, judged or not: a baseline entry among them was not removed. */
export function seenIds(tasks: readonly TaskNode[]): Set<string> {
  return new Set(tasks.filter(isBaselined).map((t) => t.id));
}

/** Only present when some were left unjudged, so a serial suite's comparison reads as before. */
function withShared(ids: string[]): { sharedTests?: string[] } {
  return ids.length > 0 ? { sharedTests: ids } : {};
}

/**
 * Compares each test's figures with the baseline. Only growth beyond the
 * tolerance is a regression: memory that shrank is never a failure.
 *
 * @param options.partial this run saw only part of the suite (a shard), so
 *   baseline tests it did not see may belong to another shard.
 */
export function compareWithBaseline(
  tasks: readonly TaskNode[],
  baseline: LoadedBaseline,
  options: { partial?: boolean } = {},
): BaselineComparison {
  const data = baseline.data;
  const figures = data?.figures ?? DEFAULT_BASELINE_FIGURES;
  const regressions: Regression[] = [];
  const newTests: string[] = [];
  // Null prototype: test ids come from user code and may be `__proto__`.
  const compared: BaselineComparison['compared'] = Object.create(null);
  const seen = seenIds(tasks);
  for (const task of judgeableTests(tasks)) {
    const entry = data && Object.hasOwn(data.tests, task.id) ? data.tests[task.id] : undefined;
    if (!entry) {
      newTests.push(task.id);
      continue;
    }
    const row: Partial<Record<BaselineFigureName, ComparedFigure>> = Object.create(null);
    for (const figure of figures) {
      const oldFigure = entry.figures[figure];
      const newFigure = task.figures[figure];
      if (!oldFigure || !newFigure) continue;
      const tolerance = resolveTolerance(figure, widerSource(oldFigure.source, newFigure.source), data?.tolerance, entry.tolerance);
      const limit = limitFor(oldFigure.value, tolerance);
      row[figure] = { old: oldFigure.value, limit };
      if (newFigure.value > limit) {
        regressions.push({ taskId: task.id, file: task.file, path: task.path, figure, old: oldFigure.value, new: newFigure.value, tolerance, limit });
      }
    }
    compared[task.id] = row;
  }
  const removedTests = data ? Object.keys(data.tests).filter((id) => !seen.has(id)) : [];
  return {
    file: baseline.path,
    updated: false,
    created: false,
    regressions,
    newTests,
    removedTests,
    partial: options.partial ?? false,
    ...withShared(sharedTests(tasks)),
    compared,
  };
}
