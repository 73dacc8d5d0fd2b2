import type { Capture } from '../capture/types.js';
import type { TrackedEntry } from '../track/registry.js';
import type { Reading } from './figures.js';
import type { HandleEntry } from './handles.js';
import { isStillOpen } from './handles.js';
import type { TaskNode } from './types.js';

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
  readonly tracked: TrackedEntry[] = [];

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

  /** True for this scope and every scope nested inside it. */
  isWithin(other: TaskScope): boolean {
    for (let scope: TaskScope | null = this; scope; scope = scope.parent) {
      if (scope === other) return true;
    }
    return false;
  }
}
