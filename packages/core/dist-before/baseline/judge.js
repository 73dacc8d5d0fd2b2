"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.judgeableTests = judgeableTests;
exports.compareWithBaseline = compareWithBaseline;
const tolerance_js_1 = require("./tolerance.js");
const types_js_1 = require("./types.js");
/** Tests whose figures can be judged: finished, and not mixed with a concurrent test's. */
function judgeableTests(tasks) {
    return tasks.filter((t) => t.kind === 'test' && (t.state === 'passed' || t.state === 'failed') && !t.shared);
}
/**
 * Compares each test's figures with the baseline. Only growth beyond the
 * tolerance is a regression: memory that shrank is never a failure.
 *
 * @param options.partial this run saw only part of the suite (a shard), so
 *   baseline tests it did not see may belong to another shard.
 */
function compareWithBaseline(tasks, baseline, options = {}) {
    const data = baseline.data;
    const figures = data?.figures ?? types_js_1.DEFAULT_BASELINE_FIGURES;
    const regressions = [];
    const newTests = [];
    // Null prototype: test ids come from user code and may be `__proto__`.
    const compared = Object.create(null);
    const seen = new Set();
    for (const task of tasks) {
        if (task.kind === 'test')
            seen.add(task.id);
    }
    for (const task of judgeableTests(tasks)) {
        const entry = data && Object.hasOwn(data.tests, task.id) ? data.tests[task.id] : undefined;
        if (!entry) {
            newTests.push(task.id);
            continue;
        }
        const row = Object.create(null);
        for (const figure of figures) {
            const oldFigure = entry.figures[figure];
            const newFigure = task.figures[figure];
            if (!oldFigure || !newFigure)
                continue;
            const tolerance = (0, tolerance_js_1.resolveTolerance)(figure, (0, tolerance_js_1.widerSource)(oldFigure.source, newFigure.source), data?.tolerance, entry.tolerance);
            const limit = (0, tolerance_js_1.limitFor)(oldFigure.value, tolerance);
            row[figure] = { old: oldFigure.value, limit };
            if (newFigure.value > limit) {
                regressions.push({ taskId: task.id, file: task.file, path: task.path, figure, old: oldFigure.value, new: newFigure.value, tolerance, limit });
            }
        }
        compared[task.id] = row;
    }
    const removedTests = data ? Object.keys(data.tests).filter((id) => !seen.has(id)) : [];
    return {
        file: baseline.path,
        updated: false,
        created: false,
        regressions,
        newTests,
        removedTests,
        partial: options.partial ?? false,
        compared,
    };
}
//# sourceMappingURL=judge.js.map