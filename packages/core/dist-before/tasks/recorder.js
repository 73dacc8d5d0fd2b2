"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FileRecorder = void 0;
exports.createFileRecorder = createFileRecorder;
const errors_js_1 = require("../errors.js");
const check_js_1 = require("../track/check.js");
const registry_js_1 = require("../track/registry.js");
const figures_js_1 = require("./figures.js");
const handles_js_1 = require("./handles.js");
const ids_js_1 = require("./ids.js");
const scope_js_1 = require("./scope.js");
const storage_js_1 = require("./storage.js");
const FINAL_STATES = ['passed', 'failed', 'skipped', 'todo'];
const MODES = ['sampled', 'settled'];
function formatError(error) {
    if (error instanceof Error)
        return `${error.name}: ${error.message}`;
    return typeof error === 'string' ? error : String(error);
}
function sameNames(a, b) {
    return a.length === b.length && a.every((name, i) => name === b[i]);
}
function isPrefix(prefix, names) {
    return prefix.length <= names.length && prefix.every((name, i) => name === names[i]);
}
/**
 * Records the tasks of one test file in one worker and their memory figures.
 * A plugin maps its runner's lifecycle onto enter/exit and, where it can wrap
 * the test function, runInTask; see `createFileRecorder`.
 */
class FileRecorder {
    file;
    mode;
    capture;
    settleGc;
    ignoreHandleFrames;
    asyncContext;
    ids;
    nodes = [];
    openScopes = [];
    forced = (0, figures_js_1.emptyTotals)();
    fileScope;
    releaseHandles;
    /** Heap used after the last settled GC (settled mode). */
    lastSettled = 0;
    constructor(options) {
        const { rootDir, file, capture, mode = 'sampled', settleGc = 'fast', ignoreHandleFrames = [], asyncContext = true } = options ?? {};
        if (!MODES.includes(mode)) {
            throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `mode must be 'sampled' or 'settled', received ${JSON.stringify(mode)}`);
        }
        if (!capture || typeof capture.heapFigures !== 'function' || typeof capture.gcTotals !== 'function') {
            throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', 'capture must be a Capture (from getCapture()), received ' + typeof capture);
        }
        this.file = (0, ids_js_1.relativeFile)(rootDir, file);
        this.mode = mode;
        this.capture = capture;
        this.settleGc = settleGc;
        this.ignoreHandleFrames = ignoreHandleFrames;
        this.asyncContext = asyncContext;
        this.ids = new ids_js_1.TaskIdRegistry(this.file);
        this.releaseHandles = (0, handles_js_1.retainHandleTracking)();
        if (mode === 'settled')
            this.settle();
        const node = this.newNode('file', this.file, [], null);
        this.fileScope = new scope_js_1.TaskScope(node, null, (0, figures_js_1.takeReading)(capture, this.forced), capture);
        this.openScopes.push(this.fileScope);
        (0, storage_js_1.setActiveScopeSource)(this);
    }
    /** Starts a describe block or a test; `names` run from the outermost describe to this task. */
    enter(kind, names) {
        (0, ids_js_1.validateNames)(names, `enter('${kind}', names)`);
        if (kind !== 'describe' && kind !== 'test') {
            throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `enter(kind) expects 'describe' or 'test', received ${JSON.stringify(kind)}`);
        }
        if (names.length === 0)
            throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `enter('${kind}', names) needs at least one name`);
        const parent = this.findOwner(names.slice(0, -1), false);
        return this.open(kind, names[names.length - 1], [...names], parent);
    }
    /** Starts a hook; `ownerNames` name the test (for *Each hooks) or describe it belongs to, [] for the file. */
    enterHook(hook, ownerNames) {
        (0, ids_js_1.validateNames)(ownerNames, `enterHook('${hook}', ownerNames)`);
        if (!['beforeAll', 'beforeEach', 'afterEach', 'afterAll'].includes(hook)) {
            throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `enterHook(hook) expects beforeAll, beforeEach, afterEach or afterAll, received ${JSON.stringify(hook)}`);
        }
        const parent = this.findOwner(ownerNames, hook === 'beforeEach' || hook === 'afterEach');
        const scope = this.open('hook', hook, [...parent.node.path, `(${hook})`], parent, hook);
        return scope;
    }
    /**
     * Ends a task (the innermost open one unless `scope` is given) and computes
     * its figures. Tasks still open inside it are ended first, as failed.
     */
    exit(state, error, scope) {
        if (!FINAL_STATES.includes(state)) {
            throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `exit(state) expects passed, failed, skipped or todo, received ${JSON.stringify(state)}`);
        }
        const target = scope ?? this.innermostOpen();
        if (!target || target === this.fileScope) {
            throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_USAGE', `exit('${state}') with no open task in ${this.file}; end the file with finish()`);
        }
        return this.close(target, state, error);
    }
    /** Runs `fn` as part of `scope`: everything it starts, now or later, is charged to that task. */
    runInTask(scope, fn) {
        return this.asyncContext ? storage_js_1.taskStorage.run(scope, fn) : fn();
    }
    /** enter + runInTask + exit, with the state taken from how `fn` ended. */
    async runTask(kind, names, fn) {
        const scope = this.enter(kind, names);
        let result;
        try {
            result = await this.runInTask(scope, fn);
        }
        catch (error) {
            await this.close(scope, 'failed', error);
            throw error;
        }
        await this.close(scope, 'passed', undefined);
        return result;
    }
    innermostOpen() {
        return this.openScopes[this.openScopes.length - 1];
    }
    /** Ends the file (and anything still open in it) and returns its record. */
    async finish(state = 'passed', error) {
        if (this.fileScope.open)
            await this.close(this.fileScope, state, error);
        return this.toFileRecord();
    }
    /** The record so far; `incomplete` while the file has not finished. */
    toFileRecord() {
        const record = { schemaVersion: 1, file: this.file, capture: this.capture.path, mode: this.mode, tasks: [...this.nodes] };
        if (this.fileScope.open)
            record.incomplete = true;
        return record;
    }
    newNode(kind, name, path, parent, hook) {
        const id = this.ids.claim(this.ids.baseId(kind, path, hook, parent?.node.id));
        const node = { id, kind, name, path, file: this.file, parentId: parent?.node.id ?? null, state: 'running', figures: {}, handles: [], findings: [], tracked: [] };
        if (hook)
            node.hook = hook;
        this.nodes.push(node);
        return node;
    }
    open(kind, name, path, parent, hook) {
        if (!this.fileScope.open)
            throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_USAGE', `enter() after finish() in ${this.file}`);
        const node = this.newNode(kind, name, path, parent, hook);
        // Tasks open at once that do not contain each other share the heap: their figures mix.
        for (const other of this.openScopes) {
            if (!parent.isWithin(other)) {
                other.node.shared = true;
                node.shared = true;
            }
        }
        const scope = new scope_js_1.TaskScope(node, parent, (0, figures_js_1.takeReading)(this.capture, this.forced), this.capture);
        this.openScopes.push(scope);
        return scope;
    }
    /** The open describe (or test, for *Each hooks) with these names; else the nearest open ancestor. */
    findOwner(names, testsToo) {
        let best = this.fileScope;
        for (let i = this.openScopes.length - 1; i >= 0; i--) {
            const scope = this.openScopes[i];
            const kind = scope.node.kind;
            if (kind === 'hook' || (kind === 'test' && !testsToo))
                continue;
            if (sameNames(scope.node.path, names))
                return scope;
            if (isPrefix(scope.node.path, names) && scope.node.path.length > best.node.path.length)
                best = scope;
        }
        return best;
    }
    async close(scope, state, error) {
        if (!scope.open) {
            throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_USAGE', `exit() of '${scope.node.id}', which has already ended`);
        }
        const end = (0, figures_js_1.takeReading)(this.capture, this.forced);
        scope.open = false;
        const at = this.openScopes.lastIndexOf(scope);
        this.openScopes.splice(at, 1);
        // Scopes opened after this one and nested in it were not ended: end them now, innermost first.
        const nested = this.openScopes.slice(at).filter((other) => other.isWithin(scope));
        for (const inner of nested.reverse()) {
            await this.close(inner, 'failed', new Error(`'${inner.node.name}' was still open when '${scope.node.name}' ended`));
        }
        const node = scope.node;
        node.state = state;
        if (error !== undefined)
            node.error = formatError(error);
        node.figures = (0, figures_js_1.figuresBetween)(scope.start, end, scope.peakSeen);
        if (scope.parent)
            scope.parent.peakSeen = Math.max(scope.parent.peakSeen, node.figures.peak.value);
        if ((0, handles_js_1.mayBeClosing)(scope.handles))
            await (0, handles_js_1.letClosesFinish)();
        node.handles = (0, handles_js_1.handlesLeftOpen)(scope.handles, this.ignoreHandleFrames);
        node.figures.handlesOpened = { value: scope.handlesOpened, source: 'measured' };
        node.figures.handlesLeftOpen = { value: node.handles.length, source: 'measured' };
        if (scope.handles.length > 0)
            scope.handles.length = 0;
        if (this.mode === 'settled' && (node.kind === 'test' || node.kind === 'file')) {
            const before = this.lastSettled;
            const after = this.settle();
            const baseline = node.kind === 'file' ? scope.start.heapUsed : before;
            node.figures.retained = { value: after - baseline, source: 'measured' };
        }
        if (scope.tracked.length > 0) {
            const before = this.capture.gcTotals();
            node.tracked = await (0, check_js_1.checkTrackedEntries)(scope.tracked, this.capture);
            (0, figures_js_1.addForced)(this.forced, before, this.capture.gcTotals());
            (0, registry_js_1.forgetCollected)(scope.tracked);
        }
        if (scope === this.fileScope)
            this.dispose();
        return node;
    }
    /** A forced GC kept out of every task's GC figures; returns heap used after it. */
    settle() {
        const before = this.capture.gcTotals();
        (0, storage_js_1.asMemscope)(() => this.capture.gc(this.settleGc));
        (0, figures_js_1.addForced)(this.forced, before, this.capture.gcTotals());
        this.lastSettled = this.capture.heapFigures().heapUsed;
        return this.lastSettled;
    }
    dispose() {
        this.releaseHandles();
        if ((0, storage_js_1.isActiveScopeSource)(this))
            (0, storage_js_1.setActiveScopeSource)(null);
    }
}
exports.FileRecorder = FileRecorder;
/**
 * @example
 * const recorder = createFileRecorder({ rootDir, file: 'src/cache.test.ts', capture: getCapture() });
 * const test = recorder.enter('test', ['Cache', 'evicts']);
 * await recorder.runInTask(test, () => runTheTest());
 * const node = await recorder.exit('passed');
 * await writeFileRecord(dir, await recorder.finish());
 */
function createFileRecorder(options) {
    return new FileRecorder(options);
}
//# sourceMappingURL=recorder.js.map