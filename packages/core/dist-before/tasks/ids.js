"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TaskIdRegistry = exports.ID_SEPARATOR = void 0;
exports.relativeFile = relativeFile;
exports.validateNames = validateNames;
const node_path_1 = __importDefault(require("node:path"));
const errors_js_1 = require("../errors.js");
/**
 * Task ids: readable and stable across runs. A file's id is its path
 * relative to the project root with POSIX separators; a describe or test
 * adds its full name, `src/cache.test.ts > Cache > evicts`; a hook adds its
 * kind in parentheses under its owner, `… > evicts > (beforeEach)`. A name
 * seen twice in one file gets `#2`, `#3`… in the order the tasks start, so
 * the ids of a file that did not change do not change.
 */
exports.ID_SEPARATOR = ' > ';
function relativeFile(rootDir, file) {
    if (typeof rootDir !== 'string' || rootDir === '') {
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `rootDir must be a non-empty path, received ${String(rootDir)}`);
    }
    if (typeof file !== 'string' || file === '') {
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `file must be a non-empty path, received ${String(file)}`);
    }
    const absolute = node_path_1.default.resolve(rootDir, file);
    return node_path_1.default.relative(node_path_1.default.resolve(rootDir), absolute).split(node_path_1.default.sep).join('/');
}
class TaskIdRegistry {
    file;
    seen = new Map();
    constructor(file) {
        this.file = file;
    }
    /** Base id before de-duplication. */
    baseId(kind, names, hook, ownerId) {
        if (kind === 'file')
            return this.file;
        if (kind === 'hook')
            return `${ownerId ?? this.file}${exports.ID_SEPARATOR}(${hook ?? 'hook'})`;
        return [this.file, ...names].join(exports.ID_SEPARATOR);
    }
    /** Registers one more task with this base id and returns its unique id. */
    claim(base) {
        const count = (this.seen.get(base) ?? 0) + 1;
        this.seen.set(base, count);
        return count === 1 ? base : `${base} #${count}`;
    }
}
exports.TaskIdRegistry = TaskIdRegistry;
function validateNames(names, what) {
    if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) {
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `${what} expects an array of names (strings), received ${JSON.stringify(names)}`);
    }
    return names;
}
//# sourceMappingURL=ids.js.map