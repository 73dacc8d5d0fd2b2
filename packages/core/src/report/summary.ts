import { isInternalFrame } from '../analyzers/stack-frames.js';
import { relative } from 'node:path';
import type { TaskNode } from '../tasks/types.js';
import type { Colors } from './colors.js';
import {
  formatFigure, formatFigureValue, formatTolerance, plural, sanitizeForTerminal, taskLabel,
} from './format.js';
import { projectPathsIn, toProjectPath } from './project-paths.js';
import type { BaselineComparison, BaselineFigureName, RunReport } from './schema.js';
import type { WrittenReports } from './files/write.js';
import { sharedMark, taskScopes } from './summary-tasks.js';

export interface SummaryOptions {
  colors: Colors;
  /** Paths written by `writeReports`, shown relative to `cwd`. */
  written?: WrittenReports;
  cwd?: string;
  /** How many entries each list shows before "… and N more". Default 5. */
  limit?: number;
}

/**
 * The end-of-run summary as one string (no trailing newline). Pure: the
 * same report and options give the same text, so it can be snapshot-tested
 * with colours off.
 */
export function formatSummary(report: RunReport, options: SummaryOptions): string {
  const c = options.colors;
  const limit = options.limit ?? 5;
  const tests = report.tasks.filter((t) => t.kind === 'test');
  // Findings and handles name files relative to the project root, as the runners do.
  const root = report.run.root ?? options.cwd;
  const sections = [
    header(report, c),
    leaks(tests, c, limit, root),
    report.baseline ? regressions(report.baseline, c, limit) : [],
    // A handle left open inside a task scope is the task's: listed with the tests.
    handles(report.tasks.filter((t) => t.kind === 'test' || t.kind === 'task'), c, limit, root),
    top('Most retained', tests, 'retained', c, limit),
    top('Most allocated', tests, 'allocated', c, limit),
    taskScopes(report.tasks, c, limit),
    problems(report, c, limit),
    report.baseline ? baselineNotes(report.baseline, c, taskScopeIds(report)) : [],
    footer(options),
  ];
  return sections.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')).join('\n\n');
}

function header(report: RunReport, c: Colors): string[] {
  const { totals, run } = report;
  const context = [
    `${run.runner.name} ${run.runner.version}`,
    `${run.mode} figures`,
    `${run.capture === 'native' ? 'native' : 'pure-JS'} capture`,
    ...(run.shard ? [`shard ${run.shard.index}/${run.shard.count}`] : []),
  ].join(' · ');
  const counts = [
    c.green(`${totals.passed} passed`),
    totals.failed > 0 ? c.red(`${totals.failed} failed`) : '',
    totals.skipped > 0 ? c.dim(`${totals.skipped} skipped`) : '',
  ].filter(Boolean).join(', ');
  const leakText = totals.leakingTests > 0 ? c.red(`${plural(totals.leakingTests, 'test')} leaking`) : c.green('no leaks');
  const regressionText = report.baseline
    ? totals.regressions > 0 ? c.red(plural(totals.regressions, 'regression')) : c.green('no regressions')
    : c.dim('no baseline');
  return [
    `${c.bold('memscope')} ${plural(totals.tests, 'test')} in ${plural(totals.files, 'file')} ${c.dim(`(${context})`)}`,
    `  ${counts} · ${leakText} · ${regressionText}`,
  ];
}

function more(count: number, limit: number, c: Colors): string[] {
  return count > limit ? [c.dim(`  … and ${count - limit} more (see the HTML report)`)] : [];
}

function leaks(tests: TaskNode[], c: Colors, limit: number, root: string | undefined): string[] {
  const leaking = tests.filter((t) => t.findings.length > 0);
  if (leaking.length === 0) return [];
  const lines = [c.bold(c.red(`Leaks (${plural(leaking.length, 'test')})`))];
  for (const task of leaking.slice(0, limit)) {
    lines.push(`  ${c.red('✗')} ${taskLabel(task)}`);
    for (const finding of task.findings) {
      lines.push(`      ${sanitizeForTerminal(projectPathsIn(finding.title, root))}`);
      if (finding.kind === 'handle') continue;
      if (finding.retainerPathText) lines.push(c.dim(`      ${sanitizeForTerminal(finding.retainerPathText)}`));
      const site = finding.allocationSite;
      if (site) lines.push(c.dim(`      allocated at ${sanitizeForTerminal(`${site.functionName || '(anonymous)'} (${toProjectPath(site.file, root)}:${site.line}:${site.column})`)}`));
    }
  }
  return [...lines, ...more(leaking.length, limit, c)];
}

function regressions(baseline: BaselineComparison, c: Colors, limit: number): string[] {
  if (baseline.regressions.length === 0) return [];
  const lines = [c.bold(c.red(`Regressions (${baseline.regressions.length}) against ${sanitizeForTerminal(baseline.file)}`))];
  for (const r of baseline.regressions.slice(0, limit)) {
    const change = `${formatFigureValue(r.figure, r.old)} → ${c.red(formatFigureValue(r.figure, r.new))}`;
    const allowed = `limit ${formatFigureValue(r.figure, r.limit)}: ${formatTolerance(r.figure, r.tolerance)}`;
    lines.push(`  ${c.red('✗')} ${taskLabel(r)}  ${c.bold(r.figure)} ${change} ${c.dim(`(${allowed})`)}`);
  }
  return [...lines, ...more(baseline.regressions.length, limit, c)];
}

const NODE_ONLY = 'opened inside Node (no frame of the test or its code on the stack)';

function handles(tests: TaskNode[], c: Colors, limit: number, root: string | undefined): string[] {
  const open = tests.filter((t) => t.handles.length > 0);
  if (open.length === 0) return [];
  const count = open.reduce((sum, t) => sum + t.handles.length, 0);
  const lines = [c.bold(c.yellow(`Handles left open (${count})`))];
  for (const task of open.slice(0, limit)) {
    // One line per kind and creation site: a leak of 500 timers is one line ×500.
    const groups = new Map<string, { type: string; where: string; count: number }>();
    for (const handle of task.handles) {
      const frame = handle.stack.find((f) => !isInternalFrame(f));
      // Node opened it on its own behalf (an incoming connection's socket, its timeouts): no line of the user's to show.
      const where = frame === undefined ? NODE_ONLY : projectPathsIn(frame.replace(/^\s*at\s+/, ''), root);
      const key = `${handle.type}\u0000${where}`;
      const group = groups.get(key) ?? { type: handle.type, where, count: 0 };
      group.count++;
      groups.set(key, group);
    }
    for (const { type, where, count } of groups.values()) {
      const times = count > 1 ? ` ×${count}` : '';
      const at = where === NODE_ONLY ? c.dim(` ${NODE_ONLY}`) : c.dim(` at ${sanitizeForTerminal(where)}`);
      lines.push(`  ${c.yellow('!')} ${taskLabel(task)}  ${sanitizeForTerminal(type)}${times}${at}`);
    }
  }
  return [...lines, ...more(open.length, limit, c)];
}

function top(title: string, tests: TaskNode[], figure: BaselineFigureName, c: Colors, limit: number): string[] {
  const ranked = tests
    .filter((t) => (t.figures[figure]?.value ?? 0) > 0)
    .sort((a, b) => (b.figures[figure]?.value ?? 0) - (a.figures[figure]?.value ?? 0))
    .slice(0, limit);
  if (ranked.length === 0) return [];
  // Name the source once when every value shares it; mark each value otherwise.
  const sources = new Set(ranked.map((t) => t.figures[figure]!.source));
  const common = sources.size === 1 ? [...sources][0]! : undefined;
  const values = ranked.map((t) => (common ? formatFigureValue(figure, t.figures[figure]!.value) : formatFigure(figure, t.figures[figure]!)));
  const width = Math.max(...values.map((v) => v.length));
  const heading = common && common !== 'measured' ? `${title} ${c.dim(`(${common})`)}` : title;
  return [c.bold(heading), ...ranked.map((t, i) => `  ${values[i]!.padStart(width)}  ${taskLabel(t)}${sharedMark(t, c)}`)];
}

function problems(report: RunReport, c: Colors, limit: number): string[] {
  const lines: string[] = [];
  if (report.missing.length > 0) {
    lines.push(c.yellow(`Figures missing for ${plural(report.missing.length, 'file')} (worker did not finish):`));
    for (const m of report.missing.slice(0, limit)) lines.push(`  ${sanitizeForTerminal(m.file)} ${c.dim(`(${m.reason})`)}`);
    lines.push(...more(report.missing.length, limit, c));
  }
  if (report.duplicates.length > 0) {
    lines.push(c.yellow(`${plural(report.duplicates.length, 'test id')} seen more than once (overlapping shards?):`));
    for (const id of report.duplicates.slice(0, limit)) lines.push(`  ${sanitizeForTerminal(id)}`);
    lines.push(...more(report.duplicates.length, limit, c));
  }
  const tracked = report.totals.trackedNotCollected;
  if (tracked > 0) lines.push(c.red(`${plural(tracked, 'tracked object')} not collected`));
  return lines;
}

/** Ids of the run's task scopes (`task(name, fn)`), which the baseline records beside tests. */
function taskScopeIds(report: RunReport): ReadonlySet<string> {
  return new Set(report.tasks.filter((t) => t.kind === 'task').map((t) => t.id));
}

/** `2 new tests`, `1 new test and 2 task scopes`: tests and task scopes counted apart. */
function testsAndScopes(ids: readonly string[], scopes: ReadonlySet<string>, adjective: string): string {
  const scopeCount = ids.filter((id) => scopes.has(id)).length;
  const testCount = ids.length - scopeCount;
  const parts = [
    ...(testCount > 0 || scopeCount === 0 ? [plural(testCount, `${adjective}test`)] : []),
    ...(scopeCount > 0 ? [plural(scopeCount, `${testCount > 0 ? '' : adjective}task scope`)] : []),
  ];
  return parts.join(' and ');
}

function baselineNotes(b: BaselineComparison, c: Colors, scopes: ReadonlySet<string>): string[] {
  const file = sanitizeForTerminal(b.file);
  const shared = sharedNote(b, scopes);
  if (b.updated) {
    const verb = b.created ? 'created' : 'updated';
    const lines = [c.green(`Baseline ${verb}: ${file} (${b.newTests.length} added, ${b.removedTests.length} removed)`)];
    return shared ? [...lines, c.yellow(`${shared}; not recorded`)] : lines;
  }
  const notes: string[] = [];
  if (b.newTests.length > 0) notes.push(`${testsAndScopes(b.newTests, scopes, 'new ')} not in the baseline (update to record)`);
  if (b.removedTests.length > 0 && !b.partial) notes.push(`${plural(b.removedTests.length, 'baseline test')} not run (removed?)`);
  const lines = notes.length > 0 ? [c.dim(`Baseline ${file}: ${notes.join('; ')}`)] : [];
  return shared ? [...lines, c.yellow(shared)] : lines;
}

/** `3 tests ran concurrently: their figures are shared and not judged`, or null. */
function sharedNote(b: BaselineComparison, scopes: ReadonlySet<string>): string | null {
  const ids = b.sharedTests ?? [];
  if (ids.length === 0) return null;
  return `${testsAndScopes(ids, scopes, '')} ran concurrently: their figures are shared and not judged`;
}

function footer(options: SummaryOptions): string[] {
  const written = options.written;
  if (!written) return [];
  const cwd = options.cwd ?? process.cwd();
  const paths = [written.json, ...(written.html ? [written.html] : [])].map((p) => relative(cwd, p) || p);
  return [`${options.colors.dim('Reports:')} ${paths.map(sanitizeForTerminal).join(', ')}`];
}
