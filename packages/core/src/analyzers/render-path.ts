import type { RetainerStep } from '../verdict/types.js';
import { HeapIndex, NodeType } from './heap-index.js';

const MAX_STEPS = 8;

/** Internal containers whose own name tells the reader nothing: their edges fold into their owner's. */
function isFoldable(index: HeapIndex, node: number): boolean {
  const type = index.type(node);
  if (type === NodeType.array) return true;
  return type === NodeType.hidden && !index.name(node).startsWith('system / Context');
}

export function isScope(index: HeapIndex, node: number): boolean {
  return index.name(node).startsWith('system / Context');
}

/**
 * A retainer path as the user reads it: synthetic roots dropped, internal
 * backing stores folded into the edge that leads through them
 * (`Map → table[3] → Session`), scopes shown as `(scope) name`, and only the
 * last steps kept when the path is long.
 */
export function renderRetainerPath(index: HeapIndex, target: number): { steps: RetainerStep[]; text: string } {
  const { nodes, edges } = index.pathTo(target);
  if (nodes.length === 0) return { steps: [], text: '(unreachable)' };
  const steps: RetainerStep[] = [];
  let pendingEdge = '';
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const incoming = i > 0 ? index.edgeLabel(edges[i - 1]!) : '';
    const isLast = i === nodes.length - 1;
    if (index.type(node) === NodeType.synthetic || i === 0) continue;
    if (!isLast && isFoldable(index, node)) {
      pendingEdge += joinEdge(pendingEdge, incoming);
      continue;
    }
    const edge = pendingEdge + joinEdge(pendingEdge, incoming);
    pendingEdge = '';
    const previous = steps[steps.length - 1];
    if (previous) previous.edge = edge;
    steps.push({ node: index.label(node) });
  }
  const kept = steps.length > MAX_STEPS ? steps.slice(-MAX_STEPS) : steps;
  const parts: string[] = [];
  kept.forEach((step) => {
    if (step.node === '(scope)' && step.edge) {
      parts.push(`(scope) ${step.edge}`);
      return;
    }
    parts.push(step.node);
    if (step.edge) parts.push(step.edge);
  });
  const text = (kept.length < steps.length ? '… → ' : '') + parts.join(' → ');
  return { steps: kept, text };
}

function joinEdge(previous: string, next: string): string {
  if (!next) return '';
  if (/^\d+$/.test(next)) return `[${next}]`;
  if (!previous || next.startsWith('[')) return next;
  return `.${next}`;
}
