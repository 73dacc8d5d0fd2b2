"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_REPORT_DIR = void 0;
exports.writeReports = writeReports;
exports.serializeRunReport = serializeRunReport;
exports.parseRunReport = parseRunReport;
exports.readRunReport = readRunReport;
const promises_1 = require("node:fs/promises");
const node_path_1 = require("node:path");
const errors_js_1 = require("../errors.js");
const atomic_js_1 = require("./atomic.js");
const check_js_1 = require("./validate/check.js");
const render_js_1 = require("./html/render.js");
const report_js_1 = require("./validate/report.js");
exports.DEFAULT_REPORT_DIR = 'memscope-report';
/**
 * Writes the JSON report and, unless `html: false`, the dashboard. Each file
 * is written atomically. Returns the absolute paths written.
 */
async function writeReports(report, options = {}) {
    const outDir = (0, node_path_1.resolve)(options.outDir ?? exports.DEFAULT_REPORT_DIR);
    const jsonName = options.jsonName ?? 'report.json';
    if (!/^[^/\\]+\.json$/.test(jsonName)) {
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `jsonName should be a file name ending in .json, got ${JSON.stringify(jsonName)}`);
    }
    const json = (0, node_path_1.join)(outDir, jsonName);
    await (0, atomic_js_1.writeFileAtomic)(json, serializeRunReport(report));
    if (options.html === false)
        return { json };
    const html = (0, node_path_1.join)(outDir, 'index.html');
    await (0, atomic_js_1.writeFileAtomic)(html, (0, render_js_1.renderDashboard)(report));
    return { json, html };
}
/** Compact JSON: indentation would make a 10,000-test report several times larger. */
function serializeRunReport(report) {
    return JSON.stringify(report);
}
/** Parses report text; `source` names the file in errors. */
function parseRunReport(text, source) {
    return (0, report_js_1.validateRunReport)((0, check_js_1.parseJson)(text, new check_js_1.Checker('ERR_MEMSCOPE_REPORT_INVALID', source)), source);
}
/** Reads and validates a report written by `writeReports`. */
async function readRunReport(path) {
    let text;
    try {
        text = await (0, promises_1.readFile)(path, 'utf8');
    }
    catch (error) {
        const reason = error.code === 'ENOENT' ? 'no such file' : error.message;
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_REPORT_INVALID', `${path}: cannot read the report (${reason})`, { cause: error });
    }
    return parseRunReport(text, path);
}
//# sourceMappingURL=write.js.map