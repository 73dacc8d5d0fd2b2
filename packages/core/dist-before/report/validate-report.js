"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateRunReport = validateRunReport;
exports.checkTolerance = checkTolerance;
const check_js_1 = require("./check.js");
const schema_js_1 = require("./schema.js");
const validate_task_js_1 = require("./validate-task.js");
const CAPTURE_PATHS = ['native', 'js'];
const MODES = ['sampled', 'settled'];
/**
 * Checks that `value` is a run report this version can read and returns it
 * typed. Throws a MemscopeError (ERR_MEMSCOPE_REPORT_INVALID) naming `source`
 * and the first field that is wrong.
 */
function validateRunReport(value, source) {
    const c = new check_js_1.Checker('ERR_MEMSCOPE_REPORT_INVALID', source);
    const r = c.object(value, '');
    if (r.kind !== schema_js_1.REPORT_KIND)
        c.fail('kind', JSON.stringify(schema_js_1.REPORT_KIND) + ' (is this a memscope report?)', r.kind);
    if (r.schemaVersion !== schema_js_1.REPORT_SCHEMA_VERSION) {
        c.fail('schemaVersion', `${schema_js_1.REPORT_SCHEMA_VERSION} (this memscope reads version ${schema_js_1.REPORT_SCHEMA_VERSION} only)`, r.schemaVersion);
    }
    c.string(r.createdAt, 'createdAt');
    checkRunInfo(c, r.run);
    checkTotals(c, r.totals);
    c.array(r.files, 'files').forEach((f, i) => {
        const p = (0, check_js_1.join)('files', i);
        const file = c.object(f, p);
        c.string(file.file, (0, check_js_1.join)(p, 'file'));
        c.oneOf(file.capture, (0, check_js_1.join)(p, 'capture'), CAPTURE_PATHS);
        c.oneOf(file.mode, (0, check_js_1.join)(p, 'mode'), MODES);
        c.integer(file.tests, (0, check_js_1.join)(p, 'tests'));
    });
    c.array(r.tasks, 'tasks').forEach((t, i) => (0, validate_task_js_1.checkTask)(c, t, (0, check_js_1.join)('tasks', i)));
    c.array(r.missing, 'missing').forEach((m, i) => {
        const p = (0, check_js_1.join)('missing', i);
        const missing = c.object(m, p);
        c.string(missing.file, (0, check_js_1.join)(p, 'file'));
        c.oneOf(missing.reason, (0, check_js_1.join)(p, 'reason'), ['incomplete', 'absent']);
    });
    c.stringArray(r.duplicates, 'duplicates');
    c.optional(r, 'baseline', '', (v, p) => checkComparison(c, v, p));
    return value;
}
function checkRunInfo(c, value) {
    const run = c.object(value, 'run');
    c.string(run.node, 'run.node');
    c.string(run.v8, 'run.v8');
    c.oneOf(run.capture, 'run.capture', CAPTURE_PATHS);
    c.oneOf(run.mode, 'run.mode', MODES);
    const runner = c.object(run.runner, 'run.runner');
    c.string(runner.name, 'run.runner.name');
    c.string(runner.version, 'run.runner.version');
    c.optional(run, 'shard', 'run', (v, p) => {
        const shard = c.object(v, p);
        const count = c.integer(shard.count, (0, check_js_1.join)(p, 'count'), 1);
        const index = c.integer(shard.index, (0, check_js_1.join)(p, 'index'), 1);
        if (index > count)
            c.fail((0, check_js_1.join)(p, 'index'), `between 1 and count (${count})`, index);
    });
    c.optional(run, 'startedAt', 'run', (v, p) => c.string(v, p));
    c.optional(run, 'durationMs', 'run', (v, p) => c.nonNegative(v, p));
    c.optional(run, 'root', 'run', (v, p) => c.string(v, p));
}
function checkTotals(c, value) {
    const totals = c.object(value, 'totals');
    for (const key of [
        'files', 'tests', 'passed', 'failed', 'skipped', 'leakingTests', 'handlesLeftOpen',
        'trackedNotCollected', 'regressions', 'missingFiles', 'duplicateTests',
    ]) {
        c.integer(totals[key], (0, check_js_1.join)('totals', key));
    }
    const findings = c.object(totals.findings, 'totals.findings');
    for (const kind of ['heap', 'storm', 'handle', 'native'])
        c.integer(findings[kind], (0, check_js_1.join)('totals.findings', kind));
}
function checkTolerance(c, value, path) {
    const t = c.object(value, path);
    c.nonNegative(t.relative, (0, check_js_1.join)(path, 'relative'));
    c.nonNegative(t.absolute, (0, check_js_1.join)(path, 'absolute'));
}
function checkComparison(c, value, path) {
    const b = c.object(value, path);
    c.string(b.file, (0, check_js_1.join)(path, 'file'));
    c.boolean(b.updated, (0, check_js_1.join)(path, 'updated'));
    c.boolean(b.created, (0, check_js_1.join)(path, 'created'));
    c.boolean(b.partial, (0, check_js_1.join)(path, 'partial'));
    c.stringArray(b.newTests, (0, check_js_1.join)(path, 'newTests'));
    c.stringArray(b.removedTests, (0, check_js_1.join)(path, 'removedTests'));
    c.array(b.regressions, (0, check_js_1.join)(path, 'regressions')).forEach((item, i) => {
        const p = (0, check_js_1.join)((0, check_js_1.join)(path, 'regressions'), i);
        const reg = c.object(item, p);
        c.string(reg.taskId, (0, check_js_1.join)(p, 'taskId'));
        c.string(reg.file, (0, check_js_1.join)(p, 'file'));
        c.stringArray(reg.path, (0, check_js_1.join)(p, 'path'));
        c.oneOf(reg.figure, (0, check_js_1.join)(p, 'figure'), validate_task_js_1.FIGURE_NAMES);
        c.number(reg.old, (0, check_js_1.join)(p, 'old'));
        c.number(reg.new, (0, check_js_1.join)(p, 'new'));
        c.number(reg.limit, (0, check_js_1.join)(p, 'limit'));
        checkTolerance(c, reg.tolerance, (0, check_js_1.join)(p, 'tolerance'));
    });
    const compared = c.object(b.compared, (0, check_js_1.join)(path, 'compared'));
    for (const [taskId, figures] of Object.entries(compared)) {
        const p = (0, check_js_1.join)((0, check_js_1.join)(path, 'compared'), taskId);
        for (const [figure, entry] of Object.entries(c.object(figures, p))) {
            c.oneOf(figure, `${p} key`, validate_task_js_1.FIGURE_NAMES);
            const e = c.object(entry, (0, check_js_1.join)(p, figure));
            c.number(e.old, (0, check_js_1.join)((0, check_js_1.join)(p, figure), 'old'));
            c.number(e.limit, (0, check_js_1.join)((0, check_js_1.join)(p, figure), 'limit'));
        }
    }
}
//# sourceMappingURL=validate-report.js.map