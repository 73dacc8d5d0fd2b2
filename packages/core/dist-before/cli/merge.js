"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mergeCommand = void 0;
const node_path_1 = require("node:path");
const read_js_1 = require("../baseline/read.js");
const types_js_1 = require("../baseline/types.js");
const update_js_1 = require("../baseline/update.js");
const build_js_1 = require("../report/build.js");
const merge_js_1 = require("../report/merge.js");
const write_js_1 = require("../report/write.js");
const report_js_1 = require("./report.js");
async function run({ values, positionals, io }) {
    if (positionals.length === 0)
        return (0, report_js_1.usageError)('merge', io, 'give the report.json of each shard');
    if (typeof values.out !== 'string')
        return (0, report_js_1.usageError)('merge', io, 'give the output directory with -o <dir>');
    const outDir = values.out;
    return (0, report_js_1.withInputErrors)('merge', io, async () => {
        const inputs = [];
        for (const path of positionals)
            inputs.push({ report: await (0, write_js_1.readRunReport)(path), source: path });
        const mode = inputs[0].report.run.mode;
        const update = (0, update_js_1.shouldUpdateBaseline)(values.update === true ? true : undefined, io.env);
        const baselinePath = typeof values.baseline === 'string' ? values.baseline : update ? types_js_1.DEFAULT_BASELINE_FILE : undefined;
        const baseline = baselinePath === undefined ? undefined : await (0, read_js_1.loadBaseline)((0, node_path_1.resolve)(baselinePath), { mode });
        let report = (0, merge_js_1.mergeRunReports)(inputs, baseline ? { baseline } : {});
        if (update && baseline) {
            const comparison = await (0, update_js_1.updateBaseline)(report.tasks, baseline, { mode });
            report = { ...report, baseline: comparison, totals: { ...report.totals, regressions: 0 } };
        }
        const written = await (0, write_js_1.writeReports)(report, { outDir, html: values['no-html'] !== true });
        (0, report_js_1.printSummary)(io, report, written);
        return (0, build_js_1.reportExitCode)(report);
    });
}
exports.mergeCommand = {
    name: 'merge',
    summary: 'Join the reports of a sharded run and judge them as one (-o <dir>, --baseline <file>, --update)',
    usage: '<report.json...> -o <dir> [--baseline <file>] [--update] [--no-html]',
    options: {
        out: { type: 'string', short: 'o' },
        baseline: { type: 'string' },
        update: { type: 'boolean', short: 'u' },
        'no-html': { type: 'boolean' },
    },
    allowPositionals: true,
    run,
};
//# sourceMappingURL=merge.js.map