import type { TaskFigures, TaskNode } from './types.js';

/**
 * Tasks whose runs overlap (concurrent tests, `Promise.all` of two task
 * scopes) read the one heap at their boundaries: a figure taken between
 * their start and end readings holds what both did. Such figures are
 * labelled `shared`, never `measured`, and each node names the tasks it
 * overlapped, so no reader (the baseline least of all) takes the sum for
 * one task's own.
 */

/** Figures that read the process's heap or GC totals between two boundaries: they mix overlapping tasks. */
const HEAP_FIGURES: readonly (keyof TaskFigures)[] = [
  'allocated', 'retained', 'peak', 'gcCount', 'gcTimeMs', 'external', 'arrayBuffers', 'malloc',
];

/**
 * Handles too: a test that the runner's hooks open and close (both plugins)
 * has no async context of its own, so the innermost open task takes every
 * handle created meanwhile.
 */
const MIXED_FIGURES: readonly (keyof TaskFigures)[] = [...HEAP_FIGURES, 'handlesOpened', 'handlesLeftOpen'];

/** Marks two tasks open at once, neither inside the other. */
export function markOverlap(a: TaskNode, b: TaskNode): void {
  for (const [node, other] of [[a, b], [b, a]] as const) {
    node.shared = true;
    node.overlaps ??= [];
    if (!node.overlaps.includes(other.id)) node.overlaps.push(other.id);
  }
}

/**
 * Relabels a closed shared task's mixed figures `shared`. Values stay as
 * read: they are what the process did while the task ran. Heap readings at
 * the boundaries (heapBefore, heapAfter) and the duration are exact for the
 * task and keep their source.
 *
 * Attribution (concurrent tests, attribution.ts) then replaces the figures
 * it charged to the task alone, labelled `sampled`.
 */
export function labelSharedFigures(node: TaskNode): void {
  if (!node.shared) return;
  for (const name of MIXED_FIGURES) {
    const figure = node.figures[name];
    if (figure) figure.source = 'shared';
  }
}
