import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';

export interface ProcessResult {
  /** Exit code, or null when the process was ended by a signal. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Raw output, colour codes included. */
  rawStdout: string;
  rawStderr: string;
  /** Output without ANSI escapes, for assertions. */
  stdout: string;
  stderr: string;
  /** stdout and stderr, stripped, in one string. */
  output: string;
  durationMs: number;
}

export interface RunProcessOptions {
  cwd: string;
  /** Added to (and overriding) the cleaned environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Kills the process (SIGKILL) after this many milliseconds. Default 120 000. */
  timeoutMs?: number;
}

/**
 * Variables of the test runner running this harness that would change the
 * child's behaviour: a Vitest worker's markers, Node options it set, and
 * colour forcing (the child decides colour for itself, off unless asked).
 * MEMSCOPE_CAPTURE is the exception among memscope's own: a suite run with
 * MEMSCOPE_CAPTURE=js (the CI matrix) runs its fixtures on that path too.
 */
const INHERITED_NOISE = /^(VITEST|VITEST_.*|TEST|JEST_WORKER_ID|NODE_OPTIONS|FORCE_COLOR|NO_COLOR|MEMSCOPE_(?!CAPTURE$).*|CI|GITHUB_ACTIONS)$/;

export function cleanEnvironment(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!INHERITED_NOISE.test(key)) env[key] = value;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/**
 * Runs `node <args>` to completion and collects its output. Never rejects
 * on a non-zero exit: the exit code is part of what tests assert.
 */
export function runNode(args: readonly string[], options: RunProcessOptions): Promise<ProcessResult> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: cleanEnvironment(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let rawStdout = '';
    let rawStderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (rawStdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (rawStderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      const stdout = stripVTControlCharacters(rawStdout);
      const stderr = stripVTControlCharacters(rawStderr);
      resolvePromise({
        exitCode,
        signal,
        rawStdout,
        rawStderr,
        stdout,
        stderr,
        output: `${stdout}\n${stderr}`,
        durationMs: performance.now() - started,
      });
    });
  });
}
