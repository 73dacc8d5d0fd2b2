"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.reportDirectory = reportDirectory;
exports.finishRun = finishRun;
const node_path_1 = require("node:path");
const read_js_1 = require("../baseline/read.js");
const update_js_1 = require("../baseline/update.js");
const build_js_1 = require("../report/build.js");
const format_js_1 = require("../report/format.js");
const summary_js_1 = require("../report/summary.js");
const write_js_1 = require("../report/write.js");
/** Where the reports go: a sharded run writes into a folder of its own so shards never overwrite each other. */
function reportDirectory(rootDir, outputDir, shard) {
    const base = (0, node_path_1.isAbsolute)(outputDir) ? outputDir : (0, node_path_1.resolve)(rootDir, outputDir);
    return shard && shard.count > 1 ? (0, node_path_1.join)(base, `shard-${shard.index}-of-${shard.count}`) : base;
}
/** `native` only when every worker measured with the addon. */
function captureOf(records) {
    return records.length > 0 && records.every((r) => r.capture === 'native') ? 'native' : 'js';
}
/**
 * The reporter's whole end of run, the same for every runner: build the
 * report from the records, compare with (or update) the baseline, write the
 * JSON and HTML reports, format the summary, and say whether the run fails.
 */
async function finishRun(input) {
    const { options, rootDir } = input;
    const mode = options.mode;
    const partial = input.shard !== undefined && input.shard.count > 1;
    const run = {
        node: process.version,
        v8: process.versions.v8,
        capture: captureOf(input.records),
        mode,
        runner: input.runner,
        ...(input.shard ? { shard: input.shard } : {}),
        ...(input.startedAt ? { startedAt: input.startedAt.toISOString(), durationMs: Date.now() - input.startedAt.getTime() } : {}),
        root: rootDir,
    };
    const base = { files: input.records, run, expectedFiles: input.expectedFiles };
    let report;
    if (options.baseline === false) {
        report = (0, build_js_1.buildRunReport)(base);
    }
    else {
        const loaded = await (0, read_js_1.loadBaseline)((0, node_path_1.resolve)(rootDir, options.baseline), { mode });
        const update = options.update ?? (input.runnerUpdate === true || (0, update_js_1.shouldUpdateBaseline)(undefined, input.env ?? process.env));
        if (update) {
            const measuredTasks = (0, build_js_1.buildRunReport)(base).tasks;
            const comparison = await (0, update_js_1.updateBaseline)(measuredTasks, loaded, { mode, partial });
            report = (0, build_js_1.buildRunReport)({ ...base, baseline: { ...comparison, file: options.baseline } });
        }
        else {
            const compared = (0, build_js_1.buildRunReport)({ ...base, baseline: loaded });
            report = compared.baseline ? { ...compared, baseline: { ...compared.baseline, file: options.baseline } } : compared;
        }
    }
    const written = await (0, write_js_1.writeReports)(report, { outDir: reportDirectory(rootDir, options.outputDir, input.shard), html: options.html });
    const summary = options.summary ? (0, summary_js_1.formatSummary)(report, { colors: input.colors, written, cwd: rootDir }) : '';
    const regressions = report.baseline?.regressions.length ?? 0;
    const failure = regressions > 0
        ? `memscope: ${(0, format_js_1.plural)(regressions, 'memory regression')} against ${options.baseline}. ` +
            'If the change is intended, update the baseline (MEMSCOPE_UPDATE=1, or the runner\'s -u).'
        : null;
    return { report, written, summary, failure };
}
//# sourceMappingURL=finish-run.js.map