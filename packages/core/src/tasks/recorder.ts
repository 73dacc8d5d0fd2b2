import type { Capture, GcMode } from '../capture/types.js';
import { MemscopeError } from '../errors.js';
import { processSingleton, runsFromBuild } from '../main-context.js';
import { forgetCollected } from '../track/registry.js';
import { ConcurrentAttribution } from './attribution.js';
import { addForced, emptyTotals, figuresBetween, takeReading } from './figures.js';
import { HANDLE_TRACKING, handlesLeftOpen, letClosesFinish, mayBeClosing, openHandleCount, retainHandleTracking, type HandleTracking } from './handles.js';
import { emptyTaskNode, endTaskNode, relativeFile, TaskIdRegistry, validateNames } from './ids.js';
import { TaskScope } from './scope.js';
import { labelSharedFigures, markOverlap } from './shared.js';
import { asMemscope, isActiveScopeSource, setActiveScopeSource, taskStorage } from './storage.js';
import type { FileRecord, HookName, MeasureMode, TaskKind, TaskNode, TaskState } from './types.js';

export type FinalState = Exclude<TaskState, 'running'>;

export interface FileRecorderOptions {
  /** Project root; task ids use the file path relative to it. */
  rootDir: string;
  /** The test file, absolute or relative to rootDir. */
  file: string;
  capture: Capture;
  /** 'sampled' (default): no forced GC. 'settled': a full GC after each test, for `retained`. */
  mode?: MeasureMode;
  /** How hard the settled GC tries; default 'fast' (one full mark-compact). */
  settleGc?: GcMode;
  /** Open handles whose first user frame matches are not reported (a runner's own timers). */
  ignoreHandleFrames?: RegExp[];
  /**
   * Carry the task with AsyncLocalStorage in runInTask (default true). On
   * Node 20 that turns on promise before/after hooks for the whole worker,
   * the largest part of sampled mode's cost (bench/scopes.bench.mjs). With
   * false, runInTask just calls fn and the innermost open task is the
   * current one: the same attribution for tests that run one at a time,
   * except for callbacks that run after their test ended.
   */
  asyncContext?: boolean;
  /**
   * Where arrayBuffers and malloc figures are read. 'file' (the default in
   * sampled mode): at the file's start and end only, since reading them
   * costs tens of µs per boundary (process.memoryUsage() also reads RSS;
   * mallinfo2 walks the allocator's arenas); tests still get heap, external
   * and GC figures. 'every-task' (the default in settled mode, whose forced
   * GC dwarfs the reads): at every task boundary.
   */
  nativeFigures?: NativeFiguresAt;
  /**
   * 'always' (the default): the handle hook runs from the file's start.
   * 'once-left-open': only after a task has left a handle open, so a file
   * whose tests close what they open runs with no async hook at all; see
   * HandleTracking in handles.ts for what it leaves out.
   */
  handleTracking?: HandleTracking;
}

export type NativeFiguresAt = 'file' | 'every-task';

/**
 * The recorder of the test file running now, for checkpoints taken before
 * risky work. Kept once per process on the main context's global: the
 * recorder may come from another copy of core than the checkpoint's (under
 * Jest the recorder's copy is loaded once per process, the matchers' once
 * per test file). Cleared when the file's recorder finishes.
 */
const running = processSingleton<{ recorder: FileRecorder | null }>(Symbol.for('memscope.tasks.running'), () => ({ recorder: null }));

/** The recorder of the test file running now (possibly another copy of core's); null when none runs. */
export function runningRecorder(): FileRecorder | null {
  return running.recorder;
}

/** The record so far of the test file running now, marked incomplete; null when none runs. */
export function runningFileRecord(): FileRecord | null {
  return running.recorder?.toFileRecord() ?? null;
}

type TrackCheckModule = typeof import('../track/check.js');

/** The tracked-object check (retainer paths, heap graph analysis): loaded by the first test that tracks something. */
async function loadTrackCheck(): Promise<TrackCheckModule> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return runsFromBuild ? (require('../track/check.js') as TrackCheckModule) : await import('../track/check.js');
}

/** Kinds that get a retained figure in settled mode: one forced GC at each end. */
const SETTLED_KINDS: ReadonlySet<TaskKind> = new Set<TaskKind>(['file', 'test', 'task', 'verdict']);
const FINAL_STATES: readonly FinalState[] = ['passed', 'failed', 'skipped', 'todo'];
const MODES: readonly MeasureMode[] = ['sampled', 'settled'];
const NATIVE_FIGURES_AT: readonly NativeFiguresAt[] = ['file', 'every-task'];

function formatError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : String(error);
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

function isPrefix(prefix: readonly string[], names: readonly string[]): boolean {
  return prefix.length <= names.length && prefix.every((name, i) => name === names[i]);
}

/**
 * How many more ref'd handles are open than `atStart` once handles closed
 * just now are gone: libuv drops a closed socket or server from its list
 * only at the end of the loop iteration that closed it (see mayBeClosing).
 */
async function handlesLeftOpenSince(atStart: number): Promise<number> {
  await letClosesFinish();
  return Math.max(0, openHandleCount() - atStart);
}

/**
 * Records the tasks of one test file in one worker and their memory figures.
 * A plugin maps its runner's lifecycle onto enter/exit and, where it can wrap
 * the test function, runInTask; see `createFileRecorder`.
 */
export class FileRecorder {
  readonly file: string;
  readonly mode: MeasureMode;
  readonly capture: Capture;
  private readonly settleGc: GcMode;
  private readonly ignoreHandleFrames: RegExp[];
  private readonly asyncContext: boolean;
  /** Whether task boundaries below the file take full readings (arrayBuffers, malloc). */
  private readonly fullTaskReadings: boolean;
  private readonly ids: TaskIdRegistry;
  private readonly nodes: TaskNode[] = [];
  private readonly openScopes: TaskScope[] = [];
  private readonly forced = emptyTotals();
  private readonly fileScope: TaskScope;
  /** Ends this recorder's use of the handle hook; null while it has not turned it on. */
  private releaseHandles: (() => void) | null = null;
  /** Heap used after the last settled GC (settled mode). */
  private lastSettled = 0;
  /** Per-test figures of tests that run at once (attribution.ts). */
  private readonly attribution: ConcurrentAttribution;

  constructor(options: FileRecorderOptions) {
    const { rootDir, file, capture, mode = 'sampled', settleGc = 'fast', ignoreHandleFrames = [], asyncContext = true, handleTracking = 'always' } = options ?? ({} as FileRecorderOptions);
    const nativeFigures = options?.nativeFigures ?? (mode === 'settled' ? 'every-task' : 'file');
    if (!MODES.includes(mode)) {
      throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `mode must be 'sampled' or 'settled', received ${JSON.stringify(mode)}`);
    }
    if (!NATIVE_FIGURES_AT.includes(nativeFigures)) {
      throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `nativeFigures must be 'file' or 'every-task', received ${JSON.stringify(nativeFigures)}`);
    }
    if (!HANDLE_TRACKING.includes(handleTracking)) {
      throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `handleTracking must be 'always' or 'once-left-open', received ${JSON.stringify(handleTracking)}`);
    }
    if (!capture || typeof capture.heapFigures !== 'function' || typeof capture.gcTotals !== 'function') {
      throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', 'capture must be a Capture (from getCapture()), received ' + typeof capture);
    }
    this.file = relativeFile(rootDir, file);
    this.mode = mode;
    this.capture = capture;
    this.settleGc = settleGc;
    this.ignoreHandleFrames = ignoreHandleFrames;
    this.asyncContext = asyncContext;
    this.fullTaskReadings = nativeFigures === 'every-task';
    this.ids = new TaskIdRegistry(this.file);
    if (handleTracking === 'always') this.trackHandles();
    this.attribution = new ConcurrentAttribution(capture, this.forced);
    if (mode === 'settled') this.settle();
    const node = this.newNode('file', this.file, [], null);
    this.fileScope = new TaskScope(node, null, takeReading(capture, this.forced), capture);
    this.noteHandlesAtStart(this.fileScope);
    this.openScopes.push(this.fileScope);
    setActiveScopeSource(this);
    running.recorder = this;
  }

  /** Starts a describe block or a test; `names` run from the outermost describe to this task. */
  enter(kind: 'describe' | 'test', names: readonly string[]): TaskScope {
    validateNames(names, `enter('${kind}', names)`);
    if (kind !== 'describe' && kind !== 'test') {
      throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `enter(kind) expects 'describe' or 'test', received ${JSON.stringify(kind)}`);
    }
    if (names.length === 0) throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `enter('${kind}', names) needs at least one name`);
    const parent = this.findOwner(names.slice(0, -1), false);
    return this.open(kind, names[names.length - 1]!, [...names], parent);
  }

  /** Starts a hook; `ownerNames` name the test (for *Each hooks) or describe it belongs to, [] for the file. */
  enterHook(hook: HookName, ownerNames: readonly string[]): TaskScope {
    validateNames(ownerNames, `enterHook('${hook}', ownerNames)`);
    if (!['beforeAll', 'beforeEach', 'afterEach', 'afterAll'].includes(hook)) {
      throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `enterHook(hook) expects beforeAll, beforeEach, afterEach or afterAll, received ${JSON.stringify(hook)}`);
    }
    const parent = this.findOwner(ownerNames, hook === 'beforeEach' || hook === 'afterEach');
    const scope = this.open('hook', hook, [...parent.node.path, `(${hook})`], parent, hook);
    return scope;
  }

  /**
   * Starts a task inside `parent` (a test, hook or task): a scope the test
   * opened with `task(name, fn)`, or a verdict's calls. `segment` is the
   * task's part of its path and id (default: the name); a verdict renames
   * its node once it knows how many calls it made, but keeps its id.
   */
  enterChild(kind: 'task' | 'verdict', name: string, parent: TaskScope, segment = name): TaskScope {
    if (kind !== 'task' && kind !== 'verdict') {
      throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `enterChild(kind) expects 'task' or 'verdict', received ${JSON.stringify(kind)}`);
    }
    if (!parent?.open) throw new MemscopeError('ERR_MEMSCOPE_USAGE', `enterChild('${kind}', '${name}') needs an open parent task`);
    return this.open(kind, name, [...parent.node.path, segment], parent);
  }

  /**
   * Ends a task (the innermost open one unless `scope` is given) and computes
   * its figures. Tasks still open inside it are ended first, as failed.
   */
  exit(state: FinalState, error?: unknown, scope?: TaskScope): Promise<TaskNode> {
    if (!FINAL_STATES.includes(state)) {
      throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `exit(state) expects passed, failed, skipped or todo, received ${JSON.stringify(state)}`);
    }
    const target = scope ?? this.innermostOpen();
    if (!target || target === this.fileScope) {
      throw new MemscopeError('ERR_MEMSCOPE_USAGE', `exit('${state}') with no open task in ${this.file}; end the file with finish()`);
    }
    return this.close(target, state, error);
  }

  /** Runs `fn` as part of `scope`: everything it starts, now or later, is charged to that task. */
  runInTask<T>(scope: TaskScope, fn: () => T): T {
    if (this.attribution.isAttributed(scope)) return this.attribution.runAs(scope, fn);
    if (!this.asyncContext) return fn();
    this.trackHandlesFrom(scope);
    return taskStorage.run(scope, fn);
  }

  /**
   * Marks a test the runner runs concurrently with others: its allocated and
   * retained figures come from attribution (attribution.ts), labelled
   * `sampled`. Call it right after enter(), then run the test's function
   * through runInTask.
   */
  attributeConcurrently(scope: TaskScope): void {
    if (scope.node.kind !== 'test' || !scope.open) {
      throw new MemscopeError('ERR_MEMSCOPE_USAGE', `attributeConcurrently() expects an open test, received ${scope.node.kind} '${scope.node.id}'`);
    }
    this.trackHandlesFrom(scope);
    this.attribution.attribute(scope);
  }

  /**
   * For a plugin that cannot wrap the test function but runs a hook
   * synchronously inside the async chain that calls it: the rest of that
   * chain (the test function included) runs as part of `scope`.
   */
  continueInTask(scope: TaskScope): void {
    if (this.attribution.isAttributed(scope)) this.attribution.continueAs(scope);
    else if (this.asyncContext) {
      this.trackHandlesFrom(scope);
      taskStorage.enterWith(scope);
    }
  }

  /** enter + runInTask + exit, with the state taken from how `fn` ended. */
  async runTask<T>(kind: 'describe' | 'test', names: readonly string[], fn: () => T | Promise<T>): Promise<T> {
    const scope = this.enter(kind, names);
    let result: T;
    try {
      result = await this.runInTask(scope, fn);
    } catch (error) {
      await this.close(scope, 'failed', error);
      throw error;
    }
    await this.close(scope, 'passed', undefined);
    return result;
  }

  innermostOpen(): TaskScope | undefined {
    return this.openScopes[this.openScopes.length - 1];
  }

  /** Ends the file (and anything still open in it) and returns its record. */
  async finish(state: FinalState = 'passed', error?: unknown): Promise<FileRecord> {
    if (this.fileScope.open) await this.close(this.fileScope, state, error);
    return this.toFileRecord();
  }

  /** The record so far; `incomplete` while the file has not finished. */
  toFileRecord(): FileRecord {
    const record: FileRecord = { schemaVersion: 1, file: this.file, capture: this.capture.path, mode: this.mode, tasks: [...this.nodes] };
    if (this.fileScope.open) record.incomplete = true;
    return record;
  }

  private newNode(kind: TaskKind, name: string, path: string[], parent: TaskScope | null, hook?: HookName): TaskNode {
    const id = this.ids.claim(this.ids.baseId(kind, path, hook, parent?.node.id));
    const node = emptyTaskNode({ id, kind, name, path, file: this.file, parentId: parent?.node.id ?? null, state: 'running' });
    if (hook) node.hook = hook;
    this.nodes.push(node);
    return node;
  }

  private open(kind: TaskKind, name: string, path: string[], parent: TaskScope, hook?: HookName): TaskScope {
    if (!this.fileScope.open) throw new MemscopeError('ERR_MEMSCOPE_USAGE', `enter() after finish() in ${this.file}`);
    const node = this.newNode(kind, name, path, parent, hook);
    // Tasks open at once that do not contain each other share the heap: their figures mix.
    for (const other of this.openScopes) {
      if (!parent.isWithin(other)) markOverlap(other.node, node);
    }
    // A test's retained figure starts from the settled heap the task before it
    // left; a task inside a test settles at its own start.
    // A verdict needs the sampling profiler, and a heap no attribution marker grows.
    if (kind === 'verdict') this.attribution.pauseForVerdict(parent);
    const settledAtStart = this.mode === 'settled' && (kind === 'task' || kind === 'verdict') ? this.settle() : this.lastSettled;
    const scope = new TaskScope(node, parent, takeReading(this.capture, this.forced, this.fullTaskReadings), this.capture);
    scope.settledAtStart = settledAtStart;
    this.noteHandlesAtStart(scope);
    if (kind === 'task' || kind === 'verdict') scope.owner().innerTasks.push(node);
    this.openScopes.push(scope);
    return scope;
  }

  /** The open describe (or test, for *Each hooks) with these names; else the nearest open ancestor. */
  private findOwner(names: readonly string[], testsToo: boolean): TaskScope {
    let best: TaskScope = this.fileScope;
    for (let i = this.openScopes.length - 1; i >= 0; i--) {
      const scope = this.openScopes[i]!;
      const kind = scope.node.kind;
      if (kind !== 'describe' && (kind !== 'test' || !testsToo)) continue;
      if (sameNames(scope.node.path, names)) return scope;
      if (isPrefix(scope.node.path, names) && scope.node.path.length > best.node.path.length) best = scope;
    }
    return best;
  }

  private async close(scope: TaskScope, state: FinalState, error: unknown): Promise<TaskNode> {
    if (!scope.open) {
      throw new MemscopeError('ERR_MEMSCOPE_USAGE', `exit() of '${scope.node.id}', which has already ended`);
    }
    const end = takeReading(this.capture, this.forced, this.fullTaskReadings || scope === this.fileScope);
    const mayHaveLeftHandlesOpen = this.handlesCountedAtEnd(scope);
    scope.open = false;
    const at = this.openScopes.lastIndexOf(scope);
    this.openScopes.splice(at, 1);
    // Scopes opened after this one and nested in it were not ended: end them now, innermost first.
    const nested = this.openScopes.slice(at).filter((other) => other.isWithin(scope));
    for (const inner of nested.reverse()) {
      await this.close(inner, 'failed', new Error(`'${inner.node.name}' was still open when '${scope.node.name}' ended`));
    }
    const node = scope.node;
    endTaskNode(node, state, error === undefined ? undefined : formatError(error));
    node.figures = figuresBetween(scope.start, end, scope.peakSeen);
    scope.subtractExcluded(node.figures);
    // Ends its attribution at once: later work (closing handles, a settling GC) is not the task's.
    const own = this.attribution.isAttributed(scope) ? this.attribution.finish(scope) : null;
    // A verdict's heap snapshots are memscope's peak, not the test's.
    if (scope.parent && node.kind !== 'verdict') scope.parent.peakSeen = Math.max(scope.parent.peakSeen, node.figures.peak!.value);
    if (node.kind === 'verdict') {
      scope.excludeFromAncestors(node.figures);
      this.attribution.verdictEnded();
    }
    if (mayBeClosing(scope.handles)) await letClosesFinish();
    const leftHandlesOpen = mayHaveLeftHandlesOpen ? await handlesLeftOpenSince(scope.handlesOpenAtStart!) : 0;
    if (leftHandlesOpen > 0) this.trackHandles();
    node.handles = handlesLeftOpen(scope.handles, this.ignoreHandleFrames);
    if (scope.handlesTracked) {
      node.figures.handlesOpened = { value: scope.handlesOpened, source: 'measured' };
      node.figures.handlesLeftOpen = { value: node.handles.length, source: 'measured' };
    } else {
      // Counted at its boundaries: how many more ref'd handles are open than at its start, not which.
      node.figures.handlesLeftOpen = { value: leftHandlesOpen, source: leftHandlesOpen > 0 ? 'sampled' : 'measured' };
    }
    if (scope.handles.length > 0) scope.handles.length = 0;
    if (this.mode === 'settled' && SETTLED_KINDS.has(node.kind)) {
      const after = this.settle();
      const baseline = node.kind === 'file' ? scope.start.heapUsed : scope.settledAtStart;
      node.figures.retained = { value: after - baseline, source: 'measured' };
    }
    labelSharedFigures(node);
    // What attribution charged to this task alone replaces the mixed readings (attribution.ts).
    if (own) Object.assign(node.figures, await own);
    if (scope.tracked.length > 0) {
      const before = this.capture.gcTotals();
      const { checkTrackedEntries } = await loadTrackCheck();
      node.tracked = await checkTrackedEntries(scope.tracked, this.capture);
      addForced(this.forced, before, this.capture.gcTotals());
      forgetCollected(scope.tracked);
    }
    if (scope === this.fileScope) {
      // Tests that ended just before the file get their attributed figures first.
      await this.attribution.idle();
      this.dispose();
    }
    return node;
  }

  /** A forced GC kept out of every task's GC figures; returns heap used after it. */
  private settle(): number {
    const before = this.capture.gcTotals();
    asMemscope(() => this.capture.gc(this.settleGc));
    addForced(this.forced, before, this.capture.gcTotals());
    this.lastSettled = this.capture.quickHeap().heapUsed;
    return this.lastSettled;
  }

  /** Turns the handle hook on for this recorder (once); tasks that start from now on are followed. */
  private trackHandles(): void {
    this.releaseHandles ??= retainHandleTracking();
  }

  /**
   * Turns the handle hook on as `scope` starts running under
   * AsyncLocalStorage: the storage's own hook already makes Node run JS per
   * promise, so following handles costs little more. A scope that has just
   * been entered has run nothing yet: it is followed whole.
   */
  private trackHandlesFrom(scope: TaskScope): void {
    if (this.releaseHandles) return;
    this.trackHandles();
    if (scope.open && scope.handlesOpenAtStart !== null) {
      scope.handlesTracked = true;
      scope.handlesOpenAtStart = null;
    }
  }

  /** Without the hook, a task's handles are only counted at its boundaries. */
  private noteHandlesAtStart(scope: TaskScope): void {
    if (this.releaseHandles) return;
    scope.handlesOpenAtStart = openHandleCount();
    // A verdict's figures stay as when followed: handles are never followed while it measures.
    if (scope.node.kind !== 'verdict') scope.handlesTracked = false;
  }

  /**
   * At a task's end, with the hook off: whether it may have left handles
   * open. What a verdict's calls left open is the verdict's to judge, not
   * the test's (as when handles are followed), so it is taken out of the
   * counts its ancestors started from.
   */
  private handlesCountedAtEnd(scope: TaskScope): boolean {
    if (scope.handlesOpenAtStart === null) return false;
    const opened = openHandleCount() - scope.handlesOpenAtStart;
    if (scope.node.kind !== 'verdict') return opened > 0;
    for (let outer = scope.parent; outer && opened > 0; outer = outer.parent) {
      if (outer.handlesOpenAtStart !== null) outer.handlesOpenAtStart += opened;
    }
    return false;
  }

  private dispose(): void {
    this.releaseHandles?.();
    this.releaseHandles = null;
    if (isActiveScopeSource(this)) setActiveScopeSource(null);
    if (running.recorder === this) running.recorder = null;
  }
}

/**
 * @example
 * const recorder = createFileRecorder({ rootDir, file: 'src/cache.test.ts', capture: getCapture() });
 * const test = recorder.enter('test', ['Cache', 'evicts']);
 * await recorder.runInTask(test, () => runTheTest());
 * const node = await recorder.exit('passed');
 * await writeFileRecord(dir, await recorder.finish());
 */
export function createFileRecorder(options: FileRecorderOptions): FileRecorder {
  return new FileRecorder(options);
}
