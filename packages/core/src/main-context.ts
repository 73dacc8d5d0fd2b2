import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Per-process state that outlives one Jest test file.
 *
 * Jest runs every test file in its own vm context with its own module
 * registry. An object created by code of such a file (an object literal, a
 * closure, a promise) belongs to that file's context and keeps the whole
 * context alive: stored on the process for later files, it is exactly what
 * `--detectLeaks` reports as a leaking environment. So what is stored for
 * the process is created in the main context, and holds nothing of a test
 * file's once that file has ended.
 */

let cachedMainGlobal: Record<symbol, unknown> | null = null;

/** The main context's global, from any context (runInThisContext always evaluates there). */
export function mainContextGlobal(): Record<symbol, unknown> {
  cachedMainGlobal ??= vm.runInThisContext('globalThis') as Record<symbol, unknown>;
  return cachedMainGlobal;
}

/** Whether this copy of core runs inside a vm context (a Jest test file), not the main one. */
export function runsInVmContext(): boolean {
  return mainContextGlobal() !== (globalThis as unknown);
}

/**
 * The value under `key` on the main global, created by `create` on first
 * use. `fields` are copied onto a plain object made in the main context, so
 * the holder itself never ties the process to the first test file's context.
 */
export function processSingleton<T extends object>(key: symbol, fields: () => T): T {
  const global = mainContextGlobal();
  let value = global[key] as T | undefined;
  if (!value) {
    value = Object.assign(vm.runInThisContext('({})') as T, fields());
    global[key] = value;
  }
  return value;
}

type ModuleBuiltin = typeof import('node:module');
type MainProcess = NodeJS.Process & {
  getBuiltinModule?: (id: 'node:module') => ModuleBuiltin;
  mainModule?: { require(id: string): unknown };
};

/**
 * Node's own `require` for `filename`, bypassing any module registry around
 * the caller: inside a test file Jest hands out its own `node:module`, whose
 * createRequire loads through Jest again. The main context's `process` is
 * Node's real one. Null when neither way is available.
 */
export function nodeRequire(filename: string): NodeJS.Require | null {
  const mainProcess = vm.runInThisContext('process') as MainProcess;
  const moduleBuiltin =
    mainProcess.getBuiltinModule?.('node:module') ?? (mainProcess.mainModule?.require('node:module') as ModuleBuiltin | undefined);
  return moduleBuiltin ? moduleBuiltin.createRequire(filename) : null;
}

/**
 * Loading a module only when it is first needed.
 *
 * A test file loads memscope's per-test path once per file (Jest gives every
 * file its own module registry), so the verdict, analyzers, snapshot parser
 * and report code wait until a matcher or a report asks for them. The build
 * is CommonJS: there `require` is synchronous and goes through the runner's
 * registry like any other require (a dynamic `import()`, which TypeScript
 * keeps as is for Node16 CommonJS output, would need Jest's
 * --experimental-vm-modules). The TypeScript sources, which Vitest runs in
 * this repository's own tests, have no `.js` files beside them to require:
 * there the same module is imported.
 */
export const runsFromBuild = typeof __filename === 'string' && __filename.endsWith('.js');

/**
 * Lets a test file's context die with the first full GC after its end.
 *
 * V8 keeps the maps (hidden classes) its optimized code used alive for two
 * more full collections after nothing else needs them ("retained maps", so
 * that a map recreated soon keeps its transitions). A map links to its
 * constructor and so to its whole context: a test file whose function ran
 * hot (every `toLeak` runs one thousands of times) outlives its end by a GC,
 * and Jest's `--detectLeaks`, which checks after exactly one, reports the
 * environment as leaking. Measured with a plain Jest 29 test file that calls
 * an arrow function 300 000 times: 1 GC kept the environment alive, 2 freed
 * it; with this flag 1 frees it. It only changes how long unused maps live.
 */
export function releaseDeadContextsPromptly(): void {
  if (!runsInVmContext()) return;
  const state = processSingleton(Symbol.for('memscope.retained-maps'), () => ({ off: false }));
  if (state.off) return;
  state.off = true;
  v8.setFlagsFromString('--retain-maps-for-n-gc=0');
}

type Finisher = () => void;

/** `%FinalizeOptimization()` compiled once per process in the main context; null where V8 lacks it. */
function optimizationFinisher(): Finisher | null {
  const state = processSingleton(Symbol.for('memscope.optimization-finisher'), () => ({ tried: false, finish: null as Finisher | null }));
  if (state.tried) return state.finish;
  state.tried = true;
  try {
    state.finish = withNativesSyntax(() => vm.runInThisContext('(function finishOptimizationJobs() { %FinalizeOptimization(); })') as Finisher);
  } catch {
    state.finish = null;
  }
  return state.finish;
}

/** Runs `work` with V8's natives syntax on, and leaves it as the user set it. */
function withNativesSyntax<T>(work: () => T): T {
  const userAllowsNatives = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].includes('--allow-natives-syntax');
  v8.setFlagsFromString('--allow-natives-syntax');
  try {
    return work();
  } finally {
    if (!userAllowsNatives) v8.setFlagsFromString('--no-allow-natives-syntax');
  }
}

/**
 * Lets an ended test file's context die with the first full GC: waits for
 * V8's background (TurboFan) compile jobs in flight and installs their code.
 *
 * A function that turns hot is optimized on a background thread; until its
 * job is done and installed on the main thread, the job holds the function
 * (and the functions it inlines) as a strong root, so their context and the
 * whole test environment survive any GC. A job started near the end of a
 * test file (code of jest-circus, memscope or the file itself, all in the
 * file's context) can still be compiling when Jest's `--detectLeaks` runs
 * its one GC if the compiler thread waits for a busy core: about once in
 * ten loaded runs of the flavours suite, freed two or three GCs later.
 * Measured with V8's `--concurrent-recompilation-delay=300` (each job takes
 * 300 ms more): Jest 29 reported plain.spec.js leaking 5 of 5 times, freed
 * after 4 to 5 GCs; with this at the file's end 0 of 5 (0 of 3 at 1000 ms).
 * `%FinalizeOptimization` is V8's own test hook for exactly this wait; the
 * natives syntax is on only while this one function is compiled. Where V8
 * lacks it, this does nothing. Costs the wait for jobs in flight, usually none.
 */
export function finishBackgroundOptimization(): void {
  const finish = optimizationFinisher();
  // Called too: V8 may have flushed the idle function's bytecode (after
  // many full GCs, as the pure-JS capture's profile reads run), and
  // compiling it again needs the natives syntax ("Unexpected token '%'").
  if (finish) withNativesSyntax(finish);
}
