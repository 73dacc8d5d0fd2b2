import type { TraceStep } from '../verdict/types.js';
import { runningRecorder } from './recorder.js';
import { currentScope } from './storage.js';
import { withThousands } from '../report/format.js';

/**
 * The calls a verdict makes (toLeak, checkLeak, toAllocateAtMost,
 * toRetainAtMost) recorded as a child task of the running test, named
 * `toLeak verdict: 41,000 calls`. Its allocated and GC figures leave the
 * test's (see TaskScope.excludeFromAncestors): the test's own figures show
 * what the test did, and "most allocated" does not list every test that
 * asserted no leak. Outside a recorded test, `work` just runs.
 *
 * @param matcher the verdict's name: the task's id is `test id > (toLeak verdict)`.
 * @param callsOf how many times the result says the function was called.
 * @param traceOf the decisions a leak verdict took (`stats.trace`), kept on the task for the reports.
 */
export async function asVerdictTask<T>(
  matcher: string,
  work: () => Promise<T>,
  callsOf: (result: T) => number | undefined,
  traceOf?: (result: T) => TraceStep[] | undefined,
): Promise<T> {
  const recorder = runningRecorder();
  const parent = currentScope();
  if (!recorder || !parent?.open || parent.node.kind === 'file' || parent.node.kind === 'describe') return work();
  const base = `${matcher} verdict`;
  const scope = recorder.enterChild('verdict', base, parent, `(${base})`);
  let result: T;
  try {
    // Not through runInTask: AsyncLocalStorage would add its own cost to
    // every promise the calls make, which toAllocateAtMost would measure.
    // The verdict is the innermost open task while it runs.
    result = await work();
  } catch (error) {
    if (scope.open) await recorder.exit('failed', error, scope);
    throw error;
  }
  const calls = callsOf(result);
  if (calls !== undefined) scope.node.name = `${base}: ${withThousands(calls)} calls`;
  const trace = traceOf?.(result);
  if (trace?.length) scope.node.trace = trace;
  if (scope.open) await recorder.exit('passed', undefined, scope);
  return result;
}
