import { compareWithBaseline, judgeableTests } from '../baseline/judge.js';
import { nextBaseline } from '../baseline/update.js';
import { DEFAULT_BASELINE_FIGURES } from '../baseline/types.js';
import { MemscopeError } from '../errors.js';
import type { Colors } from './colors.js';
import { formatFigureValue, plural, sanitizeForTerminal, taskLabel } from './format.js';
import type { BaselineFigureName, Regression } from './schema.js';
import type { SourcedReport } from './merge.js';

export interface ComparedRow {
  taskId: string;
  label: string;
  figure: BaselineFigureName;
  a: number;
  b: number;
}

export interface ReportComparison {
  a: string;
  b: string;
  rows: ComparedRow[];
  onlyInA: string[];
  onlyInB: string[];
  /** Figures of `b` beyond the default tolerance around `a`'s. */
  regressions: Regression[];
}

/** Compares two run reports test by test, treating `a` as the baseline of `b`. */
export function compareRunReports(a: SourcedReport, b: SourcedReport, figures: BaselineFigureName[] = DEFAULT_BASELINE_FIGURES): ReportComparison {
  if (a.report.run.mode !== b.report.run.mode) {
    throw new MemscopeError(
      'ERR_MEMSCOPE_REPORT_INVALID',
      `${b.source} was measured in ${b.report.run.mode} mode and ${a.source} in ${a.report.run.mode} mode; their figures are not comparable`,
    );
  }
  const before = nextBaseline(a.report.tasks, null, { mode: a.report.run.mode });
  before.figures = figures;
  const judged = compareWithBaseline(b.report.tasks, { path: a.source, data: before });
  const inA = new Map(judgeableTests(a.report.tasks).map((t) => [t.id, t]));
  const inB = new Map(judgeableTests(b.report.tasks).map((t) => [t.id, t]));
  const rows: ComparedRow[] = [];
  for (const [id, tb] of inB) {
    const ta = inA.get(id);
    if (!ta) continue;
    for (const figure of figures) {
      const fa = ta.figures[figure];
      const fb = tb.figures[figure];
      if (fa && fb) rows.push({ taskId: id, label: taskLabel(tb), figure, a: fa.value, b: fb.value });
    }
  }
  return {
    a: a.source,
    b: b.source,
    rows,
    onlyInA: [...inA.keys()].filter((id) => !inB.has(id)),
    onlyInB: [...inB.keys()].filter((id) => !inA.has(id)),
    regressions: judged.regressions,
  };
}

/** Side-by-side text: the largest changes first, regressions marked. */
export function formatComparison(result: ReportComparison, colors: Colors, limit = 20): string {
  const c = colors;
  const regressed = new Set(result.regressions.map((r) => `${r.taskId}\u0000${r.figure}`));
  const changed = result.rows
    .filter((r) => r.a !== r.b)
    .sort((x, y) => Math.abs(y.b - y.a) / Math.max(1, Math.abs(y.a)) - Math.abs(x.b - x.a) / Math.max(1, Math.abs(x.a)));
  const lines = [
    `${c.bold('memscope compare')} ${sanitizeForTerminal(result.a)} ${c.dim('→')} ${sanitizeForTerminal(result.b)}`,
    `  ${plural(new Set(result.rows.map((r) => r.taskId)).size, 'test')} in both, ${changed.length} figures changed, ` +
      (result.regressions.length ? c.red(plural(result.regressions.length, 'regression')) : c.green('no regressions')),
  ];
  if (changed.length > 0) {
    const cells = changed.slice(0, limit).map((r) => {
      const delta = r.b - r.a;
      return [
        formatFigureValue(r.figure, r.a),
        formatFigureValue(r.figure, r.b),
        `${delta > 0 ? '+' : ''}${formatFigureValue(r.figure, delta)}`,
        r.figure,
        r.label,
        regressed.has(`${r.taskId}\u0000${r.figure}`),
      ] as const;
    });
    const widths = [0, 1, 2, 3].map((i) => Math.max(...cells.map((row) => String(row[i]).length), ['before', 'after', 'change', 'figure'][i]!.length));
    const pad = (row: readonly unknown[]) => [0, 1, 2].map((i) => String(row[i]).padStart(widths[i]!)).concat(String(row[3]).padEnd(widths[3]!));
    lines.push('', c.dim(`  ${pad(['before', 'after', 'change', 'figure']).join('  ')}  test`));
    for (const row of cells) {
      const text = `  ${pad(row).join('  ')}  ${row[4]}`;
      lines.push(row[5] ? c.red(`${text}  ✗ beyond tolerance`) : text);
    }
    if (changed.length > limit) lines.push(c.dim(`  … and ${changed.length - limit} more`));
  }
  if (result.onlyInA.length) lines.push('', c.dim(`Only in ${sanitizeForTerminal(result.a)}: ${plural(result.onlyInA.length, 'test')}`));
  if (result.onlyInB.length) lines.push(c.dim(`Only in ${sanitizeForTerminal(result.b)}: ${plural(result.onlyInB.length, 'test')}`));
  return lines.join('\n');
}
