import {
  createFileRecorder, createMatchersOnDemand, getCapture, MATCHER_NAMES,
  type FileRecorder, type FinalState, type HandleTracking, type MeasureMode, type TaskNode, type TaskScope,
} from '@memscope/core/worker';
import { guardAsyncMatchers } from './await-guard.js';
import { META_KEY, sentTask, type FileMeta, type TestMeta } from './meta.js';
import type { RunnerTest, RunningVitest } from './runtime.js';

import { SETTINGS_KEY, type WorkerSettings } from './settings.js';

export { SETTINGS_KEY, type WorkerSettings };

interface WorkerState {
  /** One recorder per test file; a worker without isolation runs several files. */
  recorders: Map<string, FileRecorder>;
  scopes: WeakMap<RunnerTest, TaskScope>;
  matchersInstalled: boolean;
  /** Test files whose hooks are registered (one registration per file). */
  hookedFiles: Set<string>;
}

// Per Vitest instance: a worker that runs files without isolation keeps one
// state, and each isolated file gets a fresh expect and a fresh state.
const STATE = Symbol.for('memscope.vitest.worker');

function stateOf(vitest: RunningVitest): WorkerState {
  const holder = vitest.expect as unknown as Record<symbol, WorkerState | undefined>;
  let state = holder[STATE];
  if (!state) {
    state = { recorders: new Map(), scopes: new WeakMap(), matchersInstalled: false, hookedFiles: new Set() };
    Object.defineProperty(holder, STATE, { value: state, enumerable: false });
  }
  return state;
}

/** Names from the outermost describe down to the test (the file task, which has a `filepath`, ends the walk). */
export function namesOf(test: RunnerTest): string[] {
  const names = [test.name];
  for (let suite = test.suite; suite && !('filepath' in suite); suite = suite.suite) names.unshift(suite.name);
  return names;
}

/**
 * Vitest's own timers (each hook's and test's timeout, the batched task
 * updates) open and close around every test; they are not the test's.
 */
const RUNNER_FRAMES = [/[\\/]node_modules[\\/](?:@vitest[\\/]|vitest[\\/]|vite-node[\\/]|tinypool[\\/])/];
const NODE_FRAME = /\(node:|^at node:|\(internal\/|<anonymous>/;

/**
 * The recorder skips a handle when its first user frame is the runner's; a
 * handle created with no user frame at all (only Node's and the runner's,
 * like the timeout timer around this plugin's own afterEach) is not the
 * test's either.
 */
function withoutRunnerHandles(node: TaskNode): TaskNode {
  const handles = node.handles.filter((handle) => handle.stack.some((frame) => !NODE_FRAME.test(frame) && !RUNNER_FRAMES.some((p) => p.test(frame))));
  if (handles.length === node.handles.length) return node;
  return { ...node, handles, figures: { ...node.figures, handlesLeftOpen: { value: handles.length, source: 'measured' } } };
}

function settingsOf(vitest: RunningVitest): WorkerSettings {
  const provided = vitest.inject?.(SETTINGS_KEY) as Partial<WorkerSettings> | undefined;
  return { mode: provided?.mode === 'settled' ? 'settled' : 'sampled' };
}

interface WorkerGlobal {
  __vitest_worker__?: { config?: { root?: string }; filepath?: string };
}

function rootDir(): string {
  return (globalThis as WorkerGlobal).__vitest_worker__?.config?.root ?? process.cwd();
}

/** The test file Vitest is collecting now. */
function collectingFile(): string {
  return (globalThis as WorkerGlobal).__vitest_worker__?.filepath ?? '';
}

/**
 * Sampled mode follows handles only once a test has left one open (core's
 * HandleTracking): a file whose tests close what they open then runs with no
 * async hook, whose promise hooks cost every test of the file on Node 20.
 * Settled mode, whose forced GC per test dwarfs that, follows them always.
 */
export function handleTrackingFor(mode: MeasureMode): HandleTracking {
  return mode === 'sampled' ? 'once-left-open' : 'always';
}

function recorderFor(vitest: RunningVitest, state: WorkerState, test: RunnerTest): FileRecorder | null {
  const file = test.file;
  if (!file) return null;
  let recorder = state.recorders.get(file.filepath);
  if (!recorder) {
    const { mode } = settingsOf(vitest);
    recorder = createFileRecorder({
      rootDir: rootDir(), file: file.filepath, capture: getCapture(), mode, ignoreHandleFrames: RUNNER_FRAMES, handleTracking: handleTrackingFor(mode),
    });
    state.recorders.set(file.filepath, recorder);
    const fileMeta: FileMeta = { capture: recorder.capture.path, mode };
    file.meta[META_KEY] = fileMeta;
  }
  return recorder;
}

/**
 * A test Vitest runs concurrently gets figures of its own (core's
 * tasks/attribution.ts), which needs its code to run in its scope. Vitest
 * calls this file-level hook synchronously inside the test's own async
 * chain (callSuiteHook and its concurrency limiter call hooks without an
 * await while a slot is free), and that chain then calls the test function:
 * entering the scope here carries it into the test. When the limiter queues
 * the hook instead, the test's code never runs in the scope and the test
 * keeps its boundary figures.
 */
function attributeConcurrentTest(recorder: FileRecorder, scope: TaskScope): void {
  recorder.attributeConcurrently(scope);
  recorder.continueInTask(scope);
}

function finalState(test: RunnerTest): FinalState {
  const state = test.result?.state;
  if (state === 'fail') return 'failed';
  if (state === 'skip') return 'skipped';
  if (state === 'todo') return 'todo';
  return 'passed';
}

/**
 * A hook's timeout, in milliseconds, that Vitest takes as none: it then runs
 * the hook without its timeout wrapper (a timer and a promise per hook and
 * test, two per test for these hooks, each timer's creation stack read by
 * the handle tracking). What these hooks await ends on its own: two
 * immediates for closing handles, a check of tracked objects.
 */
const WITHOUT_TIMEOUT = 0;

const CODE_CACHE_WRITERS = Symbol.for('memscope.packed-code-cache');

/**
 * A packed entry loaded without a usable V8 code cache (another Node, other
 * V8 options) offers to write one (scripts/packed-entry/runtime.js); after a
 * test has run, the cache holds the code of everything a test file runs, and
 * the next test file of the run starts from it.
 */
function writePackedCodeCache(): void {
  const writers = (globalThis as Record<symbol, Array<() => void> | undefined>)[CODE_CACHE_WRITERS];
  if (writers?.length) for (const write of writers.splice(0)) write();
}

function installMatchers(vitest: RunningVitest, state: WorkerState): void {
  if (state.matchersInstalled) return;
  vitest.expect.extend(createMatchersOnDemand());
  guardAsyncMatchers(vitest.chai, MATCHER_NAMES);
  state.matchersInstalled = true;
}

/**
 * Installs memscope into the running Vitest for the file being collected:
 * the matchers once per `expect`, and per-test figures through hooks that
 * open a task before each test and close it after the test's own hooks,
 * putting its node on `task.meta` for the reporter. Calling it again while
 * the same file is collected does nothing.
 */
export function installIntoVitest(vitest: RunningVitest): void {
  const state = stateOf(vitest);
  installMatchers(vitest, state);
  const file = collectingFile();
  if (state.hookedFiles.has(file)) return;
  state.hookedFiles.add(file);
  vitest.beforeEach(({ task }) => {
    const recorder = recorderFor(vitest, state, task);
    if (!recorder) return;
    const scope = recorder.enter('test', namesOf(task));
    state.scopes.set(task, scope);
    if (task.concurrent === true) attributeConcurrentTest(recorder, scope);
  }, WITHOUT_TIMEOUT);
  vitest.afterEach(async ({ task }) => {
    const scope = state.scopes.get(task);
    const recorder = task.file ? state.recorders.get(task.file.filepath) : undefined;
    if (!scope || !recorder || !scope.open) return;
    const node = await recorder.exit(finalState(task), undefined, scope);
    const meta: TestMeta = { task: sentTask(withoutRunnerHandles(node)) };
    if (scope.innerTasks.length > 0) meta.children = scope.innerTasks.map(withoutRunnerHandles);
    task.meta[META_KEY] = meta;
    writePackedCodeCache();
  }, WITHOUT_TIMEOUT);
  vitest.afterAll(async () => {
    for (const [file, recorder] of state.recorders) {
      await recorder.finish();
      state.recorders.delete(file);
    }
  });
}
