"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.reportCommand = void 0;
exports.withInputErrors = withInputErrors;
exports.usageError = usageError;
exports.printSummary = printSummary;
const node_path_1 = require("node:path");
const errors_js_1 = require("../errors.js");
const atomic_js_1 = require("../report/atomic.js");
const build_js_1 = require("../report/build.js");
const colors_js_1 = require("../report/colors.js");
const render_js_1 = require("../report/html/render.js");
const summary_js_1 = require("../report/summary.js");
const write_js_1 = require("../report/write.js");
const INPUT_ERROR_EXIT_CODE = 2;
/**
 * Runs a command body, turning an unreadable or invalid input file into a
 * one-line message and exit code 2 (bad input), never a stack.
 */
async function withInputErrors(name, io, body) {
    try {
        return await body();
    }
    catch (error) {
        if (!(0, errors_js_1.isMemscopeError)(error))
            throw error;
        if (error.code !== 'ERR_MEMSCOPE_REPORT_INVALID' && error.code !== 'ERR_MEMSCOPE_BASELINE_INVALID' && error.code !== 'ERR_MEMSCOPE_USAGE')
            throw error;
        io.stderr.write(`memscope ${name}: ${error.message}\n`);
        return INPUT_ERROR_EXIT_CODE;
    }
}
function usageError(name, io, message) {
    io.stderr.write(`memscope ${name}: ${message}\nRun \`memscope ${name} --help\` for usage.\n`);
    return INPUT_ERROR_EXIT_CODE;
}
/** Prints the summary and the exit code of one report, as at the end of a run. */
function printSummary(io, report, written) {
    const colors = (0, colors_js_1.colorsFor)(io.stdout, io.env);
    io.stdout.write(`${(0, summary_js_1.formatSummary)(report, { colors, ...(written ? { written } : {}) })}\n`);
}
/** With --out, both files go there; otherwise only index.html is rewritten next to the report. */
async function rewrite(report, path, out) {
    if (out !== undefined)
        return (0, write_js_1.writeReports)(report, { outDir: out, html: true });
    const html = (0, node_path_1.join)((0, node_path_1.dirname)((0, node_path_1.resolve)(path)), 'index.html');
    await (0, atomic_js_1.writeFileAtomic)(html, (0, render_js_1.renderDashboard)(report));
    return { json: (0, node_path_1.resolve)(path), html };
}
async function run({ values, positionals, io }) {
    if (positionals.length === 0)
        return usageError('report', io, 'give at least one report.json');
    const out = typeof values.out === 'string' ? values.out : undefined;
    if (out !== undefined && positionals.length > 1)
        return usageError('report', io, '--out works with one report; to join several use `memscope merge`');
    return withInputErrors('report', io, async () => {
        let exitCode = 0;
        for (const [i, path] of positionals.entries()) {
            const report = await (0, write_js_1.readRunReport)(path);
            const written = values['no-html'] ? undefined : await rewrite(report, path, out);
            if (i > 0)
                io.stdout.write('\n');
            printSummary(io, report, written);
            exitCode = Math.max(exitCode, (0, build_js_1.reportExitCode)(report));
        }
        return exitCode;
    });
}
exports.reportCommand = {
    name: 'report',
    summary: 'Print the summary of report.json files and write their HTML report again (--out <dir>, --no-html)',
    usage: '<report.json...> [--out <dir>] [--no-html]',
    options: {
        out: { type: 'string', short: 'o' },
        'no-html': { type: 'boolean' },
    },
    allowPositionals: true,
    run,
};
//# sourceMappingURL=report.js.map