"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.shouldUpdateBaseline = shouldUpdateBaseline;
exports.nextBaseline = nextBaseline;
exports.updateBaseline = updateBaseline;
const atomic_js_1 = require("../report/atomic.js");
const judge_js_1 = require("./judge.js");
const types_js_1 = require("./types.js");
/**
 * Whether this run should rewrite the baseline: the CLI's `--update`, the
 * plugins' `update` option (set from the runner's `-u`), or
 * `MEMSCOPE_UPDATE=1` in the environment.
 */
function shouldUpdateBaseline(option, env = process.env) {
    if (option !== undefined)
        return option;
    const value = env.MEMSCOPE_UPDATE;
    return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
/**
 * The baseline after this run: every judged test with its current figures,
 * hand-written tolerances kept. A partial (sharded) run keeps the tests it
 * did not see, since they belong to other shards.
 */
function nextBaseline(tasks, previous, options) {
    const figures = previous?.figures ?? types_js_1.DEFAULT_BASELINE_FIGURES;
    const tests = Object.create(null);
    const seen = new Set(tasks.filter((t) => t.kind === 'test').map((t) => t.id));
    if (previous) {
        for (const [id, entry] of Object.entries(previous.tests)) {
            // Skipped and shared tests keep their entry: they were seen but not measured.
            if (options.partial || seen.has(id))
                tests[id] = entry;
        }
    }
    for (const task of (0, judge_js_1.judgeableTests)(tasks)) {
        const recorded = {};
        for (const name of figures) {
            const figure = task.figures[name];
            if (figure)
                recorded[name] = { value: figure.value, source: figure.source };
        }
        const old = previous && Object.hasOwn(previous.tests, task.id) ? previous.tests[task.id] : undefined;
        tests[task.id] = { file: task.file, path: task.path, figures: recorded, ...(old?.tolerance ? { tolerance: old.tolerance } : {}) };
    }
    const sorted = Object.create(null);
    for (const id of Object.keys(tests).sort())
        sorted[id] = tests[id];
    return {
        schemaVersion: types_js_1.BASELINE_SCHEMA_VERSION,
        kind: types_js_1.BASELINE_KIND,
        mode: options.mode,
        figures,
        ...(previous?.tolerance ? { tolerance: previous.tolerance } : {}),
        tests: sorted,
    };
}
/**
 * Rewrites the baseline atomically and returns the comparison to report:
 * nothing regresses against the new file; `newTests` lists the tests added
 * and `removedTests` those dropped.
 */
async function updateBaseline(tasks, baseline, options) {
    const next = nextBaseline(tasks, baseline.data, options);
    // Indented and key-sorted: the file is committed and reviewed as a diff.
    await (0, atomic_js_1.writeFileAtomic)(baseline.path, `${JSON.stringify(next, null, 2)}\n`);
    const before = new Set(Object.keys(baseline.data?.tests ?? {}));
    const after = new Set(Object.keys(next.tests));
    const comparison = (0, judge_js_1.compareWithBaseline)(tasks, { path: baseline.path, data: next }, options);
    return {
        ...comparison,
        updated: true,
        created: baseline.data === null,
        newTests: [...after].filter((id) => !before.has(id)),
        removedTests: [...before].filter((id) => !after.has(id)),
    };
}
//# sourceMappingURL=update.js.map