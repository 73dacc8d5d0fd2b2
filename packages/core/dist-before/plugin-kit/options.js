"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolveReporterOptions = resolveReporterOptions;
const errors_js_1 = require("../errors.js");
const types_js_1 = require("../baseline/types.js");
const write_js_1 = require("../report/write.js");
const KNOWN = ['outputDir', 'html', 'baseline', 'update', 'summary', 'mode'];
function invalid(name, expected, got) {
    const shown = typeof got === 'string' ? JSON.stringify(got) : String(got);
    throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `memscope reporter: option \`${name}\` must be ${expected}, got ${shown}.`);
}
function optionalBoolean(raw, name) {
    const value = raw[name];
    if (value !== undefined && typeof value !== 'boolean')
        invalid(name, 'true or false', value);
    return value;
}
/** Checks every reporter option up front and fills in the defaults; unknown options are errors, not ignored. */
function resolveReporterOptions(raw) {
    if (raw === undefined || raw === null)
        raw = {};
    if (typeof raw !== 'object' || Array.isArray(raw))
        invalid('options', 'an object', raw);
    const options = raw;
    for (const key of Object.keys(options)) {
        if (!KNOWN.includes(key))
            invalid(key, `one of the known options (${KNOWN.join(', ')})`, 'an unknown option');
    }
    const outputDir = options.outputDir ?? write_js_1.DEFAULT_REPORT_DIR;
    if (typeof outputDir !== 'string' || outputDir === '')
        invalid('outputDir', 'a non-empty directory path', outputDir);
    const baseline = options.baseline ?? types_js_1.DEFAULT_BASELINE_FILE;
    if (baseline !== false && (typeof baseline !== 'string' || baseline === ''))
        invalid('baseline', 'a file path or false', baseline);
    const mode = options.mode ?? 'sampled';
    if (mode !== 'sampled' && mode !== 'settled')
        invalid('mode', "'sampled' or 'settled'", mode);
    return {
        outputDir,
        html: optionalBoolean(options, 'html') ?? true,
        baseline: baseline,
        update: optionalBoolean(options, 'update'),
        summary: optionalBoolean(options, 'summary') ?? true,
        mode: mode,
    };
}
//# sourceMappingURL=options.js.map