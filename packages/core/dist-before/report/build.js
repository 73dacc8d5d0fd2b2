"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildRunReport = buildRunReport;
exports.duplicateTestIds = duplicateTestIds;
exports.computeTotals = computeTotals;
exports.reportExitCode = reportExitCode;
const judge_js_1 = require("../baseline/judge.js");
const schema_js_1 = require("./schema.js");
const tree_js_1 = require("./tree.js");
/**
 * Builds the run report from the workers' file records. Pure: nothing is
 * read or written.
 *
 * @example
 * const report = buildRunReport({ files: records, run: runInfo, baseline: await loadBaseline(path, { mode: 'sampled' }) });
 * await writeReports(report, { outDir: 'memscope-report', html: true });
 */
function buildRunReport(input) {
    const files = [];
    const tasks = [];
    const missing = [];
    for (const record of input.files) {
        const normalized = (0, tree_js_1.normalizeFileTasks)(record);
        files.push({ file: record.file, capture: record.capture, mode: record.mode, tests: countTests(normalized) });
        for (const task of normalized)
            tasks.push(task);
        if (record.incomplete)
            missing.push({ file: record.file, reason: 'incomplete' });
    }
    const recorded = new Set(input.files.map((f) => f.file));
    for (const file of input.expectedFiles ?? []) {
        if (!recorded.has(file))
            missing.push({ file, reason: 'absent' });
    }
    const duplicates = duplicateTestIds(tasks);
    const baseline = input.baseline === undefined ? undefined
        : 'compared' in input.baseline ? input.baseline
            : (0, judge_js_1.compareWithBaseline)(tasks, input.baseline, { partial: input.run.shard !== undefined && input.run.shard.count > 1 });
    return {
        schemaVersion: schema_js_1.REPORT_SCHEMA_VERSION,
        kind: schema_js_1.REPORT_KIND,
        createdAt: (input.createdAt ?? new Date()).toISOString(),
        run: input.run,
        totals: computeTotals(files.length, tasks, missing.length, duplicates.length, baseline),
        files,
        tasks,
        missing,
        duplicates,
        ...(baseline ? { baseline } : {}),
    };
}
function countTests(tasks) {
    let n = 0;
    for (const t of tasks)
        if (t.kind === 'test')
            n++;
    return n;
}
function duplicateTestIds(tasks) {
    const seen = new Set();
    const duplicates = new Set();
    for (const t of tasks) {
        if (t.kind !== 'test')
            continue;
        if (seen.has(t.id))
            duplicates.add(t.id);
        seen.add(t.id);
    }
    return [...duplicates];
}
function computeTotals(fileCount, tasks, missingFiles, duplicateTests, baseline) {
    const totals = {
        files: fileCount, tests: 0, passed: 0, failed: 0, skipped: 0, leakingTests: 0,
        findings: { heap: 0, storm: 0, handle: 0, native: 0 },
        handlesLeftOpen: 0, trackedNotCollected: 0,
        regressions: baseline?.regressions.length ?? 0,
        missingFiles, duplicateTests,
    };
    for (const t of tasks) {
        if (t.kind !== 'test')
            continue;
        totals.tests++;
        if (t.state === 'passed')
            totals.passed++;
        else if (t.state === 'failed')
            totals.failed++;
        else if (t.state === 'skipped' || t.state === 'todo')
            totals.skipped++;
        if (t.findings.length > 0)
            totals.leakingTests++;
        for (const f of t.findings)
            totals.findings[f.kind]++;
        totals.handlesLeftOpen += t.figures.handlesLeftOpen?.value ?? t.handles.length;
        for (const o of t.tracked)
            if (!o.collected)
                totals.trackedNotCollected++;
    }
    return totals;
}
/** 1 when the run found a leak or a regression, else 0: the CLI's and reporters' exit code. */
function reportExitCode(report) {
    const t = report.totals;
    return t.leakingTests > 0 || t.regressions > 0 || t.trackedNotCollected > 0 ? 1 : 0;
}
//# sourceMappingURL=build.js.map