"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FIGURE_NAMES = exports.FINDING_KINDS = exports.FIGURE_SOURCES = exports.HOOK_NAMES = exports.TASK_STATES = exports.TASK_KINDS = void 0;
exports.checkFigure = checkFigure;
exports.checkFigures = checkFigures;
exports.checkTask = checkTask;
const check_js_1 = require("./check.js");
/** Checks of the task-tree and finding shapes (tasks/types.ts, verdict/types.ts). */
exports.TASK_KINDS = ['run', 'file', 'describe', 'test', 'hook'];
exports.TASK_STATES = ['running', 'passed', 'failed', 'skipped', 'todo'];
exports.HOOK_NAMES = ['beforeAll', 'beforeEach', 'afterEach', 'afterAll'];
exports.FIGURE_SOURCES = ['measured', 'sampled', 'inferred'];
exports.FINDING_KINDS = ['heap', 'storm', 'handle', 'native'];
exports.FIGURE_NAMES = [
    'heapBefore', 'heapAfter', 'retained', 'allocated', 'peak', 'gcCount', 'gcTimeMs', 'external',
    'arrayBuffers', 'malloc', 'handlesOpened', 'handlesLeftOpen', 'durationMs',
];
function checkFigure(c, value, path) {
    const figure = c.object(value, path);
    c.number(figure.value, (0, check_js_1.join)(path, 'value'));
    c.oneOf(figure.source, (0, check_js_1.join)(path, 'source'), exports.FIGURE_SOURCES);
}
function checkFigures(c, value, path) {
    const figures = c.object(value, path);
    for (const key of Object.keys(figures)) {
        c.oneOf(key, `${path} key`, exports.FIGURE_NAMES);
        checkFigure(c, figures[key], (0, check_js_1.join)(path, key));
    }
}
function checkFinding(c, value, path) {
    const f = c.object(value, path);
    c.oneOf(f.kind, (0, check_js_1.join)(path, 'kind'), exports.FINDING_KINDS);
    c.string(f.title, (0, check_js_1.join)(path, 'title'));
    const perCall = c.object(f.perCall, (0, check_js_1.join)(path, 'perCall'));
    c.number(perCall.count, (0, check_js_1.join)((0, check_js_1.join)(path, 'perCall'), 'count'));
    c.number(perCall.bytes, (0, check_js_1.join)((0, check_js_1.join)(path, 'perCall'), 'bytes'));
    c.optional(f, 'retainerPath', path, (steps, p) => c.array(steps, p).forEach((step, i) => {
        const s = c.object(step, (0, check_js_1.join)(p, i));
        c.string(s.node, (0, check_js_1.join)((0, check_js_1.join)(p, i), 'node'));
        c.optional(s, 'edge', (0, check_js_1.join)(p, i), (v, q) => c.string(v, q));
    }));
    for (const key of ['retainerPathText', 'preview', 'holder', 'growingEdge', 'resourceType', 'name']) {
        c.optional(f, key, path, (v, p) => c.string(v, p));
    }
    for (const key of ['cycles', 'creationStack'])
        c.optional(f, key, path, (v, p) => c.stringArray(v, p));
    c.optional(f, 'allocationSite', path, (v, p) => {
        const site = c.object(v, p);
        c.string(site.file, (0, check_js_1.join)(p, 'file'));
        c.number(site.line, (0, check_js_1.join)(p, 'line'));
        c.number(site.column, (0, check_js_1.join)(p, 'column'));
        c.string(site.functionName, (0, check_js_1.join)(p, 'functionName'));
        c.stringArray(site.stack, (0, check_js_1.join)(p, 'stack'));
        c.oneOf(site.source, (0, check_js_1.join)(p, 'source'), exports.FIGURE_SOURCES);
    });
}
function checkTask(c, value, path) {
    const t = c.object(value, path);
    c.string(t.id, (0, check_js_1.join)(path, 'id'));
    c.oneOf(t.kind, (0, check_js_1.join)(path, 'kind'), exports.TASK_KINDS);
    c.string(t.name, (0, check_js_1.join)(path, 'name'));
    c.stringArray(t.path, (0, check_js_1.join)(path, 'path'));
    c.string(t.file, (0, check_js_1.join)(path, 'file'));
    if (t.parentId !== null)
        c.string(t.parentId, (0, check_js_1.join)(path, 'parentId'));
    c.optional(t, 'hook', path, (v, p) => c.oneOf(v, p, exports.HOOK_NAMES));
    c.oneOf(t.state, (0, check_js_1.join)(path, 'state'), exports.TASK_STATES);
    c.optional(t, 'shared', path, (v, p) => c.boolean(v, p));
    checkFigures(c, t.figures, (0, check_js_1.join)(path, 'figures'));
    c.array(t.handles, (0, check_js_1.join)(path, 'handles')).forEach((h, i) => {
        const p = (0, check_js_1.join)((0, check_js_1.join)(path, 'handles'), i);
        const handle = c.object(h, p);
        c.string(handle.type, (0, check_js_1.join)(p, 'type'));
        c.stringArray(handle.stack, (0, check_js_1.join)(p, 'stack'));
    });
    c.array(t.findings, (0, check_js_1.join)(path, 'findings')).forEach((f, i) => checkFinding(c, f, (0, check_js_1.join)((0, check_js_1.join)(path, 'findings'), i)));
    c.array(t.tracked, (0, check_js_1.join)(path, 'tracked')).forEach((o, i) => {
        const p = (0, check_js_1.join)((0, check_js_1.join)(path, 'tracked'), i);
        const tracked = c.object(o, p);
        c.string(tracked.name, (0, check_js_1.join)(p, 'name'));
        c.boolean(tracked.collected, (0, check_js_1.join)(p, 'collected'));
        c.optional(tracked, 'retainerPath', p, (v, q) => c.string(v, q));
    });
    c.optional(t, 'error', path, (v, p) => c.string(v, p));
    return value;
}
//# sourceMappingURL=validate-task.js.map