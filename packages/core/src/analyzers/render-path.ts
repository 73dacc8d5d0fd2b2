import type { RetainerStep } from './types.js';
import type { HeapIndex } from './heap-index.js';
import { fromDomWindow } from './dom-targets.js';
import { buildRetainerTree, elideInternalHops, fromUserRoot, retainerStepsText, retainerStepsTo, type RetainerTree } from './retainer-path.js';

/**
 * A leaked object's retainer path, three ways: every step from the first
 * GC root (`steps`, for the HTML report), the text the user reads (`text`:
 * from the first root a user knows before the holder, with runs of V8's
 * and Node's internal hops folded into `… 4 internal hops …`), and the
 * text the false-positive rules match (`ruleText`: from the last module
 * variable, nothing elided).
 */
export function retainerPathOfObject(
  index: HeapIndex,
  target: number,
  holder?: number,
  /** Another tree than the shortest paths' (a member read through its collection). */
  tree: RetainerTree = buildRetainerTree(index.graph, index),
): { steps: RetainerStep[]; text: string; ruleText: string } {
  const stepNodes: number[] = [];
  const steps = retainerStepsTo(tree, target, { full: true, stepNodes });
  if (!steps) return { steps: [], text: '(unreachable)', ruleText: '(unreachable)' };
  const fromVariable = retainerStepsTo(tree, target) ?? steps;
  const holderAt = holder === undefined ? -1 : stepNodes.indexOf(holder);
  const upTo = holderAt >= 0 ? holderAt : steps.length - 1;
  // A component's listener or node kept by the DOM reads from the window, not from the environment's objects.
  const shown = fromDomWindow(steps, upTo) ?? fromUserRoot(steps, upTo);
  return { steps, text: retainerStepsText(elideInternalHops(shown)), ruleText: retainerStepsText(fromVariable) };
}
