"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compareRunReports = compareRunReports;
exports.formatComparison = formatComparison;
const judge_js_1 = require("../baseline/judge.js");
const update_js_1 = require("../baseline/update.js");
const types_js_1 = require("../baseline/types.js");
const errors_js_1 = require("../errors.js");
const format_js_1 = require("./format.js");
/** Compares two run reports test by test, treating `a` as the baseline of `b`. */
function compareRunReports(a, b, figures = types_js_1.DEFAULT_BASELINE_FIGURES) {
    if (a.report.run.mode !== b.report.run.mode) {
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_REPORT_INVALID', `${b.source} was measured in ${b.report.run.mode} mode and ${a.source} in ${a.report.run.mode} mode; their figures are not comparable`);
    }
    const before = (0, update_js_1.nextBaseline)(a.report.tasks, null, { mode: a.report.run.mode });
    before.figures = figures;
    const judged = (0, judge_js_1.compareWithBaseline)(b.report.tasks, { path: a.source, data: before });
    const inA = new Map((0, judge_js_1.judgeableTests)(a.report.tasks).map((t) => [t.id, t]));
    const inB = new Map((0, judge_js_1.judgeableTests)(b.report.tasks).map((t) => [t.id, t]));
    const rows = [];
    for (const [id, tb] of inB) {
        const ta = inA.get(id);
        if (!ta)
            continue;
        for (const figure of figures) {
            const fa = ta.figures[figure];
            const fb = tb.figures[figure];
            if (fa && fb)
                rows.push({ taskId: id, label: (0, format_js_1.taskLabel)(tb), figure, a: fa.value, b: fb.value });
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
function formatComparison(result, colors, limit = 20) {
    const c = colors;
    const regressed = new Set(result.regressions.map((r) => `${r.taskId}\u0000${r.figure}`));
    const changed = result.rows
        .filter((r) => r.a !== r.b)
        .sort((x, y) => Math.abs(y.b - y.a) / Math.max(1, Math.abs(y.a)) - Math.abs(x.b - x.a) / Math.max(1, Math.abs(x.a)));
    const lines = [
        `${c.bold('memscope compare')} ${(0, format_js_1.sanitizeForTerminal)(result.a)} ${c.dim('→')} ${(0, format_js_1.sanitizeForTerminal)(result.b)}`,
        `  ${(0, format_js_1.plural)(new Set(result.rows.map((r) => r.taskId)).size, 'test')} in both, ${changed.length} figures changed, ` +
            (result.regressions.length ? c.red((0, format_js_1.plural)(result.regressions.length, 'regression')) : c.green('no regressions')),
    ];
    if (changed.length > 0) {
        const cells = changed.slice(0, limit).map((r) => {
            const delta = r.b - r.a;
            return [
                (0, format_js_1.formatFigureValue)(r.figure, r.a),
                (0, format_js_1.formatFigureValue)(r.figure, r.b),
                `${delta > 0 ? '+' : ''}${(0, format_js_1.formatFigureValue)(r.figure, delta)}`,
                r.figure,
                r.label,
                regressed.has(`${r.taskId}\u0000${r.figure}`),
            ];
        });
        const widths = [0, 1, 2, 3].map((i) => Math.max(...cells.map((row) => String(row[i]).length), ['before', 'after', 'change', 'figure'][i].length));
        const pad = (row) => [0, 1, 2].map((i) => String(row[i]).padStart(widths[i])).concat(String(row[3]).padEnd(widths[3]));
        lines.push('', c.dim(`  ${pad(['before', 'after', 'change', 'figure']).join('  ')}  test`));
        for (const row of cells) {
            const text = `  ${pad(row).join('  ')}  ${row[4]}`;
            lines.push(row[5] ? c.red(`${text}  ✗ beyond tolerance`) : text);
        }
        if (changed.length > limit)
            lines.push(c.dim(`  … and ${changed.length - limit} more`));
    }
    if (result.onlyInA.length)
        lines.push('', c.dim(`Only in ${(0, format_js_1.sanitizeForTerminal)(result.a)}: ${(0, format_js_1.plural)(result.onlyInA.length, 'test')}`));
    if (result.onlyInB.length)
        lines.push(c.dim(`Only in ${(0, format_js_1.sanitizeForTerminal)(result.b)}: ${(0, format_js_1.plural)(result.onlyInB.length, 'test')}`));
    return lines.join('\n');
}
//# sourceMappingURL=compare.js.map