"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadBaseline = loadBaseline;
exports.parseBaseline = parseBaseline;
const promises_1 = require("node:fs/promises");
const errors_js_1 = require("../errors.js");
const check_js_1 = require("../report/validate/check.js");
const task_js_1 = require("../report/validate/task.js");
const types_js_1 = require("./types.js");
/**
 * Reads the baseline at `path`. A missing file is not an error (the first
 * run creates it on update); a corrupt one, an unknown version or one
 * recorded in another mode is, and the file is never touched in that case.
 */
async function loadBaseline(path, options) {
    let text;
    try {
        text = await (0, promises_1.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { path, data: null };
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_BASELINE_INVALID', `${path}: cannot read the baseline (${error.message})`, { cause: error });
    }
    const data = parseBaseline(text, path);
    if (data.mode !== options.mode) {
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_BASELINE_INVALID', `${path}: the baseline was recorded in ${data.mode} mode but this run measures in ${options.mode} mode; ` +
            `their figures are not comparable. Run in ${data.mode} mode, or delete the file and update to record a new baseline.`);
    }
    return { path, data };
}
/** Parses and checks baseline text; `source` names the file in errors. */
function parseBaseline(text, source) {
    const c = new check_js_1.Checker('ERR_MEMSCOPE_BASELINE_INVALID', source);
    return validateBaseline((0, check_js_1.parseJson)(text, c), c);
}
function validateBaseline(value, c) {
    const b = c.object(value, '');
    if (b.kind !== types_js_1.BASELINE_KIND)
        c.fail('kind', JSON.stringify(types_js_1.BASELINE_KIND) + ' (is this a memscope baseline?)', b.kind);
    if (b.schemaVersion !== types_js_1.BASELINE_SCHEMA_VERSION) {
        c.fail('schemaVersion', `${types_js_1.BASELINE_SCHEMA_VERSION} (this memscope reads baseline version ${types_js_1.BASELINE_SCHEMA_VERSION} only)`, b.schemaVersion);
    }
    c.oneOf(b.mode, 'mode', ['sampled', 'settled']);
    c.array(b.figures, 'figures').forEach((f, i) => c.oneOf(f, (0, check_js_1.join)('figures', i), task_js_1.FIGURE_NAMES));
    c.optional(b, 'tolerance', '', (v, p) => checkOverrides(c, v, p));
    const tests = c.object(b.tests, 'tests');
    for (const [id, entry] of Object.entries(tests)) {
        const p = (0, check_js_1.join)('tests', id);
        const t = c.object(entry, p);
        c.string(t.file, (0, check_js_1.join)(p, 'file'));
        c.stringArray(t.path, (0, check_js_1.join)(p, 'path'));
        const figures = c.object(t.figures, (0, check_js_1.join)(p, 'figures'));
        for (const [name, figure] of Object.entries(figures)) {
            c.oneOf(name, `${(0, check_js_1.join)(p, 'figures')} key`, task_js_1.FIGURE_NAMES);
            (0, task_js_1.checkFigure)(c, figure, (0, check_js_1.join)((0, check_js_1.join)(p, 'figures'), name));
        }
        c.optional(t, 'tolerance', p, (v, q) => checkOverrides(c, v, q));
    }
    return value;
}
function checkOverrides(c, value, path) {
    const overrides = c.object(value, path);
    for (const [name, entry] of Object.entries(overrides)) {
        c.oneOf(name, `${path} key`, task_js_1.FIGURE_NAMES);
        const t = c.object(entry, (0, check_js_1.join)(path, name));
        c.optional(t, 'relative', (0, check_js_1.join)(path, name), (v, p) => c.nonNegative(v, p));
        c.optional(t, 'absolute', (0, check_js_1.join)(path, name), (v, p) => c.nonNegative(v, p));
    }
}
//# sourceMappingURL=read.js.map