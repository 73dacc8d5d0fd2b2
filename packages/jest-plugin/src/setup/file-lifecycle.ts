import { createFileRecorder, getCapture, writeFileRecordSync, type FileRecorder, type RunSettings, type TaskScope } from '@memscope/core/worker';
import type { RunningTest } from './circus-state.js';

type TestFn = (...args: unknown[]) => unknown;

/** The part of a circus test object a concurrent test's wrapping touches. */
export interface ConcurrentCircusTest {
  fn?: TestFn;
}

/** A function circus calls as is (a generator function it drives itself). */
function isPlainFunction(fn: unknown): fn is TestFn {
  return typeof fn === 'function' && fn.constructor.name !== 'GeneratorFunction';
}

/**
 * Handles opened by Jest itself while a test runs (its timeout timer, the
 * console buffer) are not the test's.
 */
const JEST_FRAMES = [/[\\/]node_modules[\\/](?:@jest[\\/]|jest-[a-z-]+[\\/]|expect[\\/]|jest[\\/])/];

/**
 * Maps one test file's Jest lifecycle onto a file recorder: describes and
 * tests entered and exited around each test (jest-circus's test_started and
 * test_done events on Jest 30, the setup file's beforeEach and afterEach
 * hooks on Jest 29), the file finished and its record written at its end
 * (circus's run_finish event, or an afterAll hook).
 * The figures of a test therefore include its beforeEach and afterEach hooks.
 */
export class JestFileLifecycle {
  private readonly recorder: FileRecorder;
  private readonly describes: { name: string; scope: TaskScope }[] = [];
  private test: TaskScope | null = null;
  /** Open `test.concurrent` tests, by circus test object. */
  private readonly concurrent = new Map<object, TaskScope>();
  /** Concurrent tests' functions as circus had them, and the wrappers put in their place. */
  private readonly wrapped = new Map<object, { original: TestFn; wrapper: TestFn }>();

  constructor(private readonly run: { dir: string; settings: RunSettings }, testPath: string) {
    this.recorder = createFileRecorder({
      rootDir: run.settings.rootDir,
      file: testPath,
      capture: getCapture(),
      mode: run.settings.mode,
      ignoreHandleFrames: JEST_FRAMES,
      // Handles followed from the file's start in both modes (core's HandleTracking): jest-circus runs
      // every test inside an AsyncLocalStorage (Jest 29 and 30), so Node's promise hooks are on anyway.
      handleTracking: 'always',
    });
  }

  async beginTest(test: RunningTest): Promise<void> {
    if (this.test) await this.endTest({ ...test, failed: true, error: new Error('the previous test did not end') });
    await this.enterDescribes(test.names.slice(0, -1));
    this.test = this.recorder.enter('test', test.names);
  }

  async endTest(test: RunningTest | null, extraFailure?: string): Promise<void> {
    const scope = this.test;
    if (!scope) return;
    this.test = null;
    const failed = extraFailure !== undefined || test?.failed === true;
    await this.recorder.exit(failed ? 'failed' : 'passed', extraFailure ?? test?.error, scope);
  }

  /**
   * A `test.concurrent` test on Jest 30, at its test_started event:
   * jest-circus runs several at once, so its figures come from attribution
   * (core's tasks/attribution.ts), which needs its function to run in its
   * scope. The function is wrapped until the test ends (circus reads
   * `test.fn` when it calls it, after test_started). A generator function is
   * left as it is (circus treats those apart) and keeps its boundary figures.
   */
  beginConcurrentTest(circusTest: ConcurrentCircusTest, test: RunningTest): void {
    const scope = this.openConcurrentTest(circusTest, test);
    const original = circusTest.fn;
    if (!isPlainFunction(original)) return;
    this.recorder.attributeConcurrently(scope);
    const recorder = this.recorder;
    this.wrap(circusTest, original, function (this: unknown, ...args: unknown[]): unknown {
      return recorder.runInTask(scope, () => original.apply(this, args));
    });
  }

  /**
   * A `test.concurrent` test on Jest 29, before the file's tests start:
   * jest-circus 29 calls every concurrent test's function when the root
   * block's tests start (after its beforeAll hooks, through a p-limit of
   * `maxConcurrency`), outside test_start and test_done, and runs no
   * beforeEach or afterEach hook for them. The function is wrapped so that
   * its call opens the test and runs it in the test's scope, and the test
   * ends when the function's promise settles, before circus sees the
   * outcome (the reporter takes each test's state from Jest's results). A
   * test whose function is never called (skipped, filtered out) opens
   * nothing.
   */
  openConcurrentTestOnCall(circusTest: ConcurrentCircusTest, describe: () => RunningTest): void {
    const original = circusTest.fn;
    if (!isPlainFunction(original) || this.wrapped.has(circusTest)) return;
    const lifecycle = this;
    this.wrap(circusTest, original, function (this: unknown, ...args: unknown[]): unknown {
      if (lifecycle.concurrent.has(circusTest)) return original.apply(this, args);
      const scope = lifecycle.openConcurrentTest(circusTest, describe());
      lifecycle.recorder.attributeConcurrently(scope);
      const end = (failed: boolean, error?: unknown) => lifecycle.endConcurrentTest(circusTest, { ...describe(), failed, error });
      let result: unknown;
      try {
        result = lifecycle.recorder.runInTask(scope, () => original.apply(this, args));
      } catch (error) {
        return end(true, error).then(() => Promise.reject(error));
      }
      return Promise.resolve(result).then(
        (value) => end(false).then(() => value),
        (error: unknown) => end(true, error).then(() => Promise.reject(error)),
      );
    });
  }

  async endConcurrentTest(circusTest: ConcurrentCircusTest, test: RunningTest): Promise<void> {
    const scope = this.concurrent.get(circusTest);
    if (!scope) return;
    this.concurrent.delete(circusTest);
    const wrapping = this.wrapped.get(circusTest);
    // Jest 29 has replaced the function with the promise's getter meanwhile: that one stays.
    if (wrapping && circusTest.fn === wrapping.wrapper) circusTest.fn = wrapping.original;
    this.wrapped.delete(circusTest);
    await this.recorder.exit(test.failed ? 'failed' : 'passed', test.error, scope);
  }

  private openConcurrentTest(circusTest: ConcurrentCircusTest, test: RunningTest): TaskScope {
    const scope = this.recorder.enter('test', test.names);
    this.concurrent.set(circusTest, scope);
    return scope;
  }

  private wrap(circusTest: ConcurrentCircusTest, original: TestFn, wrapper: TestFn): void {
    // circus tells a `done` callback test by the function's length.
    Object.defineProperty(wrapper, 'length', { value: original.length });
    circusTest.fn = wrapper;
    this.wrapped.set(circusTest, { original, wrapper });
  }

  /** Ends the file and writes its record where the reporter reads it. */
  async finishFile(): Promise<void> {
    await this.endTest(null);
    await this.enterDescribes([]);
    // Written in place: Jest starts the next file only once this has settled.
    writeFileRecordSync(this.run.dir, await this.recorder.finish());
  }

  /** Leaves describes the next test is not in, enters the ones it is in. */
  private async enterDescribes(names: readonly string[]): Promise<void> {
    let common = 0;
    while (common < this.describes.length && common < names.length && this.describes[common]!.name === names[common]) common++;
    while (this.describes.length > common) {
      const { scope } = this.describes.pop()!;
      await this.recorder.exit('passed', undefined, scope);
    }
    for (let depth = common; depth < names.length; depth++) {
      this.describes.push({ name: names[depth]!, scope: this.recorder.enter('describe', names.slice(0, depth + 1)) });
    }
  }
}
