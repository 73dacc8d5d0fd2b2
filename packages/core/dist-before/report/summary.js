"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatSummary = formatSummary;
const node_path_1 = require("node:path");
const format_js_1 = require("./format.js");
/**
 * The end-of-run summary as one string (no trailing newline). Pure: the
 * same report and options give the same text, so it can be snapshot-tested
 * with colours off.
 */
function formatSummary(report, options) {
    const c = options.colors;
    const limit = options.limit ?? 5;
    const tests = report.tasks.filter((t) => t.kind === 'test');
    const sections = [
        header(report, c),
        leaks(tests, c, limit),
        report.baseline ? regressions(report.baseline, c, limit) : [],
        handles(tests, c, limit),
        top('Most retained', tests, 'retained', c, limit),
        top('Most allocated', tests, 'allocated', c, limit),
        problems(report, c, limit),
        report.baseline ? baselineNotes(report.baseline, c) : [],
        footer(options),
    ];
    return sections.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')).join('\n\n');
}
function header(report, c) {
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
    const leakText = totals.leakingTests > 0 ? c.red(`${(0, format_js_1.plural)(totals.leakingTests, 'test')} leaking`) : c.green('no leaks');
    const regressionText = report.baseline
        ? totals.regressions > 0 ? c.red((0, format_js_1.plural)(totals.regressions, 'regression')) : c.green('no regressions')
        : c.dim('no baseline');
    return [
        `${c.bold('memscope')} ${(0, format_js_1.plural)(totals.tests, 'test')} in ${(0, format_js_1.plural)(totals.files, 'file')} ${c.dim(`(${context})`)}`,
        `  ${counts} · ${leakText} · ${regressionText}`,
    ];
}
function more(count, limit, c) {
    return count > limit ? [c.dim(`  … and ${count - limit} more (see the HTML report)`)] : [];
}
function leaks(tests, c, limit) {
    const leaking = tests.filter((t) => t.findings.length > 0);
    if (leaking.length === 0)
        return [];
    const lines = [c.bold(c.red(`Leaks (${(0, format_js_1.plural)(leaking.length, 'test')})`))];
    for (const task of leaking.slice(0, limit)) {
        lines.push(`  ${c.red('✗')} ${(0, format_js_1.taskLabel)(task)}`);
        for (const finding of task.findings) {
            lines.push(`      ${(0, format_js_1.sanitizeForTerminal)(finding.title)}`);
            if (finding.retainerPathText)
                lines.push(c.dim(`      ${(0, format_js_1.sanitizeForTerminal)(finding.retainerPathText)}`));
            const site = finding.allocationSite;
            if (site)
                lines.push(c.dim(`      allocated at ${(0, format_js_1.sanitizeForTerminal)(`${site.functionName || '(anonymous)'} (${site.file}:${site.line}:${site.column})`)}`));
        }
    }
    return [...lines, ...more(leaking.length, limit, c)];
}
function regressions(baseline, c, limit) {
    if (baseline.regressions.length === 0)
        return [];
    const lines = [c.bold(c.red(`Regressions (${baseline.regressions.length}) against ${(0, format_js_1.sanitizeForTerminal)(baseline.file)}`))];
    for (const r of baseline.regressions.slice(0, limit)) {
        const change = `${(0, format_js_1.formatFigureValue)(r.figure, r.old)} → ${c.red((0, format_js_1.formatFigureValue)(r.figure, r.new))}`;
        const allowed = `limit ${(0, format_js_1.formatFigureValue)(r.figure, r.limit)}: ${(0, format_js_1.formatTolerance)(r.figure, r.tolerance)}`;
        lines.push(`  ${c.red('✗')} ${(0, format_js_1.taskLabel)(r)}  ${c.bold(r.figure)} ${change} ${c.dim(`(${allowed})`)}`);
    }
    return [...lines, ...more(baseline.regressions.length, limit, c)];
}
function handles(tests, c, limit) {
    const open = tests.filter((t) => t.handles.length > 0);
    if (open.length === 0)
        return [];
    const count = open.reduce((sum, t) => sum + t.handles.length, 0);
    const lines = [c.bold(c.yellow(`Handles left open (${count})`))];
    for (const task of open.slice(0, limit)) {
        for (const handle of task.handles) {
            const where = handle.stack[0] ? c.dim(` at ${(0, format_js_1.sanitizeForTerminal)(handle.stack[0])}`) : '';
            lines.push(`  ${c.yellow('!')} ${(0, format_js_1.taskLabel)(task)}  ${(0, format_js_1.sanitizeForTerminal)(handle.type)}${where}`);
        }
    }
    return [...lines, ...more(open.length, limit, c)];
}
function top(title, tests, figure, c, limit) {
    const ranked = tests
        .filter((t) => (t.figures[figure]?.value ?? 0) > 0)
        .sort((a, b) => (b.figures[figure]?.value ?? 0) - (a.figures[figure]?.value ?? 0))
        .slice(0, limit);
    if (ranked.length === 0)
        return [];
    // Name the source once when every value shares it; mark each value otherwise.
    const sources = new Set(ranked.map((t) => t.figures[figure].source));
    const common = sources.size === 1 ? [...sources][0] : undefined;
    const values = ranked.map((t) => (common ? (0, format_js_1.formatFigureValue)(figure, t.figures[figure].value) : (0, format_js_1.formatFigure)(figure, t.figures[figure])));
    const width = Math.max(...values.map((v) => v.length));
    const heading = common && common !== 'measured' ? `${title} ${c.dim(`(${common})`)}` : title;
    return [c.bold(heading), ...ranked.map((t, i) => `  ${values[i].padStart(width)}  ${(0, format_js_1.taskLabel)(t)}`)];
}
function problems(report, c, limit) {
    const lines = [];
    if (report.missing.length > 0) {
        lines.push(c.yellow(`Figures missing for ${(0, format_js_1.plural)(report.missing.length, 'file')} (worker did not finish):`));
        for (const m of report.missing.slice(0, limit))
            lines.push(`  ${(0, format_js_1.sanitizeForTerminal)(m.file)} ${c.dim(`(${m.reason})`)}`);
        lines.push(...more(report.missing.length, limit, c));
    }
    if (report.duplicates.length > 0) {
        lines.push(c.yellow(`${(0, format_js_1.plural)(report.duplicates.length, 'test id')} seen more than once (overlapping shards?):`));
        for (const id of report.duplicates.slice(0, limit))
            lines.push(`  ${(0, format_js_1.sanitizeForTerminal)(id)}`);
        lines.push(...more(report.duplicates.length, limit, c));
    }
    const tracked = report.totals.trackedNotCollected;
    if (tracked > 0)
        lines.push(c.red(`${(0, format_js_1.plural)(tracked, 'tracked object')} not collected`));
    return lines;
}
function baselineNotes(b, c) {
    const file = (0, format_js_1.sanitizeForTerminal)(b.file);
    if (b.updated) {
        const verb = b.created ? 'created' : 'updated';
        return [c.green(`Baseline ${verb}: ${file} (${b.newTests.length} added, ${b.removedTests.length} removed)`)];
    }
    const notes = [];
    if (b.newTests.length > 0)
        notes.push(`${(0, format_js_1.plural)(b.newTests.length, 'new test')} not in the baseline (update to record)`);
    if (b.removedTests.length > 0 && !b.partial)
        notes.push(`${(0, format_js_1.plural)(b.removedTests.length, 'baseline test')} not run (removed?)`);
    return notes.length > 0 ? [c.dim(`Baseline ${file}: ${notes.join('; ')}`)] : [];
}
function footer(options) {
    const written = options.written;
    if (!written)
        return [];
    const cwd = options.cwd ?? process.cwd();
    const paths = [written.json, ...(written.html ? [written.html] : [])].map((p) => (0, node_path_1.relative)(cwd, p) || p);
    return [`${options.colors.dim('Reports:')} ${paths.map(format_js_1.sanitizeForTerminal).join(', ')}`];
}
//# sourceMappingURL=summary.js.map