import type { RetainerStep } from '../verdict/types.js';
import type { HeapIndex } from './heap-index.js';
import { buildRetainerTree, elideInternalHops, fromUserRoot, renderRetainerPath as renderSteps, retainerStepsTo } from './retainer-path.js';

/**
 * A leaked object's retainer path, three ways: every step from the first
 * GC root (`steps`, for the HTML report), the text the user reads (`text`:
 * from the first root a user knows, with runs of V8's and Node's internal
 * hops folded into `… 4 internal hops …`), and the text the false-positive
 * rules match (`ruleText`: from the last module variable, nothing elided).
 */
export function renderRetainerPath(index: HeapIndex, target: number): { steps: RetainerStep[]; text: string; ruleText: string } {
  const steps = retainerStepsTo(buildRetainerTree(index.graph, index), target, { full: true });
  if (!steps) return { steps: [], text: '(unreachable)', ruleText: '(unreachable)' };
  const tree = buildRetainerTree(index.graph, index);
  const fromVariable = retainerStepsTo(tree, target) ?? steps;
  return { steps, text: renderSteps(elideInternalHops(fromUserRoot(steps))), ruleText: renderSteps(fromVariable) };
}
