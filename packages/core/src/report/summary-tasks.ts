import type { TaskNode } from '../tasks/types.js';
import type { Colors } from './colors.js';
import { formatFigureValue, plural, sanitizeForTerminal, taskLabel } from './format.js';
import type { BaselineFigureName } from './schema.js';

/** The terminal summary's view of task scopes (`task(name, fn)`) and shared figures. */

/** ` ≈ shared with 2 tasks`, after a task that overlapped others; '' otherwise. */
export function sharedMark(task: TaskNode, c: Colors): string {
  if (!task.shared) return '';
  const count = task.overlaps?.length ?? 0;
  return c.dim(` ≈ shared${count > 0 ? ` with ${plural(count, 'task')}` : ''}`);
}

const SHOWN: readonly BaselineFigureName[] = ['allocated', 'retained', 'peak', 'handlesLeftOpen', 'durationMs'];
const SHOWN_LABEL: Partial<Record<BaselineFigureName, string>> = { handlesLeftOpen: 'handles left open', durationMs: 'took' };

function figuresLine(task: TaskNode): string {
  const parts: string[] = [];
  for (const name of SHOWN) {
    const figure = task.figures[name];
    if (!figure || (name === 'handlesLeftOpen' && figure.value === 0)) continue;
    parts.push(`${SHOWN_LABEL[name] ?? name} ${formatFigureValue(name, figure.value)}`);
  }
  return parts.join(' · ');
}

/**
 * Tests with task scopes, each followed by its tasks as an indented tree
 * with their own figures. Verdicts (the calls a leak check made) are left
 * to the JSON and HTML reports: every leak test has one.
 */
export function taskScopes(tasks: readonly TaskNode[], c: Colors, limit: number): string[] {
  const children = new Map<string, TaskNode[]>();
  for (const task of tasks) {
    if (task.kind !== 'task' || task.parentId === null) continue;
    const list = children.get(task.parentId) ?? [];
    list.push(task);
    children.set(task.parentId, list);
  }
  const owners = tasks.filter((t) => t.kind !== 'task' && children.has(t.id));
  if (owners.length === 0) return [];
  const count = [...children.values()].reduce((sum, list) => sum + list.length, 0);
  const lines = [c.bold(`Task scopes (${plural(count, 'task')} in ${plural(owners.length, 'test')})`)];
  const visit = (parentId: string, indent: string): void => {
    const list = children.get(parentId) ?? [];
    list.forEach((task, i) => {
      const last = i === list.length - 1;
      const failed = task.state === 'failed' ? c.red(' ✗') : '';
      lines.push(`${indent}${last ? '└ ' : '├ '}${sanitizeForTerminal(task.name)}${failed}  ${c.dim(figuresLine(task))}${sharedMark(task, c)}`);
      visit(task.id, indent + (last ? '  ' : '│ '));
    });
  };
  for (const owner of owners.slice(0, limit)) {
    lines.push(`  ${taskLabel(owner)}${sharedMark(owner, c)}`);
    visit(owner.id, '    ');
  }
  if (owners.length > limit) lines.push(c.dim(`  … and ${owners.length - limit} more (see the HTML report)`));
  return lines;
}
