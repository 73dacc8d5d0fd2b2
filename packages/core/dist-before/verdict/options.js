"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_THRESHOLD_BYTES = void 0;
exports.resolveLeakOptions = resolveLeakOptions;
exports.isIgnored = isIgnored;
const errors_js_1 = require("../errors.js");
const ALL_KINDS = ['heap', 'storm', 'handle', 'native'];
const KNOWN_OPTIONS = new Set(['warmup', 'callsPerRound', 'rounds', 'maxRounds', 'timeout', 'kinds', 'threshold', 'ignore', 'gc']);
exports.DEFAULT_THRESHOLD_BYTES = 8;
function invalid(option, expected, got) {
    const shown = typeof got === 'string' ? JSON.stringify(got) : String(got);
    throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `checkLeak: option \`${option}\` must be ${expected}, got ${shown}.`);
}
function integer(options, name, min) {
    const value = options[name];
    if (value === undefined)
        return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
        invalid(name, `an integer ≥ ${min}`, value);
    return value;
}
function resolveLeakOptions(options) {
    if (options === undefined)
        options = {};
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
        invalid('options', 'an object', options);
    }
    const opts = options;
    for (const key of Object.keys(opts)) {
        if (!KNOWN_OPTIONS.has(key))
            invalid(key, `one of the known options (${[...KNOWN_OPTIONS].join(', ')})`, 'an unknown option');
    }
    const rounds = integer(opts, 'rounds', 3) ?? 6;
    const maxRounds = integer(opts, 'maxRounds', 3) ?? Math.max(16, rounds);
    if (maxRounds < rounds)
        invalid('maxRounds', `at least \`rounds\` (${rounds})`, maxRounds);
    const timeout = opts.timeout ?? 10_000;
    if (typeof timeout !== 'number' || !(timeout > 0))
        invalid('timeout', 'a positive number of milliseconds', timeout);
    const threshold = opts.threshold ?? exports.DEFAULT_THRESHOLD_BYTES;
    if (typeof threshold !== 'number' || !(threshold >= 0) || !Number.isFinite(threshold)) {
        invalid('threshold', 'a number of bytes per call ≥ 0', threshold);
    }
    const kinds = opts.kinds ?? ALL_KINDS;
    if (!Array.isArray(kinds) || kinds.length === 0 || kinds.some((k) => !ALL_KINDS.includes(k))) {
        invalid('kinds', `a non-empty array of ${ALL_KINDS.map((k) => `'${k}'`).join(', ')}`, JSON.stringify(kinds));
    }
    const ignore = opts.ignore ?? [];
    if (!Array.isArray(ignore))
        invalid('ignore', 'an array of rules or predicates', ignore);
    ignore.forEach((entry, i) => {
        if (typeof entry === 'function')
            return;
        if (entry === null || typeof entry !== 'object')
            invalid(`ignore[${i}]`, 'a rule object or a predicate', entry);
        for (const [key, value] of Object.entries(entry)) {
            if (!['constructor', 'retainerPath', 'allocationSite'].includes(key)) {
                invalid(`ignore[${i}].${key}`, 'one of constructor, retainerPath, allocationSite', 'an unknown key');
            }
            if (typeof value !== 'string' && !(value instanceof RegExp))
                invalid(`ignore[${i}].${key}`, 'a string or RegExp', value);
        }
    });
    const gc = opts.gc ?? 'thorough';
    if (gc !== 'fast' && gc !== 'thorough')
        invalid('gc', "'fast' or 'thorough'", gc);
    return {
        warmup: integer(opts, 'warmup', 0),
        callsPerRound: integer(opts, 'callsPerRound', 1),
        rounds,
        maxRounds,
        timeout,
        kinds: new Set(kinds),
        threshold,
        ignore,
        gc,
    };
}
/** Whether a leaking group matches one of the user's ignore entries. */
function isIgnored(subject, ignore) {
    const matches = (pattern, text) => pattern === undefined || (typeof pattern === 'string' ? text === pattern || text.includes(pattern) : pattern.test(text));
    return ignore.some((entry) => {
        if (typeof entry === 'function') {
            try {
                return entry(subject);
            }
            catch {
                return false;
            }
        }
        // `constructor` is inherited by every object: read own keys only.
        const own = (key) => (Object.hasOwn(entry, key) ? entry[key] : undefined);
        return (matches(own('constructor'), subject.name) &&
            matches(own('retainerPath'), subject.retainerPath) &&
            matches(own('allocationSite'), subject.allocationSite));
    });
}
//# sourceMappingURL=options.js.map