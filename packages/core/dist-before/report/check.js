"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Checker = void 0;
exports.join = join;
exports.parseJson = parseJson;
const errors_js_1 = require("../errors.js");
/**
 * Small structural checks for files memscope reads back (reports, baselines).
 * Each failure names the file, the field (as a JSON path such as
 * `tasks[12].figures.retained.value`) and what was expected, so a hand-edited
 * or truncated file can be fixed without reading our source.
 */
class Checker {
    code;
    source;
    constructor(code, 
    /** The file (or other source) being read, quoted in every message. */
    source) {
        this.code = code;
        this.source = source;
    }
    fail(path, expected, got) {
        throw new errors_js_1.MemscopeError(this.code, `${this.source}: ${path || '(top level)'} should be ${expected}, got ${describe(got)}`);
    }
    object(value, path) {
        if (typeof value !== 'object' || value === null || Array.isArray(value))
            this.fail(path, 'an object', value);
        return value;
    }
    array(value, path) {
        if (!Array.isArray(value))
            this.fail(path, 'an array', value);
        return value;
    }
    string(value, path) {
        if (typeof value !== 'string')
            this.fail(path, 'a string', value);
        return value;
    }
    number(value, path) {
        if (typeof value !== 'number' || !Number.isFinite(value))
            this.fail(path, 'a finite number', value);
        return value;
    }
    nonNegative(value, path) {
        const n = this.number(value, path);
        if (n < 0)
            this.fail(path, 'a number ≥ 0', value);
        return n;
    }
    integer(value, path, min = 0) {
        const n = this.number(value, path);
        if (!Number.isInteger(n) || n < min)
            this.fail(path, `an integer ≥ ${min}`, value);
        return n;
    }
    boolean(value, path) {
        if (typeof value !== 'boolean')
            this.fail(path, 'true or false', value);
        return value;
    }
    oneOf(value, path, allowed) {
        if (typeof value !== 'string' || !allowed.includes(value)) {
            this.fail(path, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, value);
        }
        return value;
    }
    stringArray(value, path) {
        const list = this.array(value, path);
        list.forEach((item, i) => this.string(item, `${path}[${i}]`));
        return list;
    }
    /** Checks `value[key]` only when present (not undefined). */
    optional(record, key, path, check) {
        if (record[key] !== undefined)
            check(record[key], join(path, key));
    }
}
exports.Checker = Checker;
function join(path, key) {
    if (typeof key === 'number')
        return `${path}[${key}]`;
    const safe = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
    if (safe !== key)
        return `${path}[${safe}]`;
    return path ? `${path}.${key}` : key;
}
function describe(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return `an array of ${value.length}`;
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'string')
        return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    return String(value);
}
/** Parses JSON text, turning a syntax error into the checker's error. */
function parseJson(text, checker) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new errors_js_1.MemscopeError(checker.code, `${checker.source}: not valid JSON (${detail}); the file may be truncated or edited by hand`, { cause: error });
    }
}
//# sourceMappingURL=check.js.map