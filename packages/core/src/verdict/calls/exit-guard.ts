import { describeThrown } from './thrown.js';

/**
 * While the function under test runs, `process.exit` does not end the
 * process: it throws, and the call runner turns the call into a failure
 * ("the function called process.exit(2) on call 7"). Without this, a
 * function that exits would end the test worker mid-verdict and the runner
 * would lose the whole file.
 */

type Exit = (code?: unknown) => never;
interface ProcessLike { exit: Exit }

/** Thrown by the stand-in `process.exit`; recognised by the call runner. */
export class ProcessExitIntercepted extends Error {
  constructor(readonly exitArguments: string) {
    super(`process.exit(${exitArguments}) was called while memscope was measuring; the process was not ended`);
    this.name = 'ProcessExitIntercepted';
  }
}

let depth = 0;
/** The runner's own process.exit, while ours stands in for it. */
let original: Exit | null = null;
/** Set when the function called process.exit, even if it caught our throw. */
let pending: string | null = null;

/**
 * The process object the function under test sees: in a Jest test file,
 * the sandbox's copy (this module is loaded into the same sandbox). The
 * main context's process is left alone, so that the runner's own exit (a
 * worker told to end while an abandoned verdict still waits) still works.
 */
const target = process as unknown as ProcessLike;

/** Replaces process.exit until the matching `releaseExit()`; nested calls share one installation. */
export function interceptExit(): void {
  if (depth++ > 0) return;
  pending = null;
  original = target.exit;
  target.exit = function memscopeInterceptedExit(...args: unknown[]): never {
    const shown = args.map(describeThrown).join(', ');
    pending ??= shown;
    throw new ProcessExitIntercepted(shown);
  } as Exit;
}

export function releaseExit(): void {
  if (depth === 0 || --depth > 0) return;
  if (original) target.exit = original;
  original = null;
  pending = null;
}

/** The arguments of a process.exit the function called since the last take, e.g. `2`; null when none. */
export function takeExitRequest(): string | null {
  const request = pending;
  pending = null;
  return request;
}
