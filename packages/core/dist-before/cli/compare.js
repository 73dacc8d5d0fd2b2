"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compareCommand = void 0;
const colors_js_1 = require("../report/colors.js");
const compare_js_1 = require("../report/compare.js");
const write_js_1 = require("../report/write.js");
const report_js_1 = require("./report.js");
async function run({ values, positionals, io }) {
    if (positionals.length !== 2)
        return (0, report_js_1.usageError)('compare', io, 'give exactly two reports: the older one, then the newer one');
    const [a, b] = positionals;
    const limit = typeof values.limit === 'string' ? Number(values.limit) : 20;
    if (!Number.isInteger(limit) || limit < 1)
        return (0, report_js_1.usageError)('compare', io, `--limit should be a whole number ≥ 1, got ${JSON.stringify(values.limit)}`);
    return (0, report_js_1.withInputErrors)('compare', io, async () => {
        const result = (0, compare_js_1.compareRunReports)({ report: await (0, write_js_1.readRunReport)(a), source: a }, { report: await (0, write_js_1.readRunReport)(b), source: b });
        io.stdout.write(`${(0, compare_js_1.formatComparison)(result, (0, colors_js_1.colorsFor)(io.stdout, io.env), limit)}\n`);
        return result.regressions.length > 0 ? 1 : 0;
    });
}
exports.compareCommand = {
    name: 'compare',
    summary: 'Compare two reports test by test; exits 1 when the second regressed beyond the default tolerances',
    usage: '<old-report.json> <new-report.json> [--limit <n>]',
    options: { limit: { type: 'string' } },
    allowPositionals: true,
    run,
};
//# sourceMappingURL=compare.js.map