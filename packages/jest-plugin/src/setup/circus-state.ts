/**
 * A read-only look at jest-circus's state for the test that is running.
 *
 * Jest tells a setup file the running test only as one string
 * (`expect.getState().currentTestName`, describe and test names joined by
 * spaces), which cannot be split back into names. jest-circus keeps its
 * state on the test environment's global under a symbol described
 * `JEST_STATE_SYMBOL` (Jest 29 and 30: its adapter is loaded inside the
 * environment), holding the running test with its describe chain and the
 * errors it has had so far. We only read it; when it is not there (another
 * test runner), the joined name stands in for the names.
 */

interface CircusBlock {
  name: unknown;
  parent?: CircusBlock;
}

export interface CircusTest extends CircusBlock {
  errors?: unknown[];
  concurrent?: boolean;
  fn?: (...args: unknown[]) => unknown;
}

interface CircusDescribeBlock extends CircusBlock {
  children?: ({ type?: unknown } & CircusTest & CircusDescribeBlock)[];
}

interface CircusState {
  currentlyRunningTest?: CircusTest | null;
  rootDescribeBlock?: CircusDescribeBlock;
}

const ROOT_BLOCK = 'ROOT_DESCRIBE_BLOCK';

/** The state's key per global: listing a global's symbols twice per test showed in profiles. */
const stateKeys = new WeakMap<object, symbol>();

function findState(scope: object): CircusState | null {
  let symbol = stateKeys.get(scope);
  if (symbol === undefined) {
    symbol = Object.getOwnPropertySymbols(scope).find((s) => s.description === 'JEST_STATE_SYMBOL');
    if (symbol !== undefined) stateKeys.set(scope, symbol);
  }
  const state = symbol === undefined ? undefined : (scope as Record<symbol, unknown>)[symbol];
  return typeof state === 'object' && state !== null ? (state as CircusState) : null;
}

/** Jest accepts functions and classes as names (`describe(MyClass, …)`) and shows their `name`. */
function nameOf(value: unknown): string {
  if (typeof value === 'function') return value.name;
  return String(value);
}

export interface RunningTest {
  /** From the outermost describe down to the test. */
  names: string[];
  /** Whether the test has failed so far (its function or an earlier hook threw). */
  failed: boolean;
  /** The first error, for the report. */
  error: unknown;
}

export function runningTest(scope: object, currentTestName: string | undefined): RunningTest | null {
  const test = findState(scope)?.currentlyRunningTest;
  if (!test) return currentTestName ? { names: [currentTestName], failed: false, error: undefined } : null;
  return describeCircusTest(test);
}

/** Every `test.concurrent` test of the file, skipped or not (the file's tests are all declared once its beforeAll hooks run). */
export function concurrentCircusTests(scope: object): CircusTest[] {
  const found: CircusTest[] = [];
  const visit = (block: CircusDescribeBlock): void => {
    for (const child of block.children ?? []) {
      if (child.type === 'describeBlock') visit(child);
      else if (child.type === 'test' && child.concurrent === true) found.push(child);
    }
  };
  const root = findState(scope)?.rootDescribeBlock;
  if (root) visit(root);
  return found;
}

/** Names and outcome so far of one of jest-circus's tests (the running one, or one an event is about). */
export function describeCircusTest(test: CircusTest): RunningTest {
  const names: string[] = [];
  for (let block: CircusBlock | undefined = test; block && !(block.parent === undefined && block.name === ROOT_BLOCK); block = block.parent) {
    names.unshift(nameOf(block.name));
  }
  const errors = test.errors ?? [];
  // circus stores a failure as [error, asyncError] or as the error alone.
  const first = errors[0];
  return { names, failed: errors.length > 0, error: Array.isArray(first) ? first[0] : first };
}
