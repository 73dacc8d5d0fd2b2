import type { RetainerStep } from '../verdict/types.js';
import type { HeapIndex } from './heap-index.js';
import { buildRetainerTree, renderRetainerPath as renderSteps, retainerStepsTo } from './retainer-path.js';

/**
 * A leaked object's retainer path as the user reads it, from the last
 * module-level variable on it: `(module) cache → Map → table[3] → Session`.
 */
export function renderRetainerPath(index: HeapIndex, target: number): { steps: RetainerStep[]; text: string } {
  const steps = retainerStepsTo(buildRetainerTree(index.graph, index), target);
  if (!steps) return { steps: [], text: '(unreachable)' };
  return { steps, text: renderSteps(steps) };
}
