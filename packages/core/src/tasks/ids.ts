import path from 'node:path';
import { MemscopeError } from '../errors.js';
import type { EndedTask, HookName, TaskKind, TaskNode } from './types.js';

/**
 * Task ids: readable and stable across runs. A file's id is its path
 * relative to the project root with POSIX separators; a describe or test
 * adds its full name, `src/cache.test.ts > Cache > evicts`; a hook adds its
 * kind in parentheses under its owner, `… > evicts > (beforeEach)`. A name
 * seen twice in one file gets `#2`, `#3`… in the order the tasks start, so
 * the ids of a file that did not change do not change.
 */

export const ID_SEPARATOR = ' > ';

/** A describe's or test's id before de-duplication: the file, then its names. */
export function taskPathId(file: string, names: readonly string[]): string {
  return [file, ...names].join(ID_SEPARATOR);
}

/** The id of the `count`-th task with this base id in a file: the first keeps the base. */
export function numberedId(base: string, count: number): string {
  return count === 1 ? base : `${base} #${count}`;
}

/** The first of `base`, `base #2`, `base #3`… that no task holds yet, for a task added after the others. */
export function firstFreeId(base: string, taken: ReadonlySet<string>): string {
  let count = 1;
  while (taken.has(numberedId(base, count))) count++;
  return numberedId(base, count);
}

export function relativeFile(rootDir: string, file: string): string {
  if (typeof rootDir !== 'string' || rootDir === '') {
    throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `rootDir must be a non-empty path, received ${String(rootDir)}`);
  }
  if (typeof file !== 'string' || file === '') {
    throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `file must be a non-empty path, received ${String(file)}`);
  }
  const absolute = path.resolve(rootDir, file);
  return path.relative(path.resolve(rootDir), absolute).split(path.sep).join('/');
}

export class TaskIdRegistry {
  private readonly seen = new Map<string, number>();

  constructor(readonly file: string) {}

  /** Base id before de-duplication. */
  baseId(kind: TaskKind, names: readonly string[], hook?: HookName, ownerId?: string): string {
    if (kind === 'file') return this.file;
    if (kind === 'hook') return `${ownerId ?? this.file}${ID_SEPARATOR}(${hook ?? 'hook'})`;
    return taskPathId(this.file, names);
  }

  /** Registers one more task with this base id and returns its unique id. */
  claim(base: string): string {
    const count = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, count);
    return numberedId(base, count);
  }
}

export function validateNames(names: unknown, what: string): string[] {
  if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) {
    throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `${what} expects an array of names (strings), received ${JSON.stringify(names)}`);
  }
  return names as string[];
}

/** What places a task in the tree: everything of a node but what measuring adds. */
export type TaskIdentity = Pick<TaskNode, 'id' | 'kind' | 'name' | 'path' | 'file' | 'parentId' | 'state'>;

/**
 * A task with nothing measured yet: the recorder's node as a task starts,
 * and the nodes readers add for tasks no worker sent (a run, a file, a
 * describe, a test that never ran).
 */
export function emptyTaskNode(identity: TaskIdentity): TaskNode {
  const { id, kind, name, path, file, parentId, state } = identity;
  return { id, kind, name, path, file, parentId, state, figures: {}, handles: [], findings: [], tracked: [] };
}

/**
 * Ends the recorder's node in place (its scope holds it): its final state,
 * and the error when there is one.
 */
export function endTaskNode(node: TaskNode, state: EndedTask['state'], error?: string): asserts node is EndedTask {
  const ended = node as EndedTask;
  ended.state = state;
  if (error !== undefined) ended.error = error;
}

/**
 * The node as a runner says it ended: its final state, and the error when
 * one is given (else the one it had). The reporters' way to set the outcome
 * of a task a worker sent.
 */
export function endedTaskNode(node: TaskNode, state: EndedTask['state'], error?: string): EndedTask {
  return { ...node, state, ...(error !== undefined ? { error } : {}) };
}
