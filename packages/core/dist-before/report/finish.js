"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.finishRun = finishRun;
const node_path_1 = require("node:path");
const judge_js_1 = require("../baseline/judge.js");
const read_js_1 = require("../baseline/read.js");
const update_js_1 = require("../baseline/update.js");
const types_js_1 = require("../baseline/types.js");
const build_js_1 = require("./build.js");
const write_js_1 = require("./write.js");
/**
 * What a reporter does at the end of a run: compare with the baseline (and
 * rewrite it when updating), build the report, write report.json and
 * index.html. A baseline that does not exist is only created on update;
 * otherwise the run is not compared.
 *
 * @example
 * const { report, written, exitCode } = await finishRun({ files, run, update: argv.updateSnapshot === 'all' });
 * process.stderr.write(formatSummary(report, { colors: colorsFor(process.stderr), written }) + '\n');
 */
async function finishRun(options) {
    const { files, run, expectedFiles } = options;
    const draft = (0, build_js_1.buildRunReport)({ files, run, ...(expectedFiles ? { expectedFiles } : {}) });
    let comparison;
    if (options.baseline !== false) {
        const path = (0, node_path_1.resolve)(run.root ?? process.cwd(), options.baseline ?? types_js_1.DEFAULT_BASELINE_FILE);
        const loaded = await (0, read_js_1.loadBaseline)(path, { mode: run.mode });
        const partial = run.shard !== undefined && run.shard.count > 1;
        if ((0, update_js_1.shouldUpdateBaseline)(options.update, options.env))
            comparison = await (0, update_js_1.updateBaseline)(draft.tasks, loaded, { mode: run.mode, partial });
        else if (loaded.data)
            comparison = (0, judge_js_1.compareWithBaseline)(draft.tasks, loaded, { partial });
    }
    const report = comparison
        ? { ...draft, baseline: comparison, totals: { ...draft.totals, regressions: comparison.regressions.length } }
        : draft;
    const written = await (0, write_js_1.writeReports)(report, options);
    return { report, written, exitCode: (0, build_js_1.reportExitCode)(report) };
}
//# sourceMappingURL=finish.js.map