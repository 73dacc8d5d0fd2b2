"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordFileName = recordFileName;
exports.writeFileRecord = writeFileRecord;
exports.readFileRecords = readFileRecords;
const node_crypto_1 = require("node:crypto");
const promises_1 = require("node:fs/promises");
const node_path_1 = __importDefault(require("node:path"));
const errors_js_1 = require("../errors.js");
const storage_js_1 = require("./storage.js");
/**
 * Carrying figures from workers to the reporter through files: one JSON file
 * per test file, written whole (temp file + rename, atomic on one file
 * system) so a reader never sees half a record. A worker that crashes loses
 * only the files it had not written; the reader names them.
 */
const SUFFIX = '.memscope.json';
/** `src/a.test.ts` → `src_a.test.ts.1f2e3d4c.memscope.json`: readable, and unique per path. */
function recordFileName(file) {
    const readable = file.replace(/[^A-Za-z0-9._-]+/g, '_').slice(-80);
    const hash = (0, node_crypto_1.createHash)('sha1').update(file).digest('hex').slice(0, 8);
    return `${readable}.${hash}${SUFFIX}`;
}
async function writeFileRecord(dir, record) {
    if (typeof dir !== 'string' || dir === '') {
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `writeFileRecord(dir) expects a directory path, received ${String(dir)}`);
    }
    const target = node_path_1.default.join(dir, recordFileName(record.file));
    const temp = `${target}.${process.pid}.${(0, node_crypto_1.randomBytes)(4).toString('hex')}.tmp`;
    await (0, storage_js_1.asMemscope)(() => (0, promises_1.mkdir)(dir, { recursive: true }));
    try {
        await (0, storage_js_1.asMemscope)(() => (0, promises_1.writeFile)(temp, JSON.stringify(record)));
        await (0, storage_js_1.asMemscope)(() => (0, promises_1.rename)(temp, target));
    }
    catch (error) {
        await (0, promises_1.rm)(temp, { force: true });
        throw error;
    }
    return target;
}
function checkRecord(value) {
    if (typeof value !== 'object' || value === null)
        return 'not a JSON object';
    const record = value;
    if (record.schemaVersion !== 1)
        return `schemaVersion ${JSON.stringify(record.schemaVersion)}, expected 1`;
    if (typeof record.file !== 'string')
        return 'no "file" string';
    if (!Array.isArray(record.tasks))
        return 'no "tasks" array';
    return null;
}
/**
 * Reads every record in `dir`. `expectedFiles` (paths relative to the root,
 * as in the records) are the test files the run had: those without a
 * complete record are returned in `missing`.
 */
async function readFileRecords(dir, expectedFiles = []) {
    let names;
    try {
        names = (await (0, promises_1.readdir)(dir)).filter((name) => name.endsWith(SUFFIX)).sort();
    }
    catch (error) {
        if (error.code !== 'ENOENT')
            throw error;
        names = [];
    }
    const records = [];
    const invalid = [];
    for (const name of names) {
        const file = node_path_1.default.join(dir, name);
        try {
            const value = JSON.parse(await (0, promises_1.readFile)(file, 'utf8'));
            const problem = checkRecord(value);
            if (problem)
                invalid.push({ path: file, reason: problem });
            else
                records.push(value);
        }
        catch (error) {
            invalid.push({ path: file, reason: error instanceof Error ? error.message : String(error) });
        }
    }
    const complete = new Set(records.filter((record) => !record.incomplete).map((record) => record.file));
    const missing = expectedFiles.filter((file) => !complete.has(file));
    return { records, missing, invalid };
}
//# sourceMappingURL=records.js.map