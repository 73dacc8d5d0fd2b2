import type { TaskNode } from '../../tasks/types.js';
import { join, type Checker } from './check.js';

/** Checks of the task-tree and finding shapes (tasks/types.ts, verdict/types.ts). */

export const TASK_KINDS = ['run', 'file', 'describe', 'test', 'hook', 'task', 'verdict'] as const;
export const TASK_STATES = ['running', 'passed', 'failed', 'skipped', 'todo'] as const;
export const HOOK_NAMES = ['beforeAll', 'beforeEach', 'afterEach', 'afterAll'] as const;
export const FIGURE_SOURCES = ['measured', 'sampled', 'inferred', 'shared'] as const;
export const FINDING_KINDS = ['heap', 'storm', 'handle', 'native'] as const;
export const FIGURE_NAMES = [
  'heapBefore', 'heapAfter', 'retained', 'allocated', 'peak', 'gcCount', 'gcTimeMs', 'external',
  'arrayBuffers', 'malloc', 'handlesOpened', 'handlesLeftOpen', 'durationMs',
] as const;

export function checkFigure(c: Checker, value: unknown, path: string): void {
  const figure = c.object(value, path);
  c.number(figure.value, join(path, 'value'));
  c.oneOf(figure.source, join(path, 'source'), FIGURE_SOURCES);
}

export function checkFigures(c: Checker, value: unknown, path: string): void {
  const figures = c.object(value, path);
  for (const key of Object.keys(figures)) {
    c.oneOf(key, `${path} key`, FIGURE_NAMES);
    checkFigure(c, figures[key], join(path, key));
  }
}

function checkFinding(c: Checker, value: unknown, path: string): void {
  const f = c.object(value, path);
  c.oneOf(f.kind, join(path, 'kind'), FINDING_KINDS);
  c.string(f.title, join(path, 'title'));
  const perCall = c.object(f.perCall, join(path, 'perCall'));
  c.fields(perCall, join(path, 'perCall'), { count: 'number', bytes: 'number' });
  c.optional(f, 'retainerPath', path, (steps, p) =>
    c.array(steps, p).forEach((step, i) => {
      const s = c.object(step, join(p, i));
      c.string(s.node, join(join(p, i), 'node'));
      c.optional(s, 'edge', join(p, i), (v, q) => c.string(v, q));
    }),
  );
  for (const key of ['retainerPathText', 'preview', 'holder', 'growingEdge', 'resourceType', 'name']) {
    c.optional(f, key, path, (v, p) => c.string(v, p));
  }
  for (const key of ['cycles', 'creationStack']) c.optional(f, key, path, (v, p) => c.stringArray(v, p));
  c.optional(f, 'allocationSite', path, (v, p) => {
    const site = c.object(v, p);
    c.fields(site, p, { file: 'string', line: 'number', column: 'number', functionName: 'string', stack: 'strings' });
    c.oneOf(site.source, join(p, 'source'), FIGURE_SOURCES);
    c.optional(site, 'relativeFile', p, (v, q) => c.string(v, q));
  });
}

export function checkTask(c: Checker, value: unknown, path: string): TaskNode {
  const t = c.object(value, path);
  c.string(t.id, join(path, 'id'));
  c.oneOf(t.kind, join(path, 'kind'), TASK_KINDS);
  c.string(t.name, join(path, 'name'));
  c.stringArray(t.path, join(path, 'path'));
  c.string(t.file, join(path, 'file'));
  if (t.parentId !== null) c.string(t.parentId, join(path, 'parentId'));
  c.optional(t, 'hook', path, (v, p) => c.oneOf(v, p, HOOK_NAMES));
  c.oneOf(t.state, join(path, 'state'), TASK_STATES);
  c.optional(t, 'shared', path, (v, p) => c.boolean(v, p));
  c.optional(t, 'overlaps', path, (v, p) => c.stringArray(v, p));
  checkFigures(c, t.figures, join(path, 'figures'));
  c.array(t.handles, join(path, 'handles')).forEach((h, i) => {
    const p = join(join(path, 'handles'), i);
    const handle = c.object(h, p);
    c.string(handle.type, join(p, 'type'));
    c.stringArray(handle.stack, join(p, 'stack'));
  });
  c.array(t.findings, join(path, 'findings')).forEach((f, i) => checkFinding(c, f, join(join(path, 'findings'), i)));
  c.array(t.tracked, join(path, 'tracked')).forEach((o, i) => {
    const p = join(join(path, 'tracked'), i);
    const tracked = c.object(o, p);
    c.string(tracked.name, join(p, 'name'));
    c.boolean(tracked.collected, join(p, 'collected'));
    c.optional(tracked, 'retainerPath', p, (v, q) => c.string(v, q));
  });
  c.optional(t, 'trace', path, (steps, p) =>
    c.array(steps, p).forEach((step, i) => c.fields(c.object(step, join(p, i)), join(p, i), { phase: 'string', saw: 'string', why: 'string', next: 'string' })),
  );
  c.optional(t, 'error', path, (v, p) => c.string(v, p));
  return value as TaskNode;
}
