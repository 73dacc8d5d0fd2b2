import type { BaselineComparison } from '../report/schema.js';
import type { MeasureMode, TaskNode } from '../tasks/types.js';
import { compareWithBaseline } from './judge.js';
import type { LoadedBaseline } from './types.js';
import { updateBaseline } from './update.js';

/**
 * The end-of-run baseline step shared by the reporters and `memscope merge`:
 * rewrite the baseline when updating, otherwise compare with it. It takes a
 * baseline that loaded: one that failed to read threw before this point, so
 * a corrupt file is never replaced by a run that could not read it.
 */
export function judgeOrUpdate(
  tasks: readonly TaskNode[],
  loaded: LoadedBaseline,
  options: { update: boolean; mode: MeasureMode; partial: boolean },
): Promise<BaselineComparison> | BaselineComparison {
  if (options.update) return updateBaseline(tasks, loaded, { mode: options.mode, partial: options.partial });
  return compareWithBaseline(tasks, loaded, { partial: options.partial });
}
