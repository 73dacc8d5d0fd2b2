import type { Capture } from '../capture/types.js';
import type { TrackedEntry } from '../track/registry.js';
import type { Reading } from './figures.js';
import type { HandleEntry } from './handles.js';
import { isStillOpen } from './handles.js';
import type { TaskFigures, TaskNode } from './types.js';

/**
 * Flow figures a verdict's child task keeps to itself: the test's own
 * allocated and GC figures then show what the test did, not the thousands
 * of calls its leak check made. Heap levels (heapAfter, retained, peak)
 * stay: what the verdict left behind is still there at the test's end.
 */
const EXCLUDED_FIGURES = ['allocated', 'gcCount', 'gcTimeMs'] as const satisfies readonly (keyof TaskFigures)[];
type ExcludedFigure = (typeof EXCLUDED_FIGURES)[number];

/** Past this many handles a task prunes the closed ones, so a timer-heavy test holds only open ones. */
const PRUNE_AT = 1024;

/**
 * One open (or ended) task: its node in the tree plus what the recorder
 * needs while it runs. Held by AsyncLocalStorage as the current task.
 */
export class TaskScope {
  open = true;
  /** Largest heap used seen at this task's boundaries and its children's. */
  peakSeen: number;
  handlesOpened = 0;
  readonly handles: HandleEntry[] = [];
  /**
   * Whether the handle hook ran for the whole of this task, so its handle
   * figures are complete (see HandleTracking in handles.ts).
   */
  handlesTracked = true;
  /** Ref'd handles open at this task's start, read while the hook is off; null otherwise. */
  handlesOpenAtStart: number | null = null;
  readonly tracked: TrackedEntry[] = [];
  /**
   * Task scopes and verdicts opened inside this test or hook, nested ones
   * included: a runner that carries each test's node on its own (Vitest's
   * task meta) carries these with it.
   */
  readonly innerTasks: TaskNode[] = [];
  /** Settled heap used at this task's start (settled mode), the base of its retained figure. */
  settledAtStart = 0;
  /** Flow figures of verdicts inside this task, taken out of its own. */
  private readonly excluded: Partial<Record<ExcludedFigure, number>> = {};

  constructor(
    readonly node: TaskNode,
    readonly parent: TaskScope | null,
    public start: Reading,
    readonly capture: Capture,
  ) {
    this.peakSeen = start.heapUsed;
  }

  addHandle(entry: HandleEntry): void {
    this.handlesOpened++;
    this.handles.push(entry);
    if (this.handles.length >= PRUNE_AT) {
      const open = this.handles.filter(isStillOpen);
      this.handles.length = 0;
      this.handles.push(...open);
    }
  }

  /** Takes a closed verdict's flow figures out of every task around it. */
  excludeFromAncestors(figures: TaskFigures): void {
    for (let scope = this.parent; scope; scope = scope.parent) {
      for (const name of EXCLUDED_FIGURES) {
        const value = figures[name]?.value;
        if (value !== undefined) scope.excluded[name] = (scope.excluded[name] ?? 0) + value;
      }
    }
  }

  /** This task's figures less what the verdicts inside it did (never below 0). */
  subtractExcluded(figures: TaskFigures): void {
    for (const name of EXCLUDED_FIGURES) {
      const figure = figures[name];
      const excluded = this.excluded[name];
      if (figure && excluded !== undefined) figure.value = Math.max(0, figure.value - excluded);
    }
  }

  /** The test or hook this task scope or verdict runs in (itself for any other task). */
  owner(): TaskScope {
    let scope: TaskScope = this;
    while (scope.parent && (scope.node.kind === 'task' || scope.node.kind === 'verdict')) scope = scope.parent;
    return scope;
  }

  /** True for this scope and every scope nested inside it. */
  isWithin(other: TaskScope): boolean {
    for (let scope: TaskScope | null = this; scope; scope = scope.parent) {
      if (scope === other) return true;
    }
    return false;
  }
}
